"""Boxes live on the server's 3-decimal grid: what the inspector, the table and the shortcut list say
in pixels follows from it (one formula, core.geometry.pixel_rect). On the 1280 px test image one grid
step is 1.28 px."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mask_editor.core.geometry import Box
from mask_editor.ui.panels.mask_columns import Col
from mask_editor.ui.platform.actions import CANVAS_KEYS

pytest_plugins = ("tests.ui.window_fixtures",)

ODD = Box(0.101, 0.1, 0.3, 0.4)  # 199 steps wide: 254.72 px, between two whole pixels


def _select_new(window, box: Box) -> int:
    doc = window.document
    before = {m.local_id for m in doc.masks()}
    doc.add_boxes([box])
    [local_id] = {m.local_id for m in doc.masks()} - before
    doc.set_selection({local_id})
    return local_id


def _table_size(window, local_id: int) -> str:
    model = window.mask_panel.model
    return model.index(model.row_of(local_id), Col.SIZE).data()


def _inspector_size(window) -> str:
    edits = window.inspector.edits
    return f"{edits['w'].text()} × {edits['h'].text()} px"


def test_a_move_by_arrows_never_changes_the_size_shown(window, qtbot):
    local_id = _select_new(window, ODD)
    window.canvas.setFocus()
    sizes = set()
    for _ in range(6):
        QTest.keyClick(window.canvas, Qt.Key.Key_Right)
        sizes.add(window.inspector.edits["w"].text())
    assert window.document.mask(local_id).box.milli()[0] == 101 + 6  # one grid step a press
    assert sizes == {"255"}


def test_the_table_and_the_inspector_agree_on_the_size(window):
    local_id = _select_new(window, Box(0.102, 0.1, 0.301, 0.4))  # ODD moved by one step
    assert _table_size(window, local_id) == _inspector_size(window) == "255 × 216 px"


def test_a_typed_pixel_value_that_snaps_says_so_and_shows_the_stored_value(window):
    _select_new(window, ODD)
    edit = window.inspector.edits["x"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "1003")  # 0.78359 of the width: stored as 0.784, 1003.52 px
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "1004"
    message = window.inspector.message.text()
    assert "1003" in message and "1004" in message and "1.28 px" in message


def test_the_shortcut_list_says_grid_steps_not_pixels():
    texts = [text for text, _keys in CANVAS_KEYS]
    assert not any("pixel" in t for t in texts)
    assert "Move the selected masks by one grid step (0.001 of the image)" in texts


def test_the_pixel_fields_say_how_big_a_grid_step_is_here(window):
    _select_new(window, ODD)
    assert "1.28 px here" in window.inspector.edits["x"].toolTip()
    assert "0.72 px here" in window.inspector.edits["h"].toolTip()
