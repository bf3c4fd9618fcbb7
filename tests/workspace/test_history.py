"""Image history per pose and the masks' drawn-on images (issue 14): a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from mask_editor.core.geometry import Box
from mask_editor.workspace import CameraRow, PoseRow, Workspace
from mask_editor.workspace.schema import MIGRATIONS, SCHEMA_VERSION

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
BOX = Box(0.1, 0.1, 0.2, 0.2)


def _workspace(tmp_path) -> Workspace:
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.save_cameras([CameraRow(1, 1, "cam-01")], [PoseRow(7, 1, 90.0), PoseRow(8, 1, 180.0)])
    return ws


def _image(ws: Workspace, pose_id: int, n: int, when: datetime, size: int = 1000) -> str:
    return ws.store_pose_image(pose_id, bytes([n]) * size, width=64, height=36, captured_at=when).sha256


def test_every_fetched_image_is_kept_dated_by_its_upload_time(tmp_path):
    ws = _workspace(tmp_path)
    a = _image(ws, 7, 1, T0)
    b = _image(ws, 7, 2, T0 + timedelta(days=1))
    fetched = ws.store_pose_image(7, b"\x03" * 10, width=64, height=36).sha256  # no upload time: fetch time
    history = ws.pose_history(7)
    assert [h.sha256 for h in history] == [a, b, fetched]
    assert history[0].taken_at == T0
    assert abs(history[-1].taken_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert ws.pose(7).image_sha256 == fetched  # the pose's current image is the last fetched


def test_a_mask_drawn_or_edited_here_knows_its_image(tmp_path):
    ws = _workspace(tmp_path)
    a = _image(ws, 7, 1, T0)
    drawn = ws.add_mask(7, BOX)
    imported = ws.add_mask(7, BOX, added_at=T0 + timedelta(hours=1))  # legacy import: time known, image not
    b = _image(ws, 7, 2, T0 + timedelta(days=2))
    assert ws.drawn_on(7) == {drawn.local_id: a, imported.local_id: a}
    ws.set_boxes({drawn.local_id: Box(0.2, 0.1, 0.3, 0.2)})
    assert ws.drawn_on(7) == {drawn.local_id: b, imported.local_id: a}  # edited: looked at on the new image


def test_a_mask_without_an_image_is_dated_against_the_history(tmp_path):
    ws = _workspace(tmp_path)
    a = _image(ws, 7, 1, T0)
    b = _image(ws, 7, 2, T0 + timedelta(days=5))
    old = ws.add_mask(7, BOX, added_at=T0 - timedelta(days=100))  # older than every image: the oldest
    mid = ws.add_mask(7, BOX, added_at=T0 + timedelta(days=1))
    new = ws.add_mask(7, BOX, added_at=T0 + timedelta(days=6))
    assert ws.drawn_on(7) == {old.local_id: a, mid.local_id: a, new.local_id: b}
    ws.set_drawn_on({old.local_id: b})
    assert ws.drawn_on(7)[old.local_id] == b
    assert ws.raw_drawn_on([old.local_id, mid.local_id]) == {old.local_id: b, mid.local_id: None}


def test_prune_drops_oldest_but_keeps_current_and_drawn_on_images(tmp_path):
    ws = _workspace(tmp_path)
    shas = [_image(ws, 7, n, T0 + timedelta(days=n)) for n in range(1, 6)]
    ws.set_drawn_on({ws.add_mask(7, BOX).local_id: shas[0]})  # a mask drawn on the oldest image
    other = _image(ws, 8, 9, T0)
    removed = ws.prune_history(per_pose=2, total_mb=100)
    assert removed == 2
    assert [h.sha256 for h in ws.pose_history(7)] == [shas[0], shas[3], shas[4]]
    assert not ws.images.has(shas[1]) and ws.image(shas[1]) is None  # file and row gone
    assert ws.images.has(other)
    # The total bound: 3 KB allowed, newest first; the current and drawn-on images stay.
    ws.prune_history(per_pose=10, total_mb=0.0025)
    assert [h.sha256 for h in ws.pose_history(7)] == [shas[0], shas[4]]
    assert [h.sha256 for h in ws.pose_history(8)] == [other]


def test_migration_from_version_2_records_the_current_images(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO cameras(id, organization_id, name) VALUES (1, 1, 'c')")
    conn.execute("INSERT INTO images VALUES ('abc', 64, 36, 3, NULL, '2026-10-01T08:00:00+00:00')")
    conn.execute("INSERT INTO poses(id, camera_id, image_sha256) VALUES (7, 1, 'abc')")
    conn.close()
    (tmp_path / "old.sqlite.images" / "ab").mkdir(parents=True)
    (tmp_path / "old.sqlite.images" / "ab" / "abc").write_bytes(b"abc")
    ws = Workspace(path)
    assert ws.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert [(h.sha256, h.taken_at) for h in ws.pose_history(7)] == [("abc", T0)]
