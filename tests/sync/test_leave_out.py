"""A push that leaves masks or poses out (the review dialog's unticked rows), over real HTTP: what is
left out is not sent and stays pending; the rest lands; a later push sends it."""

from __future__ import annotations

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import LeaveOut, Outcome, SyncOptions, pending_operations, pull_all, push_all
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id, intended_texts, server_texts


def test_a_left_out_mask_is_not_sent_and_stays_pending(fake_api: FakeApi, client: PyroClient,
                                                       refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    kept_id = fake_api.state.add_mask(pose, format_mask(box(1))).id
    pull_all(client, ws, options=options)
    sent, held = ws.add_masks(pose, [box(10), box(11)])
    edited = by_server_id(ws, pose)[kept_id]
    ws.set_boxes({edited.local_id: box(12)})
    result = push_all(client, ws, options=options, leave_out=LeaveOut(masks=frozenset({held.local_id,
                                                                                       edited.local_id})))
    assert result.outcome is Outcome.COMPLETED and (result.created, result.patched) == (1, 0)
    texts = server_texts(fake_api.state, pose)
    assert texts[format_mask(box(10))] == 1 and texts[format_mask(box(11))] == 0
    assert texts[format_mask(box(1))] == 1  # the left-out edit did not reach the server
    assert fake_api.server.count("PATCH", f"/api/v1/occlusion_masks/{kept_id}") == 0
    rows = {m.local_id: m for m in ws.masks(pose)}
    assert rows[sent.local_id].state is MaskState.SYNCED
    assert (rows[held.local_id].state, rows[edited.local_id].state) == (MaskState.NEW, MaskState.EDITED)
    assert pending_operations(ws) == 2 and result.remaining == 2
    later = push_all(client, ws, options=options)  # nothing left out: the rest goes now
    assert (later.created, later.patched, later.remaining) == (1, 1, 0)
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)


def test_a_left_out_pose_is_pulled_but_not_pushed(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                                  options: SyncOptions) -> None:
    ws = refreshed
    first, second = fake_api.seeded.alpha_poses[:2]
    pull_all(client, ws, options=options)
    ws.add_mask(first, box(3))
    ws.add_mask(second, box(4))
    fake_api.state.add_mask(second, format_mask(box(5)))  # someone else's mask, pulled all the same
    result = push_all(client, ws, options=options, leave_out=LeaveOut(poses=frozenset({second})))
    assert result.outcome is Outcome.COMPLETED and result.created == 1
    assert server_texts(fake_api.state, first)[format_mask(box(3))] == 1
    assert server_texts(fake_api.state, second)[format_mask(box(4))] == 0
    assert [m.state for m in ws.masks(second) if m.box == box(4)] == [MaskState.NEW]
    assert any(m.box == box(5) for m in ws.masks(second))
    assert pending_operations(ws) == 1
