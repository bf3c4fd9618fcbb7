"""The review dialog's tree: pose → masks, each mask saying what the push will do with its boxes as
text (create, change from → to, delete) and each conflict both versions. Ticks choose what goes:
an unticked pose or mask is left out of the push (sync.LeaveOut) and stays pending."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from mask_editor.sync import LeaveOut, PosePlan
from mask_editor.workspace import Mask
from mask_editor.workspace.conflict_view import Change, ConflictCase, change, change_texts, versions

POSE_ROLE = Qt.ItemDataRole.UserRole
MASK_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_RED = "#d0342c"
CONFLICT_AMBER = "#a86400"
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def no_box() -> str:
    return translate("SyncDialog", "none")


def case_words(case: ConflictCase) -> str:
    return {ConflictCase.BOTH_CHANGED: translate("SyncDialog", "changed here and on the server"),
            ConflictCase.DELETED_THERE: translate("SyncDialog", "deleted on the server while you changed it"),
            ConflictCase.DELETED_HERE: translate("SyncDialog", "deleted here while someone changed it on the server"),
            }[case]


def mask_line(mask: Mask) -> str:
    """One sentence per mask: what the next push does with it."""
    kind = change(mask)
    before, after = change_texts(mask)
    if kind is Change.CREATE:
        line = translate("SyncDialog", "Mask {id}: create {box}.").format(id=mask.local_id, box=after)
    elif kind is Change.CHANGE:
        line = translate("SyncDialog", "Mask {id}: change {before} → {after}.").format(
            id=mask.local_id, before=before or no_box(), after=after or no_box())
    elif kind is Change.DELETE:
        line = translate("SyncDialog", "Mask {id}: delete {box}.").format(id=mask.local_id,
                                                                          box=before or no_box())
    else:
        found = versions(mask)
        if found is None:
            return ""
        line = translate("SyncDialog", "Mask {id}: conflict, {case}. Not pushed until you decide.").format(
            id=mask.local_id, case=case_words(found.case))
    if mask.push_error:
        line += " " + translate("SyncDialog", "Refused last time: {error}").format(error=mask.push_error)
    return line


def version_lines(mask: Mask) -> list[str]:
    """Both versions of a conflict and the box they came from, one line each."""
    found = versions(mask)
    if found is None:
        return []
    deleted = translate("SyncDialog", "deleted")
    return [translate("SyncDialog", "Mine: {box}").format(box=found.ours or deleted),
            translate("SyncDialog", "Theirs (server): {box}").format(box=found.theirs or deleted),
            translate("SyncDialog", "As last pulled: {box}").format(box=found.base or no_box())]


def span(item: QTreeWidgetItem) -> None:
    """Explanations and mask rows read across the count columns (once the item is in the tree)."""
    for k in range(item.childCount()):
        item.child(k).setFirstColumnSpanned(True)
        span(item.child(k))


def pose_item(pose: PosePlan, counts: list[str], left_out: LeaveOut) -> QTreeWidgetItem:
    """The pose's row and one child per mask; ticks restored from `left_out` (kept across refreshes)."""
    item = QTreeWidgetItem([pose.title, *counts])
    item.setData(0, POSE_ROLE, pose.pose_id)
    sendable = pose.created + pose.edited + pose.deleted
    for mask in sorted(sendable, key=lambda m: m.local_id):
        child = QTreeWidgetItem([mask_line(mask)])
        child.setData(0, MASK_ROLE, mask.local_id)
        child.setToolTip(0, child.text(0))
        child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        child.setCheckState(0, UNCHECKED if mask.local_id in left_out.masks else CHECKED)
        item.addChild(child)
    for mask in pose.conflicts:  # not ticked: a conflict waits for a decision, it is never pushed as is
        child = QTreeWidgetItem([mask_line(mask)])
        child.setData(0, MASK_ROLE, mask.local_id)
        child.setToolTip(0, child.text(0))
        child.setForeground(0, QColor(CONFLICT_AMBER))
        child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        for line in version_lines(mask):
            child.addChild(QTreeWidgetItem([line]))
        child.setExpanded(True)
        item.addChild(child)
    if sendable:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        if pose.pose_id in left_out.poses:
            item.setCheckState(0, UNCHECKED)  # auto-tristate: unticks every mask row too
    else:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
    return item


def leave_out(tree: QTreeWidget) -> LeaveOut:
    """What the ticks leave out: whole poses, and single masks of the poses still ticked."""
    poses: set[int] = set()
    masks: set[int] = set()
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if _unticked(item):
            poses.add(item.data(0, POSE_ROLE))
        for k in range(item.childCount()):
            if _unticked(child := item.child(k)) and child.data(0, MASK_ROLE) is not None:
                masks.add(child.data(0, MASK_ROLE))
    return LeaveOut(frozenset(poses), frozenset(masks))


def _unticked(item: QTreeWidgetItem) -> bool:
    """Only rows that carry a tick: explanation rows and conflicts have none."""
    return item.data(0, Qt.ItemDataRole.CheckStateRole) is not None and item.checkState(0) == UNCHECKED
