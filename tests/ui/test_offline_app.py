"""The app started with the server down: cached cameras, poses, images and masks show, it says it is
offline, edits are accepted and counted, and a sync sends them once the server is back (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mask_editor.api import PyroClient
from mask_editor.core.geometry import Box
from mask_editor.sync import Outcome, make_camera_offline, refresh_cameras
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.platform.tasks import wait_for_tasks
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.ui.window.session_controller import SessionController
from mask_editor.ui.window.sync_actions import attach_sync
from mask_editor.workspace import Account, Workspace
from mask_editor.workspace.credentials import save_token
from tests.fake_pyro_api import FakePyroApi, FakeState, seed_default


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")


def test_offline_start_edit_then_sync_when_back(qtbot, tmp_path: Path) -> None:
    state = FakeState(seed=3)
    seeded = seed_default(state)
    server = FakePyroApi(state).start()
    token = server.token_for("agent")
    path = tmp_path / "field.sqlite"
    with Workspace(path) as ws, PyroClient(server.url, token) as client:  # yesterday, in the office
        ws.set_account(Account(server.url, "agent", 2, "agent", seeded.org))
        refresh_cameras(client, ws)
        assert make_camera_offline(client, ws, seeded.alpha).pull.outcome is Outcome.COMPLETED
    save_token(server.url, "agent", token)
    port = server.port
    server.stop()  # on the mountain: nothing answers

    ws = Workspace(path, exclusive=True)
    window = MainWindow(ws, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    controller = SessionController(window)
    attach_sync(window, controller)
    try:
        assert len(window.browser.pose_ids()) == 5  # cached cameras and poses
        window.show_pose(seeded.alpha_poses[0])
        assert window.canvas.image_size() == (640, 360)  # cached image
        qtbot.waitUntil(lambda: controller.session.state == "offline"
                        and "cannot be reached" in controller.session.detail, timeout=15_000)
        assert window.status.sync.text().startswith("Offline")
        window.document.add_boxes([Box(0.1, 0.1, 0.3, 0.3)])
        window.show_pose(seeded.alpha_poses[1])
        window.document.add_boxes([Box(0.5, 0.5, 0.7, 0.6)])
        qtbot.waitUntil(lambda: window.status.pending.text() == "2 changes to sync", timeout=5_000)

        back = FakePyroApi(state, port=port).start()  # back in the valley
        try:
            from mask_editor.ui.dialogs.sync_review import SyncDialog

            dialog = SyncDialog(ws, lambda: controller.session.client, window)
            qtbot.addWidget(dialog)
            with qtbot.waitSignal(dialog.syncFinished, timeout=30_000) as finished:
                dialog.push_all()
            assert finished.args[0].outcome is Outcome.COMPLETED and finished.args[0].created == 2
            texts = {m.mask for m in state.masks()}
            assert {"(0.1,0.1,0.3,0.3)", "(0.5,0.5,0.7,0.6)"} <= texts
        finally:
            wait_for_tasks()
            QApplication.processEvents()
            back.stop()
    finally:
        window.close()
        wait_for_tasks()
        QApplication.processEvents()
        ws.close()
