"""Box edits on the 3-decimal grid, in thousandths (milli), shared by mouse and keyboard edits.

Edits are computed on the grid itself rather than in pixels then quantized: a moved box keeps its
exact size, a drag shows exactly what will be stored, and no edit can leave a box thinner than one
step or outside the image.
"""

from __future__ import annotations

from collections.abc import Iterable

from mask_editor.core.geometry import GRID

Milli = tuple[int, int, int, int]  # (x0, y0, x1, y1) in thousandths of the image width / height
EDGES = ("left", "top", "right", "bottom")


def snap(px: float, size_px: int) -> int:
    """A pixel coordinate on an image side of `size_px` pixels, as the nearest grid line inside it."""
    return min(max(round(px * GRID / size_px), 0), GRID)


def to_px(value: int, size_px: int) -> float:
    return value * size_px / GRID


def clamp_shift(boxes: Iterable[Milli], dx: int, dy: int) -> tuple[int, int]:
    """The shift closest to (dx, dy) that keeps every box inside the image: the group moves rigidly."""
    return clamp_shift_within(outer_box(boxes), dx, dy)


def outer_box(boxes: Iterable[Milli]) -> Milli | None:
    """The smallest box holding the group (None for no box): a drag finds it once, not at each frame."""
    sides = list(zip(*boxes, strict=True))
    return (min(sides[0]), min(sides[1]), max(sides[2]), max(sides[3])) if sides else None


def clamp_shift_within(outer: Milli | None, dx: int, dy: int) -> tuple[int, int]:
    """clamp_shift for a group whose outer box is `outer`."""
    if outer is None:
        return 0, 0
    x0, y0, x1, y1 = outer
    return max(-x0, min(dx, GRID - x1)), max(-y0, min(dy, GRID - y1))


def shifted(box: Milli, dx: int, dy: int) -> Milli:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def with_edges(box: Milli, edges: Iterable[str], x: int, y: int) -> Milli:
    """The box with the named edges moved to grid position (x, y); an edge stops one step before the
    opposite one (no flipping, never thinner than a step) and at the image border."""
    x0, y0, x1, y1 = box
    x = min(max(x, 0), GRID)
    y = min(max(y, 0), GRID)
    for edge in edges:
        if edge == "left":
            x0 = min(x, x1 - 1)
        elif edge == "right":
            x1 = max(x, x0 + 1)
        elif edge == "top":
            y0 = min(y, y1 - 1)
        elif edge == "bottom":
            y1 = max(y, y0 + 1)
        else:
            raise ValueError(f"unknown edge {edge!r}")
    return (x0, y0, x1, y1)


def edge_moved(box: Milli, edge: str, d: int) -> Milli:
    """The box with one edge moved by `d` steps (positive = right / down)."""
    x0, y0, x1, y1 = box
    if edge in ("left", "right"):
        x = (x0 if edge == "left" else x1) + d
        return with_edges(box, [edge], x, 0)
    y = (y0 if edge == "top" else y1) + d
    return with_edges(box, [edge], 0, y)


def from_points(ax: int, ay: int, bx: int, by: int) -> Milli:
    """A drawn box from two grid points in any order, at least one step wide and high, inside the image."""
    x0, x1 = sorted((ax, bx))
    y0, y1 = sorted((ay, by))
    if x1 == x0:
        x0, x1 = (x0, x0 + 1) if x0 < GRID else (x0 - 1, x0)
    if y1 == y0:
        y0, y1 = (y0, y0 + 1) if y0 < GRID else (y0 - 1, y0)
    return (x0, y0, x1, y1)
