"""Made-up past detections for each demo pose (stored in the demo workspace, read offline by the Past
detections panel): a spot that keeps coming back (a roof, a road glinting), one real wildfire, one lone
detection that joined no sequence. Enough to try "Mask this" and to see the wildfire warning."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from mask_editor.core.geometry import Box
from mask_editor.sync.demo_detections import save_demo_detections
from mask_editor.sync.detections import WILDFIRE, PastDetection
from mask_editor.workspace import Workspace


def add_demo_detections(ws: Workspace, pose_id: int, seed: int, now: datetime) -> None:
    rng = random.Random(seed)
    x, y = 0.55 + 0.2 * rng.random(), 0.5 + 0.15 * rng.random()  # below the ridge, on the land
    found: list[PastDetection] = []
    ident = pose_id * 1000
    for k in range(6):  # the recurring spot: six frames of one 'other' sequence, a few pixels apart
        dx, dy = 0.003 * rng.uniform(-1, 1), 0.003 * rng.uniform(-1, 1)
        found.append(PastDetection(ident + k, pose_id * 100 + 1, Box(round(x + dx, 3), round(y + dy, 3),
                                   round(x + dx + 0.04, 3), round(y + dy + 0.035, 3)), round(0.5 + 0.05 * k, 2),
                                   "other", now - timedelta(days=3, minutes=-2 * k)))
    fx, fy = 0.15 + 0.15 * rng.random(), 0.55 + 0.1 * rng.random()
    found.append(PastDetection(ident + 10, pose_id * 100 + 2, Box(round(fx, 3), round(fy, 3), round(fx + 0.05, 3),
                                                                  round(fy + 0.05, 3)), 0.88, WILDFIRE,
                               now - timedelta(days=6, hours=2)))
    found.append(PastDetection(ident + 20, None, Box(0.45, 0.7, 0.48, 0.73), 0.41, None, now - timedelta(days=1)))
    save_demo_detections(ws, pose_id, found)
