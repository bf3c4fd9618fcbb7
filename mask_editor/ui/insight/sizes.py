"""The detection size the insight tools reason about: a preset in pixels of the pose image, or a
custom size in pixels or as a percentage of the image."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

PRESETS: tuple[tuple[str, int], ...] = (
    (QT_TRANSLATE_NOOP("DetectionSize", "Small smoke 32×32 px"), 32),
    (QT_TRANSLATE_NOOP("DetectionSize", "Medium 64×64 px"), 64),
    (QT_TRANSLATE_NOOP("DetectionSize", "Large 128×128 px"), 128),
)
CUSTOM = QT_TRANSLATE_NOOP("DetectionSize", "Custom…")


@dataclass(frozen=True)
class DetectionSize:
    """`width`, `height` in pixels (unit "px") or in percent of the image (unit "%")."""

    width: float
    height: float
    unit: str = "px"

    def relative(self, image_w: int, image_h: int) -> tuple[float, float]:
        """(w, h) as fractions of the image, clamped to (0, 1]."""
        if self.unit == "%":
            w, h = self.width / 100, self.height / 100
        else:
            w, h = self.width / max(1, image_w), self.height / max(1, image_h)
        return min(1.0, max(w, 1e-4)), min(1.0, max(h, 1e-4))

    def pixels(self, image_w: int, image_h: int) -> tuple[int, int]:
        w, h = self.relative(image_w, image_h)
        return round(w * image_w), round(h * image_h)

    def text(self, image_w: int, image_h: int) -> str:
        w, h = self.pixels(image_w, image_h)
        return f"{w}×{h} px"
