"""Past detections for the demo workspace, so that a newcomer can try Past detections with no server.

Built with the demo (`make demo-data`) into resources/demo/detections.json, from where the landscape put
its features: on every masked feature a sequence the devices would drop; one recurring spot no mask
covers yet (what "Mask this" is for); one real wildfire; two lone detections of no sequence.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from mask_editor.core.geometry import Box, quantize
from mask_editor.core.suppression import boxes_to_array, dropped
from mask_editor.sync.detections import WILDFIRE, PastDetection

DETECTIONS_FILE = "detections.json"
Row = tuple[int, int | None, float, float, float, float, float, str | None, str]


def build_detections(features: dict[int, list[Box]], masks: dict[int, list[Box]], now: datetime) -> dict:
    """The demo's detections, per pose: `features` are the landscape's feature boxes, `masks` the
    boxes the demo masks them with (the spots are placed where no mask drops them)."""
    rows: dict[str, list[Row]] = {}
    ids = {"detection": 1000, "sequence": 500}

    def add(pose_id: int, sequence: int | None, box: Box, conf: float, label: str | None, when: datetime) -> None:
        ids["detection"] += 1
        rows.setdefault(str(pose_id), []).append(
            (ids["detection"], sequence, box.xmin, box.ymin, box.xmax, box.ymax, round(conf, 2), label,
             when.isoformat()))

    for pose_id in sorted(features):
        rng = np.random.default_rng(pose_id)
        for feature in features[pose_id]:  # recurring false positives the masks already drop
            ids["sequence"] += 1
            start = now - timedelta(days=float(rng.uniform(1, 25)))
            for k in range(4):
                add(pose_id, ids["sequence"], _jitter(feature, rng, 0.002), rng.uniform(0.3, 0.6), "other",
                    start + timedelta(minutes=3 * k))
        taken = list(masks.get(pose_id, []))
        for label, frames, days in (("other_smoke", 5, 3.0), (WILDFIRE, 3, 9.0)):
            spot = _free_spot(rng, taken)
            taken.append(spot)
            ids["sequence"] += 1
            for k in range(frames):
                add(pose_id, ids["sequence"], _jitter(spot, rng, 0.002), rng.uniform(0.4, 0.9), label,
                    now - timedelta(days=days, minutes=-4 * k))
        for days in (2.0, 6.0):  # lone detections: the API lists them outside any sequence
            add(pose_id, None, _free_spot(rng, taken), rng.uniform(0.2, 0.4), None, now - timedelta(days=days))
    return {"now": now.isoformat(), "poses": rows}


def _jitter(box: Box, rng: np.random.Generator, amount: float) -> Box:
    dx, dy = rng.uniform(-amount, amount, 2)
    return quantize(Box(max(0.0, box.xmin + dx), max(0.0, box.ymin + dy),
                        min(1.0, box.xmax + dx), min(1.0, box.ymax + dy)))


def _free_spot(rng: np.random.Generator, taken: list[Box]) -> Box:
    """A small box low in the view (smoke rises from the land) that no taken box drops."""
    for _ in range(200):
        w, h = rng.uniform(0.02, 0.05), rng.uniform(0.015, 0.04)
        x, y = rng.uniform(0.05, 0.9), rng.uniform(0.45, 0.85)
        box = quantize(Box(x, y, min(1.0, x + w), min(1.0, y + h)))
        if not taken or not dropped(boxes_to_array([box]), boxes_to_array(taken))[0]:
            return box
    raise RuntimeError("no free spot for a demo detection")


def write_detections(target: Path, table: dict) -> None:
    (target / DETECTIONS_FILE).write_text(json.dumps(table, separators=(",", ":")), encoding="utf-8")


def demo_past_detections(pose_id: int, days: int, folder: Path | None = None) -> list[PastDetection]:
    """The demo's detections of a pose over the `days` days before the demo's own "now", oldest
    first; [] when this installation has none."""
    if folder is None:
        from mask_editor import resources

        try:
            folder = resources.demo_dir()
        except FileNotFoundError:
            return []
    path = folder / DETECTIONS_FILE
    if not path.is_file():
        return []
    table = json.loads(path.read_text(encoding="utf-8"))
    since = datetime.fromisoformat(table["now"]) - timedelta(days=max(1, days))
    found = []
    for det_id, sequence, x0, y0, x1, y1, conf, label, seen in table["poses"].get(str(pose_id), []):
        when = datetime.fromisoformat(seen)
        if when >= since:
            found.append(PastDetection(det_id, sequence, Box(x0, y0, x1, y1), conf, label, when))
    found.sort(key=lambda d: (d.seen_at, d.detection_id))
    return found
