"""Late copies of a create: a POST held by the network reaches the server after the client gave up
on it and sent it again. The pull that sees the second copy deletes it (it is provably ours); a mask
someone else made with the same box before our first attempt is left alone."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, push_pose
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, intended_texts, journal, server_texts

POSTS = "/api/v1/occlusion_masks/"


def late_post(fake_api: FakeApi, hold: float = 0.3) -> None:
    """The next POST is cut off at once and applied `hold` seconds later."""
    fake_api.faults.configure(late_delay_min=hold, late_delay_max=hold)
    fake_api.faults.force("deliver_late", methods={"POST"})


def test_a_create_delivered_after_it_was_sent_again_is_deleted(fake_api: FakeApi, client: PyroClient,
                                                               refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_mask(pose, box(1))
    late_post(fake_api)
    first = push_pose(client, ws, pose, options=options)
    # Cut off before it reached the server: the pull found nothing, so the create was sent again.
    assert (first.outcome, first.created, first.adopted) == (Outcome.COMPLETED, 1, 0)
    assert fake_api.server.wait_for_late()
    assert server_texts(fake_api.state, pose)[format_mask(box(1))] == 2  # the first POST landed late

    second = push_pose(client, ws, pose, options=options)
    assert server_texts(fake_api.state, pose) == Counter({format_mask(box(1)): 1})
    assert intended_texts(ws, pose) == Counter({format_mask(box(1)): 1})
    assert (second.outcome, second.late_copies, second.deleted, second.added) == (Outcome.COMPLETED, 1, 1, 0)
    (mask,) = ws.masks(pose)
    (server,) = fake_api.state.masks(pose)
    assert mask.server_id == server.id and mask.state is MaskState.SYNCED
    assert journal(ws) == [] and ws.creates_in_doubt() == []  # both sends accounted for
    assert "1 late copy of a create sent again, deleted" in second.summary()


def test_a_late_copy_is_deleted_when_the_resend_was_in_doubt_too(fake_api: FakeApi, client: PyroClient,
                                                                refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_mask(pose, box(2))
    late_post(fake_api)
    fake_api.faults.force("lose_response", methods={"POST"})  # the second send lands, its answer is lost
    first = push_pose(client, ws, pose, options=options)
    assert (first.outcome, first.created, first.adopted) == (Outcome.COMPLETED, 0, 1)
    assert fake_api.server.wait_for_late()
    assert fake_api.server.count("POST", POSTS) == 2
    second = push_pose(client, ws, pose, options=options)
    assert server_texts(fake_api.state, pose) == Counter({format_mask(box(2)): 1})
    assert (second.late_copies, second.deleted) == (1, 1) and ws.creates_in_doubt() == []


def test_a_late_copy_landing_before_the_resend_is_adopted_not_deleted(fake_api: FakeApi, client: PyroClient,
                                                                     refreshed: Workspace) -> None:
    # The pull after the cut-off POST waits long enough for it to land: it is adopted, nothing re-sent.
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_mask(pose, box(3))
    late_post(fake_api, hold=0.05)
    slow = SyncOptions(sleep=lambda _s: fake_api.server.wait_for_late())
    result = push_pose(client, ws, pose, options=slow)
    assert (result.adopted, result.created, result.late_copies) == (1, 0, 0)
    assert fake_api.server.count("POST", POSTS) == 1 and ws.creates_in_doubt() == []


def test_a_mask_someone_made_with_our_box_before_our_first_attempt_survives(
        fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    (row,) = ws.add_masks(pose, [box(4)])
    late_post(fake_api)
    push_pose(client, ws, pose, options=options)
    (doubt,) = ws.creates_in_doubt(pose)
    # Someone else's mask with the same box, dated before our first attempt, shows up only now.
    theirs = fake_api.state.add_mask(pose, format_mask(box(4)), created_at=doubt.first_attempt_at.replace(
        tzinfo=None) - timedelta(seconds=1))
    assert fake_api.server.wait_for_late()
    result = push_pose(client, ws, pose, options=options)
    assert (result.late_copies, result.deleted, result.added) == (1, 1, 1)
    listed = {m.id for m in fake_api.state.masks(pose)}
    assert theirs.id in listed and ws.mask(row.local_id).server_id in listed and len(listed) == 2


def test_a_create_in_doubt_is_forgotten_after_the_horizon(fake_api: FakeApi, client: PyroClient,
                                                         refreshed: Workspace, options: SyncOptions) -> None:
    # A POST reset in flight that never reached the server: the record waits, then expires; a mask
    # with the same box made later by someone else is theirs.
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_mask(pose, box(5))
    fake_api.faults.force("reset", methods={"POST"})
    push_pose(client, ws, pose, options=options)
    assert len(ws.creates_in_doubt(pose)) == 1
    push_pose(client, ws, pose, options=options)
    assert len(ws.creates_in_doubt(pose)) == 1  # still young: a held request may still land
    later = SyncOptions(sleep=lambda _s: None, clock=lambda: options.clock() + options.late_horizon)
    push_pose(client, ws, pose, options=later)
    assert ws.creates_in_doubt() == []
    fake_api.state.add_mask(pose, format_mask(box(5)))
    result = push_pose(client, ws, pose, options=later)
    assert (result.late_copies, result.added) == (0, 1)
    assert server_texts(fake_api.state, pose)[format_mask(box(5))] == 2
