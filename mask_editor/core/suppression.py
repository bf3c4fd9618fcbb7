"""The devices' rule for dropping a detection, and where a mask can drop one.

A device drops a detection box when its IoU with any mask is strictly greater than 0.1; there is
no containment test (CONTRACT.md, "How the devices use masks"). IoU does not change when x and y
are scaled separately, so relative coordinates give the same answer as pixels.

One rewriting of the rule is used throughout: with detection area `ad`, mask area `am` and
overlap area `i`,

    i / (ad + am - i) > t   <=>   i > t * (ad + am) / (1 + t)

so a mask drops a detection exactly when their overlap is larger than a fixed area (see
`overlap_needed`). For a detection of fixed size, the overlap is the product of an overlap width
that depends only on the centre's x and an overlap height that depends only on its y, which makes
the set of dropped centres (the suppression zone) cheap to compute, exactly, per mask.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mask_editor.core.geometry import Box

IOU_THRESHOLD = 0.1  # the devices drop a detection when IoU > this, strictly


def is_dropped(detection: Box, masks: Sequence[Box]) -> bool:
    """The device rule, box by box: IoU strictly above 0.1 with at least one mask."""
    return any(detection.iou(mask) > IOU_THRESHOLD for mask in masks)


def boxes_to_array(boxes: Sequence[Box]) -> np.ndarray:
    """Boxes as an (N, 4) float array of (xmin, ymin, xmax, ymax)."""
    if not boxes:
        return np.zeros((0, 4))
    return np.array([b.as_tuple() for b in boxes], dtype=float)


def iou_matrix(dets: np.ndarray, masks: np.ndarray) -> np.ndarray:
    """IoU of every detection (N, 4) with every mask (M, 4): an (N, M) array.

    Same float operations as `Box.iou`, so the comparison with 0.1 agrees with `is_dropped`.
    """
    d = np.asarray(dets, dtype=float).reshape(-1, 1, 4)
    m = np.asarray(masks, dtype=float).reshape(1, -1, 4)
    ow = np.minimum(d[..., 2], m[..., 2]) - np.maximum(d[..., 0], m[..., 0])
    oh = np.minimum(d[..., 3], m[..., 3]) - np.maximum(d[..., 1], m[..., 1])
    inter = np.where((ow > 0) & (oh > 0), ow * oh, 0.0)
    det_area = (d[..., 2] - d[..., 0]) * (d[..., 3] - d[..., 1])
    mask_area = (m[..., 2] - m[..., 0]) * (m[..., 3] - m[..., 1])
    union = det_area + mask_area - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(inter > 0, inter / np.where(union > 0, union, 1.0), 0.0)


def dropped(dets: np.ndarray, masks: np.ndarray) -> np.ndarray:
    """For each detection (N, 4), whether the devices drop it: a bool array (N,)."""
    dets = np.asarray(dets, dtype=float).reshape(-1, 4)
    if len(masks) == 0:
        return np.zeros(len(dets), dtype=bool)
    return (iou_matrix(dets, masks) > IOU_THRESHOLD).any(axis=1)


def overlap_needed(det_area: float, mask_area: float, threshold: float = IOU_THRESHOLD) -> float:
    """The overlap area above which IoU exceeds `threshold`: t (ad + am) / (1 + t)."""
    return threshold * (det_area + mask_area) / (1 + threshold)


# --- one mask, one detection size -----------------------------------------------------------------


def max_iou_for_size(mask: Box, det_w: float, det_h: float) -> float:
    """The best IoU a det_w x det_h detection (inside the image) can reach with `mask`.

    The overlap is at most min(w, wm) x min(h, hm), reached by nesting the smaller side in the
    larger one on each axis (always possible inside [0, 1]); IoU grows with the overlap.
    """
    _check_size(det_w, det_h)
    inter = min(det_w, mask.width) * min(det_h, mask.height)
    return inter / (det_w * det_h + mask.area - inter)


def mask_can_drop(mask: Box, det_w: float, det_h: float) -> bool:
    """Whether some placement of a det_w x det_h detection is dropped by this mask alone."""
    return max_iou_for_size(mask, det_w, det_h) > IOU_THRESHOLD


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why a mask can never drop a detection of some size: its `shape` against the detection's ("larger",
    "smaller", "wider" and shorter, "narrower" and taller), by `ratio` of areas (larger, smaller), and its
    `best` IoU with one, floored to 3 decimals so that just under 0.1 never reads as 0.100."""

    shape: str
    ratio: float
    best: float


def mask_shortfall(mask: Box, det_w: float, det_h: float) -> Shortfall | None:
    """None when some placement of a det_w x det_h detection is dropped by this mask."""
    best = max_iou_for_size(mask, det_w, det_h)
    if best > IOU_THRESHOLD:
        return None
    shown = math.floor(best * 1000) / 1000
    wider, taller = mask.width >= det_w, mask.height >= det_h
    if wider and taller:
        return Shortfall("larger", mask.area / (det_w * det_h), shown)
    if not wider and not taller:
        return Shortfall("smaller", det_w * det_h / mask.area, shown)
    return Shortfall("wider" if wider else "narrower", 0.0, shown)


def why_mask_cannot_drop(
    mask: Box, det_w: float, det_h: float, image_w: int | None = None, image_h: int | None = None
) -> str | None:
    """A plain explanation when the mask can never drop a detection of this size, else None (the command
    line's English; the window words `mask_shortfall` itself).

    Give the image size in pixels to have the detection size said in pixels.
    """
    short = mask_shortfall(mask, det_w, det_h)
    if short is None:
        return None
    if image_w and image_h:
        size = f"a {round(det_w * image_w)}x{round(det_h * image_h)} px detection"
    else:
        size = f"a detection of {_percent(det_w)} x {_percent(det_h)} of the image"
    overlap = f"its best overlap with one is IoU {short.best:.3f}, and the devices need more than 0.1"
    if short.shape == "larger":
        return (
            f"This mask is {short.ratio:.0f}x larger than {size}: {overlap}. "
            "Split it into smaller masks (Area tool) or shrink it."
        )
    if short.shape == "smaller":
        return f"This mask is {short.ratio:.0f}x smaller than {size}: {overlap}. Enlarge it to about that size."
    shape = "wider and shorter" if short.shape == "wider" else "narrower and taller"
    fix = "narrower and taller" if short.shape == "wider" else "wider and shorter"
    return f"This mask is {shape} than {size}: {overlap}. Make it {fix}, closer to the detection's shape."


def _percent(value: float) -> str:
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


def _check_size(det_w: float, det_h: float) -> None:
    if not (0 < det_w <= 1 and 0 < det_h <= 1):
        raise ValueError(f"detection size must be in (0, 1], got {det_w} x {det_h}")


def _overlap_1d(lo: np.ndarray | float, hi: np.ndarray | float, m_lo: float, m_hi: float) -> np.ndarray:
    """Length of [lo, hi] ∩ [m_lo, m_hi], 0 when apart."""
    return np.maximum(np.minimum(hi, m_hi) - np.maximum(lo, m_lo), 0.0)


def zone_interval(mask: Box, det_w: float, det_h: float, cx: float) -> tuple[float, float] | None:
    """The centres y (open interval) where a det_w x det_h detection centred at x = `cx` is dropped
    by `mask`, or None; analytic, for an unclipped detection (the image border is not applied).

    With ow fixed by cx, the rule needs oh > c = overlap_needed / ow. oh is a trapezoid in cy that
    peaks at min(h, hm) and falls to 0 at |cy - mask centre| = (h + hm) / 2, so the interval is
    centred on the mask and has half-length (h + hm) / 2 - c, provided c < min(h, hm).
    """
    _check_size(det_w, det_h)
    ow = float(_overlap_1d(cx - det_w / 2, cx + det_w / 2, mask.xmin, mask.xmax))
    if ow <= 0:
        return None
    c = overlap_needed(det_w * det_h, mask.area) / ow
    if c >= min(det_h, mask.height):
        return None
    half = (det_h + mask.height) / 2 - c
    middle = (mask.ymin + mask.ymax) / 2
    return (middle - half, middle + half)


def suppression_zone(
    masks: Sequence[Box],
    det_w: float,
    det_h: float,
    grid_w: int,
    grid_h: int,
    *,
    clip_to_image: bool = True,
) -> np.ndarray:
    """Where a det_w x det_h detection would be dropped: bool (grid_h, grid_w), one cell per centre.

    Cell (i, j) tests the detection centred at ((j + 0.5) / grid_w, (i + 0.5) / grid_h).
    Image border: with `clip_to_image` (default), a detection sticking out of the image is cut to
    it, as the model's box would be, and the cut box is tested; without it, centres whose detection
    does not fit in the image are False. Each mask is evaluated only on the cells it can reach, as
    an outer product of overlap heights (per row) and overlap widths (per column).
    """
    _check_size(det_w, det_h)
    cx = (np.arange(grid_w) + 0.5) / grid_w
    cy = (np.arange(grid_h) + 0.5) / grid_h
    x0, x1 = cx - det_w / 2, cx + det_w / 2
    y0, y1 = cy - det_h / 2, cy + det_h / 2
    if clip_to_image:
        x0, x1 = np.maximum(x0, 0.0), np.minimum(x1, 1.0)
        y0, y1 = np.maximum(y0, 0.0), np.minimum(y1, 1.0)
    zone = np.zeros((grid_h, grid_w), dtype=bool)
    for mask in masks:
        # Columns and rows whose detection overlaps the mask at all (x0, x1 are non-decreasing).
        j0, j1 = np.searchsorted(x1, mask.xmin, "right"), np.searchsorted(x0, mask.xmax, "left")
        i0, i1 = np.searchsorted(y1, mask.ymin, "right"), np.searchsorted(y0, mask.ymax, "left")
        if j0 >= j1 or i0 >= i1:
            continue
        ow = _overlap_1d(x0[j0:j1], x1[j0:j1], mask.xmin, mask.xmax)
        oh = _overlap_1d(y0[i0:i1], y1[i0:i1], mask.ymin, mask.ymax)
        inter = oh[:, None] * ow[None, :]
        det_area = (y1[i0:i1] - y0[i0:i1])[:, None] * (x1[j0:j1] - x0[j0:j1])[None, :]
        union = det_area + mask.area - inter
        zone[i0:i1, j0:j1] |= (inter > 0) & (inter / union > IOU_THRESHOLD)
    if not clip_to_image:
        fits_x = (cx - det_w / 2 >= 0) & (cx + det_w / 2 <= 1)
        fits_y = (cy - det_h / 2 >= 0) & (cy + det_h / 2 <= 1)
        zone &= fits_y[:, None] & fits_x[None, :]
    return zone
