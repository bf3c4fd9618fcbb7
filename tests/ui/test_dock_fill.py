"""The window paints its docks' frames first and fills them right after (issue 16): a panel is built
after the first paint, or when some code reads it sooner, and is then as it would have been had it
been there from the start. The first paint already has the docks' sizes: filling moves nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget

from mask_editor.ui.panels.pose_list import workspace_rows
from mask_editor.ui.panels.pose_order import pose_order
from mask_editor.ui.panels.pose_rows import COUNT_ROLE, PENDING_ROLE
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.window.dock_panel import is_filled
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.workspace import CameraRow, PoseRow, Workspace
from tests.ui.window_data import POSE_A, POSE_B

pytest_plugins = ("tests.ui.window_fixtures",)

PANELS = ("browser", "mask_panel", "inspector", "timeline")
DOCKS = ("poses_dock", "masks_dock", "inspector_dock", "timeline_dock")


def _unshown(qtbot, ws_path, settings_path) -> tuple[MainWindow, Workspace]:
    ws = Workspace(ws_path, exclusive=True)
    window = MainWindow(ws, AppSettings(settings_path))
    qtbot.addWidget(window)
    return window, ws


def test_no_panel_is_built_before_the_first_paint_and_all_are_after(qtbot, ws_path, settings_path):
    window, ws = _unshown(qtbot, ws_path, settings_path)
    try:
        assert window.document is not None and window.document.pose_id == POSE_A  # opened without the browser
        assert [name for name in PANELS if is_filled(window, name)] == []
        assert [window.findChild(QDockWidget, dock).widget() for dock in DOCKS] == [None] * 4
        window.show()
        qtbot.waitUntil(lambda: all(is_filled(window, name) for name in PANELS))
        assert [window.findChild(QDockWidget, d).widget() for d in DOCKS] == [
            window.browser, window.mask_panel, window.inspector, window.timeline]
        assert window.browser.tree.currentIndex().data(COUNT_ROLE) == 3  # the pose opened, its counts
    finally:
        window.close()
        ws.close()


def test_each_panel_read_before_the_first_paint_is_built_there_and_up_to_date(qtbot, ws_path, settings_path):
    window, ws = _unshown(qtbot, ws_path, settings_path)
    try:
        doc = window.document
        doc.set_selection({1})
        inspector = window.inspector  # built now, shows the document's selection
        assert window.inspector_dock.widget() is inspector
        assert inspector.edits["xmin"].text() == "0.100"
        doc.set_selection({2})
        assert inspector.edits["xmin"].text() == "0.500"  # and follows it
        assert not is_filled(window, "browser")
        assert window.table.source.document() is doc and window.table.source.rowCount() == 3
        browser = window.browser
        assert browser.pose_ids() == pose_order(ws)
        assert browser.tree.currentIndex().data(PENDING_ROLE) == 2
        browser.tree.setCurrentIndex(browser.index_of(POSE_B))  # a person's pick opens the pose
        assert window.document.pose_id == POSE_B and window.table.source.rowCount() == 1
        window.timeline.set_range((datetime(2000, 1, 1, tzinfo=UTC), datetime(2000, 1, 2, tzinfo=UTC)))
        assert window.document.dimmed  # the range reaches the document, as from the start
    finally:
        window.close()
        ws.close()


def test_a_window_closed_before_its_fill_does_not_fill_on_its_closed_workspace(qtbot, ws_path, settings_path):
    window, ws = _unshown(qtbot, ws_path, settings_path)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    ws.close()
    qtbot.wait(20)  # a fill posted at the paint finds the window hidden: it waits for the next paint
    assert not is_filled(window, "mask_panel")


def test_filling_the_docks_moves_none_of_them(qtbot, ws_path, settings_path):
    """In a window with room for the default sizes (in a smaller one, the panels' minimum sizes, not
    known before they are built, take their part once they are)."""
    window, ws = _unshown(qtbot, ws_path, settings_path)  # no saved layout: the default sizes
    window.resize(1366, 768)  # the offscreen screen is 800 x 600: too small for the side panels
    window._default_dock_sizes()
    painted: list[dict[str, tuple[int, int, int, int]]] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append({d: window.findChild(QDockWidget, d).geometry().getRect() for d in DOCKS})
            return False

    watch = Watch(window)
    window.installEventFilter(watch)
    try:
        window.show()
        qtbot.waitUntil(lambda: all(is_filled(window, name) for name in PANELS))
        qtbot.wait(20)
        assert painted and painted[0]["masks_dock"][2:] == (420, window.height() // 2)  # the default sizes
        assert {d: window.findChild(QDockWidget, d).geometry().getRect() for d in DOCKS} == painted[0]
    finally:
        window.close()
        ws.close()


def test_pose_order_is_the_browsers_order(tmp_path):
    with Workspace(tmp_path / "orgs.sqlite") as ws:
        ws.set_organization(1, "north")
        ws.set_organization(2, "south")
        ws.save_cameras([CameraRow(5, 2, "alpha"), CameraRow(3, 1, "beta"), CameraRow(4, 2, "gamma")],
                        [PoseRow(30, 4, 10.0), PoseRow(31, 3, 200.0), PoseRow(32, 3, 20.0), PoseRow(33, 5, None)])
        rows = workspace_rows(ws)
        assert pose_order(ws) == [row.key for row in rows if row.kind == "pose"] == [33, 32, 31, 30]
