"""Refresh (cameras, poses, images) and pull over real HTTP."""

from __future__ import annotations

from datetime import UTC, datetime

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import (
    Outcome,
    SyncOptions,
    fetch_pose_image,
    make_camera_offline,
    pull_all,
    pull_camera,
    pull_pose,
    refresh_cameras,
    run,
)
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id


def test_refresh_stores_the_accounts_cameras_and_active_poses(fake_api: FakeApi, client: PyroClient,
                                                              ws: Workspace) -> None:
    cameras = refresh_cameras(client, ws, organizations={fake_api.seeded.org: "Pyronear Test"})
    s = fake_api.seeded
    assert {c.id for c in cameras} == {s.alpha, s.beta}  # trustable, own organization
    assert [p.id for p in ws.poses(s.alpha)] == list(s.alpha_poses)  # the inactive pose is not listed
    assert ws.organizations() == {s.org: "Pyronear Test"}
    assert ws.camera(s.alpha).name == "cam-alpha-01"  # type: ignore[union-attr]


def test_fetch_pose_image_reads_the_size_from_the_header_and_the_time_from_the_key(
        fake_api: FakeApi, client: PyroClient, refreshed: Workspace) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    image = fetch_pose_image(client, refreshed, pose)
    assert image is not None and (image.width, image.height) == (640, 360)
    assert image.captured_at == datetime(2026, 11, 21, 7, 26, 34, tzinfo=UTC)
    assert image.path.read_bytes()[:3] == b"\xff\xd8\xff"
    assert refreshed.pose(pose).image_key == fake_api.state.poses[pose].image  # type: ignore[union-attr]
    downloads = len([r for r in fake_api.requests if r.path.startswith("/storage/")])
    assert fetch_pose_image(client, refreshed, pose) == refreshed.pose_image(pose)  # same upload: cached
    assert len([r for r in fake_api.requests if r.path.startswith("/storage/")]) == downloads


def test_make_camera_offline_caches_every_pose_image_and_mask(fake_api: FakeApi, client: PyroClient, ws: Workspace,
                                                              options: SyncOptions) -> None:
    s = fake_api.seeded
    fake_api.state.add_mask(s.beta_poses[1], format_mask(box(1)))
    report = make_camera_offline(client, ws, s.beta, options=options)
    assert report.pull is not None and report.pull.outcome is Outcome.COMPLETED and not report.failures
    assert all(ws.pose_image(p) is not None for p in s.beta_poses)
    assert [m.box for m in ws.masks(s.beta_poses[1])] == [box(1)]


def test_pull_adds_server_masks_with_their_time_and_flags_odd_ones(fake_api: FakeApi, client: PyroClient,
                                                                   refreshed: Workspace, options: SyncOptions) -> None:
    pose = fake_api.seeded.alpha_poses[1]
    when = datetime(2026, 3, 2, 9, 30, 12, 27730)
    good = fake_api.state.add_mask(pose, "(0.1,0.2,0.25,0.35)", when)
    odd = fake_api.state.add_mask(pose, "(0.1,0.2,0.25,0.35)\n", when)
    bad = fake_api.state.add_mask(pose, "(0.5,0.5,0.5,0.6)", when)
    result = pull_pose(client, refreshed, pose, options=options)
    assert result.outcome is Outcome.COMPLETED and result.added == 3
    rows = by_server_id(refreshed, pose)
    assert rows[good.id].added_at == when.replace(tzinfo=UTC) and not rows[good.id].suspicious
    assert rows[odd.id].suspicious and rows[odd.id].box == rows[good.id].box
    assert rows[bad.id].box is None and rows[bad.id].notes and rows[bad.id].state is MaskState.SYNCED
    assert refreshed.pose(pose).masks_pulled_at is not None  # type: ignore[union-attr]


def test_pull_takes_server_edits_and_deletions_of_untouched_masks(fake_api: FakeApi, client: PyroClient,
                                                                 refreshed: Workspace, options: SyncOptions) -> None:
    s, state = fake_api.seeded, fake_api.state
    edited, deleted, kept = (state.add_mask(s.alpha_poses[0], format_mask(box(i))) for i in range(3))
    pull_camera(client, refreshed, s.alpha, options=options)
    state.patch_mask(edited.id, format_mask(box(9)))
    state.delete_mask(deleted.id)
    result = pull_all(client, refreshed, options=options)
    assert (result.taken, result.dropped, result.conflicts) == (1, 1, 0)
    rows = by_server_id(refreshed, s.alpha_poses[0])
    assert set(rows) == {edited.id, kept.id} and rows[edited.id].box == box(9)
    assert all(m.state is MaskState.SYNCED for m in rows.values())


def test_a_pose_of_another_organization_fails_alone(fake_api: FakeApi, client: PyroClient, refreshed: Workspace,
                                                    options: SyncOptions) -> None:
    s = fake_api.seeded
    fake_api.state.add_mask(s.alpha_poses[0], format_mask(box(1)))
    result = run(client, refreshed, [s.other_pose, s.alpha_poses[0]], push=False, options=options)
    assert result.outcome is Outcome.INCOMPLETE and [f.pose_id for f in result.pose_failures] == [s.other_pose]
    assert len(refreshed.masks(s.alpha_poses[0])) == 1
