"""The area tool: choose an area (drag a rectangle on the canvas, or take the sky helper's), and
get the fewest masks that drop every detection of the chosen size lying inside it
(core.cover.plan_cover), previewed as dashed boxes; Apply adds them as one undo step.

The drag is read by an event filter on the canvas viewport while the tool is on, so the canvas's
own tools need not know about it. Planning runs off the GUI thread (a raster area takes up to a
second); an answer for an area or size that changed meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent

from mask_editor.core.geometry import Box
from mask_editor.ui.insight.items import AREA_COLOUR, AreaRectItem, ProposalItem, mask_image, raster_item
from mask_editor.ui.platform.tasks import run_task

if TYPE_CHECKING:
    import numpy as np

    from mask_editor.core.cover import AreaCover
    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument

AREA_OVERLAY, PROPOSAL_OVERLAY = "area", "proposal"
MIN_DRAG = 4  # image pixels: a shorter drag is a click


class AreaTool(QObject):
    """`message(text)`: what the panel shows; `proposalChanged(bool)`: whether Apply can act."""

    message = Signal(str)
    proposalChanged = Signal(bool)
    activeChanged = Signal(bool)

    def __init__(self, canvas: CanvasView, detection_size: Callable[[], tuple[float, float] | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self._detection_size = detection_size
        self._doc: PoseDocument | None = None
        self.active = False
        self.area: Box | np.ndarray | None = None  # a Box, or a bool raster over the image
        self.area_name = ""
        self.proposal: AreaCover | None = None
        self._generation = 0
        self._drag_start: QPointF | None = None
        self._drag_item: AreaRectItem | None = None

    # --- state ---------------------------------------------------------------------------------

    def set_document(self, doc: PoseDocument | None) -> None:
        self._doc = doc
        self.clear()

    def set_active(self, active: bool) -> None:
        if active == self.active:
            return
        self.active = active
        viewport = self.canvas.viewport()
        if active:
            viewport.installEventFilter(self)
            viewport.setCursor(Qt.CursorShape.CrossCursor)
            self.message.emit("Drag a rectangle over the area where no detection should go through.")
        else:
            viewport.removeEventFilter(self)
            viewport.unsetCursor()
            self._drag_start = None
        self.activeChanged.emit(active)

    def clear(self) -> None:
        self._generation += 1
        self.area, self.area_name, self.proposal = None, "", None
        self.canvas.set_overlay(AREA_OVERLAY, None)
        self.canvas.set_overlay(PROPOSAL_OVERLAY, None)
        self.proposalChanged.emit(False)

    def set_area_box(self, box: Box, name: str = "the drawn area") -> None:
        size = self.canvas.image_size()
        if size is None:
            return
        self.area, self.area_name = box, name
        w, h = size
        self.canvas.set_overlay(AREA_OVERLAY, AreaRectItem(QRectF(box.xmin * w, box.ymin * h,
                                                                  box.width * w, box.height * h)))
        self.plan()

    def set_area_raster(self, raster: np.ndarray, name: str = "the sky area") -> None:
        size = self.canvas.image_size()
        if size is None:
            return
        self.area, self.area_name = raster, name
        self.canvas.set_overlay(AREA_OVERLAY, raster_item(mask_image(raster, AREA_COLOUR), *size, smooth=True))
        self.plan()

    # --- planning ------------------------------------------------------------------------------

    def plan(self) -> None:
        """(Re)plan the cover of the current area for the current detection size."""
        self._generation += 1
        self.proposal = None
        self.canvas.set_overlay(PROPOSAL_OVERLAY, None)
        self.proposalChanged.emit(False)
        rel = self._detection_size()
        if self.area is None or rel is None:
            return
        generation, area = self._generation, self.area
        self.message.emit(f"Planning masks for {self.area_name}…")

        def work() -> AreaCover:
            from mask_editor.core.cover import plan_cover

            return plan_cover(area, *rel)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.message.emit(f"No masks proposed: {error}")

        run_task(work, lambda cover: self._planned(generation, cover), failed, owner=self)

    def _planned(self, generation: int, cover: AreaCover) -> None:
        size = self.canvas.image_size()
        if generation != self._generation or size is None:
            return  # the area, the size or the pose changed meanwhile
        self.proposal = cover
        if not cover.masks:
            self.message.emit(f"No detection of this size fits inside {self.area_name}: nothing to cover.")
            self.proposalChanged.emit(False)
            return
        n, bound = len(cover.masks), cover.lower_bound
        caption = f"{n} mask{'s' if n != 1 else ''}, lower bound {bound}"
        self.canvas.set_overlay(PROPOSAL_OVERLAY, ProposalItem(cover.masks, caption, *size))
        self.message.emit(
            f"{caption}: together they drop every detection of this size lying inside {self.area_name}. "
            f"No cover can use fewer than {bound}. Apply adds them as one undo step."
        )
        self.proposalChanged.emit(True)

    def apply(self) -> int:
        """Add the proposed masks (one undo step); returns how many were added."""
        if self.proposal is None or self._doc is None or self._doc.read_only or not self.proposal.masks:
            return 0
        masks = list(self.proposal.masks)
        self._doc.add_boxes(masks, "Cover area")
        self.clear()
        self.message.emit(f"Added {len(masks)} masks (Undo removes them all).")
        return len(masks)

    def discard(self) -> None:
        self.clear()
        self.message.emit("Proposal discarded.")

    # --- dragging ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active or not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = self._clamped(self.canvas.scene_pos(event.position()))
            self._drag_item = AreaRectItem(QRectF(self._drag_start, self._drag_start))
            self.canvas.set_overlay(AREA_OVERLAY, self._drag_item)
            return True
        if kind == QEvent.Type.MouseMove and self._drag_start is not None and self._drag_item is not None:
            end = self._clamped(self.canvas.scene_pos(event.position()))
            self._drag_item.set_rect(QRectF(self._drag_start, end).normalized())
            return False  # let the canvas report the cursor position too
        if kind == QEvent.Type.MouseButtonRelease and self._drag_start is not None:
            end = self._clamped(self.canvas.scene_pos(event.position()))
            rect, self._drag_start = QRectF(self._drag_start, end).normalized(), None
            self._finish_drag(rect)
            return True
        return False

    def _clamped(self, p: QPointF) -> QPointF:
        size = self.canvas.image_size() or (1, 1)
        return QPointF(min(max(p.x(), 0.0), size[0]), min(max(p.y(), 0.0), size[1]))

    def _finish_drag(self, rect: QRectF) -> None:
        size = self.canvas.image_size()
        if size is None or rect.width() < MIN_DRAG or rect.height() < MIN_DRAG:
            self.canvas.set_overlay(AREA_OVERLAY, None)
            return
        w, h = size
        box = Box(rect.left() / w, rect.top() / h, rect.right() / w, rect.bottom() / h)
        self.set_area_box(box)
