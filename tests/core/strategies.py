"""Hypothesis strategies for boxes, shared by the core tests."""

from __future__ import annotations

from hypothesis import assume
from hypothesis import strategies as st

from mask_editor.core.geometry import GRID, Box

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False)


@st.composite
def boxes(draw: st.DrawFn, min_size: float = 0.0) -> Box:
    """Any valid box; with `min_size`, at least that wide and high."""
    xa, xb = sorted(draw(st.tuples(unit, unit)))
    ya, yb = sorted(draw(st.tuples(unit, unit)))
    assume(xb - xa > min_size and yb - ya > min_size)
    return Box(xa, ya, xb, yb)


@st.composite
def grid_boxes(draw: st.DrawFn) -> Box:
    """A box on the 3-decimal grid."""
    x0 = draw(st.integers(0, GRID - 1))
    x1 = draw(st.integers(x0 + 1, GRID))
    y0 = draw(st.integers(0, GRID - 1))
    y1 = draw(st.integers(y0 + 1, GRID))
    return Box.from_milli((x0, y0, x1, y1))
