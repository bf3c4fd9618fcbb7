"""Past detections for the demo workspace: stored in it, read offline, so that a newcomer can try the
Past detections panel without an account. Made up by mask_editor/demo/build.py; never sent anywhere."""

from __future__ import annotations

import json
from datetime import datetime

from mask_editor.core.geometry import Box
from mask_editor.sync.detections import PastDetection
from mask_editor.workspace import Workspace

_KEY = "demo_detections:{pose_id}"  # workspace meta, one JSON list per pose


def save_demo_detections(ws: Workspace, pose_id: int, detections: list[PastDetection]) -> None:
    rows = [[d.detection_id, d.sequence_id, *d.box.as_tuple(), d.confidence, d.label, d.seen_at.isoformat()]
            for d in detections]
    ws.set_meta(_KEY.format(pose_id=pose_id), json.dumps(rows, separators=(",", ":")))


def demo_detections(ws: Workspace, pose_id: int) -> list[PastDetection] | None:
    """The stored demo detections of the pose, oldest first; None outside a demo workspace."""
    if not ws.get_meta("demo"):
        return None
    raw = ws.get_meta(_KEY.format(pose_id=pose_id))
    if raw is None:
        return None
    found = [PastDetection(int(i), None if s is None else int(s), Box(x0, y0, x1, y1), float(conf), label,
                           datetime.fromisoformat(when))
             for i, s, x0, y0, x1, y1, conf, label, when in json.loads(raw)]
    return sorted(found, key=lambda d: (d.seen_at, d.detection_id))
