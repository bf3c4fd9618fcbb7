"""Boxes in relative image coordinates, and the 3-decimal grid the server stores them on.

Coordinates are fractions of the image width (x) and height (y), origin top-left, like the API's
mask strings. The server keeps at most three decimals, so every box we store or send sits on a
grid of thousandths: `quantize` puts a box on that grid, and a quantized box survives any number
of save/load round trips unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

GRID = 1000  # thousandths: the server's mask format allows at most three decimals
STEP = 1 / GRID  # the thinnest box the server format can hold
TOO_NARROW = "the box is too narrow to store"  # how a QuantizeError's message starts (the window matches it)
TOO_SHORT = "the box is too short to store"


class QuantizeError(ValueError):
    """A box cannot be put on the 3-decimal grid without losing its width or height. `side` ("width" or
    "height") and `size` (that side, relative) let the window word it in its own language."""

    def __init__(self, message: str, side: str = "width", size: float = 0.0) -> None:
        super().__init__(message)
        self.side, self.size = side, size


class _Corners(NamedTuple):
    xmin: float
    ymin: float
    xmax: float
    ymax: float


class Box(_Corners):
    """An axis-aligned box, corners in [0, 1], with xmin < xmax and ymin < ymax.

    A NamedTuple with a checking constructor rather than a frozen dataclass: as immutable, and built
    twice as fast, which counts when a 2,000-mask move builds 2,000 of them."""

    __slots__ = ()

    def __new__(cls, xmin: float, ymin: float, xmax: float, ymax: float) -> Box:
        # One chained comparison per axis: also false for NaN, and cheap enough for boxes built by
        # the thousand; the slower checks in _refused only word the error.
        if 0.0 <= xmin < xmax <= 1.0 and 0.0 <= ymin < ymax <= 1.0:
            return _new_tuple(cls, (xmin, ymin, xmax, ymax))
        raise _refused((xmin, ymin, xmax, ymax))

    @classmethod
    def _make(cls, iterable: Iterable[float]) -> Box:  # _replace goes through it: checked too
        return cls(*iterable)

    @classmethod
    def from_corners(cls, x0: float, y0: float, x1: float, y1: float) -> Box:
        """Any two opposite corners, in any order; clamped into the image."""
        xa, xb = sorted((clamp01(x0), clamp01(x1)))
        ya, yb = sorted((clamp01(y0), clamp01(y1)))
        return cls(xa, ya, xb, yb)

    @classmethod
    def from_milli(cls, values: tuple[int, int, int, int]) -> Box:
        x0, y0, x1, y1 = values
        return cls(x0 / GRID, y0 / GRID, x1 / GRID, y1 / GRID)

    @classmethod
    def from_pixels(cls, x0: float, y0: float, x1: float, y1: float, width: int, height: int) -> Box:
        """A box from pixel corners on an image of `width` x `height` pixels."""
        if width <= 0 or height <= 0:
            raise ValueError(f"image size must be positive, got {width}x{height}")
        return cls.from_corners(x0 / width, y0 / height, x1 / width, y1 / height)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.xmin, self.ymin, self.xmax, self.ymax)

    def to_pixels(self, width: int, height: int) -> tuple[float, float, float, float]:
        """Pixel corners (x0, y0, x1, y1) on an image of `width` x `height` pixels."""
        return (self.xmin * width, self.ymin * height, self.xmax * width, self.ymax * height)

    def pixel_rect(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(x, y, w, h) in whole pixels, the one formula every surface shows. The size comes from the
        size in grid steps, not from the rounded corners, so a move never changes it."""
        x0, y0, x1, y1 = self.milli()
        return (grid_pixels(x0, width), grid_pixels(y0, height),
                grid_pixels(x1 - x0, width), grid_pixels(y1 - y0, height))

    def milli(self) -> tuple[int, int, int, int]:
        """The corners in thousandths, rounded: exact equality for boxes on the grid."""
        # to_grid's formula inline: asked several times per mask of a 2,000-mask move.
        floor = math.floor
        return (floor(self.xmin * GRID + 0.5), floor(self.ymin * GRID + 0.5), floor(self.xmax * GRID + 0.5),
                floor(self.ymax * GRID + 0.5))

    @property
    def width(self) -> float:
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        return self.ymax - self.ymin

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def center(self) -> tuple[float, float]:
        return ((self.xmin + self.xmax) / 2, (self.ymin + self.ymax) / 2)

    def is_quantized(self) -> bool:
        return all(abs(v * GRID - to_grid(v)) < 1e-6 for v in self.as_tuple())

    def intersection_area(self, other: Box) -> float:
        w = min(self.xmax, other.xmax) - max(self.xmin, other.xmin)
        h = min(self.ymax, other.ymax) - max(self.ymin, other.ymin)
        return w * h if w > 0 and h > 0 else 0.0

    def iou(self, other: Box) -> float:
        """Intersection over union, the measure the devices compare with 0.1."""
        inter = self.intersection_area(other)
        if inter == 0.0:
            return 0.0
        return inter / (self.area + other.area - inter)

    def moved_on_grid(self, dx: int, dy: int) -> Box:
        """This box (on the grid) moved by (dx, dy) grid steps, its corners exact on the grid; the caller
        keeps it inside the image (a move of 2,000 builds each box once, with milli's rounding inline)."""
        floor = math.floor
        x0, y0, x1, y1 = self
        return Box((floor(x0 * GRID + 0.5) + dx) / GRID, (floor(y0 * GRID + 0.5) + dy) / GRID,
                   (floor(x1 * GRID + 0.5) + dx) / GRID, (floor(y1 * GRID + 0.5) + dy) / GRID)

    def translated(self, dx: float, dy: float) -> Box:
        """Moved by (dx, dy), stopped at the image border with its size kept."""
        dx = min(max(dx, -self.xmin), 1.0 - self.xmax)
        dy = min(max(dy, -self.ymin), 1.0 - self.ymax)
        return Box(
            clamp01(self.xmin + dx), clamp01(self.ymin + dy), clamp01(self.xmax + dx), clamp01(self.ymax + dy)
        )


_new_tuple = tuple.__new__


def _refused(values: tuple[float, float, float, float]) -> ValueError:
    if not all(math.isfinite(v) for v in values):
        return ValueError(f"box corners must be finite numbers, got {values}")
    if not all(0.0 <= v <= 1.0 for v in values):
        return ValueError(f"box corners must lie in [0, 1], got {values}")
    return ValueError(f"box needs xmin < xmax and ymin < ymax, got {values}")


def clamp01(value: float) -> float:
    if math.isnan(value):
        raise ValueError("coordinate is not a number")
    return min(max(value, 0.0), 1.0)


def to_grid(value: float) -> int:
    """A coordinate in thousandths, halves rounded up. Python's round() sends 1.5 and 2.5 both to 2,
    which would turn a box exactly one step wide into a zero-width one."""
    return math.floor(value * GRID + 0.5)


def grid_pixels(steps: int, pixels: int) -> int:
    """`steps` thousandths of an image side of `pixels` pixels, in whole pixels, halves up. In
    integers, so the same steps always give the same pixels (no float noise between surfaces)."""
    return (2 * steps * pixels + GRID) // (2 * GRID)


def pixels_grid(value: float, pixels: int) -> int:
    """A position or length typed in pixels, on the grid (thousandths), halves up."""
    return math.floor(value * GRID / pixels + 0.5)


def step_pixels(pixels: int) -> float:
    """How many pixels one grid step is on an image side of `pixels` pixels (3.84 for 3840)."""
    return pixels / GRID


def quantize(box: Box) -> Box:
    """The box on the 3-decimal grid, inside [0, 1], at least one step wide and high.

    Raises QuantizeError, naming the side, when the box is thinner than the grid allows: rounding it
    would give a zero-size box, which the devices would receive as is.
    """
    x0, y0, x1, y1 = box.milli()  # in [0, GRID] already: a Box's corners lie in [0, 1]
    if (x0 / GRID, y0 / GRID, x1 / GRID, y1 / GRID) == (box.xmin, box.ymin, box.xmax, box.ymax):
        return box  # already on the grid (most boxes: the tools and the workspace make them so)
    if x1 <= x0:
        raise QuantizeError(
            f"{TOO_NARROW}: {box.width:.5f} of the image width rounds to zero "
            f"(the server keeps 3 decimals, so at least {STEP} is needed)", "width", box.width
        )
    if y1 <= y0:
        raise QuantizeError(
            f"{TOO_SHORT}: {box.height:.5f} of the image height rounds to zero "
            f"(the server keeps 3 decimals, so at least {STEP} is needed)", "height", box.height
        )
    return Box.from_milli((x0, y0, x1, y1))


def snap(value: float) -> float:
    """A coordinate on the 3-decimal grid, clamped to [0, 1]."""
    return min(max(to_grid(value), 0), GRID) / GRID
