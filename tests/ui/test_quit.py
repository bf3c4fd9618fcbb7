"""Quitting with background work of every kind running: a pull (network), a push (sync) and a
full-resolution decode. The quit cancels them, waits for them, then closes the workspace; nothing
they report is delivered after the window closed. Real HTTP to the fake server, a real workspace."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import time

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from mask_editor.core.geometry import Box
from mask_editor.sync import SyncOptions
from mask_editor.ui.dialogs.sync_review import SyncDialog
from mask_editor.ui.platform import tasks
from mask_editor.ui.window.app import close_down
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.ui.window.session_controller import SessionController
from mask_editor.workspace import Workspace
from tests.ui.test_signin import fill_dialog_when_shown

pytest_plugins = ("tests.ui.window_fixtures",)

PUSHED = 24  # new masks to push: at 0.3 s a request, 8 at a time, about a second of work
BIG = (7680, 4320)  # a full decode of this JPEG takes a few hundred milliseconds


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")


def noise_jpeg(width: int, height: int) -> bytes:
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 255, (height // 8, width // 8, 3), dtype=np.uint8)
    image = Image.fromarray(pixels).resize((width, height), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_quit_cancels_and_waits_for_every_kind_of_background_work(qtbot, fake_api, app_settings):
    window = MainWindow(None, app_settings)  # not given to qtbot: the quit deletes it, as the app does
    window.resize(1366, 768)
    window.show()
    controller = SessionController(window)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: window.document is not None and controller.session.state == "online"
                    and window.canvas.image_size() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=10_000)
    ws, doc, session = window.workspace, window.document, controller.session
    pose_id, path = doc.pose_id, window.workspace.path
    on_server = len(fake_api.state.masks(pose_id))

    # The pose gets a big image, shown reduced: zooming to 100 % asks for the full decode.
    ws.store_pose_image(pose_id, noise_jpeg(*BIG), width=BIG[0], height=BIG[1])
    window.canvas.set_document(doc)
    doc.add_boxes([Box(0.01 * i, 0.5, 0.01 * i + 0.008, 0.6) for i in range(PUSHED)])

    after_close: list[str] = []
    closed = [False]

    def record(what: str):
        return lambda *_args: after_close.append(what) if closed[0] else None

    session.poseRefreshed.connect(record("pull answered"))
    session.message.connect(record("session message"))
    dialog = SyncDialog(ws, lambda: session.client, window, options=SyncOptions(sleep=lambda _s: None))
    dialog.syncFinished.connect(record("sync finished"))
    dialog.runner.progress.connect(record("sync progress"))
    decoder = window.canvas._sharpness.decoder
    decoder.decoded.connect(record("image decoded"))

    fake_api.faults.configure(latency=0.3)
    dialog.push_all_button.click()
    qtbot.waitUntil(lambda: any(r.method == "POST" and "occlusion_masks" in r.path
                                for r in fake_api.requests), timeout=5000)
    window.actions["pull_camera"].trigger()
    window.canvas.zoom_actual()
    assert dialog.runner.running and decoder.busy() and tasks.running_tasks() >= 3

    started = time.monotonic()
    window.close()
    closed[0] = True
    assert close_down(window)  # cancels, waits, closes the workspace
    waited = time.monotonic() - started
    assert tasks.running_tasks() == 0
    for _ in range(5):
        QApplication.processEvents()  # answers already queued for the GUI thread must not land
        qtbot.wait(50)
    assert after_close == []
    # The push stopped early (cancelled between requests), well before all its work was done.
    assert waited < 5.0
    pushed = len(fake_api.state.masks(pose_id)) - on_server
    assert 0 < pushed < PUSHED
    # The workspace was closed (its lock is free) and recorded every create the server received.
    with Workspace(path, exclusive=True) as reopened:
        assert sum(1 for m in reopened.masks(pose_id) if m.server_id is not None) == on_server + pushed
    fake_api.faults.configure(latency=0.0)
