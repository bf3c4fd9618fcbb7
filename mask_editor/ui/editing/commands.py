"""One QUndoCommand class per kind of edit. Commands hold deltas (the rows before and after), never
snapshots of the pose, so the undo stack can be as deep as a day of work.

Each command writes the workspace at once; the first redo() runs when the command is pushed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mask_editor.core.geometry import Box
from mask_editor.workspace import Mask, Workspace
from mask_editor.workspace.store import Revision
from mask_editor.workspace.undo_rows import GONE, Step


class PoseDocument(Protocol):
    """What a command needs of the open pose (editing/document.py, which pushes the commands)."""

    workspace: Workspace
    pose_id: int

    def mask(self, local_id: int) -> Mask | None: ...
    def masks_of(self, local_ids: Iterable[int]) -> list[Mask]: ...
    def reload(self, local_ids: Iterable[int] | None = None) -> None: ...
    def set_selection(self, local_ids: Iterable[int]) -> None: ...
    def step_rows(self, steps: list[Step]) -> None: ...
    def write_boxes(self, boxes: Mapping[int, Box | None], shift: tuple[int, int] | None = None,
                    drawn_now: bool = True) -> Revision: ...

# Ids for mergeWith: QUndoStack merges consecutive commands of the same id when mergeWith agrees.
_SET_BOXES_ID = 1


class AddMasks(QUndoCommand):
    """Draw, paste, duplicate or propose masks: undo removes them, redo puts the same rows back."""

    def __init__(self, document: PoseDocument, boxes: list[Box], text: str) -> None:
        super().__init__(text)  # the caller words it ("Paste 3 masks", "Cover area")
        self.document = document
        self.boxes = boxes
        self.rows: list[Mask] = []  # the rows as added: their ids, pose and added time

    def redo(self) -> None:
        if self.rows:
            self.document.step_rows([Step(r, GONE, r.box) for r in self.rows])
        else:
            self.rows = self.document.workspace.add_masks(self.document.pose_id, self.boxes)
            self.document.reload([r.local_id for r in self.rows])
        self.document.set_selection(r.local_id for r in self.rows)

    def undo(self) -> None:
        self.document.step_rows([Step(r, r.box, GONE) for r in self.rows])


class DeleteMasks(QUndoCommand):
    """Delete one or many masks as one undo step."""

    def __init__(self, document: PoseDocument, local_ids: list[int]) -> None:
        n = len(local_ids)
        super().__init__(QCoreApplication.translate("Commands", "Delete mask") if n == 1
                         else QCoreApplication.translate("Commands", "Delete %1 masks").replace("%1", str(n)))
        self.document = document
        self.local_ids = local_ids
        self.before: list[Mask] = []  # the rows as they were before the first delete

    def redo(self) -> None:
        if self.before:
            self.document.step_rows([Step(r, r.box, GONE) for r in self.before])
        else:
            self.before = self.document.workspace.delete_masks(self.local_ids, pose_id=self.document.pose_id)
            self.document.reload(self.local_ids)

    def undo(self) -> None:
        self.document.step_rows([Step(r, GONE, r.box) for r in self.before])
        self.document.set_selection(self.local_ids)


class SetBoxes(QUndoCommand):
    """Move or resize masks. Consecutive nudges of the same masks (same merge key) merge into one.

    When nothing in the workspace changed since this command last wrote (its revision), its rows are
    as it left them, and undo or redo writes the other side directly, as the edit itself did (a drag's
    `shift` as one statement). Otherwise the steps go through undo_rows, which decides conflicts."""

    def __init__(self, document: PoseDocument, boxes: dict[int, Box], text: str,
                 merge_key: str | None = None, shift: tuple[int, int] | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.rows = document.masks_of(boxes)
        self.before: dict[int, Box | None] = {m.local_id: m.box for m in self.rows}
        self.after = dict(boxes) if len(self.before) == len(boxes) else \
            {i: b for i, b in boxes.items() if i in self.before}
        self.merge_key = merge_key
        self.shift = shift  # the same (dx, dy) thousandths for every box, or None
        self._revision: Revision | None = None  # what the workspace was just after this command's last write
        self._done_once = False

    def id(self) -> int:
        return _SET_BOXES_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetBoxes) or other.merge_key != self.merge_key:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        self.shift = (self.shift[0] + other.shift[0], self.shift[1] + other.shift[1]) \
            if self.shift is not None and other.shift is not None else None
        self._revision = other._revision  # its write, just done, is the last one
        return True

    def redo(self) -> None:
        if not self._done_once:  # pushed just now, from the document's current rows: nothing can have changed under it
            self._done_once = True
            self._revision = self.document.write_boxes(self.after, self.shift)
        else:
            self._step(self.before, self.after, self.shift)

    def undo(self) -> None:
        shift = self.shift
        self._step(self.after, self.before, (-shift[0], -shift[1]) if shift is not None else None)

    def _step(self, left: dict[int, Box | None], target: dict[int, Box | None], shift: tuple[int, int] | None) -> None:
        if self.document.workspace.unchanged_since(self._revision):
            self._revision = self.document.write_boxes(target, shift, drawn_now=False)
        else:
            self._revision = None  # the rows may now differ from ours: undo_rows decides, step by step
            self.document.step_rows([Step(r, left[r.local_id], target[r.local_id]) for r in self.rows])
