"""The undo history of the active pose, in a dock hidden by default (View > Undo history)."""

from __future__ import annotations

from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QDockWidget, QUndoView, QWidget


class UndoHistoryDock(QDockWidget):
    def __init__(self, group: QUndoGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo history"))
        self.setObjectName("undo_history_dock")  # saveState/restoreState find docks by name
        self.view = QUndoView(group, self)
        self.view.setEmptyLabel(self.tr("Pose as opened"))
        self.view.setCleanIcon(self.view.cleanIcon())
        self.setWidget(self.view)
