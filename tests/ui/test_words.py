"""Words and states the window shows: who is signed in, what the app is for, what an import did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.window_data import make_workspace, open_window

pytest_plugins = ("tests.ui.window_fixtures",)


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")


def test_the_about_box_states_the_devices_rule(window):
    text = window.about_text()
    assert "overlapping a mask are dropped" not in text
    assert "0.1" in text and "IoU" in text


def test_a_stored_session_is_not_announced_over_the_account_label(qtbot, tmp_path, app_settings):
    from mask_editor.ui.window.session_controller import SessionController
    from mask_editor.workspace.credentials import save_token

    save_token("https://api.example.org", "alice", "header.payload.signature")
    window, ws = open_window(qtbot, make_workspace(tmp_path / "ws.sqlite"), app_settings)
    try:
        controller = SessionController(window)
        assert controller.session.state == "offline"
        assert window.status.currentMessage() == ""
        assert window.status.account.isVisible() and "alice" in window.status.account.text()
    finally:
        window.close()
        ws.close()


def test_a_sync_without_any_session_does_not_speak_of_an_expired_one(qtbot, tmp_path, app_settings):
    from mask_editor.ui.dialogs.signin import SignInDialog
    from mask_editor.ui.dialogs.sync_review import SyncDialog
    from mask_editor.ui.window.session_controller import SessionController
    from mask_editor.ui.window.sync_actions import attach_sync

    window, ws = open_window(qtbot, make_workspace(tmp_path / "ws.sqlite"), app_settings)  # no stored token
    controller = SessionController(window)
    attach_sync(window, controller)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignInDialog):
            seen.append(dialog.message.text())
            dialog.reject()
        elif isinstance(dialog, SyncDialog):
            if seen:
                dialog.reject()
                return
            QTimer.singleShot(20, answer)  # before the click: the sign-in dialog's loop runs inside it
            dialog.push_all_button.click()
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    try:
        window.actions["sync"].trigger()
        assert seen, "no sign-in was asked"
        assert "expired" not in seen[0].lower() and "sign in" in seen[0].lower()
        assert "expired" not in controller.session.describe().lower()
    finally:
        window.close()
        ws.close()


def test_ctrl_shift_d_brings_past_detections_to_the_front(qtbot, window):
    from PySide6.QtCore import Qt

    dock, chord = window.insight.fp_dock, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, chord)
    qtbot.waitUntil(dock.isVisible, timeout=2000)
    window.inspector_dock.raise_()  # another tab of the same dock area comes in front
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty(), timeout=2000)
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, chord)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=2000)  # brought to the front, not closed
    assert window.actions["past_detections"].isChecked()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, chord)
    qtbot.waitUntil(dock.isHidden, timeout=2000)  # in front already: the same key closes it


def _live(doc) -> int:
    return sum(1 for m in doc.masks() if not m.deleted)


def test_the_mask_count_follows_the_document_through_undo_and_redo(window):
    from mask_editor.core.geometry import Box

    doc, count = window.document, window.mask_panel.count
    assert count.text() == f"{_live(doc)} masks"
    doc.add_boxes([Box(0.5, 0.5, 0.6, 0.6), Box(0.6, 0.6, 0.7, 0.7)], "Cover area")
    assert count.text() == f"{_live(doc)} masks"
    doc.undo_stack.undo()
    assert count.text() == f"{_live(doc)} masks"  # not "3 of 5 masks shown": nothing is hidden
    doc.undo_stack.redo()
    assert count.text() == f"{_live(doc)} masks"
    doc.delete({1})
    assert count.text() == f"{_live(doc)} masks"
    doc.undo_stack.undo()
    assert count.text() == f"{_live(doc)} masks"
    window.mask_panel.show_deleted.setChecked(True)
    doc.delete({3})  # synced: its row stays, deleted, until the next sync
    assert count.text() == f"{_live(doc)} masks, 1 deleted"


@pytest.fixture
def paris(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_local_with_their_zone_everywhere(paris, window):
    from datetime import UTC, datetime

    from mask_editor.ui.panels.mask_columns import Col
    from mask_editor.ui.platform import formatting as fmt

    assert fmt.local_time(datetime(2026, 5, 25, 7, 14, tzinfo=UTC)) == "2026-05-25 09:14 CEST"
    assert fmt.local_time(datetime(2026, 1, 25, 7, 14, tzinfo=UTC)) == "2026-01-25 08:14 CET"
    model = window.mask_panel.model
    added = model.index(0, Col.ADDED).data()
    assert added.endswith((" CET", " CEST"))
    header = window.insight.fp_panel.tree.headerItem().text(0)
    assert "UTC" not in header and ("CET" in header or "CEST" in header)


def test_the_sign_in_fields_keep_their_height_when_an_error_shows(qtbot):
    from mask_editor.ui.dialogs.signin import SignInDialog

    dialog = SignInDialog(None, server="https://api.example.org", username="alice")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    usable = {field: field.sizeHint().height() for field in (dialog.server, dialog.username, dialog.password)}
    dialog._show("The server refused the username or the password. Check them, or ask your organization's admin "
                 "to reset the password: passwords are not kept here, and nothing was changed on the server. " * 2,
                 True)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    QApplication.processEvents()
    for field, height in usable.items():
        assert field.height() >= height, (field, field.height(), height)
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width()) - 2


def test_the_shortcuts_window_lists_only_keys_a_person_can_press(qtbot):
    from mask_editor.ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    keys = [dialog.model.item(row, 2).text() for row in range(dialog.model.rowCount())]
    tokens = {token.strip() for cell in keys for token in cell.split(", ")}
    dedicated = {"Open", "Exit", "Cut", "Copy", "Paste", "Undo", "Redo", "Zoom In", "Zoom Out", "Help"}
    assert not tokens & dedicated
    assert not {t for t in tokens if t.startswith("F") and t[1:].isdigit() and int(t[1:]) > 12}
    assert any("Ctrl+Z" in cell or "⌘Z" in cell for cell in keys)  # the ordinary keys stay


def test_the_mask_table_columns_fit_their_content(paris, window):
    from PySide6.QtCore import Qt

    from mask_editor.ui.panels.mask_columns import Col

    view, model = window.mask_panel.view, window.mask_panel.model
    metrics = view.fontMetrics()
    for col in (Col.ID, Col.X0, Col.SIZE, Col.ADDED):
        for row in range(model.rowCount()):
            text = model.index(row, col).data(Qt.ItemDataRole.DisplayRole)
            assert metrics.horizontalAdvance(text) + 8 <= view.columnWidth(col), (col, text)
    # The widest id and time the table can show fit too, not only these few rows.
    assert metrics.horizontalAdvance("#88888 (server 888888)") + 8 <= view.columnWidth(Col.ID)
    assert metrics.horizontalAdvance("2026-05-25 08:14 CEST") + 8 <= view.columnWidth(Col.ADDED)
