"""The mask table: columns, sorting, selection both ways, cell edits through undo, stale flag."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QLineEdit

from mask_editor.core.geometry import Box
from mask_editor.ui.panels.mask_columns import STALE_ROLE, Col

pytest_plugins = ("tests.ui.window_fixtures",)


def _rows(window, col: Col, role=Qt.ItemDataRole.DisplayRole) -> list:
    proxy = window.table.proxy
    return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]


def _row_of(window, local_id: int) -> int:
    return _rows(window, Col.ID, Qt.ItemDataRole.UserRole + 2).index(local_id)


def test_columns_show_ids_coordinates_size_added_and_state(window):
    assert _rows(window, Col.ID) == ["#1", "#2", "#3 (server 345)"]
    assert _rows(window, Col.X0) == ["0.100", "0.500", "0.200"]
    assert _rows(window, Col.Y1) == ["0.400", "0.300", "0.800"]
    assert _rows(window, Col.SIZE)[0] == "256 × 216 px"  # 0.2 x 0.3 of 1280 x 720
    assert _rows(window, Col.STATE) == ["new", "new", "synced"]
    tip = window.table.proxy.index(2, Col.ADDED).data(Qt.ItemDataRole.ToolTipRole)
    assert "UTC" in tip and "months ago" in tip and "On the server since" in tip
    header = window.mask_panel.model.headerData(Col.X0, Qt.Orientation.Horizontal)
    assert header == "x0"


def test_sorting_is_numeric_and_by_time(window):
    table = window.table
    table.sortByColumn(Col.X0, Qt.SortOrder.DescendingOrder)
    assert _rows(window, Col.X0) == ["0.500", "0.200", "0.100"]
    table.sortByColumn(Col.ADDED, Qt.SortOrder.AscendingOrder)
    assert _rows(window, Col.ID) == ["#3 (server 345)", "#2", "#1"]  # oldest first
    doc = window.document
    doc.add_boxes([Box(0.05, 0.05, 0.06, 0.06)])  # a tiny box: size sorts by area, not by text
    table.sortByColumn(Col.SIZE, Qt.SortOrder.AscendingOrder)
    assert _rows(window, Col.ID)[0] == "#5"


def test_selecting_rows_selects_masks_and_document_selection_shows_in_table(window, qtbot):
    table = window.table
    rect = table.visualRect(table.proxy.index(1, Col.X0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.selection == {2}
    rect = table.visualRect(table.proxy.index(2, Col.X0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     rect.center())
    assert window.document.selection == {2, 3}
    window.document.set_selection({1})
    assert table.selected_ids() == {1}
    window.document.set_selection(set())
    assert table.selected_ids() == frozenset()


def test_editing_a_cell_is_one_undo_step(window, qtbot):
    table, doc = window.table, window.document
    index = table.proxy.index(_row_of(window, 1), Col.X0)
    table.setCurrentIndex(index)
    table.setFocus()
    QTest.keyClick(table.viewport(), Qt.Key.Key_F2)  # the platform's "edit" key opens the cell editor
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "0.100"
    editor.selectAll()
    QTest.keyClicks(editor, "0.125")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.mask(1).box == Box(0.125, 0.1, 0.3, 0.4))  # Qt commits on a queued call
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Edit x0 of mask #1"
    assert index.data() == "0.125"
    doc.undo_stack.undo()
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4)


def test_bad_cell_input_changes_nothing_and_says_why(window, qtbot):
    table, doc, model = window.table, window.document, window.mask_panel.model
    spy = QSignalSpy(model.editRejected)
    for col, text, reason in ((Col.X0, "1.5", "x0 must be between 0.000 and 0.299 (left of x1)"),
                              (Col.X0, "0.4", "x0 must be between 0.000 and 0.299"),
                              (Col.Y1, "abc", "y1 must be a number between 0.101 and 1.000 (below y0)")):
        index = table.proxy.index(_row_of(window, 1), col)
        assert not table.proxy.setData(index, text)
        assert reason in spy.at(spy.count() - 1)[0]
    assert doc.mask(1).box == Box(0.1, 0.1, 0.3, 0.4)
    assert doc.undo_stack.count() == 0
    assert "Not changed" in window.mask_panel.error.text() and not window.mask_panel.error.isHidden()


def test_stale_masks_are_flagged(window):
    proxy = window.table.proxy
    row = _row_of(window, 2)  # added 200 days ago; the default stale age is 120 days
    assert proxy.index(row, Col.ADDED).data(STALE_ROLE) is True
    assert "check it still matches something in the image" in proxy.index(row, Col.ADDED).data(
        Qt.ItemDataRole.ToolTipRole)
    assert not proxy.index(row, Col.ADDED).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert proxy.index(_row_of(window, 1), Col.ADDED).data(STALE_ROLE) is False
    window.mask_panel.model.stale_days = 365
    assert proxy.index(row, Col.ADDED).data(STALE_ROLE) is False


def test_updates_are_incremental(window):
    model = window.mask_panel.model
    resets, inserts, removes, changes = (QSignalSpy(s) for s in (
        model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged))
    doc = window.document
    doc.add_boxes([Box(0.6, 0.6, 0.7, 0.7), Box(0.7, 0.7, 0.8, 0.8)])
    assert inserts.count() == 1 and model.rowCount() == 5
    doc.set_boxes({1: Box(0.1, 0.1, 0.2, 0.2)})
    assert changes.count() >= 1
    doc.undo_stack.undo()
    doc.undo_stack.undo()  # the two new masks go: one removal of two rows
    assert removes.count() == 1 and model.rowCount() == 3
    assert resets.count() == 0


def test_deleted_masks_are_hidden_unless_asked(window):
    window.document.delete([3])  # has a server id: marked for deletion, not removed
    assert window.table.proxy.rowCount() == 2
    window.mask_panel.show_deleted.setChecked(True)
    assert window.table.proxy.rowCount() == 3
    assert "deleted" in _rows(window, Col.STATE)


def test_a_move_of_every_mask_shows_in_every_row(window):
    """Every row changed (a select-all drag) is told in one range: each row still shows its new box."""
    model, doc = window.mask_panel.model, window.document
    changes = QSignalSpy(model.dataChanged)
    before = _rows(window, Col.X0)
    doc.move([m.local_id for m in doc.masks()], 10, 0)
    assert changes.count() == 1
    assert _rows(window, Col.X0) == [f"{float(v) + 0.01:.3f}" for v in before]


def test_the_filter_asks_no_row_until_a_row_is_to_be_hidden(window):
    """With nothing to hide the proxy has no pattern, so Qt keeps every row without asking the model
    (a 2,000-mask move re-checked 2,000 rows in Python); a deleted or a hidden dimmed row brings the
    pattern back, and the last one gone takes it away."""
    from mask_editor.ui.panels import mask_filter, mask_table
    from mask_editor.ui.panels.mask_columns import SHOWN_ROLE

    proxy, doc = window.table.proxy, window.document
    asked: list[str] = []  # each question the filter put to Python about a row

    def profile(frame, event: str, _arg: object) -> None:
        code = frame.f_code
        if event == "call" and code.co_filename in (mask_table.__file__, mask_filter.__file__) and (
                code.co_name == "filterAcceptsRow"
                or (code.co_name == "data" and frame.f_locals.get("role") == SHOWN_ROLE)):
            asked.append(code.co_name)

    def move_all() -> list[int]:
        asked.clear()
        sys.setprofile(profile)
        try:
            doc.move([1, 2, 3], 0, 5)
        finally:
            sys.setprofile(None)
        return list(asked)

    assert proxy.filterRegularExpression().pattern() == "" and move_all() == []
    doc.delete([3])  # a synced mask: kept, marked deleted, hidden
    assert proxy.rowCount() == 2 and proxy.filterRegularExpression().pattern() != ""
    assert move_all()  # now each changed row is asked again (and the counter sees it)
    doc.set_dimmed({1})
    window.table.proxy.set_hide_dimmed(True)
    assert proxy.rowCount() == 1
    doc.move([1, 2], 0, 5)
    assert proxy.rowCount() == 1  # still hidden after a change of their values
    window.table.proxy.set_hide_dimmed(False)
    doc.undo_stack.undo()
    doc.undo_stack.undo()  # the delete undone: nothing to hide any more
    assert proxy.rowCount() == 3 and proxy.filterRegularExpression().pattern() == ""
    assert move_all() == []


def test_the_sorted_order_follows_moves_adds_deletes_and_undo(window):
    """The proxy sorts and filters dynamically, on the model's own signals (the id column's only when
    an id cell changed, the filter from the id cells' deleted flag): it must still follow every
    change of a value it sorts or filters by."""
    table, doc = window.table, window.document
    table.sortByColumn(Col.X0, Qt.SortOrder.AscendingOrder)
    assert _rows(window, Col.X0) == ["0.100", "0.200", "0.500"]
    doc.set_boxes({1: Box(0.9, 0.1, 0.95, 0.4)})  # the first row moves to the end
    assert _rows(window, Col.X0) == ["0.200", "0.500", "0.900"]
    doc.add_boxes([Box(0.3, 0.3, 0.4, 0.4)])  # a new row lands in its sorted place
    assert _rows(window, Col.X0) == ["0.200", "0.300", "0.500", "0.900"]
    doc.delete([2])
    assert _rows(window, Col.X0) == ["0.200", "0.300", "0.900"]  # the deleted one is hidden
    doc.undo_stack.undo()  # back, in its sorted place
    assert _rows(window, Col.X0) == ["0.200", "0.300", "0.500", "0.900"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert _rows(window, Col.X0) == ["0.100", "0.200", "0.500"]
    doc.delete([3])  # a synced mask: kept as a row marked deleted, hidden
    assert _rows(window, Col.X0) == ["0.100", "0.500"]
    doc.undo_stack.undo()
    assert _rows(window, Col.X0) == ["0.100", "0.200", "0.500"]


def test_a_paint_asks_each_cell_once_and_multidata_answers_as_data(window):
    """Qt's delegate asks seven roles per cell at once (multiData); the proxy passes them on, so that a
    paint does not call data() role by role. Whatever the path, a cell's values are data()'s."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from mask_editor.ui.panels import mask_table

    window.document.delete([3])  # marked deleted: struck out, greyed
    window.mask_panel.show_deleted.setChecked(True)
    window.document.set_dimmed({2})
    proxy = window.table.proxy
    roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, STALE_ROLE]

    def shown(value: object) -> object:  # an icon is built per call: compare what it draws
        return value.pixmap(16, 16).toImage() if isinstance(value, QIcon) else value

    for row in range(proxy.rowCount()):
        for col in Col:
            index = proxy.index(row, col)
            for role in roles:  # a span of one: Python cannot build Qt's array of several
                data = QModelRoleData(role)
                proxy.multiData(index, QModelRoleDataSpan(data))
                assert shown(data.data()) == shown(index.data(role)), (row, col, role)
    calls: list[str] = []  # the table model's entry points a paint goes through

    def profile(frame, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_filename == mask_table.__file__:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        window.table.viewport().repaint()
    finally:
        sys.setprofile(None)
    assert "multiData" in calls and "data" not in calls  # every cell through multiData
