"""The window is built in one place: the main window, the session controller that signs in and
pulls, the sync actions, and the session insight asks for its past detections. Nothing else sets
parts on the window from outside."""

from __future__ import annotations

from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.ui.window.session_controller import SessionController
from mask_editor.ui.window.sync_actions import attach_sync
from mask_editor.workspace import Workspace


def build_window(workspace: Workspace | None, settings: AppSettings) -> tuple[MainWindow, SessionController]:
    """The assembled window and its session controller (the caller holds both while it runs)."""
    window = MainWindow(workspace, settings)
    controller = SessionController(window)
    attach_sync(window, controller)
    window.insight.use_session(lambda: controller.session)
    return window, controller
