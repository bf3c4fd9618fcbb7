"""One gesture system: every gesture on the canvas (select, rubber band, move, resize, draw, pan and
the area tool's drag) is an Interaction installed through CanvasView.set_interaction, with started /
finished / canceled; Escape cancels the area drag like any other; the area tool is one of the tools'
exclusive group. Real mouse and key events on the window's canvas."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from mask_editor.core.geometry import Box
from mask_editor.ui.canvas.tools import (
    DrawInteraction,
    MoveInteraction,
    PanInteraction,
    ResizeInteraction,
    RubberBandInteraction,
)
from mask_editor.ui.insight.area import AREA_OVERLAY, DRAG_OVERLAY, AreaInteraction

pytest_plugins = ("tests.ui.window_fixtures",)

Left, Middle = Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton


def at(canvas, x: float, y: float) -> QPoint:
    return canvas.mapFromScene(QPointF(x, y))


def press_move(qtbot, canvas, a: QPoint, b: QPoint, button=Left) -> None:
    vp = canvas.viewport()
    qtbot.mousePress(vp, button, pos=a)
    for i in range(1, 5):
        qtbot.mouseMove(vp, a + (b - a) * i / 4)


class Recorder:
    """Every interaction the canvas installs, and what each then signalled."""

    def __init__(self, canvas) -> None:
        self.events: list[tuple[str, str]] = []
        canvas.interactionStarted.connect(self._started)

    def _started(self, interaction) -> None:
        name = type(interaction).__name__
        self.events.append((name, "installed"))
        interaction.finished.connect(lambda: self.events.append((name, "finished")))
        interaction.canceled.connect(lambda: self.events.append((name, "canceled")))

    def take(self) -> list[tuple[str, str]]:
        events, self.events = self.events, []
        return events


def test_every_gesture_is_installed_through_the_one_point_and_signals_its_end(qtbot, window) -> None:
    canvas, doc = window.canvas, window.document
    rec = Recorder(canvas)
    vp = canvas.viewport()
    first = min(doc.masks(), key=lambda m: m.local_id)  # Box(0.1, 0.1, 0.3, 0.4): 128..384 x 72..288 px

    def done(kind) -> None:
        assert rec.take() == [(kind.__name__, "installed"), (kind.__name__, "finished")]

    qtbot.mouseClick(vp, Left, pos=at(canvas, 1200, 700))  # empty image: a click of the rubber band
    done(RubberBandInteraction)
    press_move(qtbot, canvas, at(canvas, 100, 50), at(canvas, 400, 300))
    qtbot.mouseRelease(vp, Left, pos=at(canvas, 400, 300))
    done(RubberBandInteraction)
    doc.set_selection({first.local_id})
    press_move(qtbot, canvas, at(canvas, 256, 180), at(canvas, 300, 220))
    qtbot.mouseRelease(vp, Left, pos=at(canvas, 300, 220))
    done(MoveInteraction)
    _x0, _y0, x1, y1 = doc.mask(first.local_id).box.to_pixels(1280, 720)
    press_move(qtbot, canvas, at(canvas, x1, y1), at(canvas, x1 + 40, y1 + 30))  # the bottom-right handle
    qtbot.mouseRelease(vp, Left, pos=at(canvas, x1 + 40, y1 + 30))
    done(ResizeInteraction)
    press_move(qtbot, canvas, QPoint(300, 200), QPoint(250, 170), Middle)
    qtbot.mouseRelease(vp, Middle, pos=QPoint(250, 170))
    done(PanInteraction)
    window.actions["draw_tool"].trigger()
    canvas.zoom_to_fit()
    press_move(qtbot, canvas, at(canvas, 700, 500), at(canvas, 900, 650))
    qtbot.mouseRelease(vp, Left, pos=at(canvas, 900, 650))
    done(DrawInteraction)
    window.actions["area_tool"].trigger()
    press_move(qtbot, canvas, at(canvas, 640, 360), at(canvas, 1000, 560))
    qtbot.mouseRelease(vp, Left, pos=at(canvas, 1000, 560))
    done(AreaInteraction)
    chosen = window.insight.area.area.as_tuple()  # the view's pixels round a little
    assert chosen == pytest.approx((0.5, 0.5, 1000 / 1280, 560 / 720), abs=0.005)


def test_escape_cancels_the_area_drag_and_keeps_the_area_there_was(qtbot, window) -> None:
    canvas, area = window.canvas, window.insight.area
    rec = Recorder(canvas)
    window.actions["area_tool"].trigger()
    assert canvas.tool() == "area" and area.active
    area.set_area_box(Box(0.1, 0.1, 0.3, 0.3))
    before = canvas.overlay(AREA_OVERLAY)

    press_move(qtbot, canvas, at(canvas, 640, 360), at(canvas, 1000, 560))
    assert canvas.overlay(DRAG_OVERLAY) is not None and not before.isVisible()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert rec.take() == [("AreaInteraction", "installed"), ("AreaInteraction", "canceled")]
    assert canvas.overlay(DRAG_OVERLAY) is None and canvas.overlay(AREA_OVERLAY) is before and before.isVisible()
    qtbot.mouseRelease(canvas.viewport(), Left, pos=at(canvas, 1000, 560))  # the release after: nothing
    assert area.area == Box(0.1, 0.1, 0.3, 0.3) and rec.take() == []
    assert canvas.tool() == "area"  # the first Escape ends the drag, the second drops the area, the third leaves

    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool() == "area" and area.area is None and canvas.overlay(AREA_OVERLAY) is None
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool() == "select" and not area.active
    assert window.actions["select_tool"].isChecked() and not window.actions["area_tool"].isChecked()
    assert not window.insight.panel.draw_area.isChecked()


def test_the_area_tool_is_in_the_tools_exclusive_group(qtbot, window) -> None:
    a, canvas, panel = window.actions, window.canvas, window.insight.panel
    group = a["area_tool"].actionGroup()
    assert group is not None and group.isExclusive()
    assert a["select_tool"].actionGroup() is group and a["draw_tool"].actionGroup() is group

    def checked() -> list[str]:
        return [name for name in ("select_tool", "draw_tool", "area_tool") if a[name].isChecked()]

    a["area_tool"].trigger()
    assert checked() == ["area_tool"] and canvas.tool() == "area" and panel.draw_area.isChecked()
    a["draw_tool"].trigger()
    assert checked() == ["draw_tool"] and canvas.tool() == "draw" and not panel.draw_area.isChecked()
    panel.draw_area.click()  # the panel's button asks for the same tool
    assert checked() == ["area_tool"] and canvas.tool() == "area"
    panel.draw_area.click()
    assert checked() == ["select_tool"] and canvas.tool() == "select"
    a["area_tool"].trigger()
    window.show_pose(window.browser.pose_ids()[1])  # another pose: back to selecting
    assert checked() == ["select_tool"] and canvas.tool() == "select"
