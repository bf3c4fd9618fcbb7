"""Where the pointer is on the image, for the status bar's coordinates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

Position = tuple[float, float, float, float] | None  # (x px, y px, x relative, y relative), None: off the image


class CursorReport:
    """Says each position on the image, and once (None) when the pointer leaves it."""

    def __init__(self, emit: Callable[[Position], None]) -> None:
        self._emit = emit
        self._inside = False

    def at(self, p: QPointF, width: int, height: int) -> None:
        if 0 <= p.x() < width and 0 <= p.y() < height:
            self._inside = True
            self._emit((p.x(), p.y(), p.x() / width, p.y() / height))
        else:
            self.left()

    def left(self) -> None:
        if self._inside:
            self._inside = False
            self._emit(None)
