"""Opening a pose is one event (issue 12, item 4): the window's documentChanged, emitted once; the
browser only reflects it and the session pulls the pose once. Real HTTP to the fake server."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QSignalSpy

from mask_editor.ui.platform import tasks
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.ui.window.session_controller import SessionController
from tests.ui.test_signin import fill_dialog_when_shown

pytest_plugins = ("tests.ui.window_fixtures",)


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")


def _listings(fake_api, pose_id: int) -> int:
    return sum(1 for r in fake_api.requests
               if r.method == "GET" and r.path.endswith(f"/poses/{pose_id}/occlusion_masks"))


def test_opening_a_pose_from_the_browser_is_one_signal_and_one_pull(qtbot, fake_api, app_settings):
    window = MainWindow(None, app_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    controller = SessionController(window)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    qtbot.waitUntil(lambda: window.document is not None and controller.session.state == "online", timeout=10_000)
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=10_000)
    browser = window.browser
    other = next(p for p in browser.pose_ids() if p != window.document.pose_id)
    before = _listings(fake_api, other)
    opened, asked = QSignalSpy(window.documentChanged), QSignalSpy(browser.poseActivated)

    browser.tree.setCurrentIndex(browser.index_of(other))  # the user picks the pose in the tree

    assert window.document.pose_id == other
    assert opened.count() == 1 and asked.count() == 1  # no echo from the browser reflecting it
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=10_000)
    assert _listings(fake_api, other) == before + 1

    window.step_pose(1)  # opened by the window (PgDn): the browser follows without asking again
    assert opened.count() == 2 and asked.count() == 1
    assert browser.tree.currentIndex() == browser.index_of(window.document.pose_id)
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=10_000)
