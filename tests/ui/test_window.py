"""The main window on a real workspace: browser, pose switching, status bar, settings, restart."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from mask_editor.core.geometry import Box
from mask_editor.ui.panels.pose_rows import COUNT_ROLE, DEPTH_ROLE, KIND_ROLE, PENDING_ROLE, POSE_ID_ROLE
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.workspace import Workspace
from tests.ui.window_data import POSE_A, POSE_B, POSE_C, open_window

pytest_plugins = ("tests.ui.window_fixtures",)


def _tree(window) -> list[tuple[int, str, dict]]:
    """(depth, text, roles) for every row of the pose browser, as shown."""
    model = window.browser.model
    out = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        out.append((index.data(DEPTH_ROLE), index.data(), {"kind": index.data(KIND_ROLE),
                                                          "pose": index.data(POSE_ID_ROLE),
                                                          "count": index.data(COUNT_ROLE),
                                                          "pending": index.data(PENDING_ROLE)}))
    return out


def test_browser_lists_organization_camera_pose_with_counts_and_badges(window):
    rows = _tree(window)
    assert [(d, t) for d, t, _ in rows] == [
        (0, "Pyronear France"), (1, "brison"), (2, "brison · pose 11 · 246°"), (2, "brison · pose 12 · 310°"),
        (1, "serre-de-barre"), (2, "serre-de-barre · pose 21 · 90°"),
    ]
    poses = {r["pose"]: r for _, _, r in rows if r["kind"] == "pose"}
    assert poses[POSE_A]["count"] == 3 and poses[POSE_A]["pending"] == 2  # one of the three is synced
    assert poses[POSE_B]["count"] == 1 and poses[POSE_B]["pending"] == 1
    assert poses[POSE_C]["count"] == 0 and poses[POSE_C]["pending"] == 0


def test_filter_box_filters_cameras_and_poses(window, qtbot):
    QTest.keyClicks(window.browser.filter, "serre")
    assert [t for _, t, _ in _tree(window)] == ["Pyronear France", "serre-de-barre", "serre-de-barre · pose 21 · 90°"]
    window.browser.filter.clear()
    QTest.keyClicks(window.browser.filter, "310")
    assert [t for _, t, _ in _tree(window)] == ["Pyronear France", "brison", "brison · pose 12 · 310°"]
    window.browser.filter.clear()
    assert len(_tree(window)) == 6


def test_filtering_keeps_the_pose_on_screen_and_never_opens_another(window, qtbot):
    opened = []
    window.browser.poseActivated.connect(opened.append)
    QTest.keyClicks(window.browser.filter, "serre")  # pose A, on screen, is filtered out
    assert window.document.pose_id == POSE_A and opened == []
    window.browser.filter.clear()
    QTest.keyClicks(window.browser.filter, "BRI")  # case aside; pose A is listed again
    assert [t for _, t, _ in _tree(window)] == ["Pyronear France", "brison", "brison · pose 11 · 246°",
                                                "brison · pose 12 · 310°"]
    assert window.browser.tree.currentIndex().data(POSE_ID_ROLE) == POSE_A
    assert window.document.pose_id == POSE_A and opened == []


def test_choosing_a_pose_shows_its_masks_in_table_and_image_view(window, qtbot):
    assert window.document.pose_id == POSE_A  # the first pose opens by default
    tree = window.browser.tree
    index = window.browser.index_of(POSE_B)
    rect = tree.visualRect(index)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.pose_id == POSE_B
    assert window.canvas.document() is window.document
    assert window.mask_panel.model.rowCount() == 1
    assert window.inspector.title.text() == "Select a mask to see its coordinates"
    assert "brison · pose 12 · 310°" in window.windowTitle()


def test_next_and_previous_pose_with_page_keys(window, qtbot):
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    assert window.document.pose_id == POSE_B
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    assert window.document.pose_id == POSE_C
    QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert window.document.pose_id == POSE_B


def test_status_bar_shows_account_pending_cursor_and_zoom(window):
    status = window.status
    assert status.account.text() == "alice (admin, Pyronear France) on api.example.org"
    assert status.pending.text() == "3 changes to sync"
    window.canvas.cursorMoved.emit((640.0, 360.0, 0.5, 0.5))
    assert status.cursor.text() == "x 640, y 360 px (0.500, 0.500)"
    window.canvas.cursorMoved.emit(None)
    assert status.cursor.text() == ""
    window.canvas.zoomChanged.emit(1.5)
    assert status.zoom.text() == "Zoom 150 %"


def test_undo_redo_follow_the_active_pose_and_keep_history_when_switching(window, qtbot):
    doc_a = window.document
    doc_a.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])
    assert window.isWindowModified()
    window.show_pose(POSE_B)
    assert not window.actions["undo"].isEnabled()  # pose B has no history
    window.show_pose(POSE_A)
    assert window.document is doc_a and window.actions["undo"].isEnabled()
    assert window.actions["undo"].text() == "&Undo Add mask"
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc_a.masks()) == 3 and window.isWindowModified()  # its two earlier changes still wait
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(doc_a.masks()) == 4


def test_undo_history_dock_is_hidden_by_default_and_toggled_from_view_menu(window):
    assert window.undo_dock.isHidden()
    assert window.undo_dock.widget() is None  # its list is built when first shown, not at the start
    action = window.actions["show_undo_history"]
    action.trigger()
    assert window.undo_dock.isVisible() and action.isChecked()
    assert window.undo_dock.widget() is window.undo_dock.view
    assert window.undo_dock.view.group() is window.poses.group
    window.undo_dock.close()  # its title bar's close button: the action follows
    assert window.undo_dock.isHidden() and not action.isChecked()
    action.trigger()
    assert window.undo_dock.isVisible() and action.isChecked()


def test_title_counts_unsynced_changes_of_the_pose(window):
    assert window.windowTitle().startswith("brison · pose 11 · 246° · 2 to sync")
    window.document.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])
    window.refresh_counts()
    assert " · 3 to sync" in window.windowTitle()


def test_settings_restore_last_pose_geometry_and_docks(qtbot, ws_path, settings_path):
    first, ws = open_window(qtbot, ws_path, AppSettings(settings_path))
    first.show_pose(POSE_C)
    first.resize(780, 560)  # inside the offscreen platform's 800 x 600 screen
    first.move(QPoint(30, 40))
    first.timeline_dock.hide()
    qtbot.wait(10)
    first.close()
    ws.close()
    second, ws = open_window(qtbot, ws_path, AppSettings(settings_path))
    try:
        assert second.document.pose_id == POSE_C
        assert (second.width(), second.height()) == (780, 560)
        assert second.timeline_dock.isHidden()
        assert second.masks_dock.isVisible()
    finally:
        second.close()
        ws.close()


def test_every_edit_survives_a_restart(qtbot, ws_path, app_settings):
    window, ws = open_window(qtbot, ws_path, app_settings)
    doc = window.document
    doc.add_boxes([Box(0.61, 0.62, 0.71, 0.72)])
    doc.set_boxes({1: Box(0.15, 0.1, 0.3, 0.4)})
    doc.delete([2])
    expected = {m.local_id: (m.box, m.deleted) for m in doc.masks()}
    window.close()
    ws.close()
    reopened = Workspace(ws_path)
    try:
        assert {m.local_id: (m.box, m.deleted) for m in reopened.masks(POSE_A)} == expected
    finally:
        reopened.close()


def test_renders_at_device_pixel_ratio_2(window):
    size = window.size()
    image = QImage(size * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(0)
    window.render(image)
    assert not image.isNull()
    centre = window.canvas.mapTo(window, window.canvas.rect().center())
    assert image.pixelColor(centre.x() * 2, centre.y() * 2).alpha() == 255  # the canvas painted


def test_empty_state_without_workspace(qtbot, app_settings):
    from mask_editor.ui.window.main_window import NOT_SIGNED_IN, MainWindow

    window = MainWindow(None, app_settings)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.empty
    assert window.empty.text() == NOT_SIGNED_IN
    assert window.status.account.text() == "Not signed in"
    assert not window.actions["paste"].isEnabled()
    window.close()


def test_demo_workspace_without_an_account(qtbot, tmp_path, app_settings):
    from tests.ui.window_data import make_workspace

    path = make_workspace(tmp_path / "demo.sqlite", signed_in=False)
    Workspace(path).set_meta("demo", "1")  # what the demo generator writes
    window, ws = open_window(qtbot, path, app_settings)
    try:
        assert window.status.account.text() == "Demo workspace"
        assert window.banner.isHidden()
        assert window.actions["draw_tool"].isEnabled()
    finally:
        window.close()
        ws.close()


def test_the_title_marker_means_changes_of_the_pose_wait_for_a_sync(window, qtbot):
    """Edits are saved at once, so the [*] marker cannot mean "unsaved": it means that this pose
    has changes the server has not had yet, whether made now or in an earlier session."""
    assert window.document.pose_id == POSE_A and window.document.undo_stack.isClean()
    assert window.isWindowModified()  # two masks from an earlier session wait for a push
    window.show_pose(POSE_C)  # nothing of this pose waits
    assert not window.isWindowModified()
    window.document.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])
    assert window.isWindowModified()
    window.document.undo_stack.undo()  # back to what the server has: nothing to sync
    assert not window.isWindowModified()


def test_a_workspace_keeps_its_settings_key(tmp_path, app_settings):
    """The last pose is kept per workspace under a SHA-1 of its path: settings written before stay found."""
    import hashlib

    path = tmp_path / "ws.sqlite"
    app_settings.set_last_pose(path, 7)
    key = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]
    assert app_settings.qsettings.value(f"last_pose/{key}") is not None and app_settings.last_pose(path) == 7
