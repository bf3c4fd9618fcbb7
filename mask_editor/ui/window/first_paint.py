"""Work that waits for the window's first paint: the window is painted first, then filled (issue 16)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # posted: runs once this paint pass (children too) is done
        return False

    def _run(self) -> None:
        window = self.parent()
        assert isinstance(window, QWidget)
        if not window.isVisible():  # closed in the meantime: its workspace may be closed too
            window.installEventFilter(self)  # waits for the next paint, should it be shown again
            return
        self._callback()
        self.deleteLater()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` once, right after the window's first paint pass."""
    _FirstPaint(window, callback)
