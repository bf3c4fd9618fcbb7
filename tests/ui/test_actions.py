"""The action table (unique keys, safe destructive keys, menus, help window) and the edit actions:
copy, paste across poses, duplicate, delete, undo and redo, read-only mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from mask_editor.core.geometry import Box
from mask_editor.ui.editing.clipboard import MIME_TYPE
from mask_editor.ui.platform.actions import ACTIONS, conflicts, is_bare_letter, key_sequences
from mask_editor.ui.window.open_poses import user_role_text
from tests.ui.window_data import POSE_A, POSE_B

pytest_plugins = ("tests.ui.window_fixtures",)


def test_no_two_actions_share_a_key_in_the_same_context(qapp):
    assert conflicts() == []
    specs = [*ACTIONS, ACTIONS[0].__class__("clash", "Clash", "Edit", ("Ctrl+J",))]
    assert ("Ctrl+J", "duplicate", "clash") in conflicts(specs)


def test_destructive_actions_are_never_on_a_bare_letter(qapp):
    for spec in ACTIONS:
        if spec.destructive:
            assert not any(is_bare_letter(seq) for seq in key_sequences(spec)), spec.name
    assert is_bare_letter(QKeySequence("R")) and not is_bare_letter(QKeySequence("Ctrl+R"))


def test_required_keys(qapp):
    keys = {spec.name: {s.toString() for s in key_sequences(spec)} for spec in ACTIONS}
    assert {"Del", "Backspace"} <= keys["delete"]
    assert "Ctrl+J" in keys["duplicate"] and "R" in keys["draw_tool"] and "H" in keys["toggle_masks"]
    assert {"+", "=", "-", "Ctrl+1", "PgDown", "PgUp", "F1"} <= set().union(*keys.values())


def test_every_action_is_in_a_menu_and_in_the_shortcuts_window(window):
    in_menus = set()
    for menu in window.menus.values():
        in_menus |= {a.objectName() for a in menu.actions()}
    assert {spec.name for spec in ACTIONS} <= in_menus
    window.actions["shortcuts"].trigger()
    dialog = window.shortcuts_dialog
    assert dialog.model.rowCount() >= len(ACTIONS)
    QTest.keyClicks(dialog.search, "duplicate")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 2).data() == "Ctrl+J"
    dialog.close()


def test_copy_paste_into_another_pose_keeps_relative_coordinates(window):
    doc_a = window.document
    doc_a.set_selection({1, 2})
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    assert data.text().splitlines() == ["(0.1,0.1,0.3,0.4)", "(0.5,0.2,0.9,0.3)"]
    window.show_pose(POSE_B)
    doc_b = window.document
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = {m.box for m in doc_b.masks()} - {Box(0.05, 0.05, 0.25, 0.15)}
    assert pasted == {Box(0.1, 0.1, 0.3, 0.4), Box(0.5, 0.2, 0.9, 0.3)}
    assert doc_b.undo_stack.count() == 1 and doc_b.undo_stack.undoText() == "Paste 2 masks"
    assert doc_b.selection == {m.local_id for m in doc_b.masks() if m.box in pasted}
    window.actions["undo"].trigger()
    assert len(doc_b.masks()) == 1
    window.actions["redo"].trigger()
    assert len(doc_b.masks()) == 3


def test_duplicate_offsets_the_copy_in_the_same_pose(window):
    doc = window.document
    doc.set_selection({1})
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    (new,) = [m for m in doc.masks() if m.local_id not in (1, 2, 3)]
    assert doc.selection == {new.local_id}
    assert abs(new.box.xmin - (0.1 + 8 / 1280)) <= 0.001 and abs(new.box.width - 0.2) <= 0.001
    assert doc.undo_stack.count() == 1


def test_multi_delete_with_the_delete_key_is_one_undo_step(window):
    doc = window.document
    doc.set_selection({1, 2, 3})
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Delete)
    assert {m.local_id for m in doc.masks() if not m.deleted} == set()
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Delete 3 masks"
    window.actions["undo"].trigger()
    assert {m.local_id for m in doc.masks() if not m.deleted} == {1, 2, 3}
    doc.set_selection({1})
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert doc.mask(1) is None  # never pushed: gone at once


def test_edit_actions_follow_the_selection(window):
    assert not window.actions["delete"].isEnabled() and not window.actions["copy"].isEnabled()
    window.document.set_selection({1})
    assert window.actions["delete"].isEnabled() and window.actions["copy"].isEnabled()


def test_read_only_user_sees_a_banner_and_cannot_change_anything(user_window):
    window = user_window
    assert not window.banner.isHidden() and window.banner.text() == user_role_text()
    doc = window.document
    assert doc.read_only
    # One owner of the reason: the banner and every open pose read it from the open poses.
    assert window.poses.read_only_reason == user_role_text() == doc.read_only_reason
    doc.set_selection({1})
    for name in ("delete", "paste", "duplicate", "cut", "draw_tool", "undo", "redo"):
        assert not window.actions[name].isEnabled(), name
    assert window.actions["copy"].isEnabled() and window.actions["zoom_in"].isEnabled()
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Delete)
    QTest.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    doc.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])
    assert {m.local_id for m in doc.masks() if not m.deleted} == {1, 2, 3}
    assert doc.undo_stack.count() == 0
    window.show_pose(POSE_B)
    assert window.document.read_only and POSE_A != POSE_B


def test_masks_toggle_and_opacity_reach_the_image_view(window):
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_H)
    assert not window.canvas.masks_visible() and not window.actions["toggle_masks"].isChecked()
    QTest.keyClick(window, Qt.Key.Key_H)
    assert window.canvas.masks_visible()
    window.opacity.setValue(60)
    assert abs(window.settings.mask_opacity() - 0.6) < 1e-9


def test_tool_actions_and_keys(window):
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_R)
    assert window.canvas.tool() == "draw" and window.actions["draw_tool"].isChecked()
    QTest.keyClick(window, Qt.Key.Key_V)
    assert window.canvas.tool() == "select" and window.actions["select_tool"].isChecked()


def test_typing_in_the_filter_box_does_not_trigger_letter_shortcuts(window):
    window.browser.filter.setFocus()
    QTest.keyClicks(window.browser.filter, "hr")
    assert window.browser.filter.text() == "hr"
    assert window.canvas.masks_visible() and window.canvas.tool() == "select"
