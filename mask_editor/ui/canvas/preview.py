"""A large pose image decoded off the GUI thread while the rest of the window follows the new pose.

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

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QImageReader

from mask_editor.ui.canvas.image_layer import Decoded, ImageLayer, decode_reduced, layer_of, pending_frame
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
        under_way = threading.Event()

        def decode() -> Decoded | None:
            if generation != self._generation:
                return None  # left before its turn came
            return decode_reduced(path, wanted, reading=under_way.set)

        def arrived(decoded: Decoded | None) -> None:
            self._in_flight -= 1
            if decoded is not None and generation == self._generation:
                self._shown(layer_of(image, decoded))

        def failed(_error: BaseException) -> None:
            self._in_flight -= 1

        idle = self._in_flight == 0
        self._in_flight += 1
        run_task(decode, arrived, failed, owner=self, urgent=True)
        if idle:
            under_way.wait(HANDOVER_S)  # releases the GIL; no wait when an earlier decode holds the thread
        return pending_frame(full.width(), full.height(), path)

    def busy(self) -> bool:
        return self._in_flight > 0
