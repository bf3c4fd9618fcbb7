"""Deciding conflicts from the window: keep mine, take theirs, keep both, on the selected masks
that are in conflict. Each decision is ONE undo step (a QUndoCommand on the pose's stack), so a
wrong click is Ctrl+Z away; nothing reaches the server before the next push, which the review
dialog shows first. The rules themselves live in mask_editor/sync/conflicts.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mask_editor.sync import Resolution, keep_both, keep_mine, take_theirs
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.workspace import ConflictKind, Mask, Workspace

Decision = Callable[[Workspace, Iterable[int]], Resolution]

translate = QCoreApplication.translate  # lupdate reads the literal calls below

# Each decision with its undo step's title for one mask and for n > 1 masks.
DECISIONS: dict[str, tuple[Decision, Callable[[], str], Callable[[int], str]]] = {
    "keep_mine": (keep_mine, lambda: translate("Conflicts", "Keep my version"),
                  lambda n: translate("Conflicts", "Keep my version (%1 masks)").replace("%1", str(n))),
    "take_theirs": (take_theirs, lambda: translate("Conflicts", "Take the server's version"),
                    lambda n: translate("Conflicts", "Take the server's version (%1 masks)").replace("%1", str(n))),
    "keep_both": (keep_both, lambda: translate("Conflicts", "Keep both versions"),
                  lambda n: translate("Conflicts", "Keep both versions (%1 masks)").replace("%1", str(n))),
}


class ResolveConflicts(QUndoCommand):
    """One decision on several conflict masks; undo puts the rows back exactly (conflict included)."""

    def __init__(self, document: PoseDocument, local_ids: list[int], decision: Decision, title: str) -> None:
        super().__init__(title)
        self.document = document
        self.local_ids = local_ids
        self.decision = decision
        self.resolution: Resolution | None = None

    def redo(self) -> None:
        self.resolution = self.decision(self.document.workspace, self.local_ids)
        self.document.reload(self.resolution.local_ids)

    def undo(self) -> None:
        if self.resolution is None:
            return
        self.resolution.undo(self.document.workspace)
        self.document.reload(self.resolution.local_ids)
        self.document.set_selection(self.local_ids)


def selected_conflicts(document: PoseDocument) -> list[int]:
    """The selected masks that are in conflict, in the order of their local ids."""
    return [m.local_id for m in document.selected_masks() if m.conflict is not None]


def resolve(document: PoseDocument, name: str, local_ids: Iterable[int] | None = None) -> int:
    """Apply the decision `name` (keep_mine, take_theirs, keep_both) to `local_ids`, or to the
    selected conflicts; returns how many masks were decided (0: nothing to do, or read-only)."""
    decision, one, many = DECISIONS[name]
    ids = [i for i in (local_ids if local_ids is not None else selected_conflicts(document))
           if (m := document.mask(i)) is not None and m.conflict is not None]
    if not ids or document.read_only:
        return 0
    document.undo_stack.push(ResolveConflicts(document, ids, decision, one() if len(ids) == 1 else many(len(ids))))
    return len(ids)


def resolve_keep_mine(document: PoseDocument) -> int:
    return resolve(document, "keep_mine")


def resolve_take_theirs(document: PoseDocument) -> int:
    return resolve(document, "take_theirs")


def resolve_keep_both(document: PoseDocument) -> int:
    return resolve(document, "keep_both")


def describe_conflict(mask: Mask) -> str:
    """One sentence for the inspector or a tooltip: what the server did, and what each choice means."""
    if mask.conflict is ConflictKind.SERVER_DELETED:
        return translate("Conflicts", "Someone deleted this mask on the server while you changed it. "
                         "Keep mine creates it again; take theirs removes it here.")
    if mask.conflict is ConflictKind.SERVER_EDITED:
        if mask.deleted:
            text = translate("Conflicts", "Someone changed this mask on the server to %1 while you deleted it. "
                             "Keep mine sends yours, take theirs keeps the server's, keep both keeps the two boxes.")
        else:
            text = translate("Conflicts", "Someone changed this mask on the server to %1 while you moved it to %2. "
                             "Keep mine sends yours, take theirs keeps the server's, keep both keeps the two boxes.")
            text = text.replace("%2", str(mask.text))
        return text.replace("%1", str(mask.theirs_text))
    return ""
