"""The rectangle being drawn, the rubber band, and a box on the grid as the pixel rect drafts are drawn at."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsRectItem

from mask_editor.ui.canvas import grid
from mask_editor.ui.canvas.looks import pen
from mask_editor.ui.platform import style
from mask_editor.workspace import MaskState


def milli_rect(box: grid.Milli, width: int, height: int) -> QRectF:
    """A box on the grid as a pixel rect on an image of `width` x `height`."""
    x0, y0, x1, y1 = (grid.to_px(v, s) for v, s in zip(box, (width, height, width, height), strict=True))
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class DraftItem(QGraphicsRectItem):
    """The rectangle being drawn (in the colour of a new mask) or the rubber band (dashed)."""

    def __init__(self) -> None:
        super().__init__()
        self.setVisible(False)

    def show_rect(self, rect: QRectF | None, dashed: bool, opacity: float) -> None:
        if rect is None:
            self.setVisible(False)
            return
        color = QColor(style.DRAFT if dashed else style.PALETTE[MaskState.NEW.value].color)
        self.setPen(pen(color, 1, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
        fill = QColor(color)
        fill.setAlphaF(0.12 if dashed else opacity)
        self.setBrush(QBrush(fill))
        self.setRect(rect)
        self.setVisible(True)
