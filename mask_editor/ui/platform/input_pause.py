"""Background work that waits for the person to pause (issue 16).

A worker shares the GIL with the window: while it runs Python, every return of the GUI thread from
Qt waits for it (up to the 5 ms switch interval). A long job started while someone types in the pose
browser's filter made each key ~6 ms slower at p95 (fleet of 16,000 poses: the drift check at start).
`AfterInputPause` starts such a job once the input pauses; `InputGate` lets a job that is running
stop between two steps while the input goes on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
})


def is_input(event: QEvent) -> bool:
    """A key, a click, a wheel turn or a drag (a pointer only passing over is not)."""
    kind = event.type()
    return kind in _INPUT or (kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent)
                              and event.buttons() != Qt.MouseButton.NoButton)


class _AppFilter(QObject):
    """Watches every event of the application for input until `close()` (or its deletion)."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_input(event):
            self.saw_input()
        return False

    def saw_input(self) -> None:
        """A key, click, wheel turn or drag just reached the application (on the GUI thread)."""

    def close(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class AfterInputPause(_AppFilter):
    """Call `callback` once, `quiet_ms` after it is made or after the last key, click, wheel turn or
    drag anywhere in the application, whichever comes later."""

    def __init__(self, quiet_ms: int, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self, singleShot=True, interval=quiet_ms)
        self._timer.timeout.connect(self._fire)
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def saw_input(self) -> None:
        self._timer.start()

    def _fire(self) -> None:
        self.close()
        self._callback()


class InputGate(_AppFilter):
    """Made on the GUI thread for one job; the job calls `wait()` between its steps, on its worker."""

    def __init__(self, quiet_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quiet_s = quiet_ms / 1000
        self._last = float("-inf")  # no input seen yet

    def saw_input(self) -> None:
        self._last = time.monotonic()  # one float, written here and read by the worker

    def close(self) -> None:
        """Once the job is over (one gate per job: it goes)."""
        super().close()
        self.deleteLater()

    def wait(self, stop: threading.Event, longest_s: float = 2.0) -> bool:
        """On the worker: return once no input came for the quiet time, or after `longest_s` (a long
        burst of typing lets the job take one more step), or at once when `stop` is set: then True."""
        end = time.monotonic() + longest_s
        while (left := self._last + self._quiet_s - time.monotonic()) > 0 and time.monotonic() < end:
            if stop.wait(min(left, end - time.monotonic())):  # asleep, without the GIL
                return True
        return stop.is_set()
