"""The pose image as a scene item, or a plain frame with a reason when there is none to show."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem

from mask_editor.ui import style
from mask_editor.workspace import ImageRow

Mode = Qt.TransformationMode

NO_IMAGE = "No image cached for this pose yet"
FALLBACK_SIZE = (1280, 720)  # a frame to hold the masks when we know nothing of the image


@dataclass(slots=True)
class ImageLayer:
    item: QGraphicsItem
    width: int
    height: int
    pixmap_item: QGraphicsPixmapItem | None  # None when showing the placeholder frame
    message: str | None  # the placeholder text, None when the image is shown

    @property
    def rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def set_smooth(self, smooth: bool) -> None:
        """Smooth sampling when zoomed out (no aliasing shimmer); nearest pixels when zoomed in, so
        an admin sees the real pixels the camera sent."""
        if self.pixmap_item is not None:
            mode = Mode.SmoothTransformation if smooth else Mode.FastTransformation
            if self.pixmap_item.transformationMode() != mode:
                self.pixmap_item.setTransformationMode(mode)


def load_image_layer(image: ImageRow | None) -> ImageLayer:
    """Decode the cached file as is (no re-encoding, no EXIF rotation: boxes are relative to the
    pixels the camera sent). A missing or damaged file gives a frame of the known size and a reason."""
    if image is None:
        return _placeholder(*FALLBACK_SIZE, NO_IMAGE)
    reader = QImageReader(str(image.path))
    reader.setAutoTransform(False)
    decoded = reader.read()
    if decoded.isNull():
        size = (image.width, image.height) if image.width > 0 and image.height > 0 else FALLBACK_SIZE
        return _placeholder(*size, f"The image file is damaged: {reader.errorString()}")
    item = QGraphicsPixmapItem(QPixmap.fromImage(decoded))
    item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)  # no per-pixel mask to compute
    # Cached at the view's scale, never at image resolution (ItemCoordinateCache of a 7680x4320
    # image would be huge): pans scroll the cache, and redraws of masks above it only blit it.
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    return ImageLayer(item, decoded.width(), decoded.height(), item, None)


def _placeholder(width: int, height: int, message: str) -> ImageLayer:
    frame = QGraphicsRectItem(QRectF(0, 0, width, height))
    frame.setPen(Qt.PenStyle.NoPen)
    frame.setBrush(QBrush(QColor(style.PLACEHOLDER_FRAME)))
    return ImageLayer(frame, width, height, None, message)


def paint_message(painter: QPainter, viewport: QRect, message: str) -> None:
    """The placeholder's reason, in screen space so it reads at any zoom."""
    painter.save()
    painter.resetTransform()
    painter.setPen(QColor(style.PLACEHOLDER_TEXT))
    font = painter.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    painter.setFont(font)
    painter.drawText(viewport.adjusted(24, 24, -24, -24),
                     Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message)
    painter.restore()
