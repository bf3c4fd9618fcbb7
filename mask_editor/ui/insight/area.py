"""The area tool: choose an area (drag a rectangle on the canvas, or take the sky helper's), and
get the fewest masks that drop every detection of the chosen size lying inside it
(core.cover.plan_cover), previewed as dashed boxes; Apply adds them as one undo step.

The tool is one of the canvas's tools ("area", added with CanvasView.add_tool, in the tools' exclusive
group of actions): its drag is an Interaction installed like every other gesture, so Escape cancels it
and puts the previous area back. Planning runs off the GUI thread (a raster area takes up to a
second); an answer for an area or size that changed meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal

from mask_editor.core.geometry import Box
from mask_editor.ui.canvas.tools import Interaction
from mask_editor.ui.insight.items import AREA_COLOUR, AreaRectItem, ProposalItem, mask_image, raster_item
from mask_editor.ui.platform.tasks import run_task

if TYPE_CHECKING:
    import numpy as np

    from mask_editor.core.cover import AreaCover
    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument

AREA_OVERLAY, PROPOSAL_OVERLAY, DRAG_OVERLAY = "area", "proposal", "area_drag"
TOOL_NAME = "area"
MIN_DRAG = 4  # image pixels: a shorter drag is a click


class AreaInteraction(Interaction):
    """Drag a rectangle over the image; the area chosen before stays hidden meanwhile, and comes
    back when the drag is canceled or is only a click."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: CanvasView, pos: QPointF, on_area: Callable[[Box], None]) -> None:
        super().__init__(view, pos)
        self.on_area = on_area
        self.anchor = self._clamped(self.scene_start)
        self.rect = QRectF(self.anchor, self.anchor)
        self.before = view.overlay(AREA_OVERLAY)
        if self.before is not None:
            self.before.hide()
        self.item = AreaRectItem(self.rect)
        view.set_overlay(DRAG_OVERLAY, self.item)

    def _clamped(self, p: QPointF) -> QPointF:
        w, h = self.view.image_size() or (1, 1)
        return QPointF(min(max(p.x(), 0.0), w), min(max(p.y(), 0.0), h))

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.rect = QRectF(self.anchor, self._clamped(self.view.scene_pos(pos))).normalized()
        self.item.set_rect(self.rect)

    def commit(self) -> None:
        size = self.view.image_size()
        if size is None or self.rect.width() < MIN_DRAG or self.rect.height() < MIN_DRAG:
            self.cancel()  # a click: keep the area there was
            return
        self.view.set_overlay(DRAG_OVERLAY, None)
        w, h = size
        r = self.rect
        self.on_area(Box(r.left() / w, r.top() / h, r.right() / w, r.bottom() / h))

    def cancel(self) -> None:
        self.view.set_overlay(DRAG_OVERLAY, None)
        if self.before is not None and self.view.overlay(AREA_OVERLAY) is self.before:
            self.before.show()


class AreaCanvasTool:
    """The canvas mode: every left drag chooses an area (masks are not selected meanwhile)."""

    name = TOOL_NAME

    def __init__(self, on_area: Callable[[Box], None]) -> None:
        self.on_area = on_area

    def press(self, view: CanvasView, pos: QPointF, modifiers: Qt.KeyboardModifier) -> Interaction | None:
        return AreaInteraction(view, pos, self.on_area) if view.image_size() is not None else None

    def hover_cursor(self, view: CanvasView, pos: QPointF) -> Qt.CursorShape:
        return Qt.CursorShape.CrossCursor


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
        self._applied: tuple[int, int] | None = None
        self._generation = 0
        canvas.add_tool(AreaCanvasTool(lambda box: self.set_area_box(box)))
        canvas.toolChanged.connect(self._on_tool)
        canvas.add_escape_taker(self._on_escape)

    # --- state ---------------------------------------------------------------------------------

    def set_document(self, doc: PoseDocument | None) -> None:
        if self._doc is not None:
            self._doc.undo_stack.indexChanged.disconnect(self._on_undo_index)
        self._doc, self._applied = doc, None
        if doc is not None:
            doc.undo_stack.indexChanged.connect(self._on_undo_index)
        self.clear()

    def _on_undo_index(self, index: int) -> None:
        """The "Added N masks" line must not outlive the step it speaks of."""
        if self._applied is not None and index < self._applied[0]:
            n, self._applied = self._applied[1], None
            self.message.emit(self.tr("The cover was undone: its %n mask(s) are gone again (Redo brings "
                                      "them back).", "", n))

    def set_active(self, active: bool) -> None:
        """Make the area tool the canvas's tool, or leave it for selecting."""
        if active:
            self.canvas.set_tool(TOOL_NAME)
        elif self.canvas.tool() == TOOL_NAME:
            self.canvas.set_tool("select")

    def _on_tool(self, name: str) -> None:
        active = name == TOOL_NAME
        if active == self.active:
            return
        self.active = active
        if active:
            self.message.emit(self.tr("Drag a rectangle over the area where no detection should go through."))
        self.activeChanged.emit(active)

    def clear(self) -> None:
        self._generation += 1
        self.area, self.area_name, self.proposal = None, "", None
        self.canvas.set_overlay(AREA_OVERLAY, None)
        self.canvas.set_overlay(PROPOSAL_OVERLAY, None)
        self.proposalChanged.emit(False)

    def set_area_box(self, box: Box, name: str | None = None) -> None:
        size = self.canvas.image_size()
        if size is None:
            return
        self.area, self.area_name = box, name or self.tr("the drawn area")
        w, h = size
        self.canvas.set_overlay(AREA_OVERLAY, AreaRectItem(QRectF(box.xmin * w, box.ymin * h,
                                                                  box.width * w, box.height * h)))
        self.plan()

    def set_area_raster(self, raster: np.ndarray, name: str | None = None) -> None:
        size = self.canvas.image_size()
        if size is None:
            return
        self.area, self.area_name = raster, name or self.tr("the sky area")
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
        self.message.emit(self.tr("Planning masks for {area}…").format(area=self.area_name))

        def work() -> AreaCover:
            from mask_editor.core.cover import plan_cover

            return plan_cover(area, *rel)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.message.emit(self.tr("No masks proposed: {error}").format(error=error))

        run_task(work, lambda cover: self._planned(generation, cover), failed, owner=self)

    def _planned(self, generation: int, cover: AreaCover) -> None:
        size = self.canvas.image_size()
        if generation != self._generation or size is None:
            return  # the area, the size or the pose changed meanwhile
        self.proposal = cover
        if not cover.masks:
            self.message.emit(self.tr("No detection of this size fits inside {area}: nothing to cover.").format(
                area=self.area_name))
            self.proposalChanged.emit(False)
            return
        n, bound = len(cover.masks), cover.lower_bound
        caption = self.tr("%n mask(s), lower bound %1", "", n).replace("%1", str(bound))
        self.canvas.set_overlay(PROPOSAL_OVERLAY, ProposalItem(cover.masks, caption, *size))
        self.message.emit(self.tr(
            "%n mask(s), lower bound {bound}: together they drop every detection of this size lying inside "
            "{area}. No cover can use fewer than {bound}. Apply adds them as one undo step.", "", n).format(
                area=self.area_name, bound=bound))
        self.proposalChanged.emit(True)

    def apply(self) -> int:
        """Add the proposed masks (one undo step); returns how many were added."""
        if self.proposal is None or self._doc is None or self._doc.read_only or not self.proposal.masks:
            return 0
        masks = list(self.proposal.masks)
        self._doc.add_boxes(masks, self.tr("Cover area"))
        self._applied = (self._doc.undo_stack.index(), len(masks))  # (the index after the step, its masks)
        self.clear()
        self.message.emit(self.tr("Added %n mask(s) (Undo removes them all).", "", len(masks)))
        return len(masks)

    def _on_escape(self) -> bool:
        if self.area is None and self.proposal is None:
            return False
        self.discard()
        return True

    def discard(self) -> None:
        self.clear()
        self.message.emit(self.tr("Proposal discarded."))
