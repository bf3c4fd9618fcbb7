"""The pose image in the canvas's scene, and how it gets there: decoded at once when small, off the
GUI thread when large, after the window's first paint for the app's first pose.

A large image is decoded off the GUI thread while the rest of the window follows the new pose.

Over ~2 megapixels libjpeg's decode, even reduced, outlasts everything else an open does (the mask
layer, table, inspector, timeline and their paint: ~5-8 ms); on a second core the two run side by
side. The canvas shows the image's frame (its size from the JPEG header, so the masks, the fit and
the coordinates are right at once) but keeps its viewport from painting until the pixels arrive:
the first paint shows the pose's own image, never an empty frame. A pose left before its image
arrives is not shown over the next one (a generation counter), and a decode queued for it is skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from mask_editor.ui.canvas import image_layer
from mask_editor.ui.canvas.image_layer import (
    Decoded,
    ImageLayer,
    decode_reduced,
    layer_of,
    load_image_layer,
    pending_frame,
    preview_size,
    replace_frame,
)
from mask_editor.ui.platform.cores import own_core
from mask_editor.ui.platform.tasks import run_task
from mask_editor.workspace import ImageRow

# Below this the decode (~6 ms for 1280x720) is no longer than the rest of the open: decoding at
# once keeps the pixmap there when set_document returns.
OFF_THREAD_MIN_PIXELS = 2_000_000
# How long the GUI thread lets the decoding thread take the GIL and reach libjpeg (which runs
# without it): otherwise the thread waits for the interpreter's 5 ms switch interval to start.
HANDOVER_S = 0.005


class PreviewDecoder(QObject):
    """Decodes one pose image at a time on the urgent task thread; `shown(layer)` is called on the
    GUI thread with the scene item of the latest pose asked for, never of one left meanwhile."""

    def __init__(self, shown: Callable[[ImageLayer], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown = shown
        self._generation = 0  # read by the decoding thread: a queued decode of a pose left is skipped
        self._in_flight = 0

    def cancel(self) -> None:
        """The image asked for last is not wanted any more (another pose, or none, is shown)."""
        self._generation += 1

    def start(self, image: ImageRow | None, wanted: QSize | None) -> ImageLayer | None:
        """A frame of the image's size standing in while it is decoded, or None when it is small
        (or not a JPEG whose header we can read): decode it at once."""
        self.cancel()
        if image is None:
            return None
        reader = QImageReader(str(image.path))
        full = reader.size()
        if reader.format() != b"jpeg" or not full.isValid() or full.width() * full.height() < OFF_THREAD_MIN_PIXELS:
            return None
        generation, path = self._generation, str(image.path)
        under_way, gui_thread = threading.Event(), threading.get_native_id()

        def decode() -> Decoded | None:
            if generation != self._generation:
                return None  # left before its turn came
            with own_core(gui_thread):  # the header read here already: not parsed twice before the decode
                return decode_reduced(path, wanted, reading=under_way.set, reader=reader)

        def arrived(decoded: Decoded | None) -> None:
            self._in_flight -= 1
            if decoded is not None and generation == self._generation:
                self._shown(layer_of(image, decoded))

        def failed(error: BaseException) -> None:  # never left pending: the frame says why
            self._in_flight -= 1
            if generation == self._generation:
                self._shown(layer_of(image, Decoded(QImage(), full, 1, type(error).__name__)))

        idle = self._in_flight == 0
        self._in_flight += 1
        run_task(decode, arrived, failed, owner=self, urgent=True)
        if idle:
            under_way.wait(HANDOVER_S)  # releases the GIL; no wait when an earlier decode holds the thread
        return pending_frame(full.width(), full.height(), path)


class AfterPaint(QObject):
    """Callbacks run once the canvas has painted its pose's image (the drift check of a pose opened):
    work that need not delay that paint, nor take the GIL or a core from the decode before it."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view, self._callbacks = view, []
        self._timer = QTimer(self, singleShot=True, timeout=self._run)

    def add(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)
        # Not on screen, or not exposed yet: no paint may come, so nothing waits long for one.
        self._timer.start(500 if self._view.isVisible() else 0)

    def painted(self) -> None:
        """From the canvas's paint, its image shown: run them right after it."""
        if self._callbacks:
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()


class PoseImage(QObject):
    """The image layer of the pose shown in `view`'s scene; `arrived()` once pixels decoded off the
    GUI thread (or after the first paint) have replaced the frame that stood in for them (a zoom made
    meanwhile may want the full image)."""

    resized = Signal()  # the deferred image is not the size its frame was given

    def __init__(self, view: QGraphicsView, scene: QGraphicsScene, z: float, arrived: Callable[[], None]) -> None:
        super().__init__(view)
        self._view, self._scene, self._z, self._arrived = view, scene, z, arrived
        self.layer: ImageLayer | None = None
        self._image: ImageRow | None = None
        self._deferred: ImageLayer | None = None  # the app's first pose, decoded after the first paint
        self._previews = PreviewDecoder(self._replace, self)
        self.after_paint = AfterPaint(view)

    def show(self, image: ImageRow | None) -> ImageLayer:
        self.clear()
        self._image, wanted = image, preview_size(self._view)
        self._deferred = image_layer.deferred_frame(image)
        self.layer = self._deferred or self._previews.start(image, wanted) or load_image_layer(image, wanted)
        self.layer.item.setZValue(self._z)
        self._scene.addItem(self.layer.item)
        return self.layer

    def clear(self) -> None:
        # Paints held from now (a viewport marked dirty while updates are on would paint even after
        # they are turned off) until paint_when_ready.
        self._view.viewport().setUpdatesEnabled(False)
        self._previews.cancel()  # an image still on its way is not wanted any more
        if self.layer is not None:
            self._scene.removeItem(self.layer.item)
        self.layer, self._image, self._deferred = None, None, None

    def paint_when_ready(self) -> None:
        """The viewport paints now, or when an image decoded off the GUI thread is there: never its
        empty frame before it (the viewport keeps what it showed, as when the GUI thread decoded)."""
        self._view.viewport().setUpdatesEnabled(not self.pending())  # turned on, it repaints

    def pending(self) -> bool:
        """Whether the image is being decoded off the GUI thread (its frame is never painted)."""
        return self.layer is not None and self.layer.pending

    def painted(self) -> None:
        """From the view's paint."""
        if self._deferred is not None:
            QTimer.singleShot(0, self._decode_deferred)  # after this paint
        elif not self.pending():
            self.after_paint.painted()

    def _decode_deferred(self) -> None:
        frame, self._deferred = self._deferred, None
        if frame is not None and frame is self.layer:  # not another pose by now
            layer = load_image_layer(self._image, preview_size(self._view))
            self._replace(layer, frame)
            if (layer.width, layer.height) != (frame.width, frame.height):
                self.resized.emit()  # the file is not the size the workspace recorded: masks laid out again

    def _replace(self, layer: ImageLayer, frame: ImageLayer | None = None) -> None:
        """`layer` in place of `frame` (by default, the frame of an image on its way) if still shown."""
        shown = self.layer
        if shown is not None and (shown is frame if frame is not None else shown.pending):
            self.layer = replace_frame(self._scene, shown, layer)
            self._arrived()
            self._view.viewport().setUpdatesEnabled(True)  # and paints
