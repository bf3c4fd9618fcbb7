"""The selected masks, drawn above the others by two children of the mask layer: their fills
(uncached: ~0.3 us a rect) and their frames, the wide halo and white outline (cached: ~4 us a rect
to stroke). When the selection moves as one block (a drag, its commit, the undo and redo of a move),
the frames' cached pixmap is only moved; it is drawn afresh, exactly on the device pixels, once the
canvas is idle. A resize in progress is drawn by the live layer, uncached."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from mask_editor.ui.canvas.looks import Group, draw, draw_fills, draw_frames


class Layer(Protocol):
    """What the children read of the mask layer (ui/canvas/items.py)."""

    def boundingRect(self) -> QRectF: ...
    def top_groups(self) -> list[Group]: ...
    def block_offset(self) -> QPointF | None: ...
    def live_groups(self) -> list[Group]: ...


class _Child(QGraphicsItem):
    """A child of the mask layer, covering the same rect."""

    def __init__(self, layer: QGraphicsItem) -> None:
        super().__init__(layer)
        self._layer: Layer = layer  # type: ignore[assignment]

    def boundingRect(self) -> QRectF:
        # For the frames, the same rect whatever their shift: Qt blits a device cache at the bounding
        # rect's place, so the pixmap follows pos only while the rect (in item coordinates) stays put.
        return self._layer.boundingRect()


class TopFills(_Child):
    """The fills of the selected masks, in the state's colour. The layer's groups place masks dragged
    apart from the rest of the selection; a drag of the whole block is its offset."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        groups = self._layer.top_groups()
        if groups:
            offset = self._layer.block_offset()
            if offset is not None:
                painter.translate(offset)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            draw_fills(painter, groups)


class TopFrames(_Child):
    """The frames of the selected masks. `shift` is how far they were moved as a block since they
    were last drawn: the item sits there, and paints the rects back by as much, so that its cached
    pixmap stays valid while the masks move (the rects less the shift stay inside the bounding rect:
    each shift moves the rects and pos alike)."""

    def __init__(self, layer: QGraphicsItem) -> None:
        super().__init__(layer)
        self.shift = QPointF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        groups = self._layer.top_groups()
        if groups:
            painter.translate(-self.shift)  # a drag of the block moves the item itself (the layer sets pos)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            draw_frames(painter, groups)


class LiveLayer(_Child):
    """The mask of a resize in progress, drawn at its live rect, uncached."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        groups = self._layer.live_groups()
        if groups:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            draw(painter, groups)
