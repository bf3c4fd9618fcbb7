"""Noise fields, resampling and small array helpers the scene is drawn with."""

from __future__ import annotations

import numpy as np
from PIL import Image

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



def _smooth1d(a: np.ndarray, radius: int) -> np.ndarray:
    kernel = np.ones(2 * radius + 1) / (2 * radius + 1)
    padded = np.pad(a, radius, mode="edge")
    return np.convolve(padded, kernel, mode="valid")
