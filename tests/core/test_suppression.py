"""The device rule, its vectorised forms and the suppression zone, against plain loops."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mask_editor.core.geometry import Box
from mask_editor.core.suppression import (
    IOU_THRESHOLD,
    boxes_to_array,
    dropped,
    iou_matrix,
    is_dropped,
    mask_can_drop,
    max_iou_for_size,
    overlap_needed,
    suppression_zone,
    why_mask_cannot_drop,
    zone_interval,
)

TIE = 1e-9  # points this close to the threshold are left out of exact comparisons


def plain_iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """IoU written out, in the same order of operations as Box.iou."""
    ix = min(a[2], b[2]) - max(a[0], b[0])
    iy = min(a[3], b[3]) - max(a[1], b[1])
    if ix <= 0 or iy <= 0:
        return 0.0
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@st.composite
def boxes(draw: st.DrawFn, min_size: float = 0.002) -> Box:
    x0 = draw(st.floats(0, 1 - min_size))
    y0 = draw(st.floats(0, 1 - min_size))
    x1 = draw(st.floats(x0 + min_size, 1))
    y1 = draw(st.floats(y0 + min_size, 1))
    return Box(x0, y0, x1, y1)


def test_small_detection_inside_a_large_mask_is_not_dropped() -> None:
    # CONTRACT.md: a 0.05 x 0.05 box inside (0,0,1,0.4) has IoU ~0.006 and is NOT dropped.
    mask = Box(0, 0, 1, 0.4)
    detection = Box(0.3, 0.2, 0.35, 0.25)
    assert detection.iou(mask) == pytest.approx(0.00625)
    assert not is_dropped(detection, [mask])
    assert not dropped(boxes_to_array([detection]), boxes_to_array([mask]))[0]
    assert max_iou_for_size(mask, 0.05, 0.05) == pytest.approx(0.00625)
    assert not mask_can_drop(mask, 0.05, 0.05)
    assert not suppression_zone([mask], 0.05, 0.05, 200, 200).any()


def test_threshold_is_strict() -> None:
    detection = Box(0, 0, 0.25, 0.25)  # exact binary fractions: IoU is exactly 0.1
    mask = Box(0, 0, 1, 0.625)
    assert detection.iou(mask) == IOU_THRESHOLD
    assert not is_dropped(detection, [mask])
    assert not dropped(boxes_to_array([detection]), boxes_to_array([mask]))[0]
    assert is_dropped(detection, [mask, Box(0, 0, 0.25, 0.3)])


@settings(max_examples=60, deadline=None)
@given(st.lists(boxes(), min_size=1, max_size=6), st.lists(boxes(), min_size=0, max_size=6))
def test_vectorised_rule_matches_box_rule(dets: list[Box], masks: list[Box]) -> None:
    matrix = iou_matrix(boxes_to_array(dets), boxes_to_array(masks))
    assert matrix.shape == (len(dets), len(masks))
    for i, d in enumerate(dets):
        for j, m in enumerate(masks):
            assert matrix[i, j] == plain_iou(d.as_tuple(), m.as_tuple()) == d.iou(m)
    expected = [is_dropped(d, masks) for d in dets]
    assert dropped(boxes_to_array(dets), boxes_to_array(masks)).tolist() == expected


def test_overlap_needed_is_the_rule() -> None:
    # IoU > t exactly when the overlap exceeds t (ad + am) / (1 + t)
    det, mask = Box(0.1, 0.1, 0.2, 0.2), Box(0.12, 0.1, 0.3, 0.22)
    needed = overlap_needed(det.area, mask.area)
    inter = det.intersection_area(mask)
    assert (inter > needed) == (det.iou(mask) > IOU_THRESHOLD)
    assert inter / (det.area + mask.area - needed) == pytest.approx(inter / needed * IOU_THRESHOLD / 1.0, rel=1)
    assert needed / (det.area + mask.area - needed) == pytest.approx(IOU_THRESHOLD)


def reference_zone(
    masks: list[Box], w: float, h: float, grid_w: int, grid_h: int, clip: bool
) -> tuple[list[list[bool]], list[list[bool]]]:
    """Plain loops over cell centres: (dropped, near a tie) per cell."""
    zone, ties = [], []
    for i in range(grid_h):
        row, row_ties = [], []
        for j in range(grid_w):
            cx, cy = (j + 0.5) / grid_w, (i + 0.5) / grid_h
            det = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
            fits = det[0] >= 0 and det[1] >= 0 and det[2] <= 1 and det[3] <= 1
            if clip:
                det = [max(det[0], 0.0), max(det[1], 0.0), min(det[2], 1.0), min(det[3], 1.0)]
            ious = [plain_iou(tuple(det), m.as_tuple()) for m in masks]
            row.append((clip or fits) and any(v > IOU_THRESHOLD for v in ious))
            row_ties.append(any(abs(v - IOU_THRESHOLD) < TIE for v in ious))
        zone.append(row)
        ties.append(row_ties)
    return zone, ties


@settings(max_examples=25, deadline=None)
@given(
    st.lists(boxes(min_size=0.01), min_size=1, max_size=5),
    st.floats(0.01, 0.4),
    st.floats(0.01, 0.4),
    st.integers(5, 40),
    st.integers(5, 40),
    st.booleans(),
)
def test_zone_matches_plain_loops(masks: list[Box], w: float, h: float, grid_w: int, grid_h: int, clip: bool) -> None:
    zone = suppression_zone(masks, w, h, grid_w, grid_h, clip_to_image=clip)
    expected, ties = reference_zone(masks, w, h, grid_w, grid_h, clip)
    assert zone.shape == (grid_h, grid_w)
    settled = ~np.array(ties)
    assert np.array_equal(zone[settled], np.array(expected)[settled])


def test_zone_of_a_detection_sized_mask() -> None:
    mask = Box(0.4, 0.4, 0.5, 0.5)
    zone = suppression_zone([mask], 0.1, 0.1, 100, 100)
    assert zone[45, 45]  # centred on the mask: IoU 1
    assert not zone[45, 60] and not zone[20, 20]
    assert zone.sum() > 0
    # symmetric about the mask's centre 0.45: cell j mirrors cell 89 - j
    assert np.array_equal(zone[:90, :90], zone[:90, :90][::-1, ::-1])


@settings(max_examples=40, deadline=None)
@given(boxes(min_size=0.02), st.floats(0.02, 0.3), st.floats(0.02, 0.3), st.floats(0, 1))
def test_zone_interval_is_the_column_of_the_zone(mask: Box, w: float, h: float, frac: float) -> None:
    grid = 400
    j = min(grid - 1, int(frac * grid))
    cx = (j + 0.5) / grid
    column = suppression_zone([mask], w, h, grid, grid, clip_to_image=False)[:, j]
    cy = (np.arange(grid) + 0.5) / grid
    inside = (cy - h / 2 >= 0) & (cy + h / 2 <= 1) & (cx - w / 2 >= 0) & (cx + w / 2 <= 1)
    span = zone_interval(mask, w, h, cx)
    if span is None:
        assert not column.any()
        return
    lo, hi = span
    away = (np.abs(cy - lo) > 1e-9) & (np.abs(cy - hi) > 1e-9)
    expected = (cy > lo) & (cy < hi) & inside
    assert np.array_equal(column[away], expected[away])


@settings(max_examples=40, deadline=None)
@given(boxes(min_size=0.005), st.floats(0.005, 0.5), st.floats(0.005, 0.5))
def test_max_iou_is_reached_and_never_beaten(mask: Box, w: float, h: float) -> None:
    best = max_iou_for_size(mask, w, h)
    # nested placement: the smaller side inside the larger one, on each axis, in the image
    x0 = min(max(mask.xmin + (mask.width - w) / 2, 0.0), 1 - w)
    y0 = min(max(mask.ymin + (mask.height - h) / 2, 0.0), 1 - h)
    assert plain_iou((x0, y0, x0 + w, y0 + h), mask.as_tuple()) == pytest.approx(best)
    rng = np.random.default_rng(0)
    for _ in range(200):
        x, y = rng.uniform(0, 1 - w), rng.uniform(0, 1 - h)
        assert plain_iou((x, y, x + w, y + h), mask.as_tuple()) <= best + 1e-12
    assert mask_can_drop(mask, w, h) == (best > IOU_THRESHOLD)
    assert (why_mask_cannot_drop(mask, w, h) is None) == (best > IOU_THRESHOLD)


def test_explanations_say_which_way_to_resize() -> None:
    big = why_mask_cannot_drop(Box(0.1, 0.1, 0.35, 0.35), 0.05, 0.05, image_w=800, image_h=800)
    assert big is not None
    assert "25x larger than a 40x40 px detection" in big
    assert "IoU 0.040" in big and "more than 0.1" in big and "Area tool" in big
    small = why_mask_cannot_drop(Box(0.1, 0.1, 0.11, 0.11), 0.05, 0.05)
    assert small is not None
    assert "25x smaller than a detection of 5% x 5% of the image" in small and "Enlarge" in small
    strip = why_mask_cannot_drop(Box(0, 0.5, 1, 0.52), 0.05, 0.05)
    assert strip is not None and "wider and shorter" in strip and "narrower and taller" in strip
    assert why_mask_cannot_drop(Box(0.1, 0.1, 0.16, 0.16), 0.05, 0.05) is None


def test_explanation_never_rounds_up_to_the_threshold() -> None:
    # best IoU just below 0.1 must not read "0.100"
    side = math.sqrt(0.0025 / 0.0999)
    text = why_mask_cannot_drop(Box(0, 0, side, side), 0.05, 0.05)
    assert text is not None and "IoU 0.099" in text


def test_rejects_bad_detection_sizes() -> None:
    with pytest.raises(ValueError):
        max_iou_for_size(Box(0, 0, 1, 1), 0, 0.1)
    with pytest.raises(ValueError):
        suppression_zone([], 0.1, 1.5, 10, 10)


def test_zone_at_1000_by_1000_with_many_masks() -> None:
    """The size the overlay uses (how fast it is, is for benchmarks, not a timed test)."""
    rng = np.random.default_rng(1)
    masks = []
    for _ in range(60):
        x, y = rng.uniform(0, 0.9, 2)
        masks.append(Box(x, y, x + rng.uniform(0.01, 0.1), y + rng.uniform(0.01, 0.1)))
    zone = suppression_zone(masks, 0.05, 0.05, 1000, 1000)
    assert zone.shape == (1000, 1000) and zone.any()
