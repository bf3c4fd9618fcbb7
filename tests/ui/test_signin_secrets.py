"""The window's side of issue 11, item 8: a warning that must be confirmed before a sign-in sends
the password in clear to another computer, and a sign-out that says when the stored session could
not be removed (a keyring that refuses to delete)."""

from __future__ import annotations

from collections.abc import Callable

import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mask_editor.ui.dialogs.signin import SignInDialog
from mask_editor.ui.platform.tasks import wait_for_tasks
from mask_editor.workspace import credentials
from tests.keyring_backends import LockedForDelete
from tests.ui.test_signin import close, empty_window, fill_dialog_when_shown

pytest_plugins = ("tests.ui.window_fixtures",)

REMOTE = "http://pyro.invalid:8080"  # .invalid never resolves: a request that goes out fails at once


def answer_message_box(qtbot, button_text: str | None, seen: list[str]) -> Callable[[], None]:
    """Clicks `button_text` (None: the Cancel/OK button) on the next modal message box; its texts
    go to `seen`. Returns what stops waiting for one (so it cannot answer a later test's box)."""
    waiting = [True]

    def answer() -> None:
        if not waiting[0]:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        buttons = box.buttons()
        if button_text is None:  # Cancel if there is one, else OK
            buttons.sort(key=lambda b: box.buttonRole(b) != QMessageBox.ButtonRole.RejectRole)
        for button in buttons:
            if button_text is None or button.text() == button_text:
                waiting[0] = False
                button.click()
                return

    QTimer.singleShot(0, answer)
    return lambda: waiting.__setitem__(0, False)


def remote_dialog(qtbot) -> SignInDialog:
    dialog = SignInDialog(server=REMOTE, username="agent")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("secret-Pa55")
    return dialog


def test_http_to_another_computer_asks_first_and_cancel_sends_nothing(qtbot):
    dialog = remote_dialog(qtbot)
    seen: list[str] = []
    answer_message_box(qtbot, None, seen)  # Cancel, the default
    dialog.submit()
    assert len(seen) == 1
    assert "password" in seen[0] and "session token" in seen[0] and "valid for a year" in seen[0]
    assert "pyro.invalid:8080" in seen[0] and "unencrypted" in seen[0]
    assert "nothing was sent" in dialog.message.text()
    assert dialog.sign_in_button.isEnabled() and dialog.result_value is None  # no request is running


def test_confirming_sends_it_and_is_not_asked_again_for_the_same_server(qtbot):
    dialog = remote_dialog(qtbot)
    seen: list[str] = []
    answer_message_box(qtbot, "Send in clear", seen)
    dialog.submit()
    assert len(seen) == 1
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and "Signing in" not in dialog.message.text(),
                    timeout=30_000)
    assert "nothing was sent" not in dialog.message.text()  # it went out, and could not reach the host
    dialog.password.setText("secret-Pa55")
    stop = answer_message_box(qtbot, None, seen)  # would cancel a second prompt
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=30_000)
    QApplication.processEvents()
    stop()
    assert len(seen) == 1 and "nothing was sent" not in dialog.message.text()


def test_http_to_this_computer_signs_in_without_a_warning(qtbot, fake_api):
    dialog = SignInDialog(server=fake_api.url, username="agent")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(fake_api.passwords["agent"])
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def test_sign_out_says_when_the_keyring_keeps_the_session(qtbot, fake_api, app_settings, monkeypatch):
    monkeypatch.delenv("MASK_EDITOR_KEYRING", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedForDelete())
    try:
        window, controller = empty_window(qtbot, app_settings)
        fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
        assert controller.sign_in()
        qtbot.waitUntil(lambda: window.document is not None and window.canvas.image_size() is not None,
                        timeout=10_000)
        wait_for_tasks()  # the sign-in's camera and pose fetches are over
        QApplication.processEvents()
        assert credentials.load_token(fake_api.url, "agent") is not None
        assert not credentials.token_path(fake_api.url, "agent").exists()  # it is in the keyring
        seen: list[str] = []
        answer_message_box(qtbot, None, seen)
        controller.sign_out()
        assert len(seen) == 1
        assert seen[0].startswith("The stored session was not removed")
        assert "stays valid until it expires" in seen[0] and "the keyring is locked" in seen[0]
        assert f'keyring del mask_editor "{fake_api.url} agent"' in seen[0]
        assert controller.session.state == "signed-out" and controller.session.client is None
        assert "window only" in window.status.currentMessage()
        assert credentials.load_token(fake_api.url, "agent") is not None  # what the warning says
        close(window)
    finally:
        keyring.set_keyring(previous)


def test_not_remembering_says_when_an_earlier_session_stays_stored(qtbot, fake_api, app_settings, monkeypatch):
    monkeypatch.delenv("MASK_EDITOR_KEYRING", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedForDelete())
    try:
        credentials.save_token(fake_api.url, "agent", fake_api.token_for("agent"))  # from an earlier sign-in
        window, controller = empty_window(qtbot, app_settings)

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SignInDialog):
                QTimer.singleShot(20, answer)
                return
            dialog.server.setText(fake_api.url)
            dialog.username.setText("agent")
            dialog.password.setText(fake_api.passwords["agent"])
            dialog.remember.setChecked(False)
            dialog.sign_in_button.click()

        QTimer.singleShot(0, answer)
        seen: list[str] = []
        answer_message_box(qtbot, None, seen)
        assert controller.sign_in()
        assert len(seen) == 1 and "An earlier session of agent is still stored" in seen[0]
        assert f'keyring del mask_editor "{fake_api.url} agent"' in seen[0]
        assert controller.session.state == "online"  # signed in all the same
        qtbot.waitUntil(lambda: window.document is not None, timeout=10_000)
        wait_for_tasks()
        close(window)
    finally:
        keyring.set_keyring(previous)
