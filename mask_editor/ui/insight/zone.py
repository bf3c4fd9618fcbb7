"""The suppression zone overlay: where the CENTRE of a detection of the chosen size must fall for
the current masks to drop it (the devices' rule, IoU > 0.1), shaded over the image.

Recomputed after each edit (debounced: a burst of nudges costs one pass) on a grid about 512
cells wide; exact per cell (core.suppression.suppression_zone), a few milliseconds per hundred
masks, so on the GUI thread. Also answers, for the mask table, why a mask can never drop a
detection of that size (too big, too small, wrong shape).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mask_editor.ui.insight.items import ZONE_COLOUR, mask_image, raster_item
from mask_editor.ui.insight.sizes import DetectionSize
from mask_editor.ui.platform.i18n import decimal

if TYPE_CHECKING:
    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.workspace import Mask

GRID_WIDTH = 512
DEBOUNCE_MS = 150
OVERLAY = "zone"
Z_ABOVE_MASKS = 150  # the canvas draws masks at 100 and their handles at 200


class ZoneOverlay(QObject):
    """Owns the "zone" overlay of the canvas; `changed(text)` tells the panel what is shown."""

    changed = Signal(str)
    warningsChanged = Signal()

    def __init__(self, canvas: CanvasView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.enabled = False
        self.size = DetectionSize(32, 32)
        self.coverage = 0.0  # fraction of the image where a detection's centre is dropped
        self._doc: PoseDocument | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

    def set_document(self, doc: PoseDocument | None) -> None:
        if self._doc is not None:
            self._doc.masksChanged.disconnect(self._on_masks_changed)
        self._doc = doc
        if doc is not None:
            doc.masksChanged.connect(self._on_masks_changed)
        self.refresh()

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self.enabled:
            self.enabled = enabled
            self.refresh()
            self.warningsChanged.emit()

    def set_size(self, size: DetectionSize) -> None:
        if size != self.size:
            self.size = size
            self.refresh()
            self.warningsChanged.emit()

    def _on_masks_changed(self, _changed: object, _removed: object) -> None:
        if self.enabled:
            self._timer.start()

    def image_size(self) -> tuple[int, int] | None:
        return self.canvas.image_size()

    def detection_size(self) -> tuple[float, float] | None:
        """The chosen detection size as fractions of the image, None without an image."""
        size = self.image_size()
        return self.size.relative(*size) if size else None

    def refresh(self) -> None:
        """Recompute and redraw now (the debounce timer calls this)."""
        self._timer.stop()
        size, rel = self.image_size(), self.detection_size()
        if not self.enabled or self._doc is None or size is None or rel is None:
            self.canvas.set_overlay(OVERLAY, None)
            self.changed.emit("")
            return
        from mask_editor.core.suppression import suppression_zone

        width, height = size
        grid_w = min(GRID_WIDTH, width)
        grid_h = max(1, round(grid_w * height / width))
        boxes = [m.box for m in self._doc.masks() if m.box is not None and not m.deleted]
        zone = suppression_zone(boxes, rel[0], rel[1], grid_w, grid_h)
        self.coverage = float(zone.mean())
        item = raster_item(mask_image(zone, ZONE_COLOUR), width, height)
        self.canvas.set_overlay(OVERLAY, item)
        item.setZValue(Z_ABOVE_MASKS)  # over the masks' own fill, or the zone inside a mask is lost
        what = self.size.text(width, height)
        self.changed.emit(self.tr(
            "Shaded: where the centre of a {size} detection must fall for the camera to drop it "
            "({share} % of the image). A detection centred elsewhere is kept, even inside a mask.").format(
                size=what, share=decimal(self.coverage * 100)))

    def warning(self, mask: Mask) -> str | None:
        """For the mask table: why this mask can never drop a detection of the chosen size."""
        size, rel = self.image_size(), self.detection_size()
        if not self.enabled or mask.box is None or mask.deleted or size is None or rel is None:
            return None
        from mask_editor.core.suppression import mask_shortfall

        short = mask_shortfall(mask.box, rel[0], rel[1])
        if short is None:
            return None
        overlap = decimal(short.best, 3)
        what = self.size.text(*size)
        if short.shape == "larger":
            text = self.tr("This mask is %1 times larger than a %2 detection: its best overlap with one is IoU %3, "
                           "and the devices need more than 0.1. Split it into smaller masks (Area tool) or shrink it.")
        elif short.shape == "smaller":
            text = self.tr("This mask is %1 times smaller than a %2 detection: its best overlap with one is IoU %3, "
                           "and the devices need more than 0.1. Enlarge it to about that size.")
        elif short.shape == "wider":
            text = self.tr("This mask is wider and shorter than a %2 detection: its best overlap with one is IoU "
                           "%3, and the devices need more than 0.1. Make it narrower and taller, closer to the "
                           "detection's shape.")
        else:
            text = self.tr("This mask is narrower and taller than a %2 detection: its best overlap with one is IoU "
                           "%3, and the devices need more than 0.1. Make it wider and shorter, closer to the "
                           "detection's shape.")
        return (text.replace("%3", overlap).replace("%2", what)
                .replace("%1", f"{short.ratio:.0f}"))

    def provider(self) -> Callable[[Mask], str | None]:
        return self.warning
