"""One QUndoCommand class per kind of edit. Commands hold deltas (the rows before and after), never
snapshots of the pose, so the undo stack can be as deep as a day of work.

Each command writes the workspace at once; the first redo() runs when the command is pushed.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from mask_editor.core.geometry import Box
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.workspace import Mask

# Ids for mergeWith: QUndoStack merges consecutive commands of the same id when mergeWith agrees.
_SET_BOXES_ID = 1


class AddMasks(QUndoCommand):
    """Draw, paste, duplicate or propose masks: undo deletes them, redo puts the same rows back."""

    def __init__(self, document: PoseDocument, boxes: list[Box], text: str) -> None:
        super().__init__(text)  # the caller words it ("Paste 3 masks", "Cover area")
        self.document = document
        self.boxes = boxes
        self.rows: list[Mask] = []  # the rows as added, kept to restore the same local ids on redo

    def redo(self) -> None:
        ws = self.document.workspace
        if self.rows:
            ws.restore_masks(self.rows)
        else:
            self.rows = ws.add_masks(self.document.pose_id, self.boxes)
        ids = [r.local_id for r in self.rows]
        self.document.reload(ids)
        self.document.set_selection(ids)

    def undo(self) -> None:
        ids = [r.local_id for r in self.rows]
        # Keep the latest rows (a sync may have given them server ids) so redo restores what is true.
        self.rows = self.document.workspace.delete_masks(ids)
        self.document.reload(ids)


class DeleteMasks(QUndoCommand):
    """Delete one or many masks as one undo step."""

    def __init__(self, document: PoseDocument, local_ids: list[int]) -> None:
        n = len(local_ids)
        super().__init__("Delete mask" if n == 1 else f"Delete {n} masks")
        self.document = document
        self.local_ids = local_ids
        self.before: list[Mask] = []

    def redo(self) -> None:
        self.before = self.document.workspace.delete_masks(self.local_ids)
        self.document.reload(self.local_ids)

    def undo(self) -> None:
        self.document.workspace.restore_masks(self.before)
        self.document.reload(self.local_ids)
        self.document.set_selection(self.local_ids)


class SetBoxes(QUndoCommand):
    """Move or resize masks. Consecutive nudges of the same masks (same merge key) merge into one."""

    def __init__(self, document: PoseDocument, boxes: dict[int, Box], text: str,
                 merge_key: str | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.after = dict(boxes)
        self.before: dict[int, Box | None] = {
            i: m.box for i in boxes if (m := document.mask(i)) is not None
        }
        self.merge_key = merge_key

    def id(self) -> int:
        return _SET_BOXES_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetBoxes) or other.merge_key != self.merge_key:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        return True

    def redo(self) -> None:
        self.document.write_boxes(self.after)

    def undo(self) -> None:
        self.document.write_boxes(self.before)
