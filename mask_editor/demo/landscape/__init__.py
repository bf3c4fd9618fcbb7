"""Synthetic watchtower views: forested hills under a sky, for the demo and for screenshots.

Pure numpy + Pillow (no Qt), deterministic (same arguments, same bytes) and fast: noise fields are
made at a quarter of the output size and upsampled with Pillow, and every step is vectorised, so a
4K frame takes a second or two.

A frame is built back to front, like a real view from a tower:

* a sky with a vertical gradient (and a sun glow at dusk), with clouds laid on a perspective
  plane so that they shrink and flatten towards the horizon;
* four or five ridge layers, each a smooth profile plus a jagged tree line; the far ones are
  washed out by aerial perspective (haze), with mist pooling in the valley behind each nearer one;
* forest texture, lighter fields, cloud shadows, a winding road and a few objects that make
  classic false positives for a smoke detector: a chimney with its plume, an antenna pylon on the
  crest, a reflective roof, a low cloud band.

`Landscape.ridge` is the known sky/land boundary per column (thin structures excluded) and
`Landscape.features` the pixel boxes of the placed objects, so that tests and demo data can rely
on them.
"""

from __future__ import annotations

import io
import os

import numpy as np
from PIL import Image

from mask_editor.demo.landscape.palette import ALL_FEATURES, TIMES_OF_DAY, Landscape
from mask_editor.demo.landscape.scene import render_landscape

__all__ = ["ALL_FEATURES", "TIMES_OF_DAY", "Landscape", "jpeg_bytes", "render_landscape", "save_jpeg"]


def jpeg_bytes(image: np.ndarray, quality: int = 88) -> bytes:
    """Encode an (H, W, 3) uint8 RGB array as a baseline (non-progressive) JPEG."""
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8)).save(
        buf, format="JPEG", quality=quality, progressive=False, optimize=False
    )
    return buf.getvalue()


def save_jpeg(image: np.ndarray, path: str | os.PathLike[str], quality: int = 88) -> None:
    """Write `image` as a baseline JPEG at `path`."""
    with open(path, "wb") as fh:
        fh.write(jpeg_bytes(image, quality))
