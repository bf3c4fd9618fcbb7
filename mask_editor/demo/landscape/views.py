"""Dated views of one scene for the drift estimator: the same hills under other light, other clouds,
haze, fog or night, and crops of them offset by a known number of pixels (a preset that drifted).

Used by the drift benchmark, its tests and the demo workspace. Pure numpy.
"""

from __future__ import annotations

import numpy as np

from mask_editor.demo.landscape.palette import Landscape


def swap_sky(view: Landscape, other: Landscape) -> np.ndarray:
    """`view` with the sky (and clouds) of `other`, a render of another seed at the same size.

    The land of `view` is kept: the same terrain under different clouds, as on another day.
    """
    if other.image.shape != view.image.shape:
        raise ValueError("both renders must have the same size")
    rows = np.arange(view.image.shape[0])[:, None]
    sky = rows < (np.minimum(view.ridge, other.ridge)[None, :] - 2)
    out = view.image.copy()
    out[sky] = other.image[sky]
    return out


def hazy(image: np.ndarray, amount: float, rng: np.random.Generator, colour: tuple[int, int, int] = (205, 210, 215),
         noise: float = 2.0) -> np.ndarray:
    """Blend towards a haze colour (`amount` 0 = clear, 1 = nothing left) and add sensor noise."""
    out = image.astype(np.float32) * (1 - amount) + np.asarray(colour, np.float32) * amount
    out += rng.normal(0.0, noise, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def night(image: np.ndarray, rng: np.random.Generator, level: float = 0.04, noise: float = 3.0) -> np.ndarray:
    """A night frame: almost black, the scene at a few grey levels under the sensor noise."""
    out = image.astype(np.float32) * level + 6.0
    out += rng.normal(0.0, noise, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def crop(image: np.ndarray, left: int, top: int, width: int, height: int) -> np.ndarray:
    if left < 0 or top < 0 or left + width > image.shape[1] or top + height > image.shape[0]:
        raise ValueError(f"crop {left},{top} {width}x{height} outside a {image.shape[1]}x{image.shape[0]} image")
    return image[top:top + height, left:left + width]


def shifted_pair(old_source: np.ndarray, new_source: np.ndarray, dx: int, dy: int, width: int,
                 height: int) -> tuple[np.ndarray, np.ndarray]:
    """Two crops of the same size where the scene moved by (dx, dy) pixels (right, down) in the new one.

    The camera turned the other way: the new crop's window sits (-dx, -dy) from the old one's, both
    centred in their sources as far as the offsets allow.
    """
    left = (old_source.shape[1] - width) // 2
    top = (old_source.shape[0] - height) // 2
    return crop(old_source, left, top, width, height), crop(new_source, left - dx, top - dy, width, height)
