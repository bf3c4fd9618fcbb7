"""The eight resize handles of the one selected mask, the same size on screen at any zoom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from mask_editor.ui.platform import style

HANDLE_SIZE = 8  # screen pixels, drawn
HIT_SIZE = 12  # screen pixels, the area that grabs a handle: a little larger than drawn

# Handle name -> the edges it moves. Corners first: they win where handles of a tiny box overlap.
HANDLE_EDGES: dict[str, tuple[str, ...]] = {
    "top-left": ("left", "top"), "top-right": ("right", "top"),
    "bottom-right": ("right", "bottom"), "bottom-left": ("left", "bottom"),
    "top": ("top",), "right": ("right",), "bottom": ("bottom",), "left": ("left",),
}

CURSORS: dict[str, Qt.CursorShape] = {
    "top-left": Qt.CursorShape.SizeFDiagCursor, "bottom-right": Qt.CursorShape.SizeFDiagCursor,
    "top-right": Qt.CursorShape.SizeBDiagCursor, "bottom-left": Qt.CursorShape.SizeBDiagCursor,
    "top": Qt.CursorShape.SizeVerCursor, "bottom": Qt.CursorShape.SizeVerCursor,
    "left": Qt.CursorShape.SizeHorCursor, "right": Qt.CursorShape.SizeHorCursor,
}


def handle_point(rect: QRectF, name: str) -> QPointF:
    edges = HANDLE_EDGES[name]
    x = rect.left() if "left" in edges else rect.right() if "right" in edges else rect.center().x()
    y = rect.top() if "top" in edges else rect.bottom() if "bottom" in edges else rect.center().y()
    return QPointF(x, y)


class Handles:
    """Eight native rect items that ignore the view's scale (so Qt paints them in C++, crisp at any
    zoom and device pixel ratio). Not a QGraphicsItem itself: it only places its items."""

    def __init__(self, scene: QGraphicsScene, z: float) -> None:
        half = HANDLE_SIZE / 2
        pen = QPen(QColor(style.HANDLE_EDGE), 1)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.items: dict[str, QGraphicsRectItem] = {}
        for name in HANDLE_EDGES:
            item = QGraphicsRectItem(QRectF(-half, -half, HANDLE_SIZE, HANDLE_SIZE))
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setPen(pen)
            item.setBrush(QBrush(QColor(style.HANDLE_FILL)))
            item.setZValue(z)
            item.setVisible(False)
            scene.addItem(item)
            self.items[name] = item
        self.rect: QRectF | None = None

    def show_at(self, rect: QRectF | None) -> None:
        """Place the handles on a mask's rect (scene pixels), or hide them with None."""
        self.rect = QRectF(rect) if rect is not None else None
        for name, item in self.items.items():
            if rect is None:
                item.setVisible(False)
            else:
                item.setPos(handle_point(rect, name))
                item.setVisible(True)

    def visible(self) -> bool:
        return self.rect is not None

    def at(self, to_view: QTransform, pos: QPointF) -> str | None:
        """The handle under a viewport position (hit-tested in screen pixels, corners first)."""
        if self.rect is None:
            return None
        for name in HANDLE_EDGES:
            p = to_view.map(handle_point(self.rect, name))
            if abs(p.x() - pos.x()) <= HIT_SIZE / 2 and abs(p.y() - pos.y()) <= HIT_SIZE / 2:
                return name
        return None
