"""Colours per time of day, and the ridge layers a view is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

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
