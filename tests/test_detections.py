"""Past detections of a pose (mask_editor.sync.detections): which sequences belong to the pose, reading
them from the fake server over real HTTP, recurring spots, "Mask this" proposals and the wildfire
warning for the sync dialog."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from mask_editor.api import PyroClient
from mask_editor.api.records import Sequence
from mask_editor.core.geometry import Box
from mask_editor.sync.detections import (
    WILDFIRE,
    PastDetection,
    belongs_to_pose,
    clusters,
    dropped_flags,
    fetch_past_detections,
    grown,
    propose_masks,
    remember,
    wildfire_warnings,
)
from mask_editor.workspace import CameraRow, PoseRow, Workspace

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _det(i: int, box: Box, label: str | None = "other", when: datetime = NOW) -> PastDetection:
    return PastDetection(i, 100 + i, box, 0.7, label, when + timedelta(minutes=i))


def _sequence(camera_id: int, pose_id: int | None, azimuth: float) -> Sequence:
    return Sequence(1, camera_id, pose_id, azimuth, None, NOW, NOW, None)


def seed_spot_and_fire(state, camera: int, pose: int, now: datetime) -> None:
    """On `pose`: one 'other' sequence coming back at the same spot (5 frames, a few pixels apart),
    a wildfire elsewhere, a continuity frame; plus noise on another pose and a sequence of this
    pose recorded without pose_id (matched by camera and azimuth)."""
    spot = state.add_sequence(camera, pose, now - timedelta(days=2), is_wildfire="other", max_conf=0.6)
    for k in range(5):
        x = 0.600 + 0.002 * k
        state.add_detection(spot.id, f"[({x:.3f},0.500,{x + 0.04:.3f},0.540,0.6)]", now - timedelta(days=2, minutes=-k))
    state.add_detection(spot.id, "[]", now - timedelta(days=2, minutes=-6))
    fire = state.add_sequence(camera, pose, now - timedelta(days=5), is_wildfire=WILDFIRE, max_conf=0.9)
    state.add_detection(fire.id, "[(0.200,0.600,0.240,0.640,0.9)]", now - timedelta(days=5))
    legacy = state.add_sequence(camera, None, now - timedelta(days=1), camera_azimuth=state.poses[pose].azimuth)
    state.add_detection(legacy.id, "[(0.401,0.300,0.431,0.330,0.5)]", now - timedelta(days=1))
    elsewhere = state.add_sequence(camera, pose + 1, now - timedelta(days=1), is_wildfire="other")
    state.add_detection(elsewhere.id, "[(0.1,0.1,0.2,0.2,0.5)]", now - timedelta(days=1))
    old = state.add_sequence(camera, pose, now - timedelta(days=60), is_wildfire="other")
    state.add_detection(old.id, "[(0.7,0.7,0.75,0.75,0.5)]", now - timedelta(days=60))


def test_sequences_belong_by_pose_id_or_by_camera_and_azimuth() -> None:
    pose = PoseRow(7, 3, 246.0)
    assert belongs_to_pose(_sequence(3, 7, 0.0), pose)
    assert not belongs_to_pose(_sequence(3, 8, 246.0), pose)  # a pose id wins over the azimuth
    assert belongs_to_pose(_sequence(3, None, 246.4), pose)
    assert not belongs_to_pose(_sequence(4, None, 246.0), pose)
    assert not belongs_to_pose(_sequence(3, None, 250.0), pose)
    assert belongs_to_pose(_sequence(3, None, 359.8), PoseRow(9, 3, 0.3))  # across north


def test_fetch_keeps_this_pose_over_the_last_days(fake_api) -> None:
    seeded, state = fake_api.seeded, fake_api.state
    pose_id = seeded.alpha_poses[0]
    seed_spot_and_fire(state, seeded.alpha, pose_id, state.now())
    pose = PoseRow(pose_id, seeded.alpha, state.poses[pose_id].azimuth)
    with PyroClient(fake_api.url, token=fake_api.token_for("agent")) as client:
        found = fetch_past_detections(client, pose, days=30)
    labels = sorted((d.label or "none") for d in found)
    assert labels == ["none", "other", "other", "other", "other", "other", WILDFIRE]
    assert [d.seen_at for d in found] == sorted(d.seen_at for d in found)
    with PyroClient(fake_api.url, token=fake_api.token_for("agent")) as client:
        assert len(fetch_past_detections(client, pose, days=3)) == 6  # the wildfire is 5 days old


def test_lone_detections_of_this_pose_are_read_too(fake_api) -> None:
    """A detection of no sequence is listed by GET /detections/ only: an agent sees it; a `user`
    account, refused there, still gets the sequences' detections and no error."""
    seeded, state = fake_api.seeded, fake_api.state
    pose_id = seeded.alpha_poses[0]
    now = state.now()
    seed_spot_and_fire(state, seeded.alpha, pose_id, now)
    state.add_lone_detection(seeded.alpha, pose_id, "[(0.300,0.300,0.340,0.340,0.4)]", now - timedelta(days=1))
    state.add_lone_detection(seeded.alpha, pose_id, "[(0.300,0.300,0.340,0.340,0.4)]", now - timedelta(days=40))
    state.add_lone_detection(seeded.alpha, seeded.alpha_poses[1], "[(0.5,0.5,0.6,0.6,0.4)]", now - timedelta(days=1))
    pose = PoseRow(pose_id, seeded.alpha, state.poses[pose_id].azimuth)
    with PyroClient(fake_api.url, token=fake_api.token_for("agent")) as client:
        found = fetch_past_detections(client, pose, days=30)
    lone = [d for d in found if d.sequence_id is None]
    assert [(d.box, d.label) for d in lone] == [(Box(0.3, 0.3, 0.34, 0.34), None)]
    assert len(found) == 8
    with PyroClient(fake_api.url, token=fake_api.token_for("user")) as client:
        assert len(fetch_past_detections(client, pose, days=30)) == 7


def test_recurring_spot_is_one_cluster() -> None:
    spot = [_det(i, Box(0.6 + 0.002 * i, 0.5, 0.64 + 0.002 * i, 0.54)) for i in range(5)]
    lone = [_det(9, Box(0.1, 0.1, 0.15, 0.15))]
    found = clusters(spot + lone)
    assert len(found) == 1 and sorted(found[0].members) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("seed", range(20))
def test_proposed_masks_drop_every_detection(seed: int) -> None:
    rng = np.random.default_rng(seed)
    centre = rng.uniform(0.2, 0.8, 2)
    dets = []
    for i in range(int(rng.integers(1, 12))):
        w, h = rng.uniform(0.01, 0.08, 2) * rng.uniform(0.5, 2.0)
        cx, cy = centre + rng.normal(0, 0.02, 2)
        dets.append(_det(i, Box.from_corners(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)))
    masks = propose_masks(dets)
    assert masks and len(masks) <= len(dets)
    assert dropped_flags(dets, masks).all()
    assert propose_masks(dets, masks) == []  # nothing left to do


def test_grown_box_is_ten_percent_larger_and_on_the_grid() -> None:
    box = grown(Box(0.4, 0.4, 0.5, 0.6))
    assert box.as_tuple() == pytest.approx((0.395, 0.39, 0.505, 0.61))
    assert all(round(v * 1000) == v * 1000 for v in box.milli())
    assert grown(Box(0.0, 0.95, 0.05, 1.0)).ymax == 1.0  # clamped into the image


def test_wildfire_warnings_name_the_mask(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws.sqlite")
    try:
        ws.save_cameras([CameraRow(1, 1, "brison")], [PoseRow(5, 1, 90.0)])
        fire = _det(1, Box(0.2, 0.6, 0.24, 0.64), label=WILDFIRE)
        other = _det(2, Box(0.6, 0.5, 0.64, 0.54))
        assert wildfire_warnings(ws, 5) == []  # nothing loaded for this pose yet
        remember(ws, 5, [fire, other])
        ws.add_masks(5, [grown(other.box)])
        assert wildfire_warnings(ws, 5) == []
        (culprit,) = ws.add_masks(5, [grown(fire.box)])
        (warning,) = wildfire_warnings(ws, 5)
        assert f"Mask #{culprit.local_id}" in warning and "wildfire" in warning
        assert "2026-11-20 12:01" in warning
    finally:
        ws.close()
