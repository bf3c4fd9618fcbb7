"""Canvas items of the insight tools, all in image-pixel scene coordinates, drawn as overlays
(above the image, under the masks): a raster shaded over the image (zone, sky area, heat map),
dashed proposal boxes with a caption, and past detection boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QStyleOptionGraphicsItem, QWidget

from mask_editor.core.geometry import Box
from mask_editor.ui.platform.style import HALO

if TYPE_CHECKING:
    import numpy as np

ZONE_COLOUR = (255, 120, 0, 150)  # orange: not a mask state colour, readable on sky and forest
AREA_COLOUR = (64, 160, 255, 90)
PROPOSAL = "#ffffff"
# By label: real wildfire red, other smoke violet, "not smoke" amber, unlabelled grey.
LABEL_COLOURS = {"wildfire_smoke": "#ff3b30", "other_smoke": "#b388ff", "other": "#ffc400", None: "#cfd8dc"}


def raster_item(image: QImage, width: int, height: int, smooth: bool = False) -> QGraphicsPixmapItem:
    """A low-resolution raster stretched over the whole image (cells stay crisp unless `smooth`)."""
    item = QGraphicsPixmapItem(QPixmap.fromImage(image))
    item.setScale(1.0)
    item.setTransform(item.transform().scale(width / image.width(), height / image.height()))
    mode = Qt.TransformationMode.SmoothTransformation if smooth else Qt.TransformationMode.FastTransformation
    item.setTransformationMode(mode)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


def mask_image(raster: np.ndarray, rgba: tuple[int, int, int, int]) -> QImage:
    """A bool raster (h, w) as an ARGB image: `rgba` where True, transparent elsewhere."""
    import numpy as np

    r, g, b, a = rgba
    premultiplied = (a << 24) | ((r * a // 255) << 16) | ((g * a // 255) << 8) | (b * a // 255)
    pixels = np.where(np.asarray(raster, dtype=bool), np.uint32(premultiplied), np.uint32(0))
    return _to_qimage(np.ascontiguousarray(pixels, dtype=np.uint32))


def heat_image(density: np.ndarray) -> QImage:
    """A density raster (h, w) in [0, 1] as a heat map: transparent -> yellow -> red."""
    import numpy as np

    d = np.clip(np.asarray(density, dtype=float), 0.0, 1.0)
    alpha = (np.sqrt(d) * 200).astype(np.uint32)
    red = np.full_like(alpha, 255)
    green = (230 * (1 - d)).astype(np.uint32)
    pixels = (alpha << 24) | ((red * alpha // 255) << 16) | ((green * alpha // 255) << 8)
    return _to_qimage(np.ascontiguousarray(pixels, dtype=np.uint32))


def _to_qimage(pixels: np.ndarray) -> QImage:
    h, w = pixels.shape
    image = QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
    return image.copy()  # own the memory: the numpy buffer goes away


def _rect(box: Box, width: int, height: int) -> QRectF:
    x0, y0, x1, y1 = box.xmin * width, box.ymin * height, box.xmax * width, box.ymax * height
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def _halo_pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # same thickness at any zoom
    pen.setStyle(style)
    return pen


class ProposalItem(QGraphicsItem):
    """Proposed masks as dashed white boxes over a dark halo, with a caption above the first."""

    def __init__(self, boxes: Sequence[Box], caption: str, width: int, height: int) -> None:
        super().__init__()
        self._rects = [_rect(b, width, height) for b in boxes]
        self._caption = caption
        self._bounds = QRectF(0, 0, width, height)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_halo_pen(HALO, 3))
        painter.drawRects(self._rects)
        painter.setPen(_halo_pen(PROPOSAL, 1.5, Qt.PenStyle.DashLine))
        painter.drawRects(self._rects)
        if self._caption and self._rects:
            _caption(painter, self._caption, self._rects[0].topLeft())


def _caption(painter: QPainter, text: str, anchor: QPointF) -> None:
    """Text of constant screen size at `anchor` (scene), on a dark plate."""
    painter.save()
    origin = painter.transform().map(anchor)
    painter.resetTransform()
    font = QFont()
    font.setPointSizeF(10)
    font.setBold(True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    box = QRectF(origin.x(), origin.y() - metrics.height() - 8, metrics.horizontalAdvance(text) + 12,
                 metrics.height() + 6)
    painter.fillRect(box, QColor(17, 22, 28, 210))
    painter.setPen(QColor(PROPOSAL))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


@dataclass(frozen=True)
class DetectionMark:
    box: Box
    label: str | None
    dropped: bool


class DetectionsItem(QGraphicsItem):
    """Past detections: filled when the masks drop them, outlined when the camera keeps them;
    the colour tells the label. `highlight` indices get a white frame."""

    def __init__(self, marks: Sequence[DetectionMark], width: int, height: int,
                 highlight: Sequence[int] = ()) -> None:
        super().__init__()
        self._marks = list(marks)
        self._rects = [_rect(m.box, width, height) for m in self._marks]
        self._highlight = set(highlight)
        self._bounds = QRectF(0, 0, width, height)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for mark, rect in zip(self._marks, self._rects, strict=True):
            colour = QColor(LABEL_COLOURS.get(mark.label, LABEL_COLOURS[None]))
            painter.setPen(_halo_pen(HALO, 3.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if mark.dropped:
                fill = QColor(colour)
                fill.setAlpha(150)
                painter.setBrush(QBrush(fill))
            painter.setPen(_halo_pen(colour, 1.8))
            painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for i in sorted(self._highlight):
            if 0 <= i < len(self._rects):
                painter.setPen(_halo_pen(HALO, 5))
                painter.drawRect(self._rects[i].adjusted(-3, -3, 3, 3))
                painter.setPen(_halo_pen("#ffffff", 2.5))
                painter.drawRect(self._rects[i].adjusted(-3, -3, 3, 3))


class AreaRectItem(QGraphicsItem):
    """The rectangle of the area being dragged or chosen: a tinted, dashed frame."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__()
        self._rect = QRectF(rect)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, QColor(*AREA_COLOUR))
        painter.setPen(_halo_pen(HALO, 3))
        painter.drawRect(self._rect)
        painter.setPen(_halo_pen("#40a0ff", 1.5, Qt.PenStyle.DashLine))
        painter.drawRect(self._rect)
