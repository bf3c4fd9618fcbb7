"""The pose image as a scene item, or a plain frame with a reason when there is none to show.

A large JPEG is first decoded at a power-of-two reduction that still covers it as fitted in the view (libjpeg
skips the finer DCT coefficients: a 7680x4320 image shows in a third of the time of a full decode,
with a quarter of the memory); the image's own pixels are decoded off the GUI thread only when a
zoom would magnify the preview (FullDecoder, a task of ui/platform/tasks.py). Scene coordinates
stay full-resolution pixels.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QImageReader, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

from mask_editor.ui.canvas.navigation import FIT_PADDING
from mask_editor.ui.platform import style
from mask_editor.ui.platform.tasks import Lane
from mask_editor.workspace import ImageRow

if TYPE_CHECKING:
    from pathlib import Path

Mode = Qt.TransformationMode

NO_IMAGE = QT_TRANSLATE_NOOP("ImageLayer", "No image cached for this pose yet")
FALLBACK_SIZE = (1280, 720)  # a frame to hold the masks when we know nothing of the image
MAX_REDUCTION = 8  # libjpeg decodes at 1/2, 1/4 and 1/8 natively


@dataclass(slots=True)
class ImageLayer:
    item: QGraphicsItem
    width: int
    height: int
    pixmap_item: QGraphicsPixmapItem | None  # None when showing the placeholder frame
    message: str | None  # the placeholder text, None when the image is shown
    path: str = ""
    reduction: int = 1  # the pixmap holds 1/reduction of the image's pixels per side
    pending: bool = False  # a frame standing in while the image is decoded off the GUI thread (preview.py)

    @property
    def rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def full_resolution(self) -> bool:
        return self.reduction == 1

    def needs_full(self, device_scale: float) -> bool:
        """Whether the preview's pixels would be magnified at this scale (device pixels per image pixel)."""
        return self.pixmap_item is not None and self.reduction > 1 and device_scale * self.reduction > 1.0

    def set_full(self, image: QImage) -> None:
        if self.pixmap_item is not None and self.reduction > 1 and image.size() == QSize(self.width, self.height):
            self.pixmap_item.setPixmap(QPixmap.fromImage(image))
            self.pixmap_item.setTransform(QTransform())
            self.reduction = 1

    def set_smooth(self, smooth: bool) -> None:
        """Smooth sampling when zoomed out (no aliasing shimmer); nearest pixels when zoomed in, so
        an admin sees the real pixels the camera sent."""
        if self.pixmap_item is not None:
            mode = Mode.SmoothTransformation if smooth else Mode.FastTransformation
            if self.pixmap_item.transformationMode() != mode:
                self.pixmap_item.setTransformationMode(mode)


def reduction_for(full: QSize, area: QSize | None) -> int:
    """The largest power-of-two reduction (up to 1/8) whose decoded size still covers the image
    fitted into `area` (device pixels): what is shown, not the whole area, since one side of the
    area is left empty when its aspect differs from the image's."""
    if area is None or full.isEmpty():
        return 1
    scale = min(area.width() / full.width(), area.height() / full.height())
    shown_w, shown_h = math.ceil(full.width() * scale - 1e-9), math.ceil(full.height() * scale - 1e-9)
    n = 1
    while n < MAX_REDUCTION:
        smaller = _reduced(full, n * 2)
        if smaller.width() < shown_w or smaller.height() < shown_h:
            break
        n *= 2
    return n


def _reduced(full: QSize, n: int) -> QSize:
    return QSize(-(-full.width() // n), -(-full.height() // n))  # libjpeg rounds up


def preview_size(view: QGraphicsView) -> QSize | None:
    """The device pixels the image is fitted into at the first paint: the viewport's less the fit
    padding, or before the window is shown,
    half the screen's (the canvas beside the side panels). A larger view later, or a zoom,
    brings the full image in the background (FullDecoder)."""
    screen = view.screen()
    if screen is None:
        return None
    size = view.viewport().size() if view.isVisible() else screen.size() / 2
    ratio, pad = view.devicePixelRatioF(), 2 * FIT_PADDING  # the image is fitted inside the padding
    return QSize(round(max(1, size.width() - pad) * ratio), round(max(1, size.height() - pad) * ratio))


def load_image_layer(image: ImageRow | None, wanted: QSize | None = None) -> ImageLayer:
    """Decode the cached file as is (no re-encoding, no EXIF rotation: boxes are relative to the
    pixels the camera sent); a JPEG larger than it shows fitted in `wanted` (device pixels) at a
    reduction. A missing
    or damaged file gives a frame of the known size and a reason."""
    if image is None:
        return _placeholder(*FALLBACK_SIZE, QCoreApplication.translate("ImageLayer", NO_IMAGE))
    return layer_of(image, decode_reduced(str(image.path), wanted))


@dataclass(frozen=True, slots=True)
class Decoded:
    """What decode_reduced read: the pixels (null on failure), the image's full size, the reduction."""

    image: QImage
    full: QSize
    reduction: int
    error: str  # the reader's reason when `image` is null


def decode_reduced(path: str, wanted: QSize | None, reading: Callable[[], None] | None = None,
                   reader: QImageReader | None = None) -> Decoded:
    """The file decoded at the reduction that covers it fitted in `wanted`; safe off the GUI thread
    (QImageReader and QImage are, a QPixmap is not). `reading` is called just before libjpeg starts;
    `reader`: one on `path` whose header was read already (by another thread, now done with it)."""
    reader = reader or QImageReader(path)
    reader.setAutoTransform(False)
    full = reader.size()
    n = reduction_for(full, wanted) if full.isValid() and reader.format() == b"jpeg" else 1
    if n > 1:
        reader.setScaledSize(_reduced(full, n))  # exactly libjpeg's size: no resampling after
    if reading is not None:
        reading()
    decoded = reader.read()
    return Decoded(decoded, full, n, reader.errorString() if decoded.isNull() else "")


def layer_of(image: ImageRow, decoded: Decoded) -> ImageLayer:
    """The scene item of what decode_reduced read (on the GUI thread: it makes the pixmap)."""
    n = decoded.reduction
    if decoded.image.isNull():
        size = (image.width, image.height) if image.width > 0 and image.height > 0 else FALLBACK_SIZE
        return _placeholder(*size, QCoreApplication.translate("ImageLayer", "The image file is damaged: %1").replace(
            "%1", decoded.error))
    width, height = ((decoded.full.width(), decoded.full.height()) if n > 1
                     else (decoded.image.width(), decoded.image.height()))
    item = QGraphicsPixmapItem(QPixmap.fromImage(decoded.image))
    if n > 1:
        item.setTransform(QTransform.fromScale(width / decoded.image.width(), height / decoded.image.height()))
    item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)  # no per-pixel mask to compute
    # Cached at the view's scale, never at image resolution (ItemCoordinateCache of a 7680x4320
    # image would be huge): pans scroll the cache, and redraws of masks above it only blit it.
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    return ImageLayer(item, width, height, item, None, str(image.path), n)


_defer_next = [False]  # set by defer_next_decode, taken by deferred_frame


def defer_next_decode() -> None:
    """At the app's start: the first pose's image is decoded after the window's first paint, not
    before it; a frame of its size stands in (the window paints first, then fills in)."""
    _defer_next[0] = True


def deferred_frame(image: ImageRow | None) -> ImageLayer | None:
    """After defer_next_decode, once: a JPEG's frame at the size the workspace recorded for it, not
    decoded yet (preview.PoseImage decodes it after the next paint; Qt's JPEG plugin loads then too).
    Else None: decode it at once."""
    defer, _defer_next[0] = _defer_next[0], False
    if not defer or image is None or image.width <= 0 or image.height <= 0 or not _is_jpeg(image.path):
        return None
    return _placeholder(image.width, image.height, "")


def _is_jpeg(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(3) == b"\xff\xd8\xff"  # the JPEG start-of-image marker
    except OSError:
        return False


def replace_frame(scene: QGraphicsScene, frame: ImageLayer, layer: ImageLayer) -> ImageLayer:
    """`layer` in the scene in place of the `frame` that stood in for it."""
    scene.removeItem(frame.item)
    layer.item.setZValue(frame.item.zValue())
    scene.addItem(layer.item)
    return layer


def decode_full(path: str) -> QImage:
    """The image's own pixels; runs off the GUI thread (a QImage is safe there, a QPixmap is not)."""
    reader = QImageReader(path)
    reader.setAutoTransform(False)
    return reader.read()


class FullDecoder(QObject):
    """Decodes images at full resolution, one at a time, as tasks (ui/platform/tasks.py); `decoded(path,
    image)` arrives on the GUI thread. `cancel()` drops the requests not started yet."""

    decoded = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane(self)

    def request(self, path: str) -> None:
        self._lane.submit(path, lambda: decode_full(path), lambda image: self.decoded.emit(path, image))

    def cancel(self) -> None:
        self._lane.cancel()

    def busy(self) -> bool:
        return self._lane.busy()


class ImageSharpness(QObject):
    """Keeps the shown image as sharp as the view's scale needs: smooth sampling when zoomed out,
    nearest pixels when zoomed in, and the full-resolution pixels decoded in the background once
    the preview would be magnified."""

    paused = Signal()  # a zoom gesture (wheel, pinch) stopped streaming frames

    def __init__(self, view: QGraphicsView, layer: Callable[[], ImageLayer | None]) -> None:
        super().__init__(view)
        self.view, self.layer = view, layer
        self.decoder = FullDecoder(self)
        self.decoder.decoded.connect(self._on_decoded)
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self._paused)

    def scale_changed(self, interactive: bool) -> None:
        # Smooth sampling of a big image costs ~3x nearest: while a wheel or pinch streams zoom
        # frames, draw nearest and smooth once the gesture pauses.
        if interactive:
            self._timer.start()
        else:
            self._timer.stop()
        self._update_smoothing(allow=not interactive)
        layer = self.layer()
        if layer is not None and layer.needs_full(self._scale() * self.view.devicePixelRatioF()):
            self.decoder.request(layer.path)

    def _paused(self) -> None:
        self._update_smoothing()
        self.paused.emit()

    def _scale(self) -> float:
        return self.view.transform().m11()

    def _on_decoded(self, path: str, image: QImage) -> None:
        layer = self.layer()
        if layer is not None and layer.path == path and not image.isNull():
            layer.set_full(image)
            self.view.viewport().update()

    def _update_smoothing(self, allow: bool = True) -> None:
        layer = self.layer()
        if layer is not None:
            layer.set_smooth(allow and self._scale() < 1.0)


def pending_frame(width: int, height: int, path: str) -> ImageLayer:
    """The frame standing in for an image being decoded (never painted: the canvas waits for it)."""
    frame = _placeholder(width, height, "")
    frame.path, frame.pending = path, True
    return frame


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
