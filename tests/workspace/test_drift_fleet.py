"""The fleet's drift reports read in bulk say what `pose_drift` says pose by pose: a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mask_editor.core.geometry import Box
from mask_editor.workspace import CameraRow, PoseRow, Workspace
from mask_editor.workspace.drift import PoseDrift, fleet, pose_drift

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
BOX = Box(0.1, 0.1, 0.2, 0.2)


def _image(ws: Workspace, pose_id: int, n: int, when: datetime) -> str:
    return ws.store_pose_image(pose_id, bytes([n]) * 500, width=64, height=36, captured_at=when).sha256


def _one_by_one(ws: Workspace, camera_id: int | None) -> list[PoseDrift]:
    reports = [d for p in ws.poses(camera_id) if (d := pose_drift(ws, p.id)) is not None]
    return sorted(reports, key=lambda d: (not d.exceeds, -d.worst, d.pose_id))


def test_the_fleet_in_bulk_reports_what_each_pose_would(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.save_cameras([CameraRow(1, 1, "cam-01"), CameraRow(2, 1, "cam-02")],
                    [PoseRow(p, 1 if p < 6 else 2, 45.0 * p) for p in range(1, 8)])
    _image(ws, 1, 1, T0)  # one image, masks: compared, nothing moved
    ws.add_masks(1, [BOX, BOX], added_at=T0 + timedelta(hours=1))
    _image(ws, 2, 2, T0)  # two images, masks drawn on the first: a group to compare
    ws.add_masks(2, [BOX], added_at=T0 + timedelta(days=1))
    _image(ws, 2, 3, T0 + timedelta(days=2))
    _image(ws, 3, 4, T0)  # an image, no masks: not reported
    ws.add_masks(4, [BOX])  # masks, no image: not reported
    gone = _image(ws, 5, 5, T0)  # its only image file is gone: not reported
    ws.add_masks(5, [BOX])
    ws.images.path_for(gone).unlink()
    _image(ws, 6, 6, T0)  # the other camera
    ws.add_masks(6, [BOX])
    ws.add_masks(7, [BOX])  # its only mask deleted (a server's, the deletion not pushed): not reported
    _image(ws, 7, 7, T0)
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET server_id = 70, deleted = 1 WHERE pose_id = 7")

    everything = fleet(ws)
    assert sorted(d.pose_id for d in everything) == [1, 2, 6]
    assert [len(d.groups) for d in sorted(everything, key=lambda d: d.pose_id)] == [0, 1, 0]
    for camera_id in (None, 1, 2):
        assert fleet(ws, camera_id) == _one_by_one(ws, camera_id)


def test_the_fleet_gives_its_worker_a_chance_to_pause_between_steps_and_reports_the_same(tmp_path):
    """`between()` is called every `every` rows or poses and before each comparison of two images
    (the window's check waits there while someone types), and what comes out does not change."""
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.save_cameras([CameraRow(1, 1, "cam-01")], [PoseRow(p, 1, 10.0 * p) for p in range(1, 11)])
    for p in range(1, 11):
        _image(ws, p, p, T0)
        ws.add_masks(p, [BOX], added_at=T0 + timedelta(hours=1))
    _image(ws, 3, 30, T0 + timedelta(days=2))  # pose 3 has two images to compare
    calls: list[int] = []
    stepped = fleet(ws, between=lambda: calls.append(1), every=4)
    # 11 history rows read (every 4th: 2 calls), 10 poses (every 4th: 2) and one comparison (1).
    assert len(calls) == 5
    assert stepped == fleet(ws)
