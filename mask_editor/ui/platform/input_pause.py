"""Background work that waits for the person to pause (issue 16).

A worker shares the GIL with the window: while it runs Python, every return of the GUI thread from
Qt waits for it (up to the 5 ms switch interval). A long job started while someone types in the pose
browser's filter made each key ~6 ms slower at p95 (fleet of 16,000 poses: the drift check at start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
})


class AfterInputPause(QObject):
    """Call `callback` once, `quiet_ms` after it is made or after the last key, click, wheel turn or
    drag anywhere in the application, whichever comes later."""

    def __init__(self, quiet_ms: int, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self, singleShot=True, interval=quiet_ms)
        self._timer.timeout.connect(self._fire)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT or (kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent)
                              and event.buttons() != Qt.MouseButton.NoButton):
            self._timer.start()
        return False

    def _fire(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._callback()
