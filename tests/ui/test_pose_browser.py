"""The pose list drawn as a tree: header rows collapse and expand (click, Left / Right) without opening
anything, a pose opened inside a collapsed camera is shown, edits re-read the edited pose's counts only,
tooltips are built when asked, a cached image gone says "no image"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mask_editor.core.geometry import Box
from mask_editor.ui.panels.pose_rows import (
    COUNT_ROLE,
    EXPANDED_ROLE,
    KIND_ROLE,
    PENDING_ROLE,
    POSE_ID_ROLE,
    POSE_ROW,
    SUBTITLE_ROLE,
)
from tests.ui.window_data import POSE_A, POSE_B, POSE_C

pytest_plugins = ("tests.ui.window_fixtures",)


def _listed(browser) -> list[str]:
    model = browser.model
    return [model.index(row).data() for row in range(model.rowCount())]


def _click(browser, index) -> None:
    QTest.mouseClick(browser.tree.viewport(), Qt.MouseButton.LeftButton, pos=browser.tree.visualRect(index).center())


def test_headers_say_how_many_they_hold(window):
    model = window.browser.model
    subtitles = {model.index(r).data(): model.index(r).data(SUBTITLE_ROLE) for r in range(model.rowCount())
                 if model.index(r).data(KIND_ROLE) != "pose"}
    assert subtitles == {"Pyronear France": "2 cameras", "brison": "2 poses", "serre-de-barre": "1 pose"}


def test_a_click_on_a_camera_collapses_and_expands_it_without_opening_anything(window):
    browser = window.browser
    opened = []
    browser.poseActivated.connect(opened.append)
    camera = browser.model.index(1)
    assert camera.data() == "brison" and camera.data(EXPANDED_ROLE)
    _click(browser, camera)
    assert _listed(browser) == ["Pyronear France", "brison", "serre-de-barre", "serre-de-barre · pose 21 · 90°"]
    assert not browser.model.index(1).data(EXPANDED_ROLE)
    assert browser.tree.currentIndex().row() == 1 and not browser.tree.selectionModel().hasSelection()
    assert browser.visible_pose_ids() == [POSE_A, POSE_B, POSE_C]  # PgDn still steps through them
    _click(browser, browser.model.index(1))
    assert len(_listed(browser)) == 6
    assert opened == [] and window.document.pose_id == POSE_A


def test_left_and_right_step_out_of_a_pose_collapse_and_expand_as_in_a_tree(window):
    browser, tree = window.browser, window.browser.tree
    opened = []
    browser.poseActivated.connect(opened.append)
    tree.setFocus()
    assert tree.currentIndex().data(POSE_ID_ROLE) == POSE_A
    QTest.keyClick(tree, Qt.Key.Key_Left)  # to its camera
    assert tree.currentIndex().data() == "brison"
    QTest.keyClick(tree, Qt.Key.Key_Left)  # collapses it
    assert "brison · pose 11 · 246°" not in _listed(browser)
    QTest.keyClick(tree, Qt.Key.Key_Right)
    assert "brison · pose 11 · 246°" in _listed(browser) and tree.currentIndex().data() == "brison"
    QTest.keyClick(tree, Qt.Key.Key_Down)  # onto a pose: that opens it
    assert tree.currentIndex().data(POSE_ID_ROLE) == POSE_A and opened == [POSE_A]
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert opened == [POSE_A, POSE_B] and window.document.pose_id == POSE_B


def test_a_pose_opened_in_a_collapsed_camera_is_listed_and_current(window):
    browser = window.browser
    _click(browser, browser.model.index(3 + 1))  # serre-de-barre's row, after brison's two poses
    assert "serre-de-barre · pose 21 · 90°" not in _listed(browser)
    window.show_pose(POSE_C)
    assert browser.tree.currentIndex().data(POSE_ID_ROLE) == POSE_C


def test_an_edit_re_reads_the_counts_of_its_pose_only(window, qtbot):
    browser = window.browser
    before = browser.index_of(POSE_A).data(COUNT_ROLE), browser.index_of(POSE_A).data(PENDING_ROLE)
    window.workspace.add_mask(POSE_C, Box(0.1, 0.1, 0.2, 0.2))  # not through the window: nothing re-reads it
    window.document.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])
    after = (before[0] + 1, before[1] + 1)
    qtbot.waitUntil(lambda: (browser.index_of(POSE_A).data(COUNT_ROLE),
                             browser.index_of(POSE_A).data(PENDING_ROLE)) == after, timeout=5000)
    assert browser.index_of(POSE_C).data(COUNT_ROLE) == 0
    assert window.status.pending.text() == "5 changes to sync"  # the status bar counts every pose
    window.refresh_counts()  # after a pull or a sync: every pose
    assert browser.index_of(POSE_C).data(COUNT_ROLE) == 1


def test_a_pose_tooltip_names_it_its_place_and_its_changes(window):
    tip = window.browser.index_of(POSE_A).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "brison · pose 11 · 246° (number 1 in the camera's patrol)\n2 changes to sync"
    window.browser.set_drift({POSE_A: "moved 2.1 %"})
    assert window.browser.index_of(POSE_A).data(Qt.ItemDataRole.ToolTipRole).endswith(
        "\nSince the masks were drawn, the view has moved 2.1 %.")
    assert window.browser.index_of(POSE_B).data(Qt.ItemDataRole.ToolTipRole) == (
        "brison · pose 12 · 310° (number 2 in the camera's patrol)\n1 change to sync")


def test_a_cached_image_gone_says_no_image_once_its_decode_fails(qtbot, tmp_path):
    from mask_editor.ui.panels.pose_rows import Thumbnails

    thumbnails = Thumbnails()
    gone = str(tmp_path / "gone.jpg")
    assert thumbnails.get(gone) is None and not thumbnails.unreadable(gone)
    with qtbot.waitSignal(thumbnails.ready, timeout=10_000) as ready:
        pass
    assert ready.args == [gone] and thumbnails.unreadable(gone) and thumbnails.get(gone) is None
    thumbnails.stop()


def test_a_header_toggled_stays_where_it_was(window, qtbot):
    browser, tree = window.browser, window.browser.tree
    tree.setFixedHeight(3 * POSE_ROW.height() + 2 * tree.frameWidth())  # three of the six rows shown
    qtbot.waitUntil(lambda: tree.verticalScrollBar().maximum() == 3, timeout=5000)
    tree.verticalScrollBar().setValue(2)  # brison's poses, then serre-de-barre
    assert browser.model.index(4).data() == "serre-de-barre"
    before = tree.visualRect(browser.model.index(4)).top()

    def header_top(expanded: bool) -> int:
        qtbot.waitUntil(lambda: browser.model.index(4).data(EXPANDED_ROLE) is expanded, timeout=5000)
        qtbot.wait(50)  # the list laid out again
        return tree.visualRect(browser.model.index(4)).top()

    _click(browser, browser.model.index(4))
    assert header_top(False) == before
    _click(browser, browser.model.index(4))
    assert header_top(True) == before
