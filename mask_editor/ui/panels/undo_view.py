"""The undo history of the active pose, in a dock hidden by default (View > Undo history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QUndoView


class UndoHistoryDock(QDockWidget):
    """The list itself (a QUndoView with its icons, ~13 ms at the start) is built the first time
    the dock is shown or asked for: the dock is hidden by default, the window paints without it."""

    def __init__(self, group: QUndoGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo history"))
        self.setObjectName("undo_history_dock")  # saveState/restoreState find docks by name
        self._group = group
        self._view: QUndoView | None = None

    @property
    def view(self) -> QUndoView:
        if self._view is None:
            from PySide6.QtWidgets import QUndoView  # its class (and its enums) made on first show too

            self._view = QUndoView(self._group, self)
            self._view.setEmptyLabel(self.tr("Pose as opened"))
            self._view.setCleanIcon(self._view.cleanIcon())
            self.setWidget(self._view)
        return self._view

    def set_group(self, group: QUndoGroup) -> None:
        self._group = group
        if self._view is not None:
            self._view.setGroup(group)

    def showEvent(self, event: QShowEvent) -> None:
        self.view  # noqa: B018  (built on first show)
        super().showEvent(event)
