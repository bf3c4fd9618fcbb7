"""One open pose: its image, its masks, the selection, and the undo stack its edits go through.

The canvas, the mask table and the inspector all read from and write to a PoseDocument; none of
them talks to the others. Every edit becomes an undo command (ui/editing/commands.py), which writes the
workspace at once (no save step) and tells the views which masks changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mask_editor.core.geometry import Box, quantize
from mask_editor.ui.editing.commands import AddMasks, DeleteMasks, SetBoxes
from mask_editor.workspace import ImageRow, Mask, PoseRow, Workspace
from mask_editor.workspace.store import Revision
from mask_editor.workspace.undo_rows import Step, apply_steps


class PoseDocument(QObject):
    """The masks of one pose as views see them, with the edits they can make."""

    # Local ids whose rows changed (added, edited, state changed) and ids that are gone.
    masksChanged = Signal(object, object)  # (set[int] changed, set[int] removed)
    selectionChanged = Signal(object)  # frozenset[int]
    readOnlyChanged = Signal(bool)
    dimmedChanged = Signal(object)  # frozenset[int]: the masks the timeline filters out
    # A sentence for the status bar when an undo or redo could not simply be applied (a conflict).
    undoNotice = Signal(str)

    def __init__(self, workspace: Workspace, pose_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.pose_id = pose_id
        self.undo_stack = QUndoStack(self)
        self._masks: dict[int, Mask] = {m.local_id: m for m in workspace.masks(pose_id)}
        self._selection: frozenset[int] = frozenset()
        self._selection_conflict: bool | None = None  # known until the selection or a mask changes
        self._dimmed: frozenset[int] = frozenset()  # held here: the canvas and the table follow it
        # Until the owner says: a workspace that refuses writes is never editable.
        self._read_only_reason: str | None = workspace.read_only_reason

    # --- reading ------------------------------------------------------------------------------

    @property
    def pose(self) -> PoseRow | None:
        return self.workspace.pose(self.pose_id)

    def image(self) -> ImageRow | None:
        return self.workspace.pose_image(self.pose_id)

    def masks(self) -> list[Mask]:
        return list(self._masks.values())

    def mask(self, local_id: int) -> Mask | None:
        return self._masks.get(local_id)

    def masks_of(self, local_ids: Iterable[int]) -> list[Mask]:
        """The masks of these ids held here, in that order: one call for the 2,000 of a move."""
        masks = self._masks
        return [masks[i] for i in local_ids if i in masks]

    @property
    def selection(self) -> frozenset[int]:
        return self._selection

    def selection_has_conflict(self) -> bool:
        # Asked three times on every change to enable the conflict actions: one pass, kept until a change.
        if self._selection_conflict is None:
            masks = self._masks
            self._selection_conflict = any(masks[i].conflict for i in self._selection if i in masks)
        return self._selection_conflict

    def selected_masks(self) -> list[Mask]:
        return [self._masks[i] for i in sorted(self._selection) if i in self._masks]

    @property
    def dimmed(self) -> frozenset[int]:
        return self._dimmed

    def set_dimmed(self, local_ids: Iterable[int]) -> None:
        """The masks the timeline filters out: every view draws them faint (or hides them)."""
        dimmed = frozenset(local_ids)
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.dimmedChanged.emit(dimmed)

    @property
    def read_only_reason(self) -> str | None:
        return self._read_only_reason

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None

    def set_read_only(self, reason: str | None) -> None:
        """Set by the owner of the reason (window.open_poses.OpenPoses): a `user` account, a workspace
        opened read-only or from a newer version; None to allow edits."""
        if reason != self._read_only_reason:
            self._read_only_reason = reason
            self.readOnlyChanged.emit(reason is not None)

    # --- selection ----------------------------------------------------------------------------

    def set_selection(self, local_ids: Iterable[int]) -> None:
        selection = frozenset(i for i in local_ids if i in self._masks)
        if selection != self._selection:
            self._selection = selection
            self._selection_conflict = None
            self.selectionChanged.emit(selection)

    def select_all(self) -> None:
        self.set_selection(m.local_id for m in self._masks.values() if not m.deleted)

    # --- edits (each one undo step) -----------------------------------------------------------

    def add_boxes(self, boxes: Iterable[Box], text: str | None = None) -> None:
        quantized = [quantize(b) for b in boxes]
        if quantized and not self.read_only:
            self.undo_stack.push(AddMasks(self, quantized, text or self.tr("Add mask")))

    def set_boxes(self, boxes: Mapping[int, Box], text: str | None = None, merge_key: str | None = None) -> None:
        """Move or resize masks. Consecutive calls with the same `merge_key` (keyboard nudges) and the
        same masks become one undo step."""
        masks, changed = self._masks, {}
        for i, b in boxes.items():  # one pass: a 2,000-mask move counts every dict built
            if (mask := masks.get(i)) is not None and mask.box != (q := quantize(b)):
                changed[i] = q
        if changed and not self.read_only:
            self.undo_stack.push(SetBoxes(self, changed, text or self.tr("Move mask"), merge_key))

    def move(self, local_ids: Iterable[int], dx: int, dy: int, text: str | None = None,
             merge_key: str | None = None) -> None:
        """Shift masks together by (dx, dy) grid steps (thousandths), as one undo step written in one
        statement. The caller keeps every box inside the image (grid.clamp_shift); masks without a
        box stay where they are. `merge_key` as in set_boxes."""
        if (dx, dy) == (0, 0) or self.read_only:
            return
        masks, boxes = self._masks, {}
        for i in local_ids:  # one pass building each box once: the grid needs no quantize
            if (mask := masks.get(i)) is not None and (box := mask.box) is not None:
                boxes[i] = box.moved_on_grid(dx, dy)
        if boxes:
            self.undo_stack.push(SetBoxes(self, boxes, text or self.tr("Move mask"), merge_key, shift=(dx, dy)))

    def delete(self, local_ids: Iterable[int]) -> None:
        ids = [i for i in local_ids if i in self._masks and not self._masks[i].deleted]
        if ids and not self.read_only:
            self.undo_stack.push(DeleteMasks(self, ids))

    # --- called by undo commands and by sync ---------------------------------------------------

    def write_boxes(self, boxes: Mapping[int, Box | None], shift: tuple[int, int] | None = None,
                    drawn_now: bool = True) -> Revision:
        """Store boxes already on the grid (`shift`: they are the held rows' boxes moved by it, written
        as one statement), then update the rows held here as the workspace changed them (box, and no
        push error): a 2,000-mask move must not read its rows back. Returns the workspace's revision."""
        if shift is not None:
            revision = self.workspace.move_boxes(boxes.keys(), *shift, pose_id=self.pose_id, drawn_now=drawn_now)
        else:
            revision = self.workspace.set_boxes(boxes, pose_id=self.pose_id, drawn_now=drawn_now)
        masks = self._masks
        for local_id, box in boxes.items():
            if (mask := masks.get(local_id)) is not None:
                masks[local_id] = mask.with_box(box)
        # (no conflict changed: the selection's answer stands, spared a pass over 2,000 masks)
        self.masksChanged.emit(set(boxes), set())
        return revision

    def step_rows(self, steps: list[Step]) -> None:
        """Undo or redo: take the command's rows from what it left to what it wants, in the
        workspace (undo_rows decides when that must become a conflict), then here."""
        applied = apply_steps(self.workspace, self.pose_id, steps, known=self._masks)
        removed = {i for i, m in applied.rows.items() if m is None and i in self._masks}
        for local_id, mask in applied.rows.items():
            if mask is None:
                self._masks.pop(local_id, None)
            else:
                self._masks[local_id] = mask
        changed = {i for i, m in applied.rows.items() if m is not None}
        self._selection_conflict = None
        if changed or removed:
            self.masksChanged.emit(changed, removed)
        gone = self._selection & (removed | {i for i in changed if self._masks[i].deleted})
        if gone:
            self.set_selection(self._selection - gone)
        if applied.conflicts:
            self.undoNotice.emit(self._conflict_notice(applied.conflicts))
        elif applied.refused:
            ids = ", ".join(f"#{i}" for i in applied.refused)
            self.undoNotice.emit(self.tr("Left {ids} alone: that id belongs to a mask of another pose.")
                                 .replace("{ids}", ids))

    def _conflict_notice(self, local_ids: list[int]) -> str:
        ids = ", ".join(f"#{i}" for i in local_ids[:5]) + (" …" if len(local_ids) > 5 else "")
        return self.tr("Someone changed or deleted mask {ids} on the server since this edit, so it is now "
                       "a conflict: choose Keep mine or Take theirs. Nothing is sent before you decide.") \
            .replace("{ids}", ids)

    def reload(self, local_ids: Iterable[int] | None = None) -> None:
        """Re-read masks from the workspace (all of them when `local_ids` is None) and notify views."""
        if local_ids is None:
            fresh = {m.local_id: m for m in self.workspace.masks(self.pose_id)}
            removed = set(self._masks) - set(fresh)
            changed = {i for i, m in fresh.items() if self._masks.get(i) != m}
            self._masks = fresh
        else:
            ids = set(local_ids)
            rows = {m.local_id: m for m in self.workspace.masks_by_id(ids, pose_id=self.pose_id)}
            removed = {i for i in ids if i not in rows and i in self._masks}
            changed = set(rows)
            for i in removed:
                del self._masks[i]
            self._masks.update(rows)
        self._selection_conflict = None
        if changed or removed:
            self.masksChanged.emit(changed, removed)
        gone = self._selection & (removed | {i for i in changed if self._masks[i].deleted})
        if gone:
            self.set_selection(self._selection - gone)
