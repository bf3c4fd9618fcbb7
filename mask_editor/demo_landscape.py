"""Synthetic watchtower views: forested hills under a sky, for the demo and for screenshots.

Pure numpy + Pillow (no Qt), deterministic (same arguments, same bytes) and fast: noise fields are
made at a quarter of the output size and upsampled with Pillow, and every step is vectorised, so a
4K frame takes a second or two.

A frame is built back to front, like a real view from a tower:

* a sky with a vertical gradient (and a sun glow at dusk), with clouds laid on a perspective
  plane so that they shrink and flatten towards the horizon;
* four or five ridge layers, each a smooth profile plus a jagged tree line; the far ones are
  washed out by aerial perspective (haze), with mist pooling in the valley behind each nearer one;
* forest texture, lighter fields, cloud shadows, a winding road and a few objects that make
  classic false positives for a smoke detector: a chimney with its plume, an antenna pylon on the
  crest, a reflective roof, a low cloud band.

`Landscape.ridge` is the known sky/land boundary per column (thin structures excluded) and
`Landscape.features` the pixel boxes of the placed objects, so that tests and demo data can rely
on them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

TIMES_OF_DAY = ("day", "dusk", "overcast")
ALL_FEATURES = frozenset({"chimney", "antenna", "road", "roof", "cloud_band"})

Color = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class Landscape:
    """A rendered frame and what is known about it.

    `image` is (H, W, 3) uint8 RGB. `ridge[x]` is the sky/land boundary in column x, in pixel rows
    (float): rows below it are land, rows above it sky; it follows the tree line of the topmost
    ridge and ignores thin structures (chimney, antenna). `features` maps each placed object to
    its pixel box (x0, y0, x1, y1), x1/y1 exclusive, clipped to the image.
    """

    image: np.ndarray
    ridge: np.ndarray
    features: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Palette:
    sky_top: Color
    sky_mid: Color
    sky_horizon: Color
    haze: Color
    cloud_lit: Color
    cloud_shadow: Color
    cloud_coverage: float  # 0 clear .. 1 fully covered
    cloud_detail: float  # weight of small-scale texture against the large cloud banks
    forest_dark: Color
    forest_light: Color
    fields: tuple[Color, ...]
    road: Color
    roof: Color
    structure: Color  # antenna, pylon silhouettes
    chimney: Color
    smoke: Color
    land_gain: float
    cloud_shadow_strength: float
    sun_glow: Color | None = None


_PALETTES = {
    "day": _Palette(
        sky_top=(0.17, 0.35, 0.66),
        sky_mid=(0.40, 0.58, 0.82),
        sky_horizon=(0.76, 0.83, 0.90),
        haze=(0.64, 0.72, 0.80),
        cloud_lit=(0.98, 0.98, 0.99),
        cloud_shadow=(0.58, 0.62, 0.70),
        cloud_coverage=0.38,
        cloud_detail=0.75,
        forest_dark=(0.035, 0.075, 0.045),
        forest_light=(0.20, 0.29, 0.13),
        fields=((0.52, 0.53, 0.28), (0.40, 0.48, 0.20), (0.60, 0.54, 0.36), (0.33, 0.44, 0.19)),
        road=(0.70, 0.67, 0.60),
        roof=(0.93, 0.95, 0.97),
        structure=(0.10, 0.10, 0.11),
        chimney=(0.80, 0.79, 0.76),
        smoke=(0.97, 0.97, 0.98),
        land_gain=1.0,
        cloud_shadow_strength=0.35,
    ),
    "dusk": _Palette(
        sky_top=(0.13, 0.15, 0.34),
        sky_mid=(0.52, 0.38, 0.52),
        sky_horizon=(0.98, 0.64, 0.38),
        haze=(0.60, 0.44, 0.48),
        cloud_lit=(1.00, 0.66, 0.50),
        cloud_shadow=(0.32, 0.25, 0.36),
        cloud_coverage=0.33,
        cloud_detail=0.75,
        forest_dark=(0.025, 0.03, 0.04),
        forest_light=(0.13, 0.12, 0.10),
        fields=((0.34, 0.28, 0.20), (0.28, 0.26, 0.16), (0.38, 0.30, 0.24), (0.24, 0.24, 0.15)),
        road=(0.36, 0.31, 0.29),
        roof=(0.98, 0.80, 0.62),
        structure=(0.05, 0.04, 0.06),
        chimney=(0.50, 0.42, 0.42),
        smoke=(0.78, 0.62, 0.60),
        land_gain=0.8,
        cloud_shadow_strength=0.0,
        sun_glow=(1.0, 0.80, 0.48),
    ),
    "overcast": _Palette(
        sky_top=(0.56, 0.58, 0.61),
        sky_mid=(0.68, 0.69, 0.71),
        sky_horizon=(0.79, 0.80, 0.81),
        haze=(0.66, 0.68, 0.70),
        cloud_lit=(0.82, 0.83, 0.84),
        cloud_shadow=(0.56, 0.58, 0.61),
        cloud_coverage=0.7,
        cloud_detail=0.3,
        forest_dark=(0.05, 0.08, 0.06),
        forest_light=(0.17, 0.22, 0.15),
        fields=((0.44, 0.45, 0.30), (0.35, 0.41, 0.23), (0.50, 0.47, 0.37), (0.30, 0.37, 0.22)),
        road=(0.62, 0.61, 0.58),
        roof=(0.86, 0.88, 0.90),
        structure=(0.12, 0.12, 0.13),
        chimney=(0.70, 0.70, 0.69),
        smoke=(0.90, 0.90, 0.91),
        land_gain=0.92,
        cloud_shadow_strength=0.0,
    ),
}


@dataclass(frozen=True, slots=True)
class _Layer:
    """One ridge layer; lengths are fractions of the image height (rows) or width (tree sizes)."""

    base: float
    amplitude: float
    cells: float  # number of profile bumps across the image
    haze: float
    fog: float  # mist pooling at the foot of the layer, in front of the next one
    tree_width: float
    tree_height: float
    nearness: float


_LAYERS = (
    _Layer(0.400, 0.045, 3.0, 0.58, 0.10, 0.0020, 0.0025, 0.00),
    _Layer(0.445, 0.055, 4.0, 0.43, 0.16, 0.0028, 0.0035, 0.20),
    _Layer(0.510, 0.065, 4.5, 0.28, 0.18, 0.0040, 0.0050, 0.45),
    _Layer(0.600, 0.075, 5.0, 0.14, 0.14, 0.0060, 0.0080, 0.75),
    _Layer(0.760, 0.070, 3.5, 0.03, 0.00, 0.0090, 0.0130, 1.00),
)


# --------------------------------------------------------------------------------------------
# Small numeric helpers


def _resize(
    field2d: np.ndarray, width: int, height: int, resample=Image.Resampling.BICUBIC, box=None
) -> np.ndarray:
    """Resize a 2-D float field (or the `box` region of it) with Pillow, in mode F."""
    img = Image.fromarray(np.ascontiguousarray(field2d, dtype=np.float32))
    return np.array(img.resize((width, height), resample, box=box), dtype=np.float32)


def _smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _standardize(a: np.ndarray) -> np.ndarray:
    a = a - a.mean(dtype=np.float64)
    std = float(a.std(dtype=np.float64))
    return (a / std if std > 0 else a).astype(np.float32)


def _fractal_noise(
    rng: np.random.Generator,
    width: int,
    height: int,
    cells_x: float,
    cells_y: float,
    octaves: int = 4,
    gain: float = 0.5,
) -> np.ndarray:
    """Value noise summed over octaves, (height, width), standardized to mean 0 and std 1."""
    total = np.zeros((height, width), np.float32)
    amp = 1.0
    for octave in range(octaves):
        gx = int(min(width, max(2, round(cells_x * 2**octave)))) + 1
        gy = int(min(height, max(2, round(cells_y * 2**octave)))) + 1
        grid = rng.random((gy, gx), dtype=np.float32)
        total += amp * _resize(grid, width, height)
        amp *= gain
    return _standardize(total)


def _profile(
    rng: np.random.Generator, n: int, cells: float, octaves: int = 5, gain: float = 0.5
) -> np.ndarray:
    """1-D fractal value noise of length n with smooth (smoothstep) interpolation, roughly in [-1, 1]."""
    x = np.linspace(0.0, 1.0, n, dtype=np.float64)
    total = np.zeros(n, np.float64)
    amp, norm = 1.0, 0.0
    for octave in range(octaves):
        k = max(1.0, cells * 2**octave)
        values = rng.uniform(-1.0, 1.0, int(np.ceil(k)) + 2)
        pos = x * k + rng.uniform(0.0, 1.0)
        i = np.floor(pos).astype(np.int64)
        f = pos - i
        s = f * f * (3.0 - 2.0 * f)
        total += amp * (values[i] * (1.0 - s) + values[i + 1] * s)
        norm += amp
        amp *= gain
    return total / norm


def _tree_line(rng: np.random.Generator, width: int, tree_w: float, tree_h: float) -> np.ndarray:
    """Heights (pixels, >= 0) of a jagged tree line: conifers (spikes) and broadleaves (domes)."""
    half = max(1.0, tree_w / 2.0)
    spacing = max(1.0, tree_w * 0.55)
    count = int(width / spacing) + 8
    centers = np.cumsum(rng.uniform(0.4, 1.6, count) * spacing) - 3 * spacing
    halves = half * rng.uniform(0.6, 1.4, count)
    heights = tree_h * rng.uniform(0.35, 1.0, count) ** 0.7
    conifer = rng.random(count) < 0.6
    reach = int(np.ceil(halves.max())) + 1
    offsets = np.arange(-reach, reach + 1)
    cols = np.rint(centers)[:, None].astype(np.int64) + offsets[None, :]
    u = np.abs(cols - centers[:, None]) / halves[:, None]
    inside = u < 1.0
    cone = np.clip(1.0 - u, 0.0, 1.0) ** 1.15
    dome = np.sqrt(np.clip(1.0 - u * u, 0.0, 1.0)) * 0.85
    shape = np.where(conifer[:, None], cone, dome) * heights[:, None]
    valid = inside & (cols >= 0) & (cols < width)
    line = np.zeros(width, np.float64)
    np.maximum.at(line, cols[valid], shape[valid])
    # Gaps in the canopy and a bit of sub-tree roughness.
    return line * (1.0 - 0.15 * rng.random(width))


def _lerp(a: np.ndarray, b, t: np.ndarray) -> np.ndarray:
    return a + (np.asarray(b, np.float32) - a) * t


# --------------------------------------------------------------------------------------------
# Sky


def _sky(rng, w, h, rows_out, hy, sun_x, pal: _Palette, lw, lh) -> np.ndarray:
    """Sky colour, clouds included, planar (3, rows_out, w): the top `rows_out` rows of the frame.

    Everything in the sky is smooth, so it is computed at (lh, lw) and upsampled. `hy` is the
    horizon row and `sun_x` the sun's side (0..1), both in output terms.
    """
    rows = (np.arange(lh, dtype=np.float32)[:, None] + 0.5) * (h / lh)  # full-frame row of each low row
    xs = (np.arange(lw, dtype=np.float32)[None, :] + 0.5) / lw
    t = np.clip(rows / max(hy, 1.0), 0.0, 1.0)[:, :, None]
    top, mid, hor = (np.asarray(c, np.float32) for c in (pal.sky_top, pal.sky_mid, pal.sky_horizon))
    upper = _lerp(top, mid, np.clip(t / 0.55, 0, 1) ** 0.9)
    lower = _lerp(mid, hor, np.clip((t - 0.55) / 0.45, 0, 1) ** 1.3)
    sky = np.where(t < 0.55, upper, lower)  # (lh, 1, 3)
    # A slightly brighter side (towards the sun), and at dusk a glow on the horizon.
    sky = sky * (1.0 + 0.06 * (1.0 - np.abs(xs - sun_x) * 1.6))[:, :, None]
    if pal.sun_glow is not None:
        gx = ((xs - sun_x) / 0.22) ** 2
        gy = ((rows - hy) / (0.22 * h)) ** 2
        glow = 0.55 * np.exp(-(gy + gx)) + 0.35 * np.exp(-(gy * 12 + gx * 10))
        sky = _lerp(sky, pal.sun_glow, glow[:, :, None])

    # Clouds on a horizontal plane seen in perspective.
    tex_w, tex_h = 1024, 640  # the cloud plane, 20 texels per unit; a cloud is about one unit
    tex = _fractal_noise(rng, tex_w, tex_h, 40, 25, octaves=4, gain=0.55)
    banks = _fractal_noise(rng, tex_w, tex_h, 7, 4, octaves=2)
    tex = tex * pal.cloud_detail + banks * 0.75
    above = np.maximum(hy - rows, 0.0) / h  # 0 at the horizon
    depth = np.minimum(1.0 / (above + 0.03), 30.0)  # distance along the plane
    u = (xs - 0.5) * depth * (w / h) * 0.9 * 20.0 + tex_w / 2
    v = (depth - 1.5) * 20.0
    density = _bilinear(tex, u, v)
    lifted = _bilinear(tex, u, v - 4.0)  # towards the viewer: lit edges vs shaded bases
    threshold = float(np.quantile(tex, 1.0 - pal.cloud_coverage))
    alpha = _smoothstep(threshold - 0.25, threshold + 0.9, density)
    fade = _smoothstep(0.0, 0.05, above) * 0.85 + 0.15 * _smoothstep(0.0, 0.01, above)
    alpha *= fade * (rows < hy)
    shade = np.clip(
        0.55 + 0.45 * (density - lifted) - 0.25 * _smoothstep(threshold, threshold + 2, density), 0, 1
    )
    cloud = _lerp(np.asarray(pal.cloud_shadow, np.float32), pal.cloud_lit, shade[:, :, None])
    # Clouds near the horizon sink into the haze.
    horizon_mix = np.clip(1.0 - (hy - rows) / (0.25 * h), 0.0, 1.0)[:, :, None] * 0.45
    cloud = _lerp(cloud, pal.sky_horizon, horizon_mix)
    sky = _lerp(sky, cloud, np.clip(alpha, 0, 1)[:, :, None] * 0.95).astype(np.float32)

    box = (0.0, 0.0, float(lw), rows_out * lh / h)
    return np.stack([_resize(sky[:, :, c], w, rows_out, box=box) for c in range(3)])


def _bilinear(tex: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    th, tw = tex.shape
    u = np.clip(u, 0, tw - 1.001)
    v = np.clip(v, 0, th - 1.001)
    iu = u.astype(np.int64)
    iv = v.astype(np.int64)
    fu = (u - iu).astype(np.float32)
    fv = (v - iv).astype(np.float32)
    a = tex[iv, iu]
    b = tex[iv, iu + 1]
    c = tex[iv + 1, iu]
    d = tex[iv + 1, iu + 1]
    return (a + (b - a) * fu) * (1 - fv) + (c + (d - c) * fu) * fv


# --------------------------------------------------------------------------------------------
# Land


def _ridges(rng, w, h) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Row of each layer's top edge per column (pixels, floats), far to near, with and without trees."""
    out, smooth = [], []
    xs = np.linspace(0.0, 1.0, w)
    for i, layer in enumerate(_LAYERS):
        prof = _profile(rng, w, layer.cells, octaves=6, gain=0.48)
        base = layer.base + rng.uniform(-0.02, 0.02)
        tilt = rng.uniform(-0.03, 0.03) * (xs * 2 - 1)
        rows = (base + layer.amplitude * prof + tilt) * h
        if i in (2, 3):  # a prominent nearer hill that rises over the far ridges somewhere
            bump = np.exp(-(((xs - rng.uniform(0.1, 0.9)) / rng.uniform(0.12, 0.22)) ** 2))
            rows -= bump * h * rng.uniform(0.02, 0.06 if i == 2 else 0.09)
        trees = _tree_line(rng, w, layer.tree_width * w, layer.tree_height * h)
        smooth.append(np.clip(rows, 0.12 * h, 0.92 * h))
        out.append(np.clip(rows - trees, 0.12 * h, 0.92 * h))
    return out, smooth


def _place_fields(rng, fw_, fh_, ridges_low, pal) -> tuple[np.ndarray, np.ndarray]:
    """Field colours (fh_, fw_, 3, premultiplied) and coverage (fh_, fw_), each clipped to its layer."""
    colors = np.zeros((fh_, fw_, 3), np.float32)
    cover = np.zeros((fh_, fw_), np.float32)
    ys = np.arange(fh_, dtype=np.float32)[:, None] + 0.5
    for k in range(1, len(_LAYERS) - 1):
        top = ridges_low[k]
        nxt = ridges_low[k + 1] if k + 1 < len(_LAYERS) else np.full(fw_, fh_ * 2.0)
        region = (ys >= top[None, :] + 1.5) & (ys < nxt[None, :] - 1.0)
        n_fields = int(rng.integers(1, 4))
        mask_img = Image.new("L", (fw_, fh_), 0)
        color_img = Image.new("RGB", (fw_, fh_), (0, 0, 0))
        draw_m = ImageDraw.Draw(mask_img)
        draw_c = ImageDraw.Draw(color_img)
        for _ in range(n_fields):
            x = rng.uniform(0.05, 0.95) * fw_
            col = int(np.clip(x, 0, fw_ - 1))
            y_top, y_bot = top[col], min(nxt[col], fh_)
            if y_bot - y_top < 4:
                continue
            y = rng.uniform(y_top + 0.25 * (y_bot - y_top), y_bot - 0.1 * (y_bot - y_top))
            persp = 0.3 + 0.7 * (y / fh_)
            size = rng.uniform(0.025, 0.06) * fw_ * persp * (0.6 + 0.6 * _LAYERS[k].nearness)
            flat = rng.uniform(0.22, 0.38) * persp
            angle = rng.uniform(-0.35, 0.35)
            n_pts = int(rng.integers(5, 8))
            theta = np.sort(rng.uniform(0, 2 * np.pi, n_pts))
            radius = rng.uniform(0.7, 1.15, n_pts)
            px = np.cos(theta) * radius * size
            py = np.sin(theta) * radius * size
            px, py = px * np.cos(angle) - py * np.sin(angle), (px * np.sin(angle) + py * np.cos(angle)) * flat
            pts = list(zip(x + px, y + py, strict=True))
            c = np.asarray(pal.fields[int(rng.integers(len(pal.fields)))]) * rng.uniform(0.92, 1.08)
            draw_m.polygon(pts, fill=255)
            draw_c.polygon(pts, fill=tuple(int(v) for v in np.clip(c * 255, 0, 255)))
        m = np.asarray(mask_img, np.float32) / 255.0 * region
        cover = np.maximum(cover, m)
        colors += np.asarray(color_img, np.float32) / 255.0 * m[:, :, None]
    return colors, cover


def _road_polygon(rng, w, h, near_ridge, widen: float, path=None):
    """The road's outline (scaled by `widen`) and its centre line as (x, y, half_width), bottom to top."""
    if path is None:
        x_end = rng.uniform(0.3, 0.7) * w
        y_end = near_ridge[int(x_end)] - 0.01 * h
        x_start = np.clip(x_end + rng.uniform(-0.35, 0.35) * w, 0.1 * w, 0.9 * w)
        y_start = h * 1.03
        t = np.linspace(0.0, 1.0, 160)
        ease = 1.0 - (1.0 - t) ** 1.6
        amp = rng.uniform(0.06, 0.12) * w
        wiggle = amp * np.sin(2 * np.pi * rng.uniform(1.0, 1.8) * t + rng.uniform(0, 6.28))
        xs = x_start + (x_end - x_start) * t + wiggle * (1.0 - t) ** 0.5 * np.sin(np.pi * t) ** 0.3
        ys = y_start + (y_end - y_start) * ease
        half = (0.016 * w * (1.0 - t) ** 1.4 + 0.0016 * w) / 2
        path = list(zip(xs, ys, half, strict=True))
    xs, ys, half = (np.asarray(v) for v in zip(*path, strict=True))
    half = half * widen
    dx, dy = np.gradient(xs), np.gradient(ys)
    norm = np.hypot(dx, dy) + 1e-9
    nx, ny = -dy / norm, dx / norm
    left = list(zip(xs + nx * half, ys + ny * half, strict=True))
    right = list(zip(xs - nx * half, ys - ny * half, strict=True))
    return left + right[::-1], path


def _box_of(mask: np.ndarray, ox: int, oy: int, threshold: float = 0.25) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask > threshold)
    if len(xs) == 0:
        return None
    return (ox + int(xs.min()), oy + int(ys.min()), ox + int(xs.max()) + 1, oy + int(ys.max()) + 1)


def _clip_box(box, w, h) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (max(0, int(x0)), max(0, int(y0)), min(w, int(x1)), min(h, int(y1)))


# --------------------------------------------------------------------------------------------
# Public API


_STREAMS = ("ridges", "sky", "band", "land", "fields", "road", "roof", "chimney", "antenna", "camera")


def render_landscape(
    width: int,
    height: int,
    seed: int,
    *,
    time_of_day: str = "day",
    features: Iterable[str] | None = None,
) -> Landscape:
    """Render a deterministic watchtower view; `features` defaults to all of `ALL_FEATURES`.

    The same seed gives the same terrain and objects under every `time_of_day` (each part of the
    scene draws from its own random stream), so a camera can be shown at different hours.
    """
    if width < 64 or height < 36:
        raise ValueError(f"landscape too small: {width}x{height} (minimum 64x36)")
    if time_of_day not in _PALETTES:
        raise ValueError(f"time_of_day must be one of {TIMES_OF_DAY}, not {time_of_day!r}")
    wanted = ALL_FEATURES if features is None else frozenset(features)
    unknown = wanted - ALL_FEATURES
    if unknown:
        raise ValueError(f"unknown features: {sorted(unknown)}; known: {sorted(ALL_FEATURES)}")
    pal = _PALETTES[time_of_day]
    rngs = {name: np.random.default_rng([seed, i]) for i, name in enumerate(_STREAMS)}
    w, h = int(width), int(height)
    lw, lh = max(64, w // 4), max(36, h // 4)
    boxes: dict[str, tuple[int, int, int, int]] = {}

    layers, smooth = _ridges(rngs["ridges"], w, h)
    ridge = np.minimum.reduce(layers)
    hy = float(np.percentile(ridge, 90))
    y0 = int(max(0, np.floor(ridge.min()) - 1))  # the land lies in rows y0..h
    sky_end = int(min(h, np.ceil(ridge.max()) + 2))  # the sky in rows 0..sky_end
    hl = h - y0

    sun_x = float(rngs["sky"].uniform(0.2, 0.8))
    sky = _sky(rngs["sky"], w, h, sky_end, hy, sun_x, pal, lw, lh)
    if "cloud_band" in wanted:
        _draw_cloud_band(rngs["band"], sky.transpose(1, 2, 0), h, ridge, pal, boxes)

    def up(low: np.ndarray, resample=Image.Resampling.BICUBIC) -> np.ndarray:
        """A (lh, lw) field upsampled to the land rows, (hl, w)."""
        fh, fw = low.shape
        return _resize(low, w, hl, resample, box=(0.0, y0 * fh / h, float(fw), float(fh)))

    # ---- land: per-pixel haze, nearness and relief, blended layer by layer from far to near.
    yy_all = np.arange(y0, h, dtype=np.float32)[:, None]
    haze = np.zeros((hl, w), np.float32)
    near = np.zeros((hl, w), np.float32)
    relief = np.zeros((hl, w), np.float32)
    sun_dir = -1.0 if sun_x < 0.5 else 1.0
    for k, (layer, rows, crest) in enumerate(zip(_LAYERS, layers, smooth, strict=True)):
        s0 = int(max(y0, np.floor(rows.min()))) - y0  # nothing of this layer above
        yy = yy_all[s0:]
        r = rows.astype(np.float32)[None, :]
        cov = yy + 1.0 - r
        np.clip(cov, 0.0, 1.0, out=cov)
        below = yy - r
        np.maximum(below, 0.0, out=below)
        value = np.exp(below * np.float32(-1.0 / (0.012 * h)))
        value *= np.float32(0.10 * layer.haze)
        value += np.float32(layer.haze)  # thin haze on the crest
        if layer.fog > 0 and k + 1 < len(layers):
            gap = layers[k + 1].astype(np.float32)[None, :] - yy
            np.maximum(gap, 0.0, out=gap)
            gap *= np.float32(-1.0 / (0.035 * h))
            np.exp(gap, out=gap)
            gap *= np.float32(layer.fog)
            value += gap
            del gap
        value -= haze[s0:]
        value *= cov
        haze[s0:] += value
        near[s0:] += (np.float32(layer.nearness) - near[s0:]) * cov
        # Slopes facing the sun are lighter; the crest's slope carries down the hillside.
        slope = np.gradient(_smooth1d(crest, max(3, w // 60))) * (w / h) * 6.0
        facing = np.tanh(slope * sun_dir).astype(np.float32)[None, :]
        below *= np.float32(-1.0 / (0.06 * h))
        np.exp(below, out=below)
        below *= facing
        below -= relief[s0:]
        below *= cov
        relief[s0:] += below
        del cov, below, value
    yy = yy_all

    # Forest: colour patches at a large scale, tree crowns whose size grows with nearness.
    rl = rngs["land"]
    coarse = up(_fractal_noise(rl, lw, lh, 24, 18, octaves=4))
    crowns_far = rl.random((180, 320), dtype=np.float32)
    crowns_mid = rl.random((320, 640), dtype=np.float32)
    crowns_near = rl.random((140, 240), dtype=np.float32)
    crown = up(crowns_mid)
    crown += (up(crowns_near) - crown) * _smoothstep(0.6, 1.0, near)
    if w >= 640:
        crown += (up(crowns_far) - crown) * (_smoothstep(0.85, 1.0, near) * 0.6)
    shift = max(1, round(w / 1280))
    lit = crown[:-shift, :-shift] - crown[shift:, shift:]  # crowns lit from the top left
    lit *= 0.6
    crown[shift:, shift:] += lit
    del lit
    crown = _smoothstep(0.15, 0.85, crown)  # lit crowns, dark gaps
    crown -= 0.5
    crown *= 0.55
    crown *= 0.25 + 0.75 * near  # distance smooths the canopy out
    tex = coarse * np.float32(0.12)
    tex += 0.45
    tex += crown
    np.clip(tex, 0.0, 1.0, out=tex)
    del crown

    # Broadleaf stands (yellower patches among the conifers), relief, cloud shadows, time of day.
    stands = _smoothstep(0.4, 1.4, up(_fractal_noise(rl, lw, lh, 14, 20, octaves=3))) * 0.5
    light = relief * (0.22 * (0.4 + 0.6 * near))
    light += 1.0
    del relief
    if pal.cloud_shadow_strength > 0:
        shadows = _smoothstep(0.5, 1.4, up(_fractal_noise(rl, lw, lh, 5, 9, octaves=3)))
        shadows *= pal.cloud_shadow_strength * (0.3 + 0.7 * near)
        light *= 1.0 - shadows
        del shadows
    light *= pal.land_gain

    # Fields (clearings, meadows), clipped to the layer they lie on.
    fw_, fh_ = max(64, w // 2), max(36, h // 2)
    ridges_low = [
        _resize(lr.astype(np.float32)[None, :], fw_, 1, Image.Resampling.BILINEAR)[0] * (fh_ / h)
        for lr in layers
    ]
    fcol, fcov = _place_fields(rngs["fields"], fw_, fh_, ridges_low, pal)
    fcov_full = np.clip(up(fcov, Image.Resampling.BILINEAR), 0.0, 1.0)
    inv_cov = 1.0 / np.maximum(fcov_full, 1e-3)
    hedge = np.clip(fcov_full * (1.0 - fcov_full) * 4.0, 0.0, 1.0) * 0.35  # darker tree rows at the edges
    field_tex = 1.0 + 0.08 * coarse + 0.35 * (tex - 0.45) * (1.0 - near * 0.5)
    field_tex *= 1.0 - hedge
    field_tex *= inv_cov
    fcov_full *= 0.85
    del hedge, inv_cov

    dark = np.asarray(pal.forest_dark, np.float32)
    bright = np.asarray(pal.forest_light, np.float32)
    tint = np.asarray((1.25, 1.12, 0.75), np.float32) - 1.0
    land = np.empty((3, hl, w), np.float32)  # planar: every channel operation is contiguous
    for c in range(3):
        plane = land[c]
        np.multiply(tex, bright[c] - dark[c], out=plane)
        plane += dark[c]
        plane *= 1.0 + stands * tint[c]
        fc = up(fcol[:, :, c], Image.Resampling.BILINEAR)
        fc *= field_tex
        fc -= plane
        fc *= fcov_full
        plane += fc
        plane *= light
        del fc
    del stands, light, field_tex, fcov_full, near

    land_hwc = land.transpose(1, 2, 0)
    road_path = None
    if "road" in wanted:
        road_path = _draw_road(rngs["road"], land_hwc, y0, layers[-1], coarse, pal, boxes)
    if "roof" in wanted:
        _draw_roof(rngs["roof"], land_hwc, y0, layers[-1], road_path, pal, boxes)
    del coarse, tex

    # Aerial perspective, then the land over the sky.
    haze_col = _lerp(np.asarray(pal.haze, np.float32), pal.sky_horizon, 0.3)
    np.clip(haze, 0.0, 0.92, out=haze)
    img = np.empty((3, h, w), np.float32)
    img[:, :y0] = sky[:, :y0]
    n_mix = sky_end - y0
    land_cov = np.clip(yy[:n_mix] + 1.0 - ridge.astype(np.float32)[None, :], 0.0, 1.0)
    for c in range(3):
        plane = land[c]
        plane -= haze_col[c]
        plane *= 1.0 - haze
        plane += haze_col[c]
        mix = plane[:n_mix]
        mix -= sky[c, y0:]
        mix *= land_cov
        mix += sky[c, y0:]
        img[c, y0:] = plane
    del land, sky, land_cov

    # Thin structures that stick above the crest.
    img_hwc = img.transpose(1, 2, 0)
    used_x: list[float] = []
    if "chimney" in wanted:
        _draw_chimney(rngs["chimney"], img_hwc, y0, layers, ridge, haze, pal, boxes, used_x)
    if "antenna" in wanted:
        _draw_antenna(rngs["antenna"], img_hwc, y0, ridge, haze, pal, boxes, used_x)
    del haze

    # Camera: gentle vignette and sensor grain, then 8 bits.
    vx = 1.0 - 0.10 * ((np.arange(w, dtype=np.float32) + 0.5) / w * 2 - 1) ** 2
    vy = 1.0 - 0.08 * ((np.arange(h, dtype=np.float32) + 0.5) / h * 2 - 1) ** 2
    gain = np.multiply.outer(vy * np.float32(255.0), vx)
    grain = rngs["camera"].standard_normal((h, w), dtype=np.float32)
    grain *= np.float32(0.010 * 255.0)
    grain += np.float32(0.5)
    out = np.empty((h, w, 3), np.uint8)
    for c in range(3):
        plane = img[c]
        plane *= gain
        plane += grain
        np.clip(plane, 0, 255, out=plane)
        out[:, :, c] = plane
    return Landscape(image=out, ridge=ridge.astype(np.float64), features=boxes)


def _smooth1d(a: np.ndarray, radius: int) -> np.ndarray:
    kernel = np.ones(2 * radius + 1) / (2 * radius + 1)
    padded = np.pad(a, radius, mode="edge")
    return np.convolve(padded, kernel, mode="valid")


def _draw_cloud_band(rng, sky, h: int, ridge, pal: _Palette, boxes) -> None:
    """A low stratus / fog bank just above the horizon, a classic false positive.

    `sky` is (rows, w, 3), the top rows of an `h`-row frame; the band stays above the ridge.
    """
    w = sky.shape[1]
    bx0 = rng.uniform(0.05, 0.55) * w
    bx1 = min(w - 1.0, bx0 + rng.uniform(0.18, 0.35) * w)
    seg = ridge[int(bx0) : int(bx1)]
    thick = rng.uniform(0.010, 0.016) * h
    cy = max(float(seg.min()) - 0.015 * h - thick, 0.08 * h)
    y0, y1 = int(max(0, cy - 3 * thick)), int(min(sky.shape[0], cy + 3 * thick))
    xs = np.arange(int(bx0), int(bx1) + 1, dtype=np.float32)
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    rel = (xs - bx0) / max(bx1 - bx0, 1.0)
    ends = _smoothstep(0.0, 0.25, rel) * _smoothstep(1.0, 0.75, rel)
    centre = cy + _profile(rng, len(xs), 6.0, octaves=4).astype(np.float32) * thick * 0.8
    prof = np.exp(-(((ys - centre[None, :]) / (thick * (0.7 + 0.5 * ends[None, :]))) ** 2))
    tex = _fractal_noise(rng, len(xs), y1 - y0, max(2, len(xs) / 25), max(2, (y1 - y0) / 8), 3)
    band = np.clip(prof * ends[None, :] * (0.85 + 0.3 * tex) * 1.3, 0, 0.95)
    patch = sky[y0:y1, int(bx0) : int(bx1) + 1]
    under = _smoothstep(-0.5, 1.2, (ys - centre[None, :]) / thick)[:, :, None]
    lit = np.asarray(pal.cloud_lit, np.float32)
    colour = _lerp(_lerp(lit, pal.sky_horizon, 0.15)[None, None, :], pal.cloud_shadow, under * 0.8)
    patch[:] = _lerp(patch, colour, band[:, :, None])
    box = _box_of(band, int(bx0), y0, 0.12)
    if box:
        boxes["cloud_band"] = _clip_box(box, w, h)


def _draw_road(rng, land, y0: int, near_ridge, coarse, pal: _Palette, boxes):
    """A winding road on the nearest layer, with darker shoulders; returns its centre line.

    `land` (and `coarse`) hold the frame's rows from `y0` down.
    """
    h, w = land.shape[0] + y0, land.shape[1]
    poly, path = _road_polygon(rng, w, h, near_ridge, 1.0)
    shoulder, _ = _road_polygon(rng, w, h, near_ridge, 1.45, path=path)
    xs_p = [p[0] for p in shoulder]
    ys_p = [p[1] for p in shoulder]
    rx0, ry0 = int(max(0, min(xs_p) - 2)), int(max(y0, min(ys_p) - 2))
    rx1, ry1 = int(min(w, max(xs_p) + 3)), int(min(h, max(ys_p) + 3))
    if rx1 - rx0 < 2 or ry1 - ry0 < 2:
        return path
    ss = 2
    masks = []
    for outline in (poly, shoulder):
        mimg = Image.new("L", ((rx1 - rx0) * ss, (ry1 - ry0) * ss), 0)
        ImageDraw.Draw(mimg).polygon([((x - rx0) * ss, (y - ry0) * ss) for x, y in outline], fill=255)
        mimg = mimg.resize((rx1 - rx0, ry1 - ry0), Image.Resampling.BOX)
        masks.append(np.asarray(mimg, np.float32) / 255.0)
    rows = np.arange(ry0, ry1, dtype=np.float32)[:, None]
    visible = np.clip(rows + 1.0 - near_ridge[None, rx0:rx1].astype(np.float32) - 0.004 * h, 0.0, 1.0)
    road, edge = masks[0] * visible, masks[1] * visible
    patch = land[ry0 - y0 : ry1 - y0, rx0:rx1]
    soil = np.asarray((0.30, 0.26, 0.20), np.float32) * pal.land_gain
    patch[:] = _lerp(patch, soil, (edge * 0.35)[:, :, None])
    grit = (
        1.0
        + 0.06 * coarse[ry0 - y0 : ry1 - y0, rx0:rx1]
        + rng.standard_normal(road.shape, dtype=np.float32) * 0.03
    )
    road_col = np.asarray(pal.road, np.float32) * pal.land_gain
    patch[:] = _lerp(patch, road_col[None, None, :] * grit[:, :, None], (road * 0.92)[:, :, None])
    box = _box_of(road, rx0, ry0)
    if box:
        boxes["road"] = _clip_box(box, w, h)
    return path


def _draw_roof(rng, land, y0: int, near_ridge, road_path, pal: _Palette, boxes) -> None:
    """A small building whose metal roof shines: next to the road if there is one."""
    h, w = land.shape[0] + y0, land.shape[1]
    if road_path is not None:
        px, py, ph = road_path[int(rng.integers(35, 110))]
        side = 1 if rng.random() < 0.5 else -1
        rx = px + side * (ph * 2.5 + 0.012 * w)
        ry = py - 0.004 * h
    else:
        rx = rng.uniform(0.2, 0.8) * w
        ry = float(near_ridge[int(rx)]) + 0.08 * h
    rx = float(np.clip(rx, 0.05 * w, 0.95 * w))
    ry = float(np.clip(ry, float(near_ridge[int(rx)]) + 0.02 * h, 0.95 * h))
    persp = 0.4 + 0.6 * ry / h
    rw = max(4.0, 0.020 * w * persp)
    rh = max(2.0, rw * 0.35)
    wall = max(1.0, rh * 0.6)
    sx = rw * 0.18
    px0, py0, px1, py1 = _clip_box(
        (int(rx - rw), int(ry - rh - 2), int(rx + rw + sx + 3), int(ry + rh + wall + 3)), w, h
    )
    py0 = max(py0, y0)
    ss = 4
    size = (px1 - px0, py1 - py0)

    def s(x: float, y: float) -> tuple[float, float]:
        return ((x - px0) * ss, (y - py0) * ss)

    def mask(points) -> np.ndarray:
        im = Image.new("L", (size[0] * ss, size[1] * ss), 0)
        ImageDraw.Draw(im).polygon([s(x, y) for x, y in points], fill=255)
        return np.asarray(im.resize(size, Image.Resampling.BOX), np.float32)[:, :, None] / 255.0

    x0r, x1r = rx - rw / 2, rx + rw / 2
    y0r, y1r = ry - rh / 2, ry + rh / 2
    ms = mask(
        [(x0r + sx, y1r), (x1r + sx * 2, y1r), (x1r + sx * 2, y1r + wall * 1.6), (x0r + sx, y1r + wall * 1.6)]
    )
    mw = mask([(x0r, y1r), (x1r, y1r), (x1r, y1r + wall), (x0r, y1r + wall)])
    mr = mask([(x0r + sx, y0r), (x1r + sx, y0r), (x1r, y1r), (x0r, y1r)])
    patch = land[py0 - y0 : py1 - y0, px0:px1]
    roof = np.asarray(pal.roof, np.float32)
    patch[:] = patch * (1.0 - 0.45 * ms)
    patch[:] = _lerp(patch, roof * 0.42, mw)
    sheen = np.linspace(1.0, 0.88, size[0], dtype=np.float32)[None, :, None]
    patch[:] = _lerp(patch, roof * sheen, mr)
    box = _box_of(np.maximum(mr, mw)[:, :, 0], px0, py0)
    if box:
        boxes["roof"] = _clip_box(box, w, h)


def _pick_column(rng, w: int, used: list[float], lo: float = 0.1, hi: float = 0.9) -> float:
    for _ in range(20):
        x = rng.uniform(lo, hi) * w
        if all(abs(x - u) > 0.15 * w for u in used):
            break
    used.append(x)
    return x


def _draw_chimney(rng, img, y0: int, layers, ridge, haze, pal: _Palette, boxes, used_x) -> None:
    h, w = img.shape[:2]
    # The chimney's foot stands on a far layer, in a visible band of it just below the skyline; if
    # no column offers one, the chimney stands on the crest itself.
    candidates = []
    for _ in range(12):
        x = float(rng.uniform(0.1, 0.9) * w)
        col = int(x)
        if any(abs(x - u) < 0.15 * w for u in used_x):
            continue
        for k in range(len(layers) - 1):
            nearer = min(float(layers[j][col]) for j in range(k + 1, len(layers)))
            top = float(layers[k][col])
            if nearer - top >= 0.03 * h and top <= float(ridge[col]) + 0.04 * h:
                candidates.append((x, top + min(0.6 * (nearer - top), 0.05 * h)))
                break
        if candidates:
            break
    if candidates:
        x, y_base = candidates[0]
    else:
        x = _pick_column(rng, w, [*used_x])
        y_base = float(ridge[int(x)]) + 0.02 * h
    used_x.append(x)
    col = int(x)
    y_base = min(y_base, h - 2.0)
    y_top = float(ridge[col]) - rng.uniform(0.045, 0.07) * h
    y_top = max(y_top, 0.05 * h)
    half_w = max(1.2, 0.0028 * w)
    taper = 0.75
    # Geometry via a supersampled mask in a local patch.
    px0, px1 = int(x - half_w - 2), int(x + half_w + 3)
    py0, py1 = int(y_top - 1), int(y_base + 1)
    px0, py0, px1, py1 = _clip_box((px0, py0, px1, py1), w, h)
    ss = 4
    m = Image.new("L", ((px1 - px0) * ss, (py1 - py0) * ss), 0)

    def s(xx: float, yy: float) -> tuple[float, float]:
        return ((xx - px0) * ss, (yy - py0) * ss)

    ImageDraw.Draw(m).polygon(
        [
            s(x - half_w * taper, y_top),
            s(x + half_w * taper, y_top),
            s(x + half_w, y_base),
            s(x - half_w, y_base),
        ],
        fill=255,
    )
    mask = np.asarray(m.resize((px1 - px0, py1 - py0), Image.Resampling.BOX), np.float32) / 255.0
    xs = (np.arange(px0, px1, dtype=np.float32) + 0.5 - x) / half_w
    cyl = np.clip(1.05 - 0.45 * (xs + 0.3) ** 2, 0.45, 1.05)  # cylinder shading, light from the left
    base_col = np.asarray(pal.chimney, np.float32) * pal.land_gain
    colour = base_col[None, None, :] * cyl[None, :, None]
    rows = np.arange(py0, py1, dtype=np.float32)[:, None]
    band_h = 0.012 * h
    red = ((rows - y_top) < band_h * 3) & ((((rows - y_top) // band_h) % 2) == 0)
    colour = np.where(
        red[:, :, None],
        np.asarray((0.62, 0.16, 0.12), np.float32) * pal.land_gain * cyl[None, :, None],
        colour,
    )
    hz = float(np.clip(haze[int(np.clip(y_base, y0, h - 1)) - y0, col], 0, 0.9)) * 0.9
    colour = _lerp(colour, pal.haze, hz)
    patch = img[py0:py1, px0:px1]
    patch[:] = _lerp(patch, colour, mask[:, :, None])

    # Plume: rises, bends with the wind, widens and thins out.
    direction = 1.0 if rng.random() < 0.5 else -1.0
    length = rng.uniform(0.07, 0.12) * w
    rise = rng.uniform(0.03, 0.06) * h
    qx0 = int(x - half_w * 4) if direction > 0 else int(x - length - half_w * 4)
    qx1 = int(x + length + half_w * 4) if direction > 0 else int(x + half_w * 4)
    qy0 = int(y_top - rise - 0.05 * h)
    qy1 = int(y_top + 0.01 * h)
    qx0, qy0, qx1, qy1 = _clip_box((qx0, qy0, qx1, qy1), w, h)
    if qx1 - qx0 > 4 and qy1 - qy0 > 4:
        gx = (np.arange(qx0, qx1, dtype=np.float32) + 0.5 - x) * direction
        d = np.clip(gx / length, 0.0, 1.0)
        centre = y_top - rise * np.sqrt(d) - 0.004 * h
        spread = half_w * 1.2 + 0.035 * h * d
        gy = np.arange(qy0, qy1, dtype=np.float32)[:, None] + 0.5
        dens = np.exp(-(((gy - centre[None, :]) / spread[None, :]) ** 2))
        dens *= (np.exp(-3.0 * d) * _smoothstep(-0.02, 0.02, gx / length))[None, :]
        dens *= np.exp(-np.maximum(0.0, -gx) / (half_w * 1.5))[None, :]
        noise = _fractal_noise(
            rng, qx1 - qx0, qy1 - qy0, max(2, (qx1 - qx0) / 40), max(2, (qy1 - qy0) / 40), 3
        )
        dens *= np.clip(0.8 + 0.4 * noise, 0.0, 1.5)
        alpha = np.clip(dens * 1.1, 0.0, 0.92)
        # Lit on top, grey underneath: that is what makes a plume stand out from a pale sky.
        under = _smoothstep(-0.6, 0.9, (gy - centre[None, :]) / spread[None, :])
        smoke = np.asarray(pal.smoke, np.float32)
        colour = _lerp(smoke[None, None, :], smoke * 0.62, under[:, :, None])
        patch = img[qy0:qy1, qx0:qx1]
        patch[:] = _lerp(patch, colour, alpha[:, :, None])
        plume_box = _box_of(alpha, qx0, qy0, 0.08)
    else:
        plume_box = None
    box = (px0, py0, px1, py1)
    if plume_box:
        box = (
            min(box[0], plume_box[0]),
            min(box[1], plume_box[1]),
            max(box[2], plume_box[2]),
            max(box[3], plume_box[3]),
        )
    boxes["chimney"] = _clip_box(box, w, h)


def _draw_antenna(rng, img, y0: int, ridge, haze, pal: _Palette, boxes, used_x) -> None:
    """A lattice pylon with a mast, standing on the crest."""
    h, w = img.shape[:2]
    x = _pick_column(rng, w, used_x)
    col = int(x)
    lo, hi = max(0, col - 3), min(w, col + 4)
    y_base = float(ridge[lo:hi].max()) + 0.006 * h
    height = rng.uniform(0.06, 0.09) * h
    y_top = max(2.0, y_base - height)
    base_half = max(1.5, 0.0045 * w)
    top_half = base_half * 0.25
    mast = (y_base - y_top) * 0.22
    px0, px1 = int(x - base_half - 3), int(x + base_half + 4)
    py0, py1 = int(y_top - 2), int(y_base + 2)
    px0, py0, px1, py1 = _clip_box((px0, py0, px1, py1), w, h)
    ss = 4
    im = Image.new("L", ((px1 - px0) * ss, (py1 - py0) * ss), 0)
    draw = ImageDraw.Draw(im)

    def s(xx: float, yy: float) -> tuple[float, float]:
        return ((xx - px0) * ss, (yy - py0) * ss)

    leg = max(1, round(0.0011 * w * ss))
    brace = max(1, round(leg * 0.55))
    y_lattice_top = y_top + mast
    draw.line([s(x - base_half, y_base), s(x - top_half, y_lattice_top)], fill=255, width=leg)
    draw.line([s(x + base_half, y_base), s(x + top_half, y_lattice_top)], fill=255, width=leg)
    draw.line([s(x, y_lattice_top), s(x, y_top)], fill=255, width=max(1, round(leg * 0.7)))
    n_bays = 6
    for i in range(n_bays):
        a = i / n_bays
        b = (i + 1) / n_bays
        ya = y_base + (y_lattice_top - y_base) * a
        yb = y_base + (y_lattice_top - y_base) * b
        ha = base_half + (top_half - base_half) * a
        hb = base_half + (top_half - base_half) * b
        draw.line([s(x - ha, ya), s(x + hb, yb)], fill=255, width=brace)
        draw.line([s(x + ha, ya), s(x - hb, yb)], fill=255, width=brace)
        draw.line([s(x - hb, yb), s(x + hb, yb)], fill=255, width=brace)
    # A couple of dish/panel antennas on the mast.
    pw = max(1.0, top_half * 1.6)
    for frac in (0.25, 0.6):
        yp = y_top + mast * frac
        draw.rectangle([s(x - pw, yp), s(x + pw, yp + max(1.0, mast * 0.12))], fill=255)
    mask = np.asarray(im.resize((px1 - px0, py1 - py0), Image.Resampling.BOX), np.float32) / 255.0
    hz = float(np.clip(haze[int(np.clip(y_base, y0, h - 1)) - y0, col], 0, 0.9)) * 0.7
    colour = _lerp(np.asarray(pal.structure, np.float32), pal.haze, hz)
    patch = img[py0:py1, px0:px1]
    patch[:] = _lerp(patch, colour, mask[:, :, None])
    box = _box_of(mask, px0, py0, 0.15)
    if box:
        boxes["antenna"] = _clip_box(box, w, h)


def jpeg_bytes(image: np.ndarray, quality: int = 88) -> bytes:
    """Encode an (H, W, 3) uint8 RGB array as a baseline (non-progressive) JPEG."""
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8)).save(
        buf, format="JPEG", quality=quality, progressive=False, optimize=False
    )
    return buf.getvalue()


def save_jpeg(image: np.ndarray, path: str | os.PathLike[str], quality: int = 88) -> None:
    """Write `image` as a baseline JPEG at `path`."""
    with open(path, "wb") as fh:
        fh.write(jpeg_bytes(image, quality))
