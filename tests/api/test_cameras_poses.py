"""Cameras, poses and pose images: visibility per role, active poses, storage URLs, sniffing, refresh."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from mask_editor.api import Forbidden, NotAnImage, NotFound, PyroClient
from tests.api.clients import MakeClient
from tests.fake_pyro_api.fixtures import FakeApi
from tests.fake_pyro_api.images import make_jpeg, make_png


def test_agent_sees_own_trustable_cameras_with_active_poses(fake_api: FakeApi, agent: PyroClient) -> None:
    cameras = agent.cameras()
    assert [c.name for c in cameras] == ["cam-alpha-01", "cam-beta-02"]
    alpha = cameras[0]
    assert [p.id for p in alpha.poses] == list(fake_api.seeded.alpha_poses)  # the inactive pose is left out
    assert all(p.active and p.image is None and p.image_url is None for p in alpha.poses)
    assert alpha.organization_id == fake_api.seeded.org and alpha.is_trustable
    assert alpha.created_at == datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    assert (alpha.lat, alpha.lon, alpha.angle_of_view) == (44.61, 4.39, 87.0)
    assert [c.name for c in agent.cameras(include_non_trustable=True)] == [
        "cam-alpha-01",
        "cam-beta-02",
        "cam-gamma-03",
    ]
    assert agent.camera(fake_api.seeded.beta).name == "cam-beta-02"


def test_admin_sees_every_organization_and_user_reads_own(make_client: MakeClient) -> None:
    assert {c.name for c in make_client("admin").cameras()} == {"cam-alpha-01", "cam-beta-02", "cam-other-01"}
    assert {c.name for c in make_client("user").cameras()} == {"cam-alpha-01", "cam-beta-02"}
    assert {c.name for c in make_client("agent2").cameras()} == {"cam-other-01"}


def test_other_org_camera_and_pose_are_forbidden(fake_api: FakeApi, agent: PyroClient) -> None:
    with pytest.raises(Forbidden) as caught:
        agent.camera(fake_api.seeded.other_camera)
    assert caught.value.kind == "organization"
    with pytest.raises(Forbidden):
        agent.pose(fake_api.seeded.other_pose)
    with pytest.raises(NotFound, match=re.escape("Table Camera has no corresponding entry.")):
        agent.camera(999)


def test_pose_carries_image_key_time_and_url(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = agent.pose(fake_api.seeded.alpha_poses[0])
    assert pose.image is not None and re.fullmatch(r"1-20261121072634-[0-9a-f]{8}\.jpg", pose.image)
    assert pose.image_captured_at == datetime(2026, 11, 21, 7, 26, 34, tzinfo=UTC)
    assert pose.image_url is not None and pose.image_url.startswith(fake_api.url + "/storage/")
    assert "image_url" not in repr(pose)  # a presigned URL stays out of reprs (and so out of logs)
    inactive = agent.pose(fake_api.seeded.alpha_inactive_pose)
    assert not inactive.active


def test_download_sniffs_the_bytes_not_the_header(fake_api: FakeApi, agent: PyroClient) -> None:
    pose_id = fake_api.seeded.alpha_poses[1]
    body = agent.download_pose_image(pose_id)
    assert body == make_jpeg(640, 360, seed=1)
    storage = [r for r in fake_api.requests if r.path.startswith("/storage/")]
    assert len(storage) == 1 and not storage[0].has_authorization  # presigned: no auth header
    fake_api.state.set_pose_image(pose_id, make_png())
    assert agent.download_pose_image(pose_id).startswith(b"\x89PNG")


def test_a_body_that_is_not_an_image_is_refused(fake_api: FakeApi, agent: PyroClient) -> None:
    pose_id = fake_api.seeded.beta_poses[0]
    fake_api.state.set_pose_image(pose_id, b"<html>captive portal</html>")
    with pytest.raises(NotAnImage, match="not a JPEG or PNG"):
        agent.download_pose_image(pose_id)


def test_pose_without_image_and_image_missing_from_storage(fake_api: FakeApi, agent: PyroClient) -> None:
    bare = fake_api.state.add_pose(fake_api.seeded.alpha, 10.0, patrol_id=7)
    pose = agent.pose(bare.id)
    assert (pose.image, pose.image_url, pose.image_captured_at) == (None, None, None)
    with pytest.raises(NotFound, match="has no image yet"):
        agent.download_pose_image(pose)
    fake_api.state.set_pose_image(bare.id, make_jpeg(), in_storage=False)
    with pytest.raises(NotFound) as caught:
        agent.pose(bare.id)
    assert caught.value.detail == "File cannot be found on the bucket storage"


def test_expired_image_url_is_refreshed_once(fake_api: FakeApi, agent: PyroClient) -> None:
    pose_id = fake_api.seeded.alpha_poses[2]
    stale = agent.pose(pose_id)
    fake_api.state.advance(timedelta(hours=25))  # past the 24 h validity
    assert agent.download_pose_image(stale) == make_jpeg(640, 360, seed=2)
    storage = [r.path for r in fake_api.requests if r.path.startswith("/storage/")]
    assert len(storage) == 2  # 403, then the fresh URL
    assert fake_api.server.count("GET", f"/api/v1/poses/{pose_id}") == 2


def test_image_url_refused_twice_raises_forbidden(fake_api: FakeApi, agent: PyroClient) -> None:
    fake_api.state.url_ttl = timedelta(seconds=-1)  # every URL the server hands out is already expired
    with pytest.raises(Forbidden) as caught:
        agent.download_pose_image(fake_api.seeded.alpha_poses[0])
    assert caught.value.status == 403
    assert len([r for r in fake_api.requests if r.path.startswith("/storage/")]) == 2


def test_image_deleted_from_storage_after_listing_is_not_found(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = agent.pose(fake_api.seeded.alpha_poses[0])
    assert pose.image is not None
    del fake_api.state.storage[pose.image]
    with pytest.raises(NotFound):
        agent.download_pose_image(pose)
