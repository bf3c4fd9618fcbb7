"""Push over real HTTP: the outbox, lost answers, refusals, the sign-in pause, retries, cancel."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncBusy, SyncOptions, pull_all, push_all, push_pose
from mask_editor.workspace import ConflictKind, MaskState, Workspace, sync_rows
from mask_editor.workspace.store import now_utc
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.conftest import MakeClient
from tests.sync.helpers import box, by_server_id, intended_texts, journal, server_texts, states


def seed(fake_api: FakeApi, pose_id: int, n: int, start: int = 0) -> list[int]:
    return [fake_api.state.add_mask(pose_id, format_mask(box(start + i))).id for i in range(n)]


def test_push_creates_patches_and_deletes(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                          options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ids = seed(fake_api, pose, 3)
    pull_all(client, ws, options=options)
    rows = by_server_id(ws, pose)
    ws.add_masks(pose, [box(10), box(11)])
    ws.set_boxes({rows[ids[0]].local_id: box(12)})
    ws.delete_masks([rows[ids[1]].local_id])
    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.COMPLETED
    assert (result.created, result.patched, result.deleted, result.remaining) == (2, 1, 1, 0)
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)
    assert set(states(ws, pose)) == {MaskState.SYNCED} and journal(ws) == []
    assert all(m.push_attempted_at is None for m in ws.masks(pose))


def test_a_lost_post_answer_is_adopted_not_posted_twice(fake_api: FakeApi, client: PyroClient,
                                                         refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_mask(pose, box(1))
    fake_api.faults.force("lose_response", methods={"POST"})  # the server creates it, the answer is lost
    result = push_pose(client, ws, pose, options=options)
    assert (result.outcome, result.adopted, result.created) == (Outcome.COMPLETED, 1, 0)
    assert fake_api.server.count("POST", "/api/v1/occlusion_masks/") == 1
    (mask,) = ws.masks(pose)
    (server,) = fake_api.state.masks(pose)
    assert mask.server_id == server.id and mask.state is MaskState.SYNCED and journal(ws) == []


def test_a_create_in_doubt_after_a_crash_is_adopted_or_posted(fake_api: FakeApi, client: PyroClient,
                                                               refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    landed, lost = ws.add_masks(pose, [box(1), box(2)])
    # A crash after journaling both: the first POST reached the server, the second never left.
    a = sync_rows.record_attempt(ws, landed.local_id, now_utc())
    sync_rows.record_attempt(ws, lost.local_id, now_utc())
    assert a is not None
    client.create_mask(pose, box(1))
    result = push_all(client, ws, options=options)
    assert (result.adopted, result.created) == (1, 1)
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)
    assert sum(server_texts(fake_api.state, pose).values()) == 2


def test_a_lost_patch_answer_is_checked_against_the_server(fake_api: FakeApi, client: PyroClient,
                                                           refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    (mask_id,) = seed(fake_api, pose, 1)
    pull_all(client, ws, options=options)
    ws.set_boxes({by_server_id(ws, pose)[mask_id].local_id: box(5)})
    fake_api.faults.force("lose_response", methods={"PATCH"})
    result = push_pose(client, ws, pose, options=options)
    assert result.outcome is Outcome.COMPLETED and result.conflicts == 0
    assert fake_api.server.count("PATCH", f"/api/v1/occlusion_masks/{mask_id}") == 1  # landed: not sent again
    assert fake_api.state.masks(pose)[0].mask == format_mask(box(5))
    assert by_server_id(ws, pose)[mask_id].state is MaskState.SYNCED


def test_a_patch_in_doubt_that_did_not_land_is_sent_again(fake_api: FakeApi, client: PyroClient,
                                                          refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    (mask_id,) = seed(fake_api, pose, 1)
    pull_all(client, ws, options=options)
    local_id = by_server_id(ws, pose)[mask_id].local_id
    ws.set_boxes({local_id: box(5)})
    sync_rows.record_attempt(ws, local_id, now_utc())  # crash before the request left
    result = push_pose(client, ws, pose, options=options)
    assert result.patched == 1 and fake_api.state.masks(pose)[0].mask == format_mask(box(5))


def test_a_patch_in_doubt_of_a_mask_someone_else_changed_is_a_conflict(
        fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    (mask_id,) = seed(fake_api, pose, 1)
    pull_all(client, ws, options=options)
    local_id = by_server_id(ws, pose)[mask_id].local_id
    ws.set_boxes({local_id: box(5)})
    sync_rows.record_attempt(ws, local_id, now_utc())
    fake_api.state.patch_mask(mask_id, format_mask(box(6)))  # another editor, before our PATCH landed
    result = push_pose(client, ws, pose, options=options)
    mask = ws.mask(local_id)
    assert mask is not None and mask.conflict is ConflictKind.SERVER_EDITED and result.conflicts == 1
    assert mask.theirs_text == format_mask(box(6)) and mask.box == box(5)
    assert fake_api.state.masks(pose)[0].mask == format_mask(box(6))  # nothing overwritten


class DeletesFirst(PyroClient):
    """Another editor deletes the mask on the server just before our PATCH or DELETE arrives."""

    fake_api: FakeApi

    def patch_mask(self, mask_id, box_):  # type: ignore[no-untyped-def]
        self.fake_api.state.delete_mask(mask_id)
        return super().patch_mask(mask_id, box_)

    def delete_mask(self, mask_id):  # type: ignore[no-untyped-def]
        self.fake_api.state.delete_mask(mask_id)
        return super().delete_mask(mask_id)


def test_patch_404_is_a_conflict_and_delete_404_is_done(fake_api: FakeApi, refreshed: Workspace,
                                                       options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    edited_id, deleted_id = seed(fake_api, pose, 2)
    with DeletesFirst(fake_api.url, fake_api.token_for("agent"), sleep=lambda _s: None) as client:
        client.fake_api = fake_api
        pull_all(client, ws, options=options)
        rows = by_server_id(ws, pose)
        ws.set_boxes({rows[edited_id].local_id: box(7)})
        ws.delete_masks([rows[deleted_id].local_id])
        result = push_pose(client, ws, pose, options=options)
    assert (result.outcome, result.conflicts, result.deleted, result.patched) == (Outcome.COMPLETED, 1, 1, 0)
    (left,) = ws.masks(pose)
    assert left.local_id == rows[edited_id].local_id and left.conflict is ConflictKind.SERVER_DELETED
    assert left.box == box(7) and journal(ws) == []


def test_403_is_recorded_per_mask_in_the_servers_words(fake_api: FakeApi, make_client: MakeClient,
                                                       refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_masks(pose, [box(1), box(2)])
    result = push_all(make_client("user"), ws, options=options)  # a read-only account
    assert result.outcome is Outcome.COMPLETED and len(result.failed) == 2
    assert {f.reason for f in result.failed} == {"Incompatible token scope."}
    assert all(m.push_error == "Incompatible token scope." and m.state is MaskState.NEW for m in ws.masks(pose))
    assert fake_api.state.masks(pose) == [] and journal(ws) == []


def test_422_on_one_mask_and_the_rest_goes_on(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                              options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    first, *_ = ws.add_masks(pose, [box(1), box(2), box(3)])
    fake_api.faults.force("error", methods={"POST"}, status=422)
    result = push_all(client, ws, options=options)
    assert result.created == 2 and [f.local_id for f in result.failed] == [first.local_id]
    refused = ws.mask(first.local_id)
    assert refused is not None and refused.push_error and refused.state is MaskState.NEW
    assert push_all(client, ws, options=options).created == 1  # retried at the next push


def test_401_pauses_and_running_again_resumes(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                              options: SyncOptions) -> None:
    ws = refreshed
    for pose in fake_api.seeded.alpha_poses:
        ws.add_masks(pose, [box(pose), box(pose + 1)])
    client.set_token(fake_api.token_for("agent", lifetime=timedelta(seconds=-1)))  # expired
    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.SIGN_IN_REQUIRED and result.created == 0 and result.remaining == 6
    assert fake_api.state.masks() == []
    fake_api.faults.force("error", methods={"POST"}, status=401)  # a sign-in lost mid-push
    client.set_token(fake_api.token_for("agent"))
    paused = push_all(client, ws, options=SyncOptions(workers=1, sleep=lambda _s: None))
    assert paused.outcome is Outcome.SIGN_IN_REQUIRED and journal(ws) == []
    assert paused.created < 6  # dispatching stopped
    resumed = push_all(client, ws, options=options)
    assert resumed.outcome is Outcome.COMPLETED and resumed.remaining == 0
    assert sum(sum(server_texts(fake_api.state, p).values()) for p in fake_api.seeded.alpha_poses) == 6


def test_transient_failures_retry_with_exponential_jittered_backoff(
        fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions, sleeps: list[float]) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_masks(pose, [box(1), box(2)])
    fake_api.faults.force("error", "reset", "error", methods={"POST"})
    result = push_pose(client, ws, pose, options=options)
    assert result.outcome is Outcome.COMPLETED and sum(server_texts(fake_api.state, pose).values()) == 2
    assert len(sleeps) == 3
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0 and 1.0 <= sleeps[2] <= 2.0


def test_retries_are_bounded_and_nothing_is_lost(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                                 options: SyncOptions, sleeps: list[float]) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_masks(pose, [box(1)])
    fake_api.faults.configure(error_rate=1.0, path_contains="/occlusion_masks/")  # every POST answers 503
    result = push_pose(client, ws, pose, options=options)
    assert result.outcome is Outcome.INCOMPLETE and len(sleeps) == options.max_retries
    assert result.pose_failures and result.remaining == 1
    fake_api.faults.clear()
    assert push_pose(client, ws, pose, options=options).created == 1
    assert sum(server_texts(fake_api.state, pose).values()) == 1


def test_cancel_stops_between_requests(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                       options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_masks(pose, [box(i) for i in range(10)])
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _message: str) -> None:
        seen.append((done, total))
        if done == 4:
            cancel.set()

    result = push_pose(client, ws, pose, options=options, cancel=cancel, progress=progress)
    assert result.outcome is Outcome.CANCELLED and result.created == 3 and result.remaining == 7
    assert seen[0] == (1, 11) and journal(ws) == []
    assert push_pose(client, ws, pose, options=options).created == 7
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)


def test_runs_of_one_workspace_take_turns(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                         options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ws.add_masks(pose, [box(i) for i in range(5)])
    fake_api.faults.configure(latency=0.05)
    first = threading.Thread(target=push_all, args=(client, ws), kwargs={"options": options})
    first.start()
    time.sleep(0.1)  # the first run holds the workspace now
    with pytest.raises(SyncBusy):
        push_all(client, ws, options=SyncOptions(wait_for_turn=False))
    cancel = threading.Event()
    cancel.set()
    assert push_all(client, ws, options=options, cancel=cancel).outcome is Outcome.CANCELLED
    second = push_all(client, ws, options=options)  # waits for its turn, then finds nothing left
    first.join()
    assert second.outcome is Outcome.COMPLETED and second.created == 0
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)
