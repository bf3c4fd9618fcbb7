"""Signing in through the dialog against the fake server (real HTTP), and what the window does with it."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mask_editor.core.geometry import Box
from mask_editor.ui.dialogs.signin import SignInDialog
from mask_editor.ui.window.session_controller import SessionController

pytest_plugins = ("tests.ui.window_fixtures",)


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")  # the file store, whose mode we check


def fill_dialog_when_shown(qtbot, server: str, username: str, password: str,
                           reasons: list[str] | None = None) -> list[SignInDialog]:
    """Answers the next modal sign-in dialog like a user would: type, then click Sign in."""
    seen: list[SignInDialog] = []
    reasons = [] if reasons is None else reasons

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        reasons.append(dialog.message.text())
        dialog.server.setText(server)
        dialog.username.setText(username)
        dialog.password.setText(password)
        qtbot.mouseClick(dialog.sign_in_button, qtbot_left())

    QTimer.singleShot(0, answer)
    return seen


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def close(window) -> None:
    from mask_editor.ui.platform.tasks import wait_for_tasks

    ws = window.workspace
    window.close()
    wait_for_tasks()
    QApplication.processEvents()  # answers queued for the GUI thread land before the workspace closes
    if ws is not None:
        ws.close()


def empty_window(qtbot, app_settings):
    from mask_editor.ui.window.main_window import MainWindow

    window = MainWindow(None, app_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, SessionController(window)


def test_sign_in_through_the_dialog_lists_cameras_and_poses(qtbot, fake_api, app_settings, tmp_path):
    window, controller = empty_window(qtbot, app_settings)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: len(window.browser.pose_ids()) == 5, timeout=10_000)
    ws = window.workspace
    assert sorted(c.name for c in ws.cameras()) == ["cam-alpha-01", "cam-beta-02"]  # trustable, own org
    assert "agent (agent" in window.status.account.text()
    # The opened pose got its image and masks from the server.
    qtbot.waitUntil(lambda: window.canvas.image_size() == (640, 360), timeout=10_000)
    from mask_editor.workspace.credentials import token_path

    path = token_path(fake_api.url, "agent")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert fake_api.passwords["agent"] not in path.read_text()
    controller.sign_out()
    assert not path.exists()
    assert window.workspace is ws and ws.cameras()  # signing out keeps the workspace
    close(window)


def test_wrong_password_says_so_and_keeps_the_dialog_open(qtbot, fake_api):
    dialog = SignInDialog(server=fake_api.url, username="agent")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong")
    dialog.submit()
    qtbot.waitUntil(lambda: "not accepted" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.result_value is None
    assert dialog.sign_in_button.isEnabled()


def test_read_only_user_gets_a_banner_and_no_edit_actions(qtbot, fake_api, app_settings):
    window, controller = empty_window(qtbot, app_settings)
    fill_dialog_when_shown(qtbot, fake_api.url, "user", fake_api.passwords["user"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: window.document is not None, timeout=10_000)
    assert window.banner.isVisible() and "read-only" in window.banner.text()
    assert not window.actions["delete"].isEnabled() and not window.actions["paste"].isEnabled()
    assert window.document.read_only
    close(window)


def test_expired_session_mid_work_prompts_and_keeps_local_edits(qtbot, fake_api, app_settings):
    window, controller = empty_window(qtbot, app_settings)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: window.document is not None and window.canvas.image_size() is not None,
                    timeout=10_000)
    doc = window.document
    doc.add_boxes([Box(0.1, 0.1, 0.3, 0.3)])
    # The server now refuses the session (as if it expired): the next pull must ask to sign in again.
    expired = fake_api.token_for("agent", lifetime=timedelta(seconds=-60))
    controller.session.use_token(fake_api.url, expired)
    reasons: list[str] = []
    prompts = fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"], reasons)
    controller._on_pose(doc.pose_id)
    qtbot.waitUntil(lambda: bool(prompts) and controller.session.state == "online", timeout=15_000)
    assert "sign in again" in reasons[0].lower()
    kept = [m for m in window.workspace.masks(doc.pose_id) if m.box == Box(0.1, 0.1, 0.3, 0.3)]
    assert len(kept) == 1  # the local edit survived the expired session
    close(window)


def test_pull_this_camera_brings_the_servers_new_masks(qtbot, fake_api, app_settings):
    window, controller = empty_window(qtbot, app_settings)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: window.document is not None and controller.session.state == "online", timeout=10_000)
    doc = window.document
    assert window.actions["pull_camera"].isEnabled() and window.actions["sign_out"].isEnabled()
    fake_api.state.add_mask(doc.pose_id, "(0.3,0.3,0.4,0.4)")  # another admin, meanwhile
    window.actions["pull_camera"].trigger()
    qtbot.waitUntil(lambda: any(m.text == "(0.3,0.3,0.4,0.4)" for m in doc.masks()), timeout=10_000)
    controller.sign_out()
    assert not window.actions["pull_camera"].isEnabled() and not window.actions["sign_out"].isEnabled()
    close(window)
