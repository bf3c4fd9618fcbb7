"""Box, quantize and snap: the relative-coordinate geometry under every mask the editor stores."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mask_editor.core.geometry import GRID, STEP, Box, QuantizeError, clamp01, quantize, snap, to_grid
from tests.core.strategies import boxes, grid_boxes

# The most a corner may move when put on the 3-decimal grid (half a step), plus float noise.
HALF_STEP = 0.0005
EPS = 1e-12

IMAGE_SIZES = [
    (1, 1),
    (1280, 720),
    (3840, 2160),
    (7680, 4320),
    (641, 479),  # odd sizes
    (1, 999),
    (999, 1),
    (2047, 1537),
]







# --- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "corners",
    [
        (0.0, 0.0, 1.0, 1.0),
        (0.1, 0.2, 0.3, 0.4),
        (0.0, 0.0, 5e-324, 5e-324),
        (0.999, 0.999, 1.0, 1.0),
    ],
)
def test_valid_boxes_are_accepted(corners):
    box = Box(*corners)
    assert box.as_tuple() == corners


@pytest.mark.parametrize(
    "corners",
    [
        pytest.param((-0.1, 0.2, 0.3, 0.4), id="negative-xmin"),
        pytest.param((0.1, -1e-12, 0.3, 0.4), id="negative-ymin-tiny"),
        pytest.param((0.1, 0.2, 1.1, 0.4), id="xmax-above-1"),
        pytest.param((0.1, 0.2, 0.3, 1.0000000001), id="ymax-above-1"),
        pytest.param((math.nan, 0.2, 0.3, 0.4), id="nan-xmin"),
        pytest.param((0.1, 0.2, 0.3, math.nan), id="nan-ymax"),
        pytest.param((0.1, 0.2, math.inf, 0.4), id="inf"),
        pytest.param((0.1, -math.inf, 0.3, 0.4), id="minus-inf"),
        pytest.param((0.3, 0.2, 0.1, 0.4), id="inverted-x"),
        pytest.param((0.1, 0.4, 0.3, 0.2), id="inverted-y"),
        pytest.param((0.1, 0.2, 0.1, 0.4), id="zero-width"),
        pytest.param((0.1, 0.2, 0.3, 0.2), id="zero-height"),
        pytest.param((0.0, 0.0, 0.0, 0.0), id="all-zero"),
        pytest.param((1.0, 1.0, 1.0, 1.0), id="all-one"),
    ],
)
def test_invalid_boxes_raise_value_error(corners):
    with pytest.raises(ValueError):
        Box(*corners)


def test_box_is_frozen_and_hashable():
    box = Box(0.1, 0.2, 0.3, 0.4)
    with pytest.raises(AttributeError):
        box.xmin = 0.5  # type: ignore[misc]
    assert {box, Box(0.1, 0.2, 0.3, 0.4)} == {box}


def test_box_properties():
    box = Box(0.1, 0.2, 0.5, 0.4)
    assert box.width == pytest.approx(0.4)
    assert box.height == pytest.approx(0.2)
    assert box.area == pytest.approx(0.08)
    assert box.center == pytest.approx((0.3, 0.3))


# --- from_corners ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x0", "y0", "x1", "y1"),
    [
        (0.1, 0.2, 0.3, 0.4),  # top-left, bottom-right
        (0.3, 0.4, 0.1, 0.2),  # bottom-right, top-left
        (0.3, 0.2, 0.1, 0.4),  # top-right, bottom-left
        (0.1, 0.4, 0.3, 0.2),  # bottom-left, top-right
    ],
)
def test_from_corners_any_order(x0, y0, x1, y1):
    assert Box.from_corners(x0, y0, x1, y1) == Box(0.1, 0.2, 0.3, 0.4)


@pytest.mark.parametrize(
    ("corners", "expected"),
    [
        ((-0.5, 0.2, 0.5, 0.4), (0.0, 0.2, 0.5, 0.4)),
        ((0.5, -3.0, 1.5, 2.0), (0.5, 0.0, 1.0, 1.0)),
        ((1.5, 1.2, -0.1, -7.0), (0.0, 0.0, 1.0, 1.0)),
        ((-math.inf, 0.2, math.inf, 0.4), (0.0, 0.2, 1.0, 0.4)),
    ],
)
def test_from_corners_clamps_into_the_image(corners, expected):
    assert Box.from_corners(*corners).as_tuple() == expected


@pytest.mark.parametrize(
    "corners",
    [
        (1.2, 0.2, 1.5, 0.4),  # both x beyond the right edge: clamped to zero width
        (0.1, -0.5, 0.3, -0.1),  # both y above the top edge
        (0.3, 0.2, 0.3, 0.4),  # same x
        (math.nan, 0.2, 0.3, 0.4),
    ],
)
def test_from_corners_rejects_what_clamps_to_nothing(corners):
    with pytest.raises(ValueError):
        Box.from_corners(*corners)


@settings(deadline=None)
@given(
    st.floats(-2, 3, allow_nan=False),
    st.floats(-2, 3, allow_nan=False),
    st.floats(-2, 3, allow_nan=False),
    st.floats(-2, 3, allow_nan=False),
)
def test_from_corners_is_order_free_and_inside(x0, y0, x1, y1):
    try:
        box = Box.from_corners(x0, y0, x1, y1)
    except ValueError:
        assume(False)
    assert box == Box.from_corners(x1, y1, x0, y0) == Box.from_corners(x1, y0, x0, y1)
    assert all(0.0 <= v <= 1.0 for v in box.as_tuple())
    assert box.xmin == clamp01(min(x0, x1)) and box.xmax == clamp01(max(x0, x1))
    assert box.ymin == clamp01(min(y0, y1)) and box.ymax == clamp01(max(y0, y1))


def test_clamp01():
    assert clamp01(-0.1) == 0.0
    assert clamp01(1.1) == 1.0
    assert clamp01(0.25) == 0.25
    with pytest.raises(ValueError):
        clamp01(math.nan)


# --- pixels <-> relative ---------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), IMAGE_SIZES)
def test_full_image_in_pixels(width, height):
    box = Box.from_pixels(0, 0, width, height, width, height)
    assert box == Box(0.0, 0.0, 1.0, 1.0)
    assert box.to_pixels(width, height) == (0.0, 0.0, float(width), float(height))


def test_from_pixels_known_value():
    box = Box.from_pixels(128, 72, 640, 360, 1280, 720)
    assert box.as_tuple() == pytest.approx((0.1, 0.1, 0.5, 0.5))
    # corners in any order, and outside the image, like a drag past the border
    assert Box.from_pixels(640, 360, -50, 900, 1280, 720).as_tuple() == pytest.approx((0.0, 0.5, 0.5, 1.0))


@pytest.mark.parametrize(("width", "height"), [(0, 720), (1280, 0), (-1, 720), (1280, -720)])
def test_from_pixels_rejects_empty_images(width, height):
    with pytest.raises(ValueError):
        Box.from_pixels(0, 0, 1, 1, width, height)


@pytest.mark.parametrize(("width", "height"), IMAGE_SIZES)
@settings(deadline=None, max_examples=40)
@given(data=st.data())
def test_pixels_to_relative_to_pixels(width, height, data):
    x0 = data.draw(st.integers(0, width - 1), label="x0")
    x1 = data.draw(st.integers(x0 + 1, width), label="x1")
    y0 = data.draw(st.integers(0, height - 1), label="y0")
    y1 = data.draw(st.integers(y0 + 1, height), label="y1")
    box = Box.from_pixels(x0, y0, x1, y1, width, height)
    back = box.to_pixels(width, height)
    assert back == pytest.approx((x0, y0, x1, y1), abs=1e-9 * max(width, height))
    # and on whole pixels, rounding recovers them exactly
    assert tuple(round(v) for v in back) == (x0, y0, x1, y1)


@pytest.mark.parametrize(("width", "height"), IMAGE_SIZES)
@settings(deadline=None, max_examples=40)
@given(box=boxes(min_size=1e-6))
def test_relative_to_pixels_to_relative(width, height, box):
    px = box.to_pixels(width, height)
    assert px[0] < px[2] and px[1] < px[3]
    assert all(0 <= v <= s for v, s in zip(px, (width, height, width, height), strict=True))
    back = Box.from_pixels(*px, width, height)
    assert back.as_tuple() == pytest.approx(box.as_tuple(), abs=1e-12)


@pytest.mark.parametrize(("width", "height"), IMAGE_SIZES)
@settings(deadline=None, max_examples=40)
@given(box=boxes(min_size=0.0011))
def test_quantizing_moves_pixels_by_at_most_half_a_step(width, height, box):
    before = box.to_pixels(width, height)
    after = quantize(box).to_pixels(width, height)
    for b, a, size in zip(before, after, (width, height, width, height), strict=True):
        assert abs(b - a) <= HALF_STEP * size + 1e-9


# --- IoU -------------------------------------------------------------------------------------------


def test_iou_identical_is_one():
    box = Box(0.1, 0.2, 0.3, 0.4)
    assert box.iou(box) == 1.0
    assert box.iou(Box(0.1, 0.2, 0.3, 0.4)) == 1.0


@pytest.mark.parametrize(
    "other",
    [
        Box(0.5, 0.5, 0.6, 0.6),  # apart
        Box(0.3, 0.2, 0.5, 0.4),  # touching on an edge
        Box(0.3, 0.4, 0.5, 0.6),  # touching on a corner
        Box(0.1, 0.4, 0.3, 0.5),  # touching below
    ],
)
def test_iou_disjoint_or_touching_is_zero(other):
    box = Box(0.1, 0.2, 0.3, 0.4)
    assert box.iou(other) == 0.0
    assert other.iou(box) == 0.0
    assert box.intersection_area(other) == 0.0


def test_iou_contract_case_small_detection_inside_large_mask():
    """CONTRACT.md: a 0.05 x 0.05 box inside (0,0,1,0.4) has IoU ~0.006 (0.0025 / 0.4 = 0.00625)."""
    mask = Box(0.0, 0.0, 1.0, 0.4)
    detection = Box(0.3, 0.1, 0.35, 0.15)
    assert detection.iou(mask) == pytest.approx(0.00625)
    assert mask.iou(detection) == pytest.approx(0.00625)
    assert not detection.iou(mask) > 0.1  # the device would NOT drop this detection


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # shifted by half a width: intersection 0.02, union 0.06
        (Box(0.0, 0.0, 0.2, 0.2), Box(0.1, 0.0, 0.3, 0.2), 0.02 / 0.06),
        (Box(0.0, 0.0, 0.2, 0.2), Box(0.1, 0.1, 0.3, 0.3), 0.01 / 0.07),
        (Box(0.0, 0.0, 1.0, 1.0), Box(0.0, 0.0, 0.5, 0.5), 0.25),
        (Box(0.0, 0.0, 0.4, 0.4), Box(0.1, 0.1, 0.3, 0.3), 0.25),
    ],
)
def test_iou_known_values(a, b, expected):
    assert a.iou(b) == pytest.approx(expected)
    assert b.iou(a) == pytest.approx(expected)


@settings(deadline=None)
@given(boxes(), boxes())
def test_iou_symmetric_and_in_unit_range(a, b):
    iou = a.iou(b)
    assert iou == b.iou(a)
    assert 0.0 <= iou <= 1.0 + EPS
    assert a.intersection_area(b) == b.intersection_area(a)
    assert a.intersection_area(b) <= min(a.area, b.area) + EPS


@settings(deadline=None)
@given(boxes(min_size=1e-9))  # smaller, and the area underflows to 0.0 (e.g. 0.5 x 5e-324)
def test_iou_with_itself_is_one(box):
    assert box.iou(box) == pytest.approx(1.0)


@settings(deadline=None)
@given(boxes(min_size=1e-6), boxes(min_size=1e-6))
def test_iou_of_disjoint_boxes_is_zero(a, b):
    assume(a.xmax <= b.xmin or b.xmax <= a.xmin or a.ymax <= b.ymin or b.ymax <= a.ymin)
    assert a.iou(b) == 0.0


# --- translated ------------------------------------------------------------------------------------


def test_translated_simple_move():
    moved = Box(0.1, 0.2, 0.3, 0.4).translated(0.1, -0.1)
    assert moved.as_tuple() == pytest.approx((0.2, 0.1, 0.4, 0.3))


@pytest.mark.parametrize(
    ("dx", "dy", "expected"),
    [
        (5.0, 0.0, (0.8, 0.2, 1.0, 0.4)),
        (-5.0, 0.0, (0.0, 0.2, 0.2, 0.4)),
        (0.0, 5.0, (0.1, 0.8, 0.3, 1.0)),
        (0.0, -5.0, (0.1, 0.0, 0.3, 0.2)),
        (-5.0, 5.0, (0.0, 0.8, 0.2, 1.0)),
    ],
)
def test_translated_stops_at_the_border(dx, dy, expected):
    assert Box(0.1, 0.2, 0.3, 0.4).translated(dx, dy).as_tuple() == pytest.approx(expected)


def test_translated_full_image_does_not_move():
    full = Box(0.0, 0.0, 1.0, 1.0)
    assert full.translated(0.3, -0.2) == full


@settings(deadline=None)
@given(
    boxes(min_size=1e-9),
    st.floats(-3, 3, allow_nan=False),
    st.floats(-3, 3, allow_nan=False),
)
def test_translated_stays_inside_and_keeps_size(box, dx, dy):
    moved = box.translated(dx, dy)
    assert all(0.0 <= v <= 1.0 for v in moved.as_tuple())
    assert moved.width == pytest.approx(box.width, abs=1e-12)
    assert moved.height == pytest.approx(box.height, abs=1e-12)
    # it moves in the asked direction, never further than asked
    assert abs(moved.xmin - box.xmin) <= abs(dx) + EPS
    assert abs(moved.ymin - box.ymin) <= abs(dy) + EPS
    assert (moved.xmin - box.xmin) * dx >= -EPS
    assert (moved.ymin - box.ymin) * dy >= -EPS


@settings(deadline=None)
@given(grid_boxes(), st.integers(-1500, 1500), st.integers(-1500, 1500))
def test_translated_grid_box_by_grid_steps_stays_on_the_grid(box, mx, my):
    moved = box.translated(mx / GRID, my / GRID)
    assert moved.is_quantized()
    assert quantize(moved).milli()[2] - quantize(moved).milli()[0] == box.milli()[2] - box.milli()[0]
    assert quantize(moved).milli()[3] - quantize(moved).milli()[1] == box.milli()[3] - box.milli()[1]


# --- quantize --------------------------------------------------------------------------------------


def test_quantize_known_values():
    assert quantize(Box(0.16090000000000002, 0.2, 0.30049, 0.4)) == Box(0.161, 0.2, 0.3, 0.4)
    assert quantize(Box(0.0001, 0.0004, 0.9996, 0.99951)) == Box(0.0, 0.0, 1.0, 1.0)
    assert quantize(Box(0.1234, 0.5678, 0.9, 0.9999)) == Box(0.123, 0.568, 0.9, 1.0)


def test_quantize_keeps_grid_boxes():
    box = Box(0.1, 0.25, 1.0, 0.4)
    assert quantize(box) == box
    assert quantize(Box(0.0, 0.0, 0.001, 0.001)) == Box(0.0, 0.0, 0.001, 0.001)


@pytest.mark.parametrize(
    ("box", "word"),
    [
        (Box(0.1, 0.2, 0.1004, 0.4), "narrow"),
        (Box(0.1001, 0.2, 0.1004, 0.4), "narrow"),
        (Box(0.9996, 0.2, 1.0, 0.4), "narrow"),
        (Box(0.1, 0.2, 0.3, 0.2003), "short"),
        (Box(0.1, 0.0, 0.3, 0.0004), "short"),
        (Box(0.1, 0.5, 0.3, 0.5000001), "short"),
    ],
)
def test_quantize_rejects_too_thin_boxes_with_a_reason(box, word):
    with pytest.raises(QuantizeError) as info:
        quantize(box)
    message = str(info.value)
    assert word in message
    assert ("width" if word == "narrow" else "height") in message
    assert isinstance(info.value, ValueError)


def test_quantize_too_thin_both_ways_names_a_side():
    with pytest.raises(QuantizeError, match=r"narrow|short"):
        quantize(Box(0.5, 0.5, 0.5001, 0.5001))


def test_quantize_accepts_a_box_exactly_one_step_wide():
    box = Box(0.0015, 0.1, 0.0025, 0.2)
    assert box.width >= STEP
    q = quantize(box)
    assert q.milli()[2] - q.milli()[0] == 1


@settings(deadline=None)
@given(boxes(min_size=STEP + 1e-9))
def test_quantize_never_fails_on_boxes_wider_than_a_step(box):
    quantize(box)


@settings(deadline=None)
@given(boxes())
def test_quantize_properties(box):
    try:
        q = quantize(box)
    except QuantizeError as exc:
        assert "narrow" in str(exc) or "short" in str(exc)
        assert box.width < STEP + EPS or box.height < STEP + EPS
        return
    # inside [0, 1], never zero size, on the grid
    assert all(0.0 <= v <= 1.0 for v in q.as_tuple())
    assert q.width >= STEP - EPS and q.height >= STEP - EPS
    assert q.is_quantized()
    # each corner moves by half a step at most
    for before, after in zip(box.as_tuple(), q.as_tuple(), strict=True):
        assert abs(before - after) <= HALF_STEP + EPS
    # idempotent, and bit for bit equal to the box built from its thousandths
    assert quantize(q) == q
    assert Box.from_milli(q.milli()) == q


@settings(deadline=None)
@given(grid_boxes())
def test_grid_boxes_are_fixed_points(box):
    assert box.is_quantized()
    assert quantize(box) == box
    assert Box.from_milli(box.milli()) == box


@given(boxes())
def test_milli_is_to_grid_of_each_corner(box):
    """milli() writes to_grid's formula inline (speed): the two must never part."""
    assert box.milli() == tuple(to_grid(v) for v in box.as_tuple())


def test_from_milli_and_milli():
    box = Box.from_milli((100, 250, 1000, 400))
    assert box == Box(0.1, 0.25, 1.0, 0.4)
    assert box.milli() == (100, 250, 1000, 400)
    assert all(isinstance(v, int) for v in box.milli())


def test_is_quantized():
    assert Box(0.1, 0.2, 0.3, 0.4).is_quantized()
    assert Box(0.1, 0.2, 0.30000000000000004, 0.4).is_quantized()  # 0.1 + 0.2: float noise, still on the grid
    assert not Box(0.16090000000000002, 0.2, 0.3, 0.4).is_quantized()  # 0.1609: four decimals
    assert not Box(0.1234, 0.2, 0.3, 0.4).is_quantized()


# --- snap ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.16090000000000002, 0.161), (-0.3, 0.0), (1.7, 1.0), (0.0004, 0.0), (0.9996, 1.0), (0.25, 0.25)],
)
def test_snap_known_values(value, expected):
    assert snap(value) == expected


@settings(deadline=None)
@given(st.floats(-2, 3, allow_nan=False))
def test_snap_is_on_the_grid_inside_and_idempotent(value):
    s = snap(value)
    assert 0.0 <= s <= 1.0
    assert s == round(s * GRID) / GRID
    assert snap(s) == s
    if 0.0 <= value <= 1.0:
        assert abs(s - value) <= HALF_STEP + EPS


@given(grid_boxes(), st.integers(-GRID, GRID), st.integers(-GRID, GRID))
def test_a_move_on_the_grid_is_from_milli_of_the_shifted_corners(box, dx, dy):
    x0, y0, x1, y1 = box.milli()
    dx = max(-x0, min(dx, GRID - x1))  # kept inside, as the callers do
    dy = max(-y0, min(dy, GRID - y1))
    assert box.moved_on_grid(dx, dy) == Box.from_milli((x0 + dx, y0 + dy, x1 + dx, y1 + dy))
