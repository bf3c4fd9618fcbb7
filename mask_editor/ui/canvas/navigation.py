"""Zoom and pan of the canvas: scale limits, zoom anchored under the cursor, fit, and the scene
rectangle that lets any image point be brought under the cursor or to the centre."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

MIN_SCALE, MAX_SCALE = 0.02, 32.0  # 2 % .. 3200 %
ZOOM_STEP = 1.25
WHEEL_ZOOM_BASE = 1.0015  # per eighth of a degree: one wheel notch (120) zooms by ~20 %
FIT_PADDING = 8  # screen pixels around the image when fitted


class Navigator:
    def __init__(self, view: QGraphicsView, frame: Callable[[], QRectF | None],
                 on_scale: Callable[[float, bool, bool], None]) -> None:
        self.view = view
        self.frame = frame  # the image rect (scene pixels), None when nothing is shown
        self.on_scale = on_scale  # (scale, changed, interactive): lets the view adapt pens, smoothing
        self.fit_mode = True  # follow window resizes until the user zooms or pans

    def zoom(self) -> float:
        return self.view.transform().m11()

    def scene_pos(self, pos: QPointF) -> QPointF:
        inverse, _ = self.view.viewportTransform().inverted()
        return inverse.map(QPointF(pos))

    def pan_by(self, dx: float, dy: float) -> None:
        self.fit_mode = False
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def zoom_by(self, factor: float, anchor: QPointF | None = None, interactive: bool = False) -> None:
        self.set_scale(self.zoom() * factor, anchor, interactive)

    def set_scale(self, scale: float, anchor: QPointF | None = None, interactive: bool = False) -> None:
        """Zoom keeping the scene point under `anchor` (viewport coordinates; centre if None) fixed.
        `interactive` (wheel, pinch): a stream of zoom frames is coming, favour speed."""
        if anchor is None:
            anchor = QPointF(self.view.viewport().rect().center())
        fixed = self.scene_pos(anchor)
        self.apply_scale(scale, interactive)
        moved = self.view.viewportTransform().map(fixed) - anchor
        self.pan_by(moved.x(), moved.y())

    def fit(self) -> None:
        frame = self.frame()
        if frame is not None:
            self.fit_rect(frame, FIT_PADDING)
            self.fit_mode = True

    def fit_rects(self, rects: list[QRectF]) -> None:
        """Frame `rects` with some room around them; the whole image when there are none."""
        if not rects:
            self.fit()
            return
        bounds = QRectF(rects[0])
        for r in rects[1:]:
            bounds |= r
        viewport = self.view.viewport()
        self.fit_rect(bounds, max(24, min(viewport.width(), viewport.height()) // 10))

    def fit_rect(self, rect: QRectF, padding: int) -> None:
        viewport = self.view.viewport()
        vw, vh = viewport.width() - 2 * padding, viewport.height() - 2 * padding
        scale = min(max(vw, 1) / max(rect.width(), 1e-6), max(vh, 1) / max(rect.height(), 1e-6))
        self.apply_scale(scale)
        self.view.centerOn(rect.center())

    def apply_scale(self, scale: float, interactive: bool = False) -> None:
        scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        changed = abs(scale - self.zoom()) > 1e-9
        self.fit_mode = False
        self.view.setTransform(QTransform.fromScale(scale, scale))
        self.update_scene_rect()
        self.on_scale(scale, changed, interactive)

    def update_scene_rect(self) -> None:
        """The image plus half a viewport of room on each side: any point can be brought under the
        cursor or to the centre, and the image cannot be panned out of sight."""
        frame = self.frame() or QRectF(0, 0, 1, 1)
        s = self.zoom()
        viewport = self.view.viewport()
        mx, my = viewport.width() / s / 2, viewport.height() / s / 2
        self.view.setSceneRect(frame.adjusted(-mx, -my, mx, my))

    def resized(self) -> None:
        if self.fit_mode:
            self.fit()
        else:
            self.update_scene_rect()

    def wheel(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the cursor; the wheel pans (trackpads give pixel deltas);
        Shift+wheel pans sideways (macOS already swaps the axes itself)."""
        angle = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(WHEEL_ZOOM_BASE ** (angle.y() or angle.x()), event.position(), interactive=True)
        else:
            delta = event.pixelDelta() if not event.pixelDelta().isNull() else angle
            dx, dy = delta.x(), delta.y()
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and dx == 0:
                dx, dy = dy, 0
            self.pan_by(-dx, -dy)
        event.accept()
