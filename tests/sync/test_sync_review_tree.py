"""The review dialog's tree, driven with pytest-qt against the fake server: one row per mask saying
what the push does (boxes as text), conflicts with both versions, and ticks that leave rows out."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, pull_all
from mask_editor.ui.dialogs.sync_review import SyncDialog
from mask_editor.ui.dialogs.sync_review_tree import MASK_ROLE
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id, server_texts


def rows(item: QTreeWidgetItem) -> dict[int, QTreeWidgetItem]:
    return {item.child(k).data(0, MASK_ROLE): item.child(k) for k in range(item.childCount())
            if item.child(k).data(0, MASK_ROLE) is not None}


def test_the_tree_lists_each_mask_and_a_left_out_mask_stays_pending(  # type: ignore[no-untyped-def]
        qtbot, fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions) -> None:
    ws, (pose, other, _) = refreshed, fake_api.seeded.alpha_poses
    edited_id, deleted_id, conflict_id = (fake_api.state.add_mask(pose, format_mask(box(i))).id for i in range(3))
    pull_all(client, ws, options=options)
    synced = by_server_id(ws, pose)
    created, held = ws.add_masks(pose, [box(10), box(11)])
    ws.set_boxes({synced[edited_id].local_id: box(12), synced[conflict_id].local_id: box(13)})
    ws.delete_masks([synced[deleted_id].local_id])
    fake_api.state.patch_mask(conflict_id, format_mask(box(14)))
    pull_all(client, ws, options=options)  # changed on both sides: a conflict
    ws.add_mask(other, box(15))

    d = SyncDialog(ws, lambda: client, options=SyncOptions(sleep=lambda _s: None))
    qtbot.addWidget(d)
    pose_row = next(d.tree.topLevelItem(i) for i in range(2) if d.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                    == pose)
    lines = {local_id: item.text(0) for local_id, item in rows(pose_row).items()}
    assert lines[created.local_id] == f"Mask {created.local_id}: create {format_mask(box(10))}."
    assert lines[synced[edited_id].local_id] == (f"Mask {synced[edited_id].local_id}: change {format_mask(box(0))} → "
                                                 f"{format_mask(box(12))}.")
    assert lines[synced[deleted_id].local_id] == f"Mask {synced[deleted_id].local_id}: delete {format_mask(box(1))}."
    conflict_row = rows(pose_row)[synced[conflict_id].local_id]
    assert "changed here and on the server" in lines[synced[conflict_id].local_id]
    assert [conflict_row.child(k).text(0) for k in range(conflict_row.childCount())] == [
        f"Mine: {format_mask(box(13))}", f"Theirs (server): {format_mask(box(14))}",
        f"As last pulled: {format_mask(box(2))}"]
    assert not conflict_row.flags() & Qt.ItemFlag.ItemIsUserCheckable  # never pushed as is: nothing to tick

    rows(pose_row)[held.local_id].setCheckState(0, Qt.CheckState.Unchecked)
    assert pose_row.checkState(0) is Qt.CheckState.PartiallyChecked
    other_row = next(d.tree.topLevelItem(i) for i in range(2) if d.tree.topLevelItem(i) is not pose_row)
    other_row.setCheckState(0, Qt.CheckState.Unchecked)
    with qtbot.waitSignal(d.syncFinished, timeout=20000) as done:
        d.push_all_button.click()
    result = done.args[0]
    assert result.outcome is Outcome.COMPLETED and (result.created, result.patched, result.deleted) == (1, 1, 1)
    texts = server_texts(fake_api.state, pose)
    assert texts[format_mask(box(10))] == 1 and texts[format_mask(box(11))] == 0
    assert server_texts(fake_api.state, other)[format_mask(box(15))] == 0
    assert ws.masks_by_id([held.local_id])[0].state is MaskState.NEW
    # Still listed, still unticked after the refresh: the next push leaves them out again unless ticked.
    pose_row = next(d.tree.topLevelItem(i) for i in range(d.tree.topLevelItemCount())
                    if d.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == pose)
    assert rows(pose_row)[held.local_id].checkState(0) is Qt.CheckState.Unchecked
