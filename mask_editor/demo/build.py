"""Generates the bundled demo workspace: `python -m mask_editor.demo.build resources/demo`.

Two cameras, six poses with synthetic landscapes (some at 3840x2160; one whose view has drifted,
demo_drift.py), masks over the usual false positive sources (a chimney, a road, a roof, a cloud
band) with timestamps spread over a year, and a few masks in each sync state so every colour of the
editor shows. The output is deterministic: the same code writes the same images and rows. It is also
the fixture for UI tests and benchmarks.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mask_editor.core.geometry import Box, quantize
from mask_editor.demo import drift as demo_drift
from mask_editor.demo.detections import add_demo_detections
from mask_editor.demo.landscape import jpeg_bytes, render_landscape
from mask_editor.workspace import CameraRow, ConflictKind, PoseRow, Workspace

DEMO_FILE = "demo.sqlite"
RIDGES_FILE = "ridges.json"
# The demo's "now": timestamps are relative to it so ages ("5 months") stay meaningful.
DEMO_NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class DemoPose:
    pose_id: int
    camera_id: int
    azimuth: float
    size: tuple[int, int]
    time_of_day: str
    features: frozenset[str]
    seed: int


CAMERAS = [
    CameraRow(1, 1, "brison-01", angle_of_view=54.0, elevation=412.0, lat=45.97, lon=6.55,
              last_active_at=DEMO_NOW, created_at=DEMO_NOW - timedelta(days=400)),
    CameraRow(2, 1, "moussy-02", angle_of_view=54.0, elevation=288.0, lat=48.95, lon=2.61,
              last_active_at=DEMO_NOW - timedelta(hours=3), created_at=DEMO_NOW - timedelta(days=200)),
]
POSES = [
    DemoPose(1, 1, 45.0, (3840, 2160), "day", frozenset({"chimney", "road", "roof"}), 11),
    DemoPose(2, 1, 135.0, (1920, 1080), "dusk", frozenset({"antenna", "road"}), 12),
    DemoPose(3, 1, 225.0, (3840, 2160), "overcast", frozenset({"cloud_band", "roof"}), 13),
    DemoPose(4, 2, 90.0, (1280, 720), "day", frozenset({"chimney", "antenna"}), 14),
    DemoPose(5, 2, 300.0, (3840, 2160), "day", frozenset({"road", "roof", "cloud_band"}), 15),
]


def build_demo(target: Path) -> Path:
    """Write the demo workspace into `target` (replacing an old one); returns the workspace path."""
    target.mkdir(parents=True, exist_ok=True)
    path = target / DEMO_FILE
    for old in (path, path.with_name(DEMO_FILE + "-wal"), path.with_name(DEMO_FILE + "-shm")):
        old.unlink(missing_ok=True)
    shutil.rmtree(target / (DEMO_FILE + ".images"), ignore_errors=True)
    ridges: dict[str, list[float]] = {}
    ws = Workspace(path)
    ws.set_meta("demo", "1")
    ws.set_organization(1, "Pyronear Demo")
    ws.save_cameras(CAMERAS, [PoseRow(p.pose_id, p.camera_id, p.azimuth, patrol_id=1) for p in POSES]
                    + [demo_drift.pose_row()])
    server_id = 100
    for pose in POSES:
        width, height = pose.size
        land = render_landscape(width, height, pose.seed, time_of_day=pose.time_of_day,
                                features=set(pose.features))
        captured = DEMO_NOW - timedelta(hours=pose.pose_id * 5)
        key = f"{pose.camera_id}-{captured:%Y%m%d%H%M%S}-demo{pose.pose_id:04d}.jpg"
        ws.store_pose_image(pose.pose_id, jpeg_bytes(land.image), width=width, height=height, key=key,
                            captured_at=captured)
        ridges[str(pose.pose_id)] = [round(float(v), 1) for v in land.ridge]
        server_id = _add_masks(ws, pose, land.features, width, height, server_id)
        add_demo_detections(ws, pose.pose_id, pose.seed, DEMO_NOW)
    ridges[str(demo_drift.POSE_ID)] = demo_drift.add_drifted_pose(ws, DEMO_NOW, server_id)
    ws.close()
    # Fold the WAL into the file so the bundled workspace is a single self-contained file.
    _checkpoint(path)
    (target / RIDGES_FILE).write_text(json.dumps(ridges, separators=(",", ":")))
    return path


def _add_masks(ws: Workspace, pose: DemoPose, features: dict[str, tuple[int, int, int, int]],
               width: int, height: int, server_id: int) -> int:
    boxes = []
    for name in sorted(features):
        x0, y0, x1, y1 = features[name]
        grow_x, grow_y = (x1 - x0) * 0.1 + 4, (y1 - y0) * 0.1 + 4  # a margin, like a user would draw
        boxes.append(quantize(Box.from_pixels(x0 - grow_x, y0 - grow_y, x1 + grow_x, y1 + grow_y, width, height)))
    # Ages from two weeks to over a year: some masks are "stale" (older than 120 days).
    ages = [14, 45, 160, 300, 410, 8]
    for i, box in enumerate(boxes):
        added = DEMO_NOW - timedelta(days=ages[(i + pose.pose_id) % len(ages)], hours=i)
        mask = ws.add_mask(pose.pose_id, box, added_at=added)
        server_id += 1
        with ws.transaction() as conn:  # as a pull leaves a mask the server has
            conn.execute(
                "UPDATE masks SET server_id=?, server_created_at=?, base_x0=x0, base_y0=y0, base_x1=x1, "
                "base_y1=y1, base_text=? WHERE local_id=?",
                (server_id, added.isoformat(), mask.text, mask.local_id),
            )
    _add_state_examples(ws, pose, server_id)
    return server_id + 10


def _add_state_examples(ws: Workspace, pose: DemoPose, server_id: int) -> None:
    """A few masks in the other states, so the demo shows every colour of the legend."""
    if pose.pose_id == 1:
        ws.add_mask(1, Box(0.62, 0.18, 0.7, 0.24), added_at=DEMO_NOW - timedelta(hours=2))  # new
        first = ws.masks(1)[0]
        ws.set_boxes({first.local_id: Box(first.box.xmin + 0.01, first.box.ymin, first.box.xmax + 0.01,
                                          first.box.ymax)})  # edited
    if pose.pose_id == 3:
        masks = ws.masks(3)
        ws.delete_masks([masks[0].local_id])  # to be deleted at the next push
        with ws.transaction() as conn:  # the server moved a mask that was also edited here
            conn.execute("UPDATE masks SET x0 = x0 + 5, x1 = x1 + 5, conflict=?, theirs_text=? "
                         "WHERE local_id=?",
                         (ConflictKind.SERVER_EDITED.value, "(0.3,0.1,0.38,0.16)", masks[1].local_id))
    if pose.pose_id == 5:
        # A mask written by an older tool: trailing newline on the server. Read fine, flagged.
        mask = ws.add_mask(5, Box(0.05, 0.05, 0.12, 0.1), added_at=DEMO_NOW - timedelta(days=500))
        with ws.transaction() as conn:
            conn.execute(
                "UPDATE masks SET server_id=?, server_created_at=added_at, base_x0=x0, base_y0=y0, "
                "base_x1=x1, base_y1=y1, base_text=?, notes=? WHERE local_id=?",
                (server_id + 5, mask.text + "\n", "has whitespace around it (such as a trailing newline)",
                 mask.local_id),
            )


def _checkpoint(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0] if args else "resources/demo")
    path = build_demo(target)
    print(f"demo workspace written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
