"""The drift estimator: known shifts and their sign, lighting and clouds, images with nothing to go by."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import drift as bench_drift
from mask_editor.core.drift import CONFIDENT, Shift, estimate_shift, reduce_grey
from mask_editor.demo.landscape import render_landscape
from mask_editor.demo.landscape.views import hazy, night, shifted_pair, swap_sky

W, H = 960, 540


@pytest.fixture(scope="module")
def scenes():
    return {tod: render_landscape(1200, 675, 31, time_of_day=tod) for tod in ("day", "dusk", "overcast")}


def _error_px(shift: Shift, dx: int, dy: int) -> float:
    return max(abs(shift.dx * W - dx), abs(shift.dy * H - dy))


@pytest.mark.parametrize(("dx", "dy"), [(0, 0), (25, 0), (-25, 0), (0, 14), (0, -14), (61, -33), (-90, 47)])
def test_known_shifts_and_their_sign(scenes, dx, dy):
    old, new = shifted_pair(scenes["day"].image, scenes["day"].image, dx, dy, W, H)
    shift = estimate_shift(old, new)
    assert shift.confident
    assert _error_px(shift, dx, dy) < 0.5, shift
    # The scene moved right by dx: a mask follows it by adding dx. Same in grey and RGB.
    grey = estimate_shift(old.mean(axis=2), new.mean(axis=2))
    assert abs(grey.dx - shift.dx) < 1e-3 and abs(grey.dy - shift.dy) < 1e-3


def test_a_chimney_moves_the_way_the_shift_says(scenes):
    image = scenes["day"]
    x0, y0, _, _ = image.features["chimney"]
    old, new = shifted_pair(image.image, image.image, 40, -20, W, H)
    shift = estimate_shift(old, new)
    left = (image.image.shape[1] - W) // 2
    top = (image.image.shape[0] - H) // 2
    # Where the chimney's corner is in each crop, relative to the crop.
    before = ((x0 - left) / W, (y0 - top) / H)
    after = ((x0 - left + 40) / W, (y0 - top - 20) / H)
    assert before[0] + shift.dx == pytest.approx(after[0], abs=0.001)
    assert before[1] + shift.dy == pytest.approx(after[1], abs=0.002)


@pytest.mark.parametrize(("old_tod", "new_tod"), [("day", "dusk"), ("dusk", "overcast"), ("overcast", "day")])
def test_lighting_changes(scenes, old_tod, new_tod):
    old, new = shifted_pair(scenes[old_tod].image, scenes[new_tod].image, -37, 21, W, H)
    shift = estimate_shift(old, new)
    assert shift.confident and _error_px(shift, -37, 21) < 1.0, shift


def test_other_clouds_and_haze(scenes):
    other = render_landscape(1200, 675, 32, time_of_day="day")
    clouds = swap_sky(scenes["day"], other)
    old, new = shifted_pair(scenes["day"].image, clouds, 52, 9, W, H)
    shift = estimate_shift(old, new)
    assert shift.confident and _error_px(shift, 52, 9) < 1.0, shift
    haze = hazy(scenes["dusk"].image, 0.5, np.random.default_rng(3))
    old, new = shifted_pair(scenes["day"].image, haze, -12, -30, W, H)
    shift = estimate_shift(old, new)
    assert shift.confident and _error_px(shift, -12, -30) < 1.0, shift


def test_images_with_no_texture_give_no_confidence(scenes):
    rng = np.random.default_rng(8)
    flat = np.full((H, W, 3), 128, np.uint8)
    noise = rng.normal(20, 3, (H, W, 3)).clip(0, 255).astype(np.uint8)
    fog = hazy(scenes["day"].image, 0.99, rng)[:H, :W]
    dark = night(scenes["day"].image, rng)[:H, :W]
    old = scenes["day"].image[:H, :W]
    for new in (flat, noise):
        shift = estimate_shift(old, new)
        assert shift.confidence < CONFIDENT, shift
        assert not shift.exceeds(0.005)
    assert estimate_shift(flat, flat) == Shift(0.0, 0.0, 0.0, H / W)
    # Fog and night may still show the ridge: then low confidence or the right answer, never a wrong one.
    for new in (fog, dark):
        shift = estimate_shift(old, new)
        assert not shift.confident or _error_px(shift, 0, 0) < 1.0, shift
        shifted = estimate_shift(*shifted_pair(scenes["day"].image, hazy(scenes["day"].image, 0.99, rng)
                                               if new is fog else night(scenes["day"].image, rng), 33, -12, W, H))
        assert not shifted.confident or _error_px(shifted, 33, -12) < 1.0, shifted


def test_an_unrelated_scene_is_not_a_shift(scenes):
    other = render_landscape(W, H, 77, time_of_day="day").image
    assert not estimate_shift(scenes["day"].image[:H, :W], other).confident


def test_different_sizes_same_aspect_and_other_aspects(scenes):
    old, new = shifted_pair(scenes["day"].image, scenes["day"].image, 30, 0, W, H)
    half = new[::2, ::2]
    shift = estimate_shift(old, half)
    assert shift.confident and abs(shift.dx * W - 30) < 1.5
    assert estimate_shift(old, new[:, : W // 2]).confidence == 0.0


def test_reduce_grey_keeps_the_mean_of_a_flat_image():
    image = np.full((2160, 3840, 3), 90, np.uint8)
    small = reduce_grey(image, 512, 288)
    assert small.shape == (288, 512)
    assert np.allclose(small, 90, atol=0.01)


@pytest.mark.slow
def test_benchmark_accuracy_in_small():
    """The benchmark's cases, fewer of them; the same targets (make bench runs 1,000)."""
    outcomes = list(bench_drift.cases(80, seeds=(11, 23), rng_seed=7))
    median, wrong, found = bench_drift.summary(outcomes)
    findable = sum(o.kind in bench_drift.FINDABLE for o in outcomes)
    assert wrong == 0, [o for o in outcomes if o.wrong]
    assert 100 * median <= bench_drift.TARGET_ERROR_PCT
    assert found >= 0.8 * findable
