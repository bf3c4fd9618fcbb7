"""The server's side of each conflict, drawn as a ghost: a dashed outline in its own colour where the
server has the box, next to ours, so both versions can be compared before deciding. Ghosts are never
selected or edited (the view's hit tests only look at the mask layer); a decision removes them.

A child of the mask layer, which feeds it the rows it receives: it shows and hides with the masks."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from mask_editor.ui.platform import style
from mask_editor.workspace import Mask
from mask_editor.workspace.conflict_view import theirs_box


class GhostLayer(QGraphicsItem):
    def __init__(self, parent: QGraphicsItem, width: int, height: int) -> None:
        super().__init__(parent)
        self._size = (width, height)
        self._rects: dict[int, QRectF] = {}  # local id -> the server's box in pixels
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)

    def rects(self) -> dict[int, QRectF]:
        """The ghosts shown, by the local id of the mask in conflict (for tests and tooltips)."""
        return {i: QRectF(r) for i, r in self._rects.items()}

    def update_masks(self, masks: Iterable[Mask], removed: Iterable[int] = ()) -> None:
        # Repainted only when a ghost comes or goes: a 2,000-mask move without conflicts changes none
        # (and masks without a conflict, nearly all of them, are passed over without a call).
        rects, before = self._rects, len(self._rects)
        for i in removed:
            rects.pop(i, None)
        changed = len(rects) != before
        for mask in masks:
            box = theirs_box(mask) if mask.conflict is not None else None
            if box is None:
                if rects and rects.pop(mask.local_id, None) is not None:
                    changed = True
                continue
            x0, y0, x1, y1 = box.to_pixels(*self._size)
            rects[mask.local_id] = QRectF(x0, y0, x1 - x0, y1 - y0)
            changed = True
        if changed:
            self.update()

    def boundingRect(self) -> QRectF:
        parent = self.parentItem()
        return parent.boundingRect() if parent is not None else QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._rects:
            return
        k = max(1, round(painter.device().devicePixelRatioF()))
        rects = list(self._rects.values())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen in (_pen(style.HALO, 3 * k, Qt.PenStyle.SolidLine), _pen(style.GHOST, 2 * k, Qt.PenStyle.DashLine)):
            painter.setPen(pen)
            painter.drawRects(rects)


def _pen(color: str, width: int, pattern: Qt.PenStyle) -> QPen:
    pen = QPen(QColor(color), width, pattern, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)
    pen.setCosmetic(True)
    return pen
