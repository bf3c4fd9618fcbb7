"""The two views of a drifted pose: blended, or side by side, with the masks drawn on each."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QDialog, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from mask_editor.core.geometry import Box

WIDTH = 960  # each view is drawn this wide
MASK_COLOUR = QColor("#ff9f1c")  # the masks as they are
SHIFTED_COLOUR = QColor("#2ec4f1")  # where a shift would put them


def render(old_path: str, new_path: str, boxes: list[Box], moved: list[Box], mode: str) -> QImage:
    """`mode` "blend": the new view with the old at half opacity; "side": old left, new right.

    The masks are outlined as they are (orange) on every view; on the new view, also where
    shifting them puts them (`moved`: blue, dashed)."""
    old, new = QImage(old_path), QImage(new_path)
    if old.isNull() or new.isNull():
        return QImage()
    height = round(WIDTH * new.height() / max(1, new.width()))
    size = (WIDTH * (2 if mode == "side" else 1) + (8 if mode == "side" else 0), height)
    out = QImage(*size, QImage.Format.Format_RGB32)
    out.fill(QColor("#202020"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    left = QRectF(0, 0, WIDTH, height)
    if mode == "side":
        right = QRectF(WIDTH + 8, 0, WIDTH, height)
        painter.drawImage(left, old)
        painter.drawImage(right, new)
        _outline(painter, left, boxes, MASK_COLOUR, Qt.PenStyle.SolidLine)
        _outline(painter, right, boxes, MASK_COLOUR, Qt.PenStyle.SolidLine)
        _outline(painter, right, moved, SHIFTED_COLOUR, Qt.PenStyle.DashLine)
    else:
        painter.drawImage(left, new)
        painter.setOpacity(0.5)
        painter.drawImage(left, old)
        painter.setOpacity(1.0)
        _outline(painter, left, boxes, MASK_COLOUR, Qt.PenStyle.SolidLine)
        _outline(painter, left, moved, SHIFTED_COLOUR, Qt.PenStyle.DashLine)
    painter.end()
    return out


def _outline(painter: QPainter, frame: QRectF, boxes: list[Box], colour: QColor, style: Qt.PenStyle) -> None:
    pen = QPen(colour, 2, style)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = frame.adjusted(1, 1, -1, -1)  # a box on the image edge keeps its whole outline visible
    for b in boxes:
        rect = QRectF(frame.left() + b.xmin * frame.width(), frame.top() + b.ymin * frame.height(),
                      b.width * frame.width(), b.height * frame.height())
        painter.drawRect(rect.intersected(inset))


class CompareDialog(QDialog):
    """Non-modal: the pose stays editable beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drift_compare")
        self.setWindowTitle(self.tr("Compare the two views"))
        self.blend = QRadioButton(self.tr("Blended"), self)
        self.side = QRadioButton(self.tr("Side by side"), self)
        self.blend.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.blend)
        group.addButton(self.side)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(480, 270)
        self.resize(1000, 680)
        top = QHBoxLayout()
        top.addWidget(self.blend)
        top.addWidget(self.side)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self._args: tuple[str, str, list[Box], list[Box]] | None = None
        self.image = QImage()  # the comparison at full size; the label shows it scaled to fit
        self.blend.toggled.connect(lambda _on: self._draw())

    @property
    def mode(self) -> str:
        return "blend" if self.blend.isChecked() else "side"

    def set_views(self, old_path: str, new_path: str, boxes: list[Box], moved: list[Box],
                  old_date: str, new_date: str) -> None:
        self._args = (old_path, new_path, boxes, moved)
        self.legend.setText(self.tr(
            "Orange: the masks as they are, drawn on the image of %1. Blue, dashed: where shifting them "
            "with the view puts them on the latest image (%2). Blended: the latest image with the older one "
            "at half opacity.").replace("%1", old_date).replace("%2", new_date))
        self._draw()

    def _draw(self) -> None:
        if self._args is None:
            return
        self.image = render(*self._args, self.mode)
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull():
            self.view.clear()
            return
        pixmap = QPixmap.fromImage(self.image)
        self.view.setPixmap(pixmap.scaled(self.view.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
