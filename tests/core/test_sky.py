"""Ridge estimation on synthetic landscapes whose ridge is known (independent of demo_data)."""

from __future__ import annotations

import numpy as np
import pytest

from mask_editor.core.sky import SkyEstimate, estimate_sky

MEDIAN_TOLERANCE = 0.015  # of the height
P95_TOLERANCE = 0.04


def _smooth_noise(rng: np.random.Generator, h: int, w: int, cell: int) -> np.ndarray:
    """Blobby noise in [-1, 1]: random values on a coarse grid, bilinearly enlarged."""
    coarse = rng.uniform(-1, 1, (h // cell + 2, w // cell + 2))
    ys, xs = np.arange(h) / cell, np.arange(w) / cell
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
    top = coarse[y0][:, x0] * (1 - fx) + coarse[y0][:, x0 + 1] * fx
    low = coarse[y0 + 1][:, x0] * (1 - fx) + coarse[y0 + 1][:, x0 + 1] * fx
    return top * (1 - fy) + low * fy


def landscape(
    h: int, w: int, seed: int, *, haze: bool = False, grey_sky: bool = False
) -> tuple[np.ndarray, np.ndarray, int]:
    """An RGB image, its ridge (sky rows per column) and the antenna's column: a sky gradient with
    clouds, a ridge of two sines, forest texture below, a thin mast on the ridge; optionally a
    hazy far hill band just under the ridge, or an overcast grey sky."""
    rng = np.random.default_rng(seed)
    x = np.arange(w) / w
    ridge = h * (0.38 + 0.07 * np.sin(2 * np.pi * (1.3 * x + rng.uniform())) + 0.03 * np.sin(2 * np.pi * 3.7 * x))
    yy, xx = np.mgrid[0:h, 0:w]
    t = (yy / h)[..., None]
    if grey_sky:
        top, horizon = np.array([150, 155, 165]), np.array([200, 200, 205])
    else:
        top, horizon = np.array([55, 110, 190]), np.array([170, 200, 230])
    img = top * (1 - t / 0.5).clip(0, 1) + horizon * (t / 0.5).clip(0, 1)
    for _ in range(4):  # soft white clouds, kept above the ridge
        cx, cy = rng.uniform(0, w), rng.uniform(0.05, 0.2) * h
        rx, ry = rng.uniform(0.05, 0.15) * w, rng.uniform(0.03, 0.06) * h
        alpha = np.clip(1.5 - np.hypot((xx - cx) / rx, (yy - cy) / ry), 0, 1)[..., None] * 0.9
        img = img * (1 - alpha) + np.array([240, 240, 245]) * alpha
    img += rng.normal(0, 2.5, img.shape)  # sensor noise

    ground = yy >= ridge[None, :]
    shade = _smooth_noise(rng, h, w, max(4, w // 40))[..., None]
    forest = np.array([45, 70, 40]) + 25 * shade + rng.normal(0, 18, (h, w, 1)) * np.array([1, 1.2, 0.8])
    if haze:  # a paler, bluish, less textured band: the far hill, still ground
        band = (yy < ridge[None, :] + 0.1 * h)[..., None]
        far = np.array([120, 135, 150]) + 10 * shade + rng.normal(0, 8, (h, w, 1))
        forest = np.where(band, far, forest)
    img = np.where(ground[..., None], forest, img)

    ax = int(rng.uniform(0.2, 0.8) * w)  # antenna: a thin dark mast rising from the ridge
    thick = max(1, w // 300)
    top_row = int(ridge[ax] - 0.15 * h)
    img[top_row : int(ridge[ax]) + 1, ax : ax + thick] = (40, 40, 45)
    return np.clip(img, 0, 255).astype(np.uint8), ridge, ax


def errors(estimate: SkyEstimate, ridge: np.ndarray) -> tuple[float, float]:
    err = np.abs(estimate.ridge - ridge) / estimate.height
    return float(np.median(err)), float(np.percentile(err, 95))


@pytest.mark.parametrize(
    ("h", "w", "seed", "options"),
    [
        (240, 320, 1, {}),
        (480, 640, 2, {}),
        (720, 1280, 3, {}),
        (360, 640, 4, {"haze": True}),
        (360, 640, 5, {"grey_sky": True}),
        (540, 960, 6, {"haze": True, "grey_sky": True}),
    ],
)
def test_ridge_within_tolerance(h: int, w: int, seed: int, options: dict[str, bool]) -> None:
    image, ridge, _ = landscape(h, w, seed, **options)
    estimate = estimate_sky(image)
    assert estimate.ridge.shape == (w,)
    assert (estimate.height, estimate.width) == (h, w)
    median, p95 = errors(estimate, ridge)
    assert median <= MEDIAN_TOLERANCE, (median, p95)
    assert p95 <= P95_TOLERANCE, (median, p95)
    assert estimate.separation > 1.0


def test_preview_and_full_image_agree() -> None:
    image, ridge, _ = landscape(480, 640, 7)
    preview = image.reshape(240, 2, 320, 2, 3).mean(axis=(1, 3)).astype(np.uint8)
    small = estimate_sky(preview)
    full_mask = small.mask(480, 640)
    truth = (np.arange(480)[:, None] + 0.5) < ridge[None, :]
    assert (full_mask != truth).mean() < 0.02


def test_mask_is_sky_above_ridge() -> None:
    estimate = SkyEstimate(ridge=np.array([0.0, 2.0, 4.0, 4.0]), height=4, width=4, separation=3.0)
    expected = np.array(
        [
            [False, True, True, True],
            [False, True, True, True],
            [False, False, True, True],
            [False, False, True, True],
        ]
    )
    assert np.array_equal(estimate.mask(4, 4), expected)
    assert estimate.mask(8, 8).sum() == 4 * expected.sum()


def test_antenna_does_not_drag_its_neighbours() -> None:
    image, ridge, mast = landscape(480, 640, 8)
    estimate = estimate_sky(image)
    err = np.abs(estimate.ridge - ridge) / 480
    near = np.r_[mast - 20 : mast - 3, mast + 6 : mast + 23]
    assert err[near].max() < 0.03


def test_uniform_image_has_no_clear_sky() -> None:
    image = np.full((100, 200, 3), 128, dtype=np.uint8)
    assert estimate_sky(image).separation == 0.0


def test_rejects_non_rgb() -> None:
    with pytest.raises(ValueError):
        estimate_sky(np.zeros((100, 100), dtype=np.uint8))


def test_a_full_hd_frame() -> None:
    """A full-size frame goes through (its speed is for benchmarks, not a timed test)."""
    image, _, _ = landscape(1080, 1920, 9)
    assert estimate_sky(image) is not None
