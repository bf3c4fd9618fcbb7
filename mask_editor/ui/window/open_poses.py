"""The PoseDocuments kept open: a small LRU, so going back to a pose keeps its undo history, and a
QUndoGroup, so Undo and Redo always act on the pose on screen.

It owns why nothing may be edited (the workspace's state and the account's role, in words for the
banner): the documents, the banner and the actions read `OpenPoses.read_only_reason`."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoGroup

from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.platform.read_only import read_only_reason, user_role_text
from mask_editor.workspace import Workspace

DEFAULT_CAPACITY = 8  # each holds its masks and deltas: small, but not unbounded
__all__ = ["DEFAULT_CAPACITY", "OpenPoses", "read_only_reason", "user_role_text"]


class OpenPoses(QObject):
    def __init__(self, workspace: Workspace, capacity: int = DEFAULT_CAPACITY,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.capacity = capacity
        self.group = QUndoGroup(self)
        self._docs: OrderedDict[int, PoseDocument] = OrderedDict()
        self.read_only_reason: str | None = read_only_reason(workspace)

    def open(self, pose_id: int) -> PoseDocument:
        """The pose's document (kept or new), made active; the least recently used one beyond
        `capacity` is closed and its undo history dropped."""
        doc = self._docs.get(pose_id)
        if doc is None:
            doc = PoseDocument(self.workspace, pose_id, self)
            doc.set_read_only(self.read_only_reason)
            self._docs[pose_id] = doc
            self.group.addStack(doc.undo_stack)
        self._docs.move_to_end(pose_id)
        self.group.setActiveStack(doc.undo_stack)
        while len(self._docs) > self.capacity:
            _old_id, old = self._docs.popitem(last=False)
            self.group.removeStack(old.undo_stack)
            old.deleteLater()
        return doc

    def get(self, pose_id: int) -> PoseDocument | None:
        return self._docs.get(pose_id)

    def documents(self) -> list[PoseDocument]:
        return list(self._docs.values())

    def set_read_only(self, reason: str | None) -> None:
        self.read_only_reason = reason
        for doc in self._docs.values():
            doc.set_read_only(reason)

    def close_all(self) -> None:
        for doc in self._docs.values():
            self.group.removeStack(doc.undo_stack)
            doc.deleteLater()
        self._docs.clear()
