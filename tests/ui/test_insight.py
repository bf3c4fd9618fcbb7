"""Show what masks do (ui/insight): the zone overlay follows the masks, the table flags masks that
cannot drop a detection of the chosen size, the area tool proposes and applies a cover in one
undo step, and the sky button feeds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from mask_editor.core.geometry import Box
from mask_editor.core.suppression import dropped, suppression_zone
from mask_editor.resources import demo_dir
from mask_editor.ui.insight.sizes import DetectionSize
from mask_editor.ui.panels.mask_columns import Col
from tests.ui.window_data import open_window

pytest_plugins = ("tests.ui.window_fixtures",)


def _zone_raster(window) -> np.ndarray:
    """The shaded cells of the zone overlay, as a bool array (grid rows, grid columns)."""
    item = window.canvas._overlays["zone"]
    image = item.pixmap().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), dtype=np.uint32, count=h * w).reshape(h, w)
    return (raw >> 24) > 0


def _boxes(window) -> list[Box]:
    return [m.box for m in window.document.masks() if m.box is not None and not m.deleted]


def test_zone_overlay_follows_a_moved_mask(qtbot, window) -> None:
    insight = window.insight
    insight.panel.set_size(DetectionSize(128, 128))
    window.actions["show_zone"].setChecked(True)
    assert insight.dock.isVisible()
    first = _zone_raster(window)
    gh, gw = first.shape
    assert gw == 512 and np.array_equal(first, suppression_zone(_boxes(window), 0.1, 128 / 720, gw, gh))
    assert "centre" in insight.panel.zone_text.text()

    mask = min(window.document.masks(), key=lambda m: m.local_id)
    window.document.set_boxes({mask.local_id: Box(0.6, 0.5, 0.8, 0.8)})
    qtbot.waitUntil(lambda: not np.array_equal(_zone_raster(window), first), timeout=3000)
    assert np.array_equal(_zone_raster(window), suppression_zone(_boxes(window), 0.1, 128 / 720, gw, gh))

    window.actions["show_zone"].setChecked(False)
    assert "zone" not in window.canvas._overlays


def test_table_explains_a_mask_that_cannot_drop_the_chosen_size(window) -> None:
    model = window.mask_panel.model
    wide = next(m for m in window.document.masks() if m.box == Box(0.5, 0.2, 0.9, 0.3))  # 512 x 72 px
    index = model.index(model.row_of(wide.local_id), Col.STATE)
    assert "IoU" not in (model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
    window.insight.panel.set_size(DetectionSize(32, 32))
    window.actions["show_zone"].setChecked(True)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "times larger than a 32×32 px detection" in tip and "0.1" in tip
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    window.actions["show_zone"].setChecked(False)
    assert "IoU" not in (model.data(index, Qt.ItemDataRole.ToolTipRole) or "")


def _drag(qtbot, canvas, start: tuple[float, float], end: tuple[float, float]) -> None:
    viewport = canvas.viewport()
    a, b = (canvas.mapFromScene(QPointF(*p)) for p in (start, end))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, pos=b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_area_tool_proposes_a_cover_and_applies_it_as_one_step(qtbot, window) -> None:
    insight, doc = window.insight, window.document
    insight.panel.set_size(DetectionSize(64, 64))
    window.actions["area_tool"].setChecked(True)
    before, steps = len(doc.masks()), doc.undo_stack.count()
    _drag(qtbot, window.canvas, (640, 360), (1000, 560))  # image pixels of the 1280 x 720 pose
    qtbot.waitUntil(lambda: insight.area.proposal is not None, timeout=10_000)
    cover = insight.area.proposal
    assert cover.masks and len(cover.masks) >= cover.lower_bound >= 1
    assert f"{len(cover.masks)} masks, lower bound {cover.lower_bound}" in insight.panel.area_text.text()
    assert "proposal" in window.canvas._overlays and insight.panel.apply.isEnabled()
    # Every 64 x 64 detection inside the area is dropped: check a dense set of positions.
    xs, ys = np.meshgrid(np.linspace(640 + 32, 1000 - 32, 25) / 1280, np.linspace(360 + 32, 560 - 32, 15) / 720)
    w, h = 64 / 1280, 64 / 720
    dets = np.stack([xs.ravel() - w / 2, ys.ravel() - h / 2, xs.ravel() + w / 2, ys.ravel() + h / 2], axis=1)
    assert dropped(dets, np.array([b.as_tuple() for b in cover.masks])).all()

    insight.panel.apply.click()
    assert len(doc.masks()) == before + len(cover.masks)
    assert doc.undo_stack.count() == steps + 1 and "Cover area" in doc.undo_stack.undoText()
    assert "proposal" not in window.canvas._overlays
    assert f"Added {len(cover.masks)} masks" in insight.panel.area_text.text()
    doc.undo_stack.undo()
    assert len(doc.masks()) == before
    assert "Added" not in insight.panel.area_text.text()  # the panel follows the undo
    assert "undone" in insight.panel.area_text.text()


def test_discard_leaves_the_masks_alone(qtbot, window) -> None:
    insight, doc = window.insight, window.document
    insight.area.set_area_box(Box(0.1, 0.5, 0.4, 0.9))
    qtbot.waitUntil(lambda: insight.area.proposal is not None, timeout=10_000)
    before = len(doc.masks())
    insight.panel.discard.click()
    assert len(doc.masks()) == before and insight.area.proposal is None
    assert "area" not in window.canvas._overlays


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, app_settings):
    """The bundled demo workspace, copied (bundled files are never modified)."""
    shutil.copytree(demo_dir(), tmp_path / "demo")
    win, ws = open_window(qtbot, tmp_path / "demo" / "demo.sqlite", app_settings)
    yield win
    win.close()
    ws.close()


def test_sky_button_feeds_the_area_tool(qtbot, demo_window) -> None:
    demo_window.show_pose(4)  # 1280 x 720, day
    insight = demo_window.insight
    insight.panel.set_size(DetectionSize(128, 128))
    insight.panel.sky.click()
    qtbot.waitUntil(lambda: insight.area.proposal is not None, timeout=20_000)
    raster = insight.area.area
    assert raster.shape == (288, 512)
    assert 0.3 < raster.mean() < 0.5  # the demo ridge sits at about 40 % of the height
    assert raster[:100].all() and not raster[200:].any()
    assert "sky area" in insight.panel.area_text.text()
    assert insight.area.proposal.masks


def test_escape_on_the_canvas_discards_an_area_proposal(qtbot, window) -> None:
    insight, doc = window.insight, window.document
    insight.panel.set_size(DetectionSize(64, 64))
    window.actions["area_tool"].setChecked(True)
    before = len(doc.masks())
    _drag(qtbot, window.canvas, (640, 360), (1000, 560))
    qtbot.waitUntil(lambda: insight.area.proposal is not None, timeout=10_000)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert insight.area.proposal is None and insight.area.area is None
    assert "proposal" not in window.canvas._overlays and "area" not in window.canvas._overlays
    assert window.canvas.tool() == "area" and len(doc.masks()) == before  # a second Escape leaves the tool
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.tool() == "select"


def test_escape_discards_a_sky_proposal(qtbot, demo_window) -> None:
    demo_window.show_pose(4)
    insight = demo_window.insight
    insight.panel.set_size(DetectionSize(128, 128))
    insight.panel.sky.click()
    qtbot.waitUntil(lambda: insight.area.proposal is not None, timeout=20_000)
    demo_window.canvas.setFocus()
    qtbot.keyClick(demo_window.canvas, Qt.Key.Key_Escape)
    assert insight.area.proposal is None and "proposal" not in demo_window.canvas._overlays


def test_apply_and_discard_are_visible_in_a_short_dock(qtbot, demo_window) -> None:
    """At 1366x768 the dock is short: the area tool's Apply and Discard stay in view (they came
    after the wrapped text and were cut off)."""
    demo_window.resize(1366, 768)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    insight = demo_window.insight
    insight.dock.show()
    insight.dock.raise_()
    qtbot.wait(50)
    scroll = insight.dock.widget()
    for button in (insight.panel.apply, insight.panel.discard):
        top_left = button.mapTo(scroll.viewport(), button.rect().topLeft())
        bottom = top_left.y() + button.height()
        assert top_left.y() >= 0 and bottom <= scroll.viewport().height(), (button.text(), bottom)


def test_the_docks_are_filled_when_first_shown(qtbot, window) -> None:
    """Insight's docks are empty until shown (the window paints without them), then hold their panel."""
    insight = window.insight
    assert insight.dock.widget() is None and insight.fp_dock.widget() is None
    insight.fp_dock.show()
    qtbot.waitUntil(lambda: insight.fp_dock.widget() is not None, timeout=2000)
    assert insight.fp_dock.widget().isAncestorOf(insight.fp_panel)


def test_a_dock_left_open_is_filled_at_the_next_start(qtbot, ws_path, app_settings) -> None:
    first, ws = open_window(qtbot, ws_path, app_settings)
    first.actions["show_zone"].setChecked(True)
    first.save_layout()
    first.close()
    ws.close()
    window, ws = open_window(qtbot, ws_path, app_settings)
    try:
        dock = window.insight.dock
        qtbot.waitUntil(lambda: dock.isVisible() and dock.widget() is not None, timeout=2000)
        assert dock.widget().isAncestorOf(window.insight.panel) and window.insight.panel.isVisible()
    finally:
        window.close()
        ws.close()
