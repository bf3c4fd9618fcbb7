"""With the server down: the cached workspace is usable, edits wait, sync says unreachable and
loses nothing; when the server comes back, the same sync pushes everything."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, make_camera_offline, push_all, refresh_cameras, sync_all
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api import FakePyroApi, FakeState, seed_default
from tests.sync.helpers import box, by_server_id, intended_texts, journal, server_texts


@pytest.fixture
def server() -> Iterator[FakePyroApi]:
    state = FakeState(seed=7)
    seed_default(state)
    api = FakePyroApi(state).start()
    yield api
    api.stop()


def test_offline_edits_wait_and_are_pushed_when_the_server_is_back(server: FakePyroApi, tmp_path: Path) -> None:
    state = server.state
    camera = state.camera_named("cam-alpha-01")
    pose_a, pose_b = (p.id for p in state.poses_of(camera.id, active_only=True)[:2])
    seeded = [state.add_mask(pose_a, format_mask(box(i))).id for i in range(3)]
    options = SyncOptions(sleep=lambda _s: None, rng=random.Random(1))
    ws = Workspace(tmp_path / "field.sqlite")
    client = PyroClient(server.url, server.token_for("agent"), sleep=lambda _s: None)
    refresh_cameras(client, ws)
    report = make_camera_offline(client, ws, camera.id, options=options)
    assert report.pull is not None and report.pull.outcome is Outcome.COMPLETED

    port = server.port
    server.stop()  # on site, no network: the port is closed

    assert [c.name for c in ws.cameras()] == ["cam-alpha-01", "cam-beta-02"]
    image = ws.pose_image(pose_a)
    assert image is not None and image.path.read_bytes()[:3] == b"\xff\xd8\xff" and image.width == 640
    rows = by_server_id(ws, pose_a)
    assert len(rows) == 3
    ws.add_masks(pose_a, [box(10), box(11)])
    ws.set_boxes({rows[seeded[0]].local_id: box(12)})
    ws.delete_masks([rows[seeded[1]].local_id])
    ws.add_mask(pose_b, box(13))
    expected = {pose_a: Counter({MaskState.NEW: 2, MaskState.EDITED: 1, MaskState.DELETED: 1}),
                pose_b: Counter({MaskState.NEW: 1})}
    assert ws.pending_counts() == expected
    before = {p: ws.masks(p) for p in (pose_a, pose_b)}

    result = sync_all(client, ws, options=options)
    assert result.outcome is Outcome.UNREACHABLE and result.remaining == 5
    assert "could not be reached" in result.summary()
    assert {p: ws.masks(p) for p in (pose_a, pose_b)} == before  # nothing lost, nothing half-done
    assert ws.pending_counts() == expected and journal(ws) == []

    back = FakePyroApi(state, port=port).start()  # the same server, back online
    try:
        result = push_all(client, ws, options=options)
        assert result.outcome is Outcome.COMPLETED
        assert (result.created, result.patched, result.deleted, result.remaining) == (3, 1, 1, 0)
        for pose in (pose_a, pose_b):
            assert server_texts(state, pose) == intended_texts(ws, pose)
        assert ws.pending_counts() == {}
    finally:
        client.close()
        ws.close()
        back.stop()
