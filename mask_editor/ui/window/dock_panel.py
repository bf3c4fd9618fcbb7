"""A dock's contents, made when first read: the window paints its dock frames first and fills them
right after (issue 16); code that reads a panel sooner gets it built there and then, wired as usual."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

P = TypeVar("P", bound=QWidget)


class DockPanel(Generic[P]):
    """`browser = DockPanel(lambda w: w.poses_dock, make)` on a window class: the first read of
    `window.browser` makes the panel, puts it in that dock and calls `window.panel_filled("browser")`
    (where the window connects it and brings it up to date). The panel is then kept on the instance,
    where later reads find it before this (non-data) descriptor."""

    def __init__(self, dock: Callable[[Any], QDockWidget], make: Callable[[Any], P]) -> None:
        self._dock, self._make = dock, make
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, window: None, owner: type | None = None) -> DockPanel[P]: ...

    @overload
    def __get__(self, window: QMainWindow, owner: type | None = None) -> P: ...

    def __get__(self, window: QMainWindow | None, owner: type | None = None) -> DockPanel[P] | P:
        if window is None:
            return self
        panel = self._make(window)
        vars(window)[self._name] = panel  # before the wiring, which may read it
        self._dock(window).setWidget(panel)
        window.panel_filled(self._name)  # type: ignore[attr-defined]
        return panel


def is_filled(window: QMainWindow, name: str) -> bool:
    """Whether the panel `name` is built (read at least once)."""
    return name in vars(window)
