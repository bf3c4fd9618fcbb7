"""The synthetic watchtower views used by the demo: deterministic, well-formed, and truthful about
where the ridge and the placed objects are."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from mask_editor.demo.landscape import (
    ALL_FEATURES,
    TIMES_OF_DAY,
    Landscape,
    jpeg_bytes,
    render_landscape,
    save_jpeg,
)

W, H = 480, 270


@pytest.fixture(scope="module", params=TIMES_OF_DAY)
def scene(request) -> tuple[str, Landscape]:
    return request.param, render_landscape(W, H, 11, time_of_day=request.param)


def test_same_seed_same_bytes() -> None:
    a = render_landscape(W, H, 5, time_of_day="dusk")
    b = render_landscape(W, H, 5, time_of_day="dusk")
    assert np.array_equal(a.image, b.image)
    assert np.array_equal(a.ridge, b.ridge)
    assert a.features == b.features
    assert jpeg_bytes(a.image) == jpeg_bytes(b.image)


def test_other_seed_other_scene() -> None:
    a = render_landscape(W, H, 1)
    b = render_landscape(W, H, 2)
    assert not np.array_equal(a.image, b.image)
    assert not np.allclose(a.ridge, b.ridge)


def test_time_of_day_keeps_the_terrain() -> None:
    day = render_landscape(W, H, 9, time_of_day="day")
    dusk = render_landscape(W, H, 9, time_of_day="dusk")
    assert np.array_equal(day.ridge, dusk.ridge)
    assert day.features == dusk.features
    assert not np.array_equal(day.image, dusk.image)


def test_shapes_and_dtypes(scene) -> None:
    _, ls = scene
    assert ls.image.shape == (H, W, 3)
    assert ls.image.dtype == np.uint8
    assert ls.ridge.shape == (W,)
    assert np.issubdtype(ls.ridge.dtype, np.floating)
    assert np.isfinite(ls.ridge).all()


@pytest.mark.parametrize("size", [(64, 36), (333, 211), (1280, 720)])
def test_odd_and_small_sizes(size) -> None:
    w, h = size
    ls = render_landscape(w, h, 3)
    assert ls.image.shape == (h, w, 3)
    assert ls.ridge.shape == (w,)
    for box in ls.features.values():
        x0, y0, x1, y1 = box
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h


def test_ridge_inside_the_image(scene) -> None:
    _, ls = scene
    assert (ls.ridge > 0.05 * H).all()
    assert (ls.ridge < 0.95 * H).all()


def _sky_and_land(ls: Landscape, margin: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Pixels clearly above and clearly below the ridge, away from the placed objects."""
    rows = np.arange(H)[:, None]
    sky = rows < ls.ridge[None, :] - margin
    land = rows > ls.ridge[None, :] + margin
    for x0, y0, x1, y1 in ls.features.values():
        sky[y0:y1, x0:x1] = False
        land[y0:y1, x0:x1] = False
    img = ls.image.astype(np.float64)
    return img[sky], img[land]


def test_ridge_separates_bright_sky_from_dark_land(scene) -> None:
    time_of_day, ls = scene
    sky, land = _sky_and_land(ls)
    assert sky.mean() > land.mean() + 40
    if time_of_day != "dusk":  # dusk skies are orange at the horizon
        assert (sky[:, 2] - sky[:, 0]).mean() > (land[:, 2] - land[:, 0]).mean()


def test_ridge_is_sharp_in_every_column(scene) -> None:
    """Just above the ridge is brighter than just below it, column by column (a sky finder's cue)."""
    _, ls = scene
    luma = ls.image.astype(np.float64).mean(axis=2)
    cols = np.arange(W)
    up = np.clip(np.floor(ls.ridge).astype(int) - 3, 0, H - 1)
    down = np.clip(np.ceil(ls.ridge).astype(int) + 3, 0, H - 1)
    keep = np.ones(W, bool)
    for name in ("chimney", "antenna", "cloud_band"):
        if name in ls.features:
            x0, _, x1, _ = ls.features[name]
            keep[x0:x1] = False
    contrast = luma[up, cols] - luma[down, cols]
    assert (contrast[keep] > 8).mean() > 0.95


def test_all_features_by_default_inside_the_image(scene) -> None:
    _, ls = scene
    assert set(ls.features) == ALL_FEATURES
    for name, (x0, y0, x1, y1) in ls.features.items():
        assert all(isinstance(v, int) for v in (x0, y0, x1, y1)), name
        assert 0 <= x0 < x1 <= W and 0 <= y0 < y1 <= H, name


@pytest.mark.parametrize("seed", [*range(8), 42])
def test_thin_structures_stick_above_the_ridge(seed) -> None:
    ls = render_landscape(W, H, seed)
    for name in ("chimney", "antenna"):
        x0, y0, x1, y1 = ls.features[name]
        crest = ls.ridge[x0:x1]
        assert y0 < crest.min(), name  # its top is in the sky
        assert y1 > crest.min(), name  # and it stands on the land (crosses the ridge)
        assert y1 - y0 < 0.25 * H, name  # a far landmark, not a giant in the foreground


@pytest.mark.parametrize("seed", range(8))
def test_cloud_band_in_the_sky_road_and_roof_on_the_land(seed) -> None:
    ls = render_landscape(W, H, seed)
    x0, y0, x1, y1 = ls.features["cloud_band"]
    assert y1 <= ls.ridge[x0:x1].min() + 1
    for name in ("road", "roof"):
        x0, y0, x1, y1 = ls.features[name]
        assert y0 >= ls.ridge[x0:x1].min() - 1, name
    # The roof is a bright spot on dark forest.
    x0, y0, x1, y1 = ls.features["roof"]
    roof = ls.image[y0:y1, x0:x1].astype(float).mean(axis=2)
    assert roof.max() > np.median(ls.image[int(ls.ridge.max()) + 5 :].astype(float).mean(axis=2)) + 60


def test_features_subset_and_none() -> None:
    bare = render_landscape(W, H, 4, features=set())
    assert bare.features == {}
    some = render_landscape(W, H, 4, features={"road", "antenna"})
    assert set(some.features) == {"road", "antenna"}
    # The terrain does not depend on what is placed on it.
    assert np.array_equal(bare.ridge, some.ridge)


def test_features_change_the_image_only_near_their_box() -> None:
    bare = render_landscape(W, H, 6, features=set())
    with_antenna = render_landscape(W, H, 6, features={"antenna"})
    diff = np.abs(bare.image.astype(int) - with_antenna.image.astype(int)).max(axis=2) > 0
    x0, y0, x1, y1 = with_antenna.features["antenna"]
    outside = diff.copy()
    outside[max(0, y0 - 2) : y1 + 2, max(0, x0 - 2) : x1 + 2] = False
    assert diff.any()
    assert not outside.any()


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="time_of_day"):
        render_landscape(W, H, 1, time_of_day="night")
    with pytest.raises(ValueError, match="unknown features"):
        render_landscape(W, H, 1, features={"windmill"})
    with pytest.raises(ValueError, match="too small"):
        render_landscape(10, 10, 1)


def test_jpeg_is_baseline_and_decodes(tmp_path) -> None:
    ls = render_landscape(W, H, 8)
    data = jpeg_bytes(ls.image, quality=80)
    assert data[:2] == b"\xff\xd8"
    assert b"\xff\xc0" in data  # SOF0: baseline DCT
    assert b"\xff\xc2" not in data  # no SOF2: not progressive
    decoded = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    assert decoded.shape == ls.image.shape
    assert np.abs(decoded.astype(int) - ls.image.astype(int)).mean() < 8

    path = tmp_path / "frame.jpg"
    save_jpeg(ls.image, path, quality=80)
    assert path.read_bytes() == data
    with Image.open(path) as im:
        assert im.format == "JPEG"
        assert not im.info.get("progressive") and not im.info.get("progression")
