"""Device proxy (latest_image / capture: 200, 204, 409, 502) and sequences with their detections."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mask_editor.api import DeviceUnavailable, Forbidden, NotFound, PyroClient
from mask_editor.core.geometry import Box
from tests.api.clients import MakeClient
from tests.fake_pyro_api.fixtures import FakeApi
from tests.fake_pyro_api.images import make_jpeg


def test_latest_image_and_204(fake_api: FakeApi, make_client: MakeClient) -> None:
    camera = fake_api.seeded.alpha
    fake_api.state.set_device(camera, latest={1: make_jpeg(seed=5)})
    user = make_client("user")  # a read: users may ask
    assert user.latest_image(camera, 1) == make_jpeg(seed=5)
    assert user.latest_image(camera, 0) is None


def test_capture_returns_a_jpeg(fake_api: FakeApi, agent: PyroClient) -> None:
    fake_api.state.set_device(fake_api.seeded.alpha, capture=make_jpeg(seed=9))
    assert agent.capture(fake_api.seeded.alpha, 2) == make_jpeg(seed=9)
    [request] = [r for r in fake_api.requests if r.path.endswith("/capture")]
    assert request.query == {"patrol_id": ["2"]}


@pytest.mark.parametrize(
    ("mode", "status", "detail"),
    [("unconfigured", 409, "Camera device connection is not configured"), ("unreachable", 502, None)],
)
def test_device_unavailable_is_not_retried(
    fake_api: FakeApi, agent: PyroClient, sleeps: list[float], mode: str, status: int, detail: str | None
) -> None:
    camera = fake_api.seeded.beta
    fake_api.state.set_device(camera, mode=mode)  # type: ignore[arg-type]
    for call in (lambda: agent.latest_image(camera, 0), lambda: agent.capture(camera, 0)):
        with pytest.raises(DeviceUnavailable) as caught:
            call()
        assert caught.value.status == status
        if detail:
            assert caught.value.detail == detail
    assert sleeps == []  # a proxy 502 is the device, not the server: no backoff loop
    assert fake_api.server.count("GET", f"/api/v1/cameras/{camera}/latest_image") == 1


def test_device_proxy_respects_organizations(fake_api: FakeApi, agent: PyroClient) -> None:
    with pytest.raises(Forbidden):
        agent.latest_image(fake_api.seeded.other_camera, 0)


# --- sequences and detections -----------------------------------------------------------------------


def test_sequences_of_a_day_paged(fake_api: FakeApi, agent: PyroClient) -> None:
    state, seeded = fake_api.state, fake_api.seeded
    day = datetime(2026, 11, 20, 0, 30)
    made = [state.add_sequence(seeded.alpha, seeded.alpha_poses[0], day + timedelta(minutes=20 * i)) for i in range(40)]
    state.add_sequence(seeded.alpha, seeded.alpha_poses[0], datetime(2026, 11, 21, 0, 1))  # next day
    state.add_sequence(seeded.other_camera, seeded.other_pose, day)  # other organization
    first = agent.sequences_from(date(2026, 11, 20))
    assert len(first) == 15
    everything = agent.all_sequences_from(date(2026, 11, 20))
    assert sorted(s.id for s in everything) == [s.id for s in made]
    assert fake_api.server.count("GET", "/api/v1/sequences/all/fromdate") == 1 + 3
    one = everything[0]
    assert one.started_at.tzinfo is UTC and one.camera_azimuth == 46.0


def test_detections_with_readable_and_unreadable_boxes(fake_api: FakeApi, make_client: MakeClient) -> None:
    state, seeded = fake_api.state, fake_api.seeded
    seq = state.add_sequence(seeded.alpha, seeded.alpha_poses[0], datetime(2026, 11, 20, 14, 0), is_wildfire="other")
    good = state.add_detection(seq.id, "[(0.61,0.52,0.66,0.58,0.61)]", datetime(2026, 11, 20, 14, 0))
    empty = state.add_detection(seq.id, "[]", datetime(2026, 11, 20, 14, 1))
    broken = state.add_detection(seq.id, "[(0.6,0.5,nan?,0.5)]", datetime(2026, 11, 20, 14, 2))
    user = make_client("user")
    [read_seq] = user.sequences_from(date(2026, 11, 20))
    assert read_seq.is_false_positive and read_seq.pose_id == seeded.alpha_poses[0]
    detections = user.sequence_detections(seq.id)
    assert [d.id for d in detections] == [good.id, empty.id, broken.id]  # desc=False: oldest first
    assert [d.id for d in user.sequence_detections(seq.id, desc=True)] == [broken.id, empty.id, good.id]
    by_id = {d.id: d for d in detections}
    assert by_id[good.id].boxes[0].box == Box(0.61, 0.52, 0.66, 0.58) and by_id[good.id].bbox_readable
    assert by_id[empty.id].boxes == () and by_id[empty.id].bbox_readable  # a continuity frame
    assert by_id[broken.id].boxes == () and not by_id[broken.id].bbox_readable
    assert by_id[broken.id].bbox_text == "[(0.6,0.5,nan?,0.5)]"
    assert [d.id for d in user.sequence_detections(seq.id, limit=1, offset=1)] == [empty.id]


def test_unknown_and_foreign_sequences(fake_api: FakeApi, agent: PyroClient) -> None:
    with pytest.raises(NotFound):
        agent.sequence_detections(999)
    foreign = fake_api.state.add_sequence(fake_api.seeded.other_camera, None, datetime(2026, 11, 20, 1, 0))
    with pytest.raises(Forbidden):
        agent.sequence_detections(foreign.id)
