"""Another editor changes the same poses between our pulls: every overlap is a conflict, and each
decision (mine, theirs, both) leads to the state the user chose, on the server and here."""

from __future__ import annotations

from collections import Counter

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, keep_both, keep_mine, plan, pull_all, push_all, take_theirs
from mask_editor.workspace import ConflictKind, MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.conftest import MakeClient
from tests.sync.helpers import box, by_server_id, intended_texts, server_texts


def t(i: int) -> str:
    return format_mask(box(i))


def test_overlapping_edits_become_conflicts_and_each_decision_holds(
        fake_api: FakeApi, client: PyroClient, make_client: MakeClient, refreshed: Workspace,
        options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    fake_api.state.add_user("agent-b", "b-Pa55word!", "agent", fake_api.seeded.org)
    other = make_client("agent-b")
    ids = [fake_api.state.add_mask(pose, t(i)).id for i in range(10)]
    pull_all(client, ws, options=options)
    local = {i: by_server_id(ws, pose)[ids[i]].local_id for i in range(10)}

    # Here: edit 0-5 and 9, delete 6.
    ws.set_boxes({local[i]: box(20 + i) for i in (0, 1, 2, 3, 4, 5, 9)})
    ws.delete_masks([local[6]])
    # There (real HTTP, another account): edit 0-2, 6, 7; delete 3-5, 8.
    for i in (0, 1, 2, 6, 7):
        other.patch_mask(ids[i], box(30 + i))
    for i in (3, 4, 5, 8):
        other.delete_mask(ids[i])

    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.COMPLETED
    assert (result.conflicts, result.patched, result.taken, result.dropped) == (7, 1, 1, 1)
    conflicts = {m.local_id: m for m in plan(ws).pose(pose).conflicts}  # type: ignore[union-attr]
    assert set(conflicts) == {local[i] for i in (0, 1, 2, 3, 4, 5, 6)}
    for i in (0, 1, 2, 6):
        mask = conflicts[local[i]]
        assert mask.conflict is ConflictKind.SERVER_EDITED and mask.theirs_text == t(30 + i)
    for i in (3, 4, 5):
        assert conflicts[local[i]].conflict is ConflictKind.SERVER_DELETED
    # Nothing of theirs was overwritten while the conflicts wait.
    assert server_texts(fake_api.state, pose) == Counter([t(30), t(31), t(32), t(36), t(37), t(29)])

    keep_mine(ws, [local[0], local[3]])
    take_theirs(ws, [local[1], local[4], local[6]])
    both = keep_both(ws, [local[2], local[5]])
    assert len(both.added) == 1  # server-deleted 5 has only our version: kept as new
    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.COMPLETED and result.conflicts == 0 and result.remaining == 0

    expected = Counter([t(20), t(31), t(32), t(22), t(23), t(25), t(36), t(37), t(29)])
    assert server_texts(fake_api.state, pose) == expected == intended_texts(ws, pose)
    assert all(m.state is MaskState.SYNCED for m in ws.masks(pose))
    rows = by_server_id(ws, pose)
    assert rows[ids[0]].box == box(20) and rows[ids[1]].box == box(31) and rows[ids[2]].box == box(32)
    assert ids[4] not in rows and ids[6] in rows and rows[ids[6]].box == box(36)


def test_a_decision_can_be_undone_exactly(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                          options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    mask_id = fake_api.state.add_mask(pose, t(1)).id
    pull_all(client, ws, options=options)
    local_id = by_server_id(ws, pose)[mask_id].local_id
    ws.set_boxes({local_id: box(2)})
    fake_api.state.patch_mask(mask_id, t(3))
    push_all(client, ws, options=options)
    before = ws.masks(pose)
    for decide in (keep_mine, take_theirs, keep_both):
        resolution = decide(ws, [local_id])
        assert ws.masks(pose) != before
        resolution.undo(ws)
        assert ws.masks(pose) == before
