"""Has a pose's view moved since its masks were drawn? (no Qt)

The masks of a pose are grouped by the image they were drawn on (workspace/history.py); each group
whose image is not the pose's latest is compared with the latest by `core.drift.estimate_shift`.
Shifting follows each group by its own estimate. Results are kept per image pair in memory: the
images are content-addressed, so a pair always gives the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from mask_editor.core.drift import NO_SHIFT, Shift, estimate_shift, follow
from mask_editor.core.geometry import Box
from mask_editor.workspace import Workspace
from mask_editor.workspace.history import STEP_ROWS, HistoryImage, PauseHook, resolve_drawn_on

DEFAULT_THRESHOLD = 0.005  # 0.5 % of the width
_DECODE_WIDTH = 1024  # JPEG draft decoding to about this width: the estimator works at 512


@dataclass(frozen=True, slots=True)
class MaskGroup:
    """Masks drawn on one image, and how the scene moved from that image to the latest."""

    reference: HistoryImage
    shift: Shift
    mask_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PoseDrift:
    pose_id: int
    latest: HistoryImage
    groups: tuple[MaskGroup, ...]  # only masks not drawn on the latest image
    threshold: float = DEFAULT_THRESHOLD

    @property
    def moved(self) -> tuple[MaskGroup, ...]:
        """Groups whose believed shift exceeds the threshold, the largest group first."""
        out = [g for g in self.groups if g.shift.exceeds(self.threshold)]
        return tuple(sorted(out, key=lambda g: (-len(g.mask_ids), -g.shift.magnitude)))

    @property
    def exceeds(self) -> bool:
        return bool(self.moved)

    @property
    def main(self) -> MaskGroup | None:
        """The group the banner speaks of: the most masks among the moved, else among all."""
        moved = self.moved
        if moved:
            return moved[0]
        return max(self.groups, key=lambda g: len(g.mask_ids), default=None)

    @property
    def worst(self) -> float:
        """The largest believed shift (fraction of the width), for sorting a fleet worst first."""
        return max((g.shift.magnitude for g in self.groups if g.shift.confident), default=0.0)


def pose_drift(ws: Workspace, pose_id: int, threshold: float = DEFAULT_THRESHOLD) -> PoseDrift | None:
    """None when the pose has no image or no masks."""
    history = ws.pose_history(pose_id)
    pose = ws.pose(pose_id)
    if not history or pose is None:
        return None
    return _drift(pose_id, history, pose.image_sha256, ws.drawn_on(pose_id, history), threshold)


def _drift(pose_id: int, history: list[HistoryImage], image_sha256: str | None, drawn: dict[int, str],
           threshold: float) -> PoseDrift | None:
    if not drawn:
        return None
    by_sha = {h.sha256: h for h in history}
    latest = by_sha.get(image_sha256 or "") or history[-1]
    groups: dict[str, list[int]] = {}
    for local_id, sha in drawn.items():
        if sha != latest.sha256:
            groups.setdefault(sha, []).append(local_id)
    out = [MaskGroup(by_sha[sha], _cached_shift(by_sha[sha].path, latest.path), tuple(sorted(ids)))
           for sha, ids in groups.items()]
    return PoseDrift(pose_id, latest, tuple(out), threshold)


def fleet(ws: Workspace, camera_id: int | None = None, threshold: float = DEFAULT_THRESHOLD,
          between: PauseHook | None = None, every: int = STEP_ROWS) -> list[PoseDrift]:
    """Every pose with masks and images, those that exceed the threshold first, worst first.

    What `pose_drift` reads pose by pose (four queries, one of them per mask) is read here for the
    whole fleet in three: 16,000 poses took seconds of a worker that shares the GIL with the window.
    A pose with a single image has all its masks on it: compared, nothing moved. `between()` is
    called every `every` rows or poses, and before each comparison of two images: the worker may
    pause there while someone types."""
    histories = ws.histories_with_masks(camera_id, between, every)
    masks = ws.drawn_on_rows(camera_id)
    images = ws.pose_image_shas()
    reports: list[PoseDrift] = []
    for n, (pose_id, history) in enumerate(histories.items(), start=1):
        if between is not None and (n % every == 0 or len(history) > 1):
            between()
        if len(history) == 1:
            reports.append(PoseDrift(pose_id, history[0], (), threshold))
        elif (drift := _drift(pose_id, history, images.get(pose_id),
                              resolve_drawn_on(history, masks.get(pose_id, [])), threshold)) is not None:
            reports.append(drift)
    return sorted(reports, key=lambda d: (not d.exceeds, -d.worst, d.pose_id))


def shifted_boxes(ws: Workspace, drift: PoseDrift, groups: Iterable[MaskGroup] | None = None
                  ) -> tuple[dict[int, Box], set[int]]:
    """New boxes for the masks of the moved groups (or `groups`), and those the image edge cut."""
    boxes: dict[int, Box] = {}
    cut: set[int] = set()
    for group in drift.moved if groups is None else groups:
        for mask in ws.masks_by_id(group.mask_ids):
            if mask.box is None or mask.deleted:
                continue
            boxes[mask.local_id], was_cut = follow(mask.box, group.shift.dx, group.shift.dy)
            if was_cut:
                cut.add(mask.local_id)
    return boxes, cut


def shift_words(dx: float, dy: float) -> str:
    """`2.1 % right and 0.4 % down` (of the width, of the height); `none` below 0.05 %."""
    parts = [f"{abs(v) * 100:.1f} % {pos if v > 0 else neg}" for v, pos, neg in
             ((dx, "right", "left"), (dy, "down", "up")) if abs(v) >= 0.0005]
    return " and ".join(parts) or "none"


def load_pixels(path: Path, width: int = _DECODE_WIDTH) -> np.ndarray:
    """The image as RGB uint8, decoded at a reduced scale when the format allows (JPEG draft)."""
    from PIL import Image  # on first use only: commands that never compare stay light

    with Image.open(path) as image:
        image.draft("RGB", (width, max(1, width * image.height // max(1, image.width))))
        return np.asarray(image.convert("RGB"))


@lru_cache(maxsize=4096)  # a Shift per image pair: tiny
def _cached_shift(old: Path, new: Path) -> Shift:
    try:
        return estimate_shift(load_pixels(old), load_pixels(new))
    except (OSError, ValueError):  # a cached file that cannot be read: no opinion
        return NO_SHIFT
