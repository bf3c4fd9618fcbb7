"""How far a pose's view has moved between two images of it: phase correlation, pure numpy.

Sign convention (the one the masks need): `Shift.dx` is how far the *scene* moved in the newer
image, as a fraction of the image width, positive to the right; `dy` likewise, positive down. A
chimney at x = 0.40 in the old image and at x = 0.42 in the new one gives dx = +0.02, and a mask
follows it by adding dx to its corners.

Both images are reduced to a small grey image (about `WORK_WIDTH` columns, by block means, which
is cheap even at 4K), high-passed (a difference of box blurs, then a local contrast normalisation)
so that daylight, haze and slow cloud shading weigh little, windowed (Hann) and correlated through
the normalised cross-power spectrum. The peak gives the integer shift, a parabola through its
neighbours the sub-pixel part. Confidence comes from how much the peak stands out of the rest of
the correlation surface: a flat or repetitive image (night, fog) gives several weak peaks and a
low confidence, never a confident guess.

Zoom is not estimated: presets drift by panning and tilting; see docs/drift.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mask_editor.core.geometry import GRID, STEP, Box, quantize

WORK_WIDTH = 512  # columns of the reduced image: 0.2 % of the width is ~1 px there
CONFIDENT = 0.5  # a shift is believed at or above this confidence
MAX_SHIFT = 0.25  # larger shifts are not this problem (another preset, a new camera): not looked for
_TEXTURE_FLOOR = 0.25  # grey levels (0-255) of high-passed detail around which an image is "blank"


@dataclass(frozen=True, slots=True)
class Shift:
    """The scene's displacement from an old image to a new one, relative to the image size."""

    dx: float  # fraction of the width, + = the scene moved right
    dy: float  # fraction of the height, + = the scene moved down
    confidence: float  # 0 (no idea) .. 1 (one sharp, unique peak)
    aspect: float = 9 / 16  # height / width of the images compared, for `magnitude`

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT

    @property
    def magnitude(self) -> float:
        """The larger of |dx| and |dy|, as a fraction of the width (the unit the thresholds use)."""
        return max(abs(self.dx), abs(self.dy) * self.aspect)

    def exceeds(self, threshold: float) -> bool:
        """A believed shift larger than `threshold` (fraction of the width)."""
        return self.confident and self.magnitude > threshold


NO_SHIFT = Shift(0.0, 0.0, 0.0)


def follow(box: Box, dx: float, dy: float) -> tuple[Box, bool]:
    """The box moved with the scene by (dx, dy), on the grid; True when the image edge cut it.

    Partly out: the part still in the image is kept (it still covers what is left of the object).
    Wholly out: the object left the view; the box stops at the edge with its size, to be checked.
    """
    dx, dy = round(dx * GRID) / GRID, round(dy * GRID) / GRID  # a grid step: every box keeps its size
    x0, y0, x1, y1 = box.xmin + dx, box.ymin + dy, box.xmax + dx, box.ymax + dy
    cut = x0 < 0 or y0 < 0 or x1 > 1 or y1 > 1
    if not cut:
        return quantize(Box(x0, y0, x1, y1)), False
    cx0, cy0, cx1, cy1 = max(x0, 0.0), max(y0, 0.0), min(x1, 1.0), min(y1, 1.0)
    if cx1 - cx0 < STEP or cy1 - cy0 < STEP:
        return quantize(box.translated(dx, dy)), True
    return quantize(Box(cx0, cy0, cx1, cy1)), True


def estimate_shift(old: np.ndarray, new: np.ndarray) -> Shift:
    """The scene's shift from `old` to `new`: (H, W) grey or (H, W, 3) RGB arrays, any dtype.

    Images of different sizes are compared at the same relative scale (a camera whose resolution
    changed). Images of different aspect ratios give no confidence.
    """
    if old.shape[:2] == (0, 0) or new.shape[:2] == (0, 0):
        return NO_SHIFT
    aspect_old = old.shape[0] / old.shape[1]
    aspect_new = new.shape[0] / new.shape[1]
    if abs(aspect_old - aspect_new) > 0.01 * aspect_old:
        return NO_SHIFT
    width = min(WORK_WIDTH, old.shape[1], new.shape[1])
    height = max(16, round(width * aspect_old))
    a, texture_a = _prepare(reduce_grey(old, width, height))
    b, texture_b = _prepare(reduce_grey(new, width, height))
    surface = _correlate(a, b)
    px, py, confidence = _peak(surface, max_dx=MAX_SHIFT * width, max_dy=MAX_SHIFT * height)
    confidence *= _texture_factor(min(texture_a, texture_b))
    if confidence == 0.0:  # nothing to go by: say so rather than report the noise's peak
        return Shift(0.0, 0.0, 0.0, height / width)
    return Shift(px / width, py / height, confidence, height / width)


def reduce_grey(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """A (height, width) float32 grey image: block means of the source, sampled sparsely.

    Within each block only a few rows and columns are read (up to 2x2 samples), which is what keeps
    a 4K frame to a few milliseconds; the high-pass that follows does not need more.
    """
    h, w = image.shape[:2]
    rows = _sample_index(h, height)
    cols = _sample_index(w, width)
    # np.take axis by axis: several times faster than one fancy index on a 4K RGB frame.
    sub = np.take(np.take(image, rows, axis=0), cols, axis=1).astype(np.float32)
    if sub.ndim == 3:  # RGB: Rec. 601 luma (element-wise: a matmul would start BLAS threads)
        sub = sub[..., 0] * np.float32(0.299) + sub[..., 1] * np.float32(0.587) + sub[..., 2] * np.float32(0.114)
    per_r, per_c = rows.shape[0] // height, cols.shape[0] // width
    total = np.zeros((height, width), np.float32)
    for i in range(per_r):  # block sums as strided slices: cheaper than reshape(...).mean(axis=(1, 3))
        for j in range(per_c):
            total += sub[i::per_r, j::per_c]
    return total / (per_r * per_c)


def _sample_index(n: int, out: int) -> np.ndarray:
    """Indices reading up to 2 evenly spread samples inside each of `out` equal blocks of [0, n)."""
    per = max(1, min(2, n // out))
    edges = np.arange(out * per) / (out * per) * n + n / (2 * out * per)
    return np.minimum(edges.astype(np.intp), n - 1)


def _box_blur(image: np.ndarray, radius: int) -> np.ndarray:
    """Mean over a (2r+1)^2 square, edges clamped, via cumulative sums (O(pixels) whatever r)."""
    padded = np.pad(image, radius + 1, mode="edge")
    c = padded.cumsum(axis=0).cumsum(axis=1)
    k = 2 * radius + 1
    s = c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]
    return (s / (k * k))[: image.shape[0], : image.shape[1]]


def _prepare(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """High-pass and locally normalise; returns the windowed image and its detail level (grey std)."""
    detail = _box_blur(grey, 1) - _box_blur(grey, 6)
    level = float(np.sqrt(np.mean(detail * detail)))
    # Local contrast normalisation: a sunlit slope and the same slope in a cloud's shadow look alike.
    local = np.sqrt(_box_blur(detail * detail, 8)) + max(level * 0.25, 0.5)
    normalised = detail / local
    window = np.outer(np.hanning(grey.shape[0]), np.hanning(grey.shape[1])).astype(np.float32)
    return normalised * window, level


def _correlate(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The phase-correlation surface; its peak sits at the shift that takes `a` onto `b`."""
    fa = np.fft.rfft2(a)
    fb = np.fft.rfft2(b)
    cross = np.conj(fa) * fb
    cross /= np.abs(cross) + 1e-9
    # A gentle low-pass: the highest frequencies of reduced, re-encoded images are mostly noise.
    fy = np.fft.fftfreq(a.shape[0])[:, None]
    fx = np.fft.rfftfreq(a.shape[1])[None, :]
    cross *= np.exp(-(fx * fx + fy * fy) / (2 * 0.18 ** 2))
    return np.fft.irfft2(cross, s=a.shape)


def _peak(surface: np.ndarray, max_dx: float, max_dy: float) -> tuple[float, float, float]:
    """Sub-pixel peak (dx, dy) in reduced pixels, and a confidence in [0, 1]."""
    h, w = surface.shape
    centred = np.fft.fftshift(surface)
    yy = np.abs(np.arange(h) - h // 2)[:, None]
    xx = np.abs(np.arange(w) - w // 2)[None, :]
    allowed = (yy <= max_dy) & (xx <= max_dx)
    search = np.where(allowed, centred, -np.inf)
    iy, ix = np.unravel_index(int(np.argmax(search)), search.shape)
    top = float(centred[iy, ix])
    sub_y = _parabola(centred[(iy - 1) % h, ix], top, centred[(iy + 1) % h, ix])
    sub_x = _parabola(centred[iy, (ix - 1) % w], top, centred[iy, (ix + 1) % w])
    # The runner-up: the best value outside the main peak's neighbourhood.
    near = (np.abs(np.arange(h) - iy)[:, None] <= 3) & (np.abs(np.arange(w) - ix)[None, :] <= 3)
    rest = np.where(allowed & ~near, centred, -np.inf)
    second = float(rest.max())
    spread = float(centred[allowed].std()) + 1e-12
    # Two measures, both needed: the peak must tower over the noise floor and over the runner-up.
    prominence = (top - float(centred[allowed].mean())) / spread
    uniqueness = 1.0 - max(second, 0.0) / top if top > 0 else 0.0
    # Calibrated on the benchmark's 1,000 cases (docs/drift.md): wrong peaks (unrelated scenes, fog)
    # reach a prominence of 10.5 and a uniqueness of 0.45, right ones on daylight views 66 and 0.88.
    confidence = _squash(prominence, 12.0, 24.0) * _squash(uniqueness, 0.45, 0.7)
    return ix - w // 2 + sub_x, iy - h // 2 + sub_y, confidence


def _parabola(left: float, centre: float, right: float) -> float:
    denominator = left - 2 * centre + right
    if denominator >= 0:  # not a maximum: no refinement
        return 0.0
    return float(np.clip(0.5 * (left - right) / denominator, -0.5, 0.5))


def _squash(value: float, low: float, high: float) -> float:
    """0 at or below `low`, 1 at or above `high`, smooth in between."""
    t = min(1.0, max(0.0, (value - low) / (high - low)))
    return t * t * (3 - 2 * t)


def _texture_factor(level: float) -> float:
    # Dense fog measures ~0.25, a night frame ~0.45, a hazy day 2 and more: only the blank are gated here,
    # the peak's own measures judge the rest.
    return 0.0 if not math.isfinite(level) else _squash(level, _TEXTURE_FLOOR * 0.4, _TEXTURE_FLOOR * 1.6)
