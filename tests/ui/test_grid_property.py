"""Pixels from the grid, one formula (core.geometry.pixel_rect): a move by whole grid steps, as the
arrow keys and a drag make, never changes a box's size, in grid steps or in the pixels shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mask_editor.core.geometry import GRID, Box, grid_pixels, pixels_grid, step_pixels
from mask_editor.ui.canvas import grid

sides = st.integers(min_value=1, max_value=8000)


@st.composite
def grid_boxes(draw) -> tuple[int, int, int, int]:
    x0 = draw(st.integers(0, GRID - 1))
    y0 = draw(st.integers(0, GRID - 1))
    return x0, y0, draw(st.integers(x0 + 1, GRID)), draw(st.integers(y0 + 1, GRID))


@given(grid_boxes(), st.integers(-GRID, GRID), st.integers(-GRID, GRID), sides, sides)
def test_a_move_keeps_the_size_in_steps_and_in_shown_pixels(milli, dx, dy, width, height):
    dx, dy = grid.clamp_shift([milli], dx, dy)  # what a drag and the arrow keys both do
    moved = grid.shifted(milli, dx, dy)
    before, after = Box.from_milli(milli), Box.from_milli(moved)
    assert after.milli()[2] - after.milli()[0] == milli[2] - milli[0]
    assert after.milli()[3] - after.milli()[1] == milli[3] - milli[1]
    assert after.pixel_rect(width, height)[2:] == before.pixel_rect(width, height)[2:]


@given(st.integers(0, GRID), sides)
def test_grid_pixels_is_the_nearest_whole_pixel(steps, side):
    exact = steps * side / GRID
    assert abs(grid_pixels(steps, side) - exact) <= 0.5
    assert pixels_grid(grid_pixels(steps, side), side) == steps or side < GRID  # finer pixels than steps


def test_one_step_on_a_3840_image():
    assert step_pixels(3840) == 3.84
    assert Box.from_milli((260, 0, 413, 1)).pixel_rect(3840, 2160) == (998, 0, 588, 2)


@given(st.lists(grid_boxes(), max_size=6), st.integers(-GRID, GRID), st.integers(-GRID, GRID))
def test_a_group_shift_keeps_every_box_inside_and_goes_as_far_as_it_can(group, dx, dy):
    sx, sy = grid.clamp_shift(group, dx, dy)
    moved = [grid.shifted(b, sx, sy) for b in group]
    assert all(x0 >= 0 and y0 >= 0 and x1 <= GRID and y1 <= GRID for x0, y0, x1, y1 in moved)
    if group:  # stopped short only at a border, never before
        assert sx == dx or any(b[0] == 0 or b[2] == GRID for b in moved)
        assert sy == dy or any(b[1] == 0 or b[3] == GRID for b in moved)
    else:
        assert (sx, sy) == (0, 0)
