"""The sky helper's background work: decode the pose image scaled down (QImageReader reads a
JPEG at a fraction of its size for a fraction of the cost), estimate the ridge (core.sky) and
return the sky as a bool raster over the image, ready for the area tool."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QImage, QImageReader

if TYPE_CHECKING:
    import numpy as np

DECODE_WIDTH = 1024  # the estimator works at 512 wide; twice that keeps the block average honest
RASTER_WIDTH = 512  # the area raster; plan_cover is ~quadratic in it
MIN_SEPARATION = 1.0  # below this the top and bottom of the image look alike: no distinct sky


@dataclass(frozen=True)
class SkyArea:
    raster: np.ndarray  # bool (h, w): True where sky, over the whole image
    separation: float
    sky_fraction: float


class NoSky(Exception):
    """The image shows no distinct sky (fog, night, a camera facing the ground)."""


def decode_scaled(path: str | Path, width: int = DECODE_WIDTH) -> np.ndarray:
    """The image as an (h, w, 3) uint8 RGB numpy array at most `width` wide. Safe off the GUI thread."""
    import numpy as np

    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > width:
        reader.setScaledSize(QSize(width, max(1, round(size.height() * width / size.width()))))
    image = reader.read()
    if image.isNull():
        raise OSError(QCoreApplication.translate("Sky", "cannot read the pose image ({reason})").format(
            reason=reader.errorString()))
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : w * 3].reshape(h, w, 3).copy()


def propose_sky(path: str | Path, image_w: int, image_h: int) -> SkyArea:
    """Run off the GUI thread. Raises NoSky when the image shows no distinct sky."""
    from mask_editor.core.sky import estimate_sky

    pixels = decode_scaled(path)
    estimate = estimate_sky(pixels)
    if estimate.separation < MIN_SEPARATION:
        raise NoSky(QCoreApplication.translate(
            "Sky", "This image shows no distinct sky (its top and bottom look alike), so no sky area "
            "can be proposed. Draw the area by hand instead."))
    raster_w = min(RASTER_WIDTH, image_w)
    raster_h = max(1, round(raster_w * image_h / image_w))
    raster = estimate.mask(raster_h, raster_w)
    return SkyArea(raster, estimate.separation, float(raster.mean()))
