"""The inspector: coordinates of the selection, edits as one undo step, validation as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mask_editor.core.geometry import Box

pytest_plugins = ("tests.ui.window_fixtures",)


def _fields(window) -> dict[str, str]:
    return {name: edit.text() for name, edit in window.inspector.edits.items()}


def _type(edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_hint_when_nothing_is_selected(window):
    assert window.inspector.title.text() == "Select a mask to see its coordinates"
    assert all(not edit.isEnabled() for edit in window.inspector.edits.values())


def test_shows_pixels_relative_and_details_of_one_mask(window):
    window.document.set_selection({3})
    assert _fields(window) == {"x": "256", "y": "432", "w": "256", "h": "144",
                               "xmin": "0.200", "ymin": "0.600", "xmax": "0.400", "ymax": "0.800"}
    inspector = window.inspector
    assert inspector.title.text() == "Mask #3 (server 345)"
    assert "synced" in inspector.state.text()
    assert inspector.server.text() == "345"
    assert "ago" in inspector.added.text()


def test_editing_a_relative_field_is_one_undo_step(window):
    doc = window.document
    doc.set_selection({1})
    _type(window.inspector.edits["xmax"], "0.35")
    assert doc.mask(1).box == Box(0.1, 0.1, 0.35, 0.4)
    assert doc.undo_stack.count() == 1
    assert window.inspector.edits["xmax"].text() == "0.350"


def test_editing_pixels_stores_the_quantized_box_and_shows_it(window):
    doc = window.document
    doc.set_selection({1})
    _type(window.inspector.edits["x"], "200")  # moves the box, keeping its size
    box = doc.mask(1).box
    assert box.is_quantized() and round(box.xmin * 1280) in (199, 200, 201)
    assert abs(box.width - 0.2) < 0.0015
    assert window.inspector.edits["x"].text() == str(round(box.xmin * 1280))
    assert doc.undo_stack.count() == 1


def test_bad_input_changes_nothing_and_says_why(window):
    doc = window.document
    doc.set_selection({1})
    edit = window.inspector.edits["x"]
    _type(edit, "5000")
    assert window.inspector.message.text() == "x must be between 0 and 1024."
    assert "border" in edit.styleSheet()
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4)
    _type(window.inspector.edits["xmin"], "0.5")  # right of xmax
    assert "xmin must be between 0.000 and 0.299" in window.inspector.message.text()
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Tab)  # leaving an invalid field applies nothing either
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4)
    assert doc.undo_stack.count() == 0


def test_letters_are_refused_while_typing(window):
    window.document.set_selection({1})
    edit = window.inspector.edits["w"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "abc")
    assert edit.text() == "256"  # unchanged: the validator refuses letters


def test_several_masks_show_their_bounding_box_read_only(window):
    window.document.set_selection({1, 2})
    inspector = window.inspector
    assert inspector.title.text().startswith("2 masks selected")
    assert _fields(window)["xmin"] == "0.100" and _fields(window)["xmax"] == "0.900"
    assert all(edit.isReadOnly() for edit in inspector.edits.values())


def test_read_only_user_cannot_edit_in_the_inspector(user_window):
    doc = user_window.document
    doc.set_selection({1})
    edit = user_window.inspector.edits["xmin"]
    assert edit.isReadOnly()
    _type(edit, "0.05")
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4)


def test_escape_reverts_an_invalid_value_and_its_message(window):
    doc = window.document
    doc.set_selection({1})
    edit = window.inspector.edits["x"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "5000")
    assert window.inspector.message.isVisible() and "border" in edit.styleSheet()
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "128" and not edit.isModified()
    assert window.inspector.message.text() == "" and "border" not in edit.styleSheet()
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4) and doc.undo_stack.count() == 0


def _type_without_enter(edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)


def test_a_typed_value_is_committed_when_the_pose_changes(window):
    from tests.ui.window_data import POSE_A, POSE_B

    window.show_pose(POSE_A)
    doc = window.document
    doc.set_selection({1})
    _type_without_enter(window.inspector.edits["xmax"], "0.35")
    window.show_pose(POSE_B)  # by a key, with the focus still in the field
    assert doc.mask(1).box == Box(0.1, 0.1, 0.35, 0.4)


def test_a_typed_value_is_committed_on_quit(qtbot, ws_path, app_settings):
    from mask_editor.workspace import Workspace
    from tests.ui.window_data import open_window

    window, ws = open_window(qtbot, ws_path, app_settings)
    window.document.set_selection({1})
    _type_without_enter(window.inspector.edits["xmax"], "0.35")
    window.close()
    ws.close()
    with Workspace(ws_path) as again:
        assert next(m for m in again.masks(window.document.pose_id) if m.local_id == 1).box == Box(0.1, 0.1, 0.35, 0.4)
