"""Poses go in parallel through a bounded pool; one pose's requests never overlap and keep order."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict

import pytest

from mask_editor.api import PyroClient
from mask_editor.sync import Outcome, SyncOptions, push_all, refresh_cameras
from mask_editor.workspace import Workspace
from tests.fake_pyro_api.app import Dispatcher, Reply, Request, Route
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, server_texts


class Meter:
    """Wraps the fake server's dispatcher: holds each mask request a little and measures overlap."""

    def __init__(self, inner: Dispatcher, fake_api: FakeApi, hold: float) -> None:
        self.inner, self.fake_api, self.hold = inner, fake_api, hold
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.per_pose: dict[int, int] = defaultdict(int)
        self.pose_overlaps = 0

    def match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
        return self.inner.match(method, path)

    def _pose_of(self, request: Request) -> int | None:
        if request.method == "POST" and request.body:
            return int(json.loads(request.body)["pose_id"])
        if "/occlusion_masks/" in request.path:
            mask = self.fake_api.state.masks_by_id.get(int(request.path.rsplit("/", 1)[1]))
            return mask.pose_id if mask else None
        if request.path.endswith("/occlusion_masks"):
            return int(request.path.split("/")[-2])
        return None

    def dispatch(self, request: Request) -> tuple[Reply, Route | None]:
        pose = self._pose_of(request)
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if pose is not None:
                self.per_pose[pose] += 1
                self.pose_overlaps += self.per_pose[pose] > 1
        try:
            time.sleep(self.hold)
            return self.inner.dispatch(request)
        finally:
            with self.lock:
                self.in_flight -= 1
                if pose is not None:
                    self.per_pose[pose] -= 1


@pytest.fixture
def many_poses(fake_api: FakeApi, client: PyroClient, ws: Workspace) -> list[int]:
    camera = fake_api.state.add_camera(fake_api.seeded.org, "cam-delta-04")
    poses = [fake_api.state.add_pose(camera.id, float(a), patrol_id=i).id for i, a in enumerate(range(0, 360, 30))]
    refresh_cameras(client, ws)
    return poses


@pytest.mark.parametrize("workers", [8, 3])
def test_requests_are_bounded_and_ordered_per_pose(fake_api: FakeApi, client: PyroClient, ws: Workspace,
                                                   many_poses: list[int], workers: int) -> None:
    for pose in many_poses:
        ws.add_masks(pose, [box(pose, j) for j in range(4)])
    meter = Meter(fake_api.server.dispatcher, fake_api, hold=0.02)
    fake_api.server.dispatcher = meter  # type: ignore[assignment]
    result = push_all(client, ws, options=SyncOptions(workers=workers, sleep=lambda _s: None))
    assert result.outcome is Outcome.COMPLETED and result.created == 4 * len(many_poses)
    print(f"max in flight {meter.max_in_flight} with {workers} workers")
    assert meter.max_in_flight <= workers
    assert meter.max_in_flight >= min(workers, 3)  # really concurrent
    assert meter.pose_overlaps == 0  # one worker per pose at a time
    for pose in many_poses:
        rows = sorted(ws.masks(pose), key=lambda m: m.local_id)
        assert [m.server_id for m in rows] == sorted(m.server_id for m in rows)  # created in local order
        assert sum(server_texts(fake_api.state, pose).values()) == 4
