"""One numeric-edit path: a coordinate typed in the inspector or in the table is parsed, checked,
worded and undone the same way (issue 12, item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy, QTest

from mask_editor.core.geometry import Box
from mask_editor.ui.panels.mask_columns import Col

pytest_plugins = ("tests.ui.window_fixtures",)

START = Box(0.1, 0.1, 0.3, 0.4)  # mask #1 of the window fixture


def _table_edit(window, text: str) -> tuple[Box, str | None]:
    proxy, model = window.table.proxy, window.mask_panel.model
    spy = QSignalSpy(model.editRejected)
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, Col.ID).data(Qt.ItemDataRole.UserRole + 2) == 1)
    proxy.setData(proxy.index(row, Col.X0), text)
    return window.document.mask(1).box, (spy.at(0)[0] if spy.count() else None)


def _inspector_edit(window, text: str) -> tuple[Box, str | None]:
    inspector = window.inspector
    problem = inspector.check("xmin", text)
    edit = inspector.edits["xmin"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    return window.document.mask(1).box, problem


@pytest.mark.parametrize("text", ["0.15", "0,15", " 0.2 ", "0", "0.299", "0.2994", "0.3", "0.5", "1.5", "-0.1",
                                  "abc", ""])
def test_the_inspector_and_the_table_take_the_same_input_the_same_way(window, text):
    doc = window.document
    doc.set_selection({1})
    in_table, table_problem = _table_edit(window, text)
    table_undo = doc.undo_stack.undoText() if doc.undo_stack.count() else None
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.mask(1).box == START
    doc.set_selection({1})
    in_inspector, inspector_problem = _inspector_edit(window, text)
    inspector_undo = doc.undo_stack.undoText() if doc.undo_stack.count() else None
    assert in_inspector == in_table
    if table_problem is not None:  # refused: nothing changed, in either view
        assert in_table == START
    elif text.strip() in ("0.15", "0,15"):
        assert in_table == Box(0.15, 0.1, 0.3, 0.4)
    rename = {"xmin": "x0", "xmax": "x1"}
    worded = inspector_problem
    for old, new in rename.items():
        worded = worded.replace(old, new) if worded else worded
    assert worded == table_problem
    assert (inspector_undo or "").replace("xmin", "x0") == (table_undo or "")
    assert doc.undo_stack.count() <= 1
