"""Where the sky ends on a pose image: one ridge row per column, and a sky raster above it.

The ridge is the topmost land, hazy far hills included. Those hills are as smooth and nearly as
pale as the sky just above them, so no per-pixel cue tells them apart; what does is the step at
the ridge, where the sky above gives way to darker land. Per column, the boundary therefore
weighs two things, and a dynamic programme across columns picks the boundaries jointly, paying
for each row of jump between neighbouring columns (capped, so a cliff stays sharp):
* an edge bonus: the colour step between the few rows above and below, counted when it darkens
  going down (cloud tops brighten; the ridge darkens), compressed (square root) so that a
  stronger step between two nearer layers does not outweigh the ridge, and smoothed along the
  row so that a road or a mast's tip, short along the row, weighs less than a long ridge;
* a region score, cumulated from the top: ground where a row segment is much more textured than
  the sky reference (the top rows; second differences, so a cloud's smooth shading is not
  texture), and a small sky bonus where colour, brightness and smoothness look like the top rows
  (`_sky_score`, kept small: it drifts toward the horizon and would pull the line into the haze).
A second pass re-reads the colours just above and just below the first line, column by column,
and adds how much each pixel near the line looks like one or the other: the far haze then reads
as land, the horizon sky as sky, and a stretch of the first line that hopped onto a cloud's edge
comes back down.
Work is done on a copy at most `work_width` pixels wide. `separation` near 0 means the top and
bottom of the image look alike (no distinct sky): the ridge is then meaningless.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

WORK_WIDTH = 512
_TOP_BAND = 0.08  # fraction of rows taken as the sky reference
_BOTTOM_BAND = 0.2  # fraction of rows taken as the ground reference
_TEXTURE_WINDOW = 4  # half-length (work pixels) of the row segment judged for texture
_TEXTURE_FLOOR = 0.004  # about 1/255: below this, texture is sensor noise or JPEG smoothing
_TEXTURE_GROUND = (1.5, 3.0)  # texture / sky texture: from no ground evidence to full evidence
_SKY_BONUS = 0.12  # weight of the colour-based sky score (see the module docstring)
_EDGE_WEIGHT = 0.12  # edge bonus at full strength, in region-score rows per image row
_EDGE_SPANS = (1, 2)  # rows compared above and below a boundary (work pixels)
_EDGE_DARKENING = 0.02  # luma drop (0..1) at which a colour step counts in full
_EDGE_SMOOTH = 3  # half-width (work columns) of the smoothing of the edge bonus along rows
_LOCAL_BAND = 0.1  # fraction of the height around the first line that the second pass re-reads
_JUMP_COST = 0.6  # score units per row of ridge jump between neighbouring columns
_JUMP_CAP = 0.08  # fraction of the height: a longer jump costs no more than this one


@dataclass(frozen=True)
class SkyEstimate:
    """`ridge[x]`: the number of sky rows in column x of the input image (float pixels, from the
    top); `separation`: how clearly the sky reference differs from the ground one (about 0 when
    the image shows no distinct sky, several units when it is clear)."""

    ridge: np.ndarray
    height: int
    width: int
    separation: float

    def mask(self, h: int, w: int) -> np.ndarray:
        """Sky (True) above the ridge, as a bool raster (h, w) of the image at any size."""
        xs = (np.arange(w) + 0.5) * self.width / w - 0.5
        ridge = np.interp(xs, np.arange(self.width), self.ridge) * h / self.height
        rows = np.arange(h)[:, None] + 0.5
        return rows < ridge[None, :]


def estimate_sky(image: np.ndarray, *, work_width: int = WORK_WIDTH) -> SkyEstimate:
    """Estimate the ridge of an (H, W, 3) uint8 RGB image (a downscaled preview is fine: the
    ridge is in the pixels of what is passed, and `mask` rescales)."""
    if image.ndim != 3 or image.shape[2] < 3 or image.shape[0] < 8 or image.shape[1] < 8:
        raise ValueError(f"expected an RGB image (H, W, 3) of at least 8x8 pixels, got {image.shape}")
    height, width = image.shape[:2]
    work, factor = _downscale(image[..., :3], work_width)
    colour_score, separation = _sky_score(work)
    score = _texture_ground(work) + _SKY_BONUS * np.maximum(colour_score, 0.0)
    edge = _edge_bonus(work)
    boundary = _best_boundaries(score, edge)
    boundary = _best_boundaries(score + _local_score(work, boundary), edge)
    # Work columns cover `factor` input columns each (the last few input columns, cropped away by
    # the downscale, take the last value); rows scale by the same factor.
    xs = (np.arange(width) + 0.5) / factor - 0.5
    ridge = np.interp(xs, np.arange(len(boundary)), boundary.astype(float)) * factor
    return SkyEstimate(np.clip(ridge, 0, height), height, width, separation)


def _downscale(image: np.ndarray, work_width: int) -> tuple[np.ndarray, int]:
    """Block-average by an integer factor so the width is at most `work_width`; floats in [0, 1]."""
    factor = max(1, math.ceil(image.shape[1] / work_width))
    h, w = image.shape[0] // factor, image.shape[1] // factor
    blocks = image[: h * factor, : w * factor].astype(np.float32) / 255.0
    return blocks.reshape(h, factor, w, factor, 3).mean(axis=(1, 3)), factor


def _row_median(values: np.ndarray, radius: int) -> np.ndarray:
    """Median over 2 radius + 1 neighbours along each row (edges repeated at the borders)."""
    padded = np.pad(values, ((0, 0), (radius, radius)), mode="edge")
    w = values.shape[1]
    return np.median(np.stack([padded[:, k : k + w] for k in range(2 * radius + 1)]), axis=0)


def _luma(work: np.ndarray) -> np.ndarray:
    return 0.299 * work[..., 0] + 0.587 * work[..., 1] + 0.114 * work[..., 2]


def _texture_ground(work: np.ndarray) -> np.ndarray:
    """Per pixel, -1 (ground) to 0 (no evidence): how much more textured than the top rows.

    Second differences along the row: the smooth shading of a cloud or of the sky gradient is not
    texture, forest is. Only ground evidence: smooth far hills are land too.
    """
    luma = _luma(work)
    curvature = np.pad(np.abs(np.diff(luma, 2, axis=1)), ((0, 0), (1, 1)), mode="edge") / 2
    texture = _row_median(curvature, _TEXTURE_WINDOW)
    top = slice(0, max(1, round(work.shape[0] * _TOP_BAND)))
    sky_texture = float(np.median(texture[top]))
    ratio = np.log((texture + _TEXTURE_FLOOR) / (sky_texture + _TEXTURE_FLOOR))
    low, high = np.log(_TEXTURE_GROUND[0]), np.log(_TEXTURE_GROUND[1])
    return -np.clip((ratio - low) / (high - low), 0.0, 1.0)


def _edge_bonus(work: np.ndarray) -> np.ndarray:
    """(h + 1, w) in [0, 1.23]: how much a boundary with r sky rows looks like the ridge's step."""
    h, w = work.shape[:2]
    luma = _luma(work)
    sums = np.zeros((h + 1, w, 4))
    sums[1:] = np.cumsum(np.concatenate([work, luma[..., None]], axis=2), axis=0)
    rows = np.arange(h + 1)
    step = np.zeros((h + 1, w))
    for span in _EDGE_SPANS:
        lo, hi = np.maximum(rows - span, 0), np.minimum(rows + span, h)
        above = (sums[rows] - sums[lo]) / np.maximum(rows - lo, 1)[:, None, None]
        below = (sums[hi] - sums[rows]) / np.maximum(hi - rows, 1)[:, None, None]
        diff = above - below
        darkening = np.clip(diff[..., 3] / _EDGE_DARKENING, 0.0, 1.0)
        step += np.sqrt((diff[..., :3] ** 2).sum(axis=2)) * darkening
    step[0] = step[-1] = 0.0  # the image's own borders are no step
    step /= np.percentile(step, 99.5) + 1e-6
    bonus = np.sqrt(np.clip(step, 0.0, 1.5))
    return _row_median(bonus, _EDGE_SMOOTH)


def _local_score(work: np.ndarray, boundary: np.ndarray) -> np.ndarray:
    """Near the first line, +1 for pixels like the colour just above it (in their stretch of
    columns), -1 like the colour just below; 0 elsewhere. Medians, so a few columns where the
    first line was wrong do not set the references."""
    h, w = work.shape[:2]
    gap, depth = 2, max(3, h // 30)
    columns = np.arange(w)
    half = max(1, w // 16)

    def reference(first: int, last: int) -> np.ndarray:
        rows = np.clip(boundary[None, :] + np.arange(first, last)[:, None], 0, h - 1)
        per_column = np.median(work[rows, columns[None, :]], axis=0)  # (w, 3)
        padded = np.pad(per_column, ((half, half), (0, 0)), mode="edge")
        return np.median(sliding_window_view(padded, 2 * half + 1, axis=0), axis=2)

    sky = reference(-gap - depth, -gap)
    ground = reference(gap, gap + depth)
    to_sky = np.sqrt(((work - sky[None]) ** 2).sum(axis=2))
    to_ground = np.sqrt(((work - ground[None]) ** 2).sum(axis=2))
    score = (to_ground - to_sky) / (to_ground + to_sky + 1e-3)
    near = np.abs(np.arange(h)[:, None] - boundary[None, :]) <= _LOCAL_BAND * h
    return np.where(near, score, 0.0)


def _sky_score(work: np.ndarray) -> tuple[np.ndarray, float]:
    """Per pixel, a score in [-2, 2]: positive looks like the top rows (sky), negative like the
    bottom rows (ground). Each cue counts by how well it separates the two references."""
    red, green, blue = work[..., 0], work[..., 1], work[..., 2]
    luma = 0.299 * red + 0.587 * green + 0.114 * blue
    # Texture from horizontal steps only, along the row: the ridge's own vertical step would
    # otherwise leak upward into the sky. A median, so a thin mast's two steps are ignored.
    gradient = np.pad(np.abs(np.diff(luma, axis=1)), ((0, 0), (1, 0)), mode="edge")
    # log: texture spans orders of magnitude; smooth sky and cloud sit near the floor
    texture = np.log(_row_median(gradient, _TEXTURE_WINDOW) + 0.004)
    h = work.shape[0]
    top = slice(0, max(1, round(h * _TOP_BAND)))
    bottom = slice(min(h - 1, round(h * (1 - _BOTTOM_BAND))), h)
    score = np.zeros_like(luma)
    weights = 0.0
    for cue, contrast in ((luma, False), (blue - red, False), (texture, True)):
        sky_mid, sky_spread = _median_spread(cue[top])
        ground_mid, ground_spread = _median_spread(cue[bottom])
        gap = sky_mid - ground_mid
        separation = min(abs(gap) / (sky_spread + ground_spread + 1e-6), 3.0)
        if abs(gap) < 1e-6:
            continue
        if contrast:
            # Smoothness does not drift down the sky as colour does, so judge it two-sided: how many
            # spreads from each reference. A paler, hazy far hill is not smooth enough for sky.
            sky_spread, ground_spread = max(sky_spread, 0.1), max(ground_spread, 0.1)
            cue_score = np.abs(cue - ground_mid) / ground_spread - np.abs(cue - sky_mid) / sky_spread
            score += 2 * separation * np.clip(cue_score, -2, 2)
            weights += 2 * separation
        else:
            # Colour drifts (paler toward the horizon): only say which side of the midpoint, +1 at
            # the sky median and no more beyond it, -1 at the ground median and down to -2.
            score += separation * np.clip((cue - (sky_mid + ground_mid) / 2) / (gap / 2), -2, 1)
            weights += separation
    if weights == 0:
        return np.zeros_like(luma), 0.0
    return score / weights, weights


def _median_spread(values: np.ndarray) -> tuple[float, float]:
    """Median and median absolute deviation: clouds in the sky band or a road in the ground band
    move them little."""
    middle = float(np.median(values))
    return middle, float(np.median(np.abs(values - middle)))


def _best_boundaries(score: np.ndarray, edge: np.ndarray) -> np.ndarray:
    """Per column, the number of sky rows r (0..h): minimises -sum(score[:r]) - the edge bonus
    at r, plus the jump costs."""
    h, w = score.shape
    # cost[r, x]: calling rows < r sky and the rest ground (constant terms dropped)
    cost = np.zeros((h + 1, w))
    cost[1:] = -np.cumsum(score, axis=0)
    cost -= _EDGE_WEIGHT * h * edge
    rows = np.arange(h + 1, dtype=float)
    cap = _JUMP_COST * max(1.0, _JUMP_CAP * h)
    total = np.empty_like(cost)
    total[:, 0] = cost[:, 0]
    for x in range(1, w):
        total[:, x] = cost[:, x] + _cheapest_arrival(total[:, x - 1], rows, cap)
    boundary = np.empty(w, dtype=int)
    boundary[-1] = int(np.argmin(total[:, -1]))
    for x in range(w - 1, 0, -1):
        jump = np.minimum(_JUMP_COST * np.abs(rows - boundary[x]), cap)
        boundary[x - 1] = int(np.argmin(total[:, x - 1] + jump))
    return boundary


def _cheapest_arrival(previous: np.ndarray, rows: np.ndarray, cap: float) -> np.ndarray:
    """min over r' of previous[r'] + min(JUMP_COST |r - r'|, cap), for every r, in O(h): the
    L1 part by running minima from each side."""
    slope = _JUMP_COST * rows
    from_above = np.minimum.accumulate(previous - slope) + slope
    from_below = (np.minimum.accumulate((previous + slope)[::-1]))[::-1] - slope
    return np.minimum(np.minimum(from_above, from_below), previous.min() + cap)
