"""Past detections of one pose, and what the current masks do to them (no Qt).

The API has no per-pose filter (CONTRACT.md, "Detections and sequences"): we list every sequence
of each of the last N days, keep this pose's (by `pose_id`, or by camera and azimuth for the
sequences recorded before poses had ids), then read their detections. Continuity frames (`[]`)
carry no box and are skipped.

The last answer per pose is kept in memory (`remember` / `cached`), so that the sync dialog can
warn, with `wildfire_warnings`, when a mask about to be pushed would drop a real wildfire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mask_editor.api.errors import Forbidden
from mask_editor.core.geometry import Box, quantize
from mask_editor.core.suppression import boxes_to_array, dropped

if TYPE_CHECKING:
    from mask_editor.api import PyroClient
    from mask_editor.api.records import Sequence as ApiSequence
    from mask_editor.workspace import PoseRow, Workspace

DEFAULT_DAYS = 30
MAX_DETECTION_PAGES = 20  # 100 detections a page: a sequence longer than 2,000 frames is cut
AZIMUTH_TOLERANCE = 1.0  # degrees: a sequence without pose_id belongs to the pose at this azimuth
GROWTH = 1.1  # "Mask this": the detection box grown by 10 % (IoU with the box 0.83, well above 0.1)
CLUSTER_IOU = 0.3  # two detections at least this alike count as the same recurring spot

WILDFIRE = "wildfire_smoke"
LABELS = {WILDFIRE: "Wildfire", "other_smoke": "Other smoke", "other": "Not smoke", None: "Unlabelled"}


@dataclass(frozen=True)
class PastDetection:
    """One box of one detection; a detection listing two boxes gives two of these."""

    detection_id: int
    sequence_id: int | None  # None: a lone detection, in no sequence
    box: Box
    confidence: float
    label: str | None  # the sequence's is_wildfire: wildfire_smoke, other_smoke, other or None
    seen_at: datetime  # recorded on the device if known, else received by the server (UTC)

    @property
    def label_text(self) -> str:
        return LABELS.get(self.label, self.label or "Unlabelled")


@dataclass(frozen=True)
class Cluster:
    """Detections that keep coming back at the same spot (indices into the list given)."""

    members: tuple[int, ...]
    box: Box  # the median box of the members


def belongs_to_pose(sequence: ApiSequence, pose: PoseRow) -> bool:
    if sequence.pose_id is not None:
        return sequence.pose_id == pose.id
    if pose.azimuth is None:
        return False
    gap = abs(sequence.camera_azimuth - pose.azimuth) % 360
    return sequence.camera_id == pose.camera_id and min(gap, 360 - gap) <= AZIMUTH_TOLERANCE


def fetch_past_detections(
    client: PyroClient,
    pose: PoseRow,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[PastDetection]:
    """The boxes detected on `pose` over the last `days` days (today included), oldest first.
    Blocking, network-bound: run it off the GUI thread. API errors propagate."""
    today = today or datetime.now(UTC).date()
    found: list[PastDetection] = []
    for back in range(max(1, days)):
        day = today - timedelta(days=back)
        if progress:
            progress(f"Reading sequences of {day.isoformat()}…")
        for sequence in client.all_sequences_from(day):
            if belongs_to_pose(sequence, pose):
                found.extend(_sequence_boxes(client, sequence))
    found.extend(_lone_boxes(client, pose, datetime.combine(today - timedelta(days=max(1, days) - 1), time(), UTC)))
    found.sort(key=lambda d: (d.seen_at, d.detection_id))
    return found


def _lone_boxes(client: PyroClient, pose: PoseRow, since: datetime) -> list[PastDetection]:
    """The pose's detections that joined no sequence: only GET /detections/ lists them, and only to
    admins and agents (a `user` gets 403: then there are none to show)."""
    try:
        listed = client.detections()
    except Forbidden:
        return []
    out: list[PastDetection] = []
    for det in listed:
        seen = det.recorded_at or det.created_at
        if det.sequence_id is None and det.pose_id == pose.id and seen >= since:
            out.extend(PastDetection(det.id, None, item.box, item.confidence, None, seen) for item in det.boxes)
    return out


def _sequence_boxes(client: PyroClient, sequence: ApiSequence) -> list[PastDetection]:
    out: list[PastDetection] = []
    for page in range(MAX_DETECTION_PAGES):
        batch = client.sequence_detections(sequence.id, limit=100, offset=page * 100)
        for det in batch:
            seen = det.recorded_at or det.created_at
            for item in det.boxes:
                out.append(PastDetection(det.id, sequence.id, item.box, item.confidence, sequence.is_wildfire, seen))
        if len(batch) < 100:
            break
    return out


def dropped_flags(detections: Sequence[PastDetection], masks: Sequence[Box]) -> np.ndarray:
    """For each detection, whether the devices would drop it with these masks (IoU > 0.1)."""
    return dropped(boxes_to_array([d.box for d in detections]), boxes_to_array(list(masks)))


def clusters(detections: Sequence[PastDetection], min_count: int = 2) -> list[Cluster]:
    """Groups of detections linked by IoU >= CLUSTER_IOU (single linkage), largest first."""
    n = len(detections)
    if n == 0:
        return []
    from mask_editor.core.suppression import iou_matrix

    boxes = boxes_to_array([d.box for d in detections])
    linked = iou_matrix(boxes, boxes) >= CLUSTER_IOU
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(linked, 1)), strict=True):
        parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) >= min_count:
            median = np.median(boxes[members], axis=0)
            out.append(Cluster(tuple(members), Box(*(float(v) for v in median))))
    return sorted(out, key=lambda c: -len(c.members))


def grown(box: Box, factor: float = GROWTH) -> Box:
    """The box scaled about its centre, clamped to the image and put on the 3-decimal grid."""
    cx, cy = (box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2
    hw, hh = box.width * factor / 2, box.height * factor / 2
    return quantize(Box(max(0.0, cx - hw), max(0.0, cy - hh), min(1.0, cx + hw), min(1.0, cy + hh)))


def propose_masks(detections: Sequence[PastDetection], masks: Sequence[Box] = ()) -> list[Box]:
    """Masks that drop every given detection not already dropped: the most central detection's
    box, grown by 10 %, then again for whatever that left, until none is left. A single mask over
    the whole spot would not do: the devices keep a small detection inside a big mask."""
    proposed: list[Box] = []
    left = [d for d, gone in zip(detections, dropped_flags(detections, masks), strict=True) if not gone]
    while left:
        boxes = boxes_to_array([d.box for d in left])
        centre = np.median(boxes, axis=0)
        pick = left[int(np.argmin(np.abs(boxes - centre).sum(axis=1)))]
        proposed.append(grown(pick.box))
        flags = dropped_flags(left, proposed)
        left = [d for d, gone in zip(left, flags, strict=True) if not gone and d is not pick]
    return proposed


# --- the last answer per pose, for the sync dialog's warning ---------------------------------------

_cache: dict[tuple[Path, int], list[PastDetection]] = {}


def remember(workspace: Workspace, pose_id: int, detections: Iterable[PastDetection]) -> None:
    _cache[(Path(workspace.path), pose_id)] = list(detections)


def cached(workspace: Workspace, pose_id: int) -> list[PastDetection] | None:
    return _cache.get((Path(workspace.path), pose_id))


@dataclass(frozen=True, slots=True)
class WildfireHit:
    """A real wildfire detection that these masks (local ids) would drop."""

    masks: tuple[int, ...]
    seen_at: datetime
    sequence_id: int | None


def wildfire_hits(workspace: Workspace, pose_id: int) -> list[WildfireHit]:
    """Each real wildfire detection (label wildfire_smoke) that the pose's current masks would drop, from
    the detections last loaded for this pose in this session; [] when none were loaded."""
    detections = [d for d in cached(workspace, pose_id) or [] if d.label == WILDFIRE]
    if not detections:
        return []
    masks = [(m.local_id, m.box) for m in workspace.masks(pose_id) if m.box is not None and not m.deleted]
    hits = []
    for det in detections:
        culprits = tuple(local_id for local_id, box in masks if dropped_flags([det], [box])[0])
        if culprits:
            hits.append(WildfireHit(culprits, det.seen_at, det.sequence_id))
    return hits


def wildfire_warnings(workspace: Workspace, pose_id: int) -> list[str]:
    """wildfire_hits in the command line's words (the window words them itself)."""
    out = []
    for hit in wildfire_hits(workspace, pose_id):
        culprits = [f"#{local_id}" for local_id in hit.masks]
        which = "Mask " + culprits[0] if len(culprits) == 1 else "Masks " + ", ".join(culprits)
        out.append(f"{which} would drop a real wildfire detected on {hit.seen_at:%Y-%m-%d %H:%M} UTC "
                   f"(sequence {hit.sequence_id}): the camera would stay silent on such smoke there.")
    return out
