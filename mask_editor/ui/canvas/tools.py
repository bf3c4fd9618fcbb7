"""Mouse gestures as small state objects: a tool turns a press into an interaction, which follows
the drag (live preview only) and writes to the document once, at release (commit), or puts
everything back (cancel, on Escape).

Every gesture (select, rubber band, move, resize, draw, pan, and the area tool's drag in
ui/insight/area.py) is an Interaction installed through one point, `CanvasView.set_interaction`,
and says so with its signals: `started` when installed, `finished` after its commit, `canceled`
after its cancel (orange-canvas-core's UserInteraction is the model). A tool is anything with a
`name`, `press()` and `hover_cursor()`; the view knows SelectTool and DrawTool, and others add
themselves with `CanvasView.add_tool` (the area tool does)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLineF, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QApplication

from mask_editor.core.geometry import Box
from mask_editor.ui.canvas import grid
from mask_editor.ui.canvas.draft import milli_rect
from mask_editor.ui.canvas.handles import CURSORS, HANDLE_EDGES

if TYPE_CHECKING:
    from mask_editor.ui.canvas.surface import Canvas
    from mask_editor.ui.editing.document import PoseDocument

Mods = Qt.KeyboardModifier
DRAW_MIN_DRAG = 4  # screen pixels: a shorter drag in draw mode is a click, not a box


def _toggles(modifiers: Qt.KeyboardModifier) -> bool:
    return bool(modifiers & (Mods.ControlModifier | Mods.ShiftModifier))


def _dragged(start: QPointF, pos: QPointF, threshold: float) -> bool:
    return QLineF(start, pos).length() >= threshold


def movable(document: PoseDocument | None, local_ids: Iterable[int]) -> list[int]:
    """The masks of `local_ids` an edit may change: drawn ones, not marked for deletion."""
    if document is None:
        return []
    return sorted(i for i in local_ids if (m := document.mask(i)) is not None and m.box is not None and not m.deleted)


def milli_boxes(document: PoseDocument | None, local_ids: Iterable[int]) -> dict[int, grid.Milli]:
    if document is None:
        return {}
    return {i: m.box.milli() for i in local_ids if (m := document.mask(i)) is not None and m.box is not None}


translate = QCoreApplication.translate  # the undo steps' titles; lupdate reads the literal calls


class Interaction(QObject):
    """One gesture from press to release. Positions are viewport coordinates. Subclasses follow
    the pointer in `move` and act in `commit` or undo their preview in `cancel`; the view calls
    `release` or `abort`, which emit `finished` or `canceled`. Lives on the GUI thread only."""

    started = Signal()  # installed on the view
    finished = Signal()  # committed at release
    canceled = Signal()  # Escape, a tool change, or the document changing under it

    cursor: Qt.CursorShape | None = None  # shown while the gesture lasts

    def __init__(self, view: Canvas, pos: QPointF) -> None:
        super().__init__()  # no parent: dropped with the view's reference once the gesture ends
        self.view = view
        self.start = QPointF(pos)
        self.scene_start = view.scene_pos(pos)

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        pass

    def release(self, pos: QPointF) -> None:
        self.move(pos, Mods.NoModifier)
        self.commit()
        self.finished.emit()

    def abort(self) -> None:
        self.cancel()
        self.canceled.emit()

    def commit(self) -> None:
        pass

    def cancel(self) -> None:
        pass


class Tool(Protocol):
    """A canvas mode: turns a left press into a gesture (or acts at once and returns None)."""

    name: str

    def press(self, view: Canvas, pos: QPointF, modifiers: Qt.KeyboardModifier) -> Interaction | None: ...

    def hover_cursor(self, view: Canvas, pos: QPointF) -> Qt.CursorShape: ...


class PanInteraction(Interaction):
    cursor = Qt.CursorShape.ClosedHandCursor

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        delta = pos - self.start
        self.start = QPointF(pos)
        self.view.pan_by(-delta.x(), -delta.y())


class RubberBandInteraction(Interaction):
    def __init__(self, view: Canvas, pos: QPointF, additive: bool) -> None:
        super().__init__(view, pos)
        self.additive = additive
        self.band: QRectF | None = None

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if self.band is None and not _dragged(self.start, pos, QApplication.startDragDistance()):
            return
        self.band = QRectF(self.scene_start, self.view.scene_pos(pos)).normalized()
        self.view.show_draft(self.band, dashed=True)

    def commit(self) -> None:
        self.view.show_draft(None)
        document = self.view.document()
        if document is None:
            return
        if self.band is None:  # a click on empty image
            if not self.additive:
                document.set_selection(())
            return
        hits = self.view.layer_ids_in(self.band)
        document.set_selection(document.selection | set(hits) if self.additive else hits)

    def cancel(self) -> None:
        self.view.show_draft(None)


class MoveInteraction(Interaction):
    """Drag the selection. The shift is counted in grid steps, so the preview is what gets stored
    and every box keeps its exact size; the group stops at the image border."""

    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, view: Canvas, pos: QPointF, local_ids: list[int], narrow_to: int | None) -> None:
        super().__init__(view, pos)
        self.boxes = milli_boxes(view.document(), local_ids)
        self.outer = grid.outer_box(self.boxes.values())  # what the group's shift is clamped against
        self.narrow_to = narrow_to  # a click (no drag) inside a multi-selection selects just this mask
        self.shift = (0, 0)
        self.dragging = False

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if not self.dragging and not _dragged(self.start, pos, QApplication.startDragDistance()):
            return
        self.dragging = True
        w, h = self.view.frame_size()
        d = self.view.scene_pos(pos) - self.scene_start
        self.shift = grid.clamp_shift_within(self.outer, round(d.x() * grid.GRID / w), round(d.y() * grid.GRID / h))
        offset = QPointF(grid.to_px(self.shift[0], w), grid.to_px(self.shift[1], h))
        self.view.preview_move(self.boxes, offset)

    def commit(self) -> None:
        document = self.view.document()
        self.view.end_preview()
        if document is None:
            return
        if not self.dragging:
            if self.narrow_to is not None:
                document.set_selection({self.narrow_to})
            return
        if self.shift == (0, 0):
            return
        n = len(self.boxes)
        document.move(self.boxes, *self.shift, translate("CanvasTools", "Move mask") if n == 1
                      else translate("CanvasTools", "Move %1 masks").replace("%1", str(n)))

    def cancel(self) -> None:
        self.view.end_preview()


class ResizeInteraction(Interaction):
    """Drag a handle: its edges follow the pointer on the grid, never past the opposite edge."""

    def __init__(self, view: Canvas, pos: QPointF, local_id: int, handle: str) -> None:
        super().__init__(view, pos)
        self.local_id = local_id
        self.edges = HANDLE_EDGES[handle]
        self.cursor = CURSORS[handle]
        self.before = milli_boxes(view.document(), [local_id])[local_id]
        self.after = self.before

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        w, h = self.view.frame_size()
        d = self.view.scene_pos(pos) - self.scene_start
        # Edges move by the pointer's travel (not to the pointer), so grabbing a handle off-centre
        # does not make the box jump.
        x0, y0, x1, y1 = (grid.to_px(v, s) for v, s in zip(self.before, (w, h, w, h), strict=True))
        x = (x0 if "left" in self.edges else x1) + d.x()
        y = (y0 if "top" in self.edges else y1) + d.y()
        self.after = grid.with_edges(self.before, self.edges, grid.snap(x, w), grid.snap(y, h))
        self.view.preview_resize(self.local_id, self.after)

    def commit(self) -> None:
        document = self.view.document()
        self.view.end_preview()
        if document is not None and self.after != self.before:
            document.set_boxes({self.local_id: Box.from_milli(self.after)}, translate("CanvasTools", "Resize mask"))

    def cancel(self) -> None:
        self.view.end_preview()


class DrawInteraction(Interaction):
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: Canvas, pos: QPointF) -> None:
        super().__init__(view, pos)
        w, h = view.frame_size()
        self.anchor = (grid.snap(self.scene_start.x(), w), grid.snap(self.scene_start.y(), h))
        self.box: grid.Milli | None = None

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if self.box is None and not _dragged(self.start, pos, DRAW_MIN_DRAG):
            return
        w, h = self.view.frame_size()
        p = self.view.scene_pos(pos)
        self.box = grid.from_points(*self.anchor, grid.snap(p.x(), w), grid.snap(p.y(), h))
        self.view.show_draft(milli_rect(self.box, *self.view.frame_size()))

    def commit(self) -> None:
        self.view.show_draft(None)
        document = self.view.document()
        if document is not None and self.box is not None:
            document.add_boxes([Box.from_milli(self.box)], translate("CanvasTools", "Draw mask"))

    def cancel(self) -> None:
        self.view.show_draft(None)


class SelectTool:
    """Click selects (Ctrl/Shift toggles), drag on a mask moves the selection, drag on a handle
    resizes, drag on empty image draws a rubber band (Ctrl/Shift adds), Alt+drag draws a mask."""

    name = "select"

    def press(self, view: Canvas, pos: QPointF, modifiers: Qt.KeyboardModifier) -> Interaction | None:
        document = view.document()
        if document is None:
            return None
        editable = view.editable()
        toggle = _toggles(modifiers)
        if editable and not toggle and (handle := view.handle_at(pos)) is not None:
            (only,) = document.selection
            return ResizeInteraction(view, pos, only, handle)
        hit = view.mask_at(pos)
        if hit is not None:
            selection = document.selection
            if toggle:
                document.set_selection(selection ^ {hit})
                return None
            narrow = hit in selection and len(selection) > 1
            if hit not in selection:
                document.set_selection({hit})
            ids = movable(document, document.selection)
            if editable and ids:
                return MoveInteraction(view, pos, ids, hit if narrow else None)
            if narrow:
                document.set_selection({hit})
            return None
        if editable and modifiers & Mods.AltModifier:
            return DrawInteraction(view, pos)
        return RubberBandInteraction(view, pos, additive=toggle)

    def hover_cursor(self, view: Canvas, pos: QPointF) -> Qt.CursorShape:
        if view.editable():
            handle = view.handle_at(pos)
            if handle is not None:
                return CURSORS[handle]
            document = view.document()
            hit = view.mask_at(pos)
            if document is not None and hit is not None and hit in document.selection and movable(document, {hit}):
                return Qt.CursorShape.SizeAllCursor
        return Qt.CursorShape.ArrowCursor


class DrawTool(SelectTool):
    """Every drag draws a new mask; read-only documents fall back to selecting."""

    name = "draw"

    def press(self, view: Canvas, pos: QPointF, modifiers: Qt.KeyboardModifier) -> Interaction | None:
        if view.editable():
            return DrawInteraction(view, pos)
        return super().press(view, pos, modifiers)

    def hover_cursor(self, view: Canvas, pos: QPointF) -> Qt.CursorShape:
        return Qt.CursorShape.CrossCursor if view.editable() else super().hover_cursor(view, pos)


TOOLS: dict[str, Tool] = {tool.name: tool for tool in (SelectTool(), DrawTool())}
