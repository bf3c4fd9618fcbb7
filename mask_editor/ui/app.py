"""Starting the window: the QApplication, the theme, which workspace to open, and the smoke test.

Kept lean on purpose: nothing here (or on the way to the first paint) imports numpy, PIL or httpx.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DEMO_FILE = "demo.sqlite"
# Set to any value, the window prints `first-paint <time.monotonic()>` once it has painted, then
# quits: the cold-start benchmark (benchmarks/cold_start.py) reads that line.
FIRST_PAINT_ENV = "MASK_EDITOR_FIRST_PAINT"


class StartError(Exception):
    """The window cannot open what was asked; the message says why and what to do."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__(text)
        self.title = title
        self.text = text


def run(workspace: Path | None = None, server: str | None = None, demo: bool = False,
        smoke: bool = False) -> int:
    if smoke and sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the bundle test runs headless
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from mask_editor.ui.settings import APPLICATION, ORGANIZATION, AppSettings
    from mask_editor.ui.theme import apply_theme, icon, requested_theme

    # Fractional scale factors (125 %, 150 %) as they are: rounding them makes text and icons blurry.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Mask editor")
    settings = AppSettings()
    apply_theme(app, requested_theme(settings.theme()))
    app.setWindowIcon(icon("app"))
    from mask_editor.ui import collector
    from mask_editor.ui.clipboard import hand_over_as_text

    collector.install(app)
    app.aboutToQuit.connect(hand_over_as_text)
    try:
        ws = open_workspace(settings, workspace, server, demo)
    except StartError as exc:
        _report(exc, smoke)
        return 1
    from mask_editor.ui.window import MainWindow

    window = MainWindow(ws, settings)
    from mask_editor.ui.window_session import SessionController

    window.session_controller = SessionController(window)
    from mask_editor.ui.window_sync import attach_sync

    attach_sync(window, window.session_controller)
    try:
        if smoke:
            return _smoke(app, window)
        if os.environ.get(FIRST_PAINT_ENV):
            _report_first_paint(app, window)
        window.show()
        return app.exec()
    finally:
        from mask_editor.ui.tasks import wait_for_tasks

        wait_for_tasks()  # a pull still writing must finish before its workspace closes
        current = window.workspace
        window.deleteLater()
        if current is not None:
            current.close()


def open_workspace(settings, workspace: Path | None, server: str | None, demo: bool):
    """The workspace to show: the demo copy, the given file, the server's, the last one, or None."""
    from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError

    if demo:
        path = demo_copy()
    elif workspace is not None:
        path = Path(workspace).expanduser()
        if not path.is_file():
            raise StartError("No workspace there", f"There is no workspace at {path}. Check the path.")
    else:
        path = _server_workspace(server) or settings.last_workspace()
        if path is None or not path.is_file():
            return None  # the window says how to get started
    try:
        return Workspace(path, exclusive=True)
    except WorkspaceBusy as exc:
        raise StartError("Workspace already open", str(exc)) from exc
    except WorkspaceError as exc:
        raise StartError("Cannot open the workspace", str(exc)) from exc


def demo_copy() -> Path:
    """The demo workspace in the app-data folder, copied from resources/demo on first use, so
    edits made while trying the app never touch the installed files."""
    from mask_editor.resources import demo_dir
    from mask_editor.workspace.paths import app_data_dir

    try:
        source = demo_dir() / DEMO_FILE
    except FileNotFoundError as exc:
        raise StartError("Demo not installed", str(exc)) from exc
    target_dir = app_data_dir() / "demo"
    target = target_dir / DEMO_FILE
    if target.is_file():
        return target
    if not source.is_file():
        raise StartError(
            "Demo not installed",
            f"The demo workspace is missing from this installation (expected {source}). "
            "In a source checkout, run `make demo-data` to build it.")
    target_dir.mkdir(parents=True, exist_ok=True)
    images = source.with_name(source.name + ".images")
    if images.is_dir():
        shutil.copytree(images, target.with_name(target.name + ".images"), dirs_exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)  # copied under another name first: an interrupted copy is not a demo
    os.replace(partial, target)
    return target


def _server_workspace(server: str | None) -> Path | None:
    """The only workspace kept for `server`, if there is exactly one (sign-in picks among several)."""
    from mask_editor.workspace.paths import workspaces_of

    found = workspaces_of(server) if server else []
    return found[0] if len(found) == 1 else None


def _report(exc: StartError, smoke: bool) -> None:
    if smoke:
        print(f"{exc.title}: {exc.text}", file=sys.stderr)
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, exc.title, exc.text)


def _smoke(app, window) -> int:
    """Open a pose and paint it: proves Qt plugins (JPEG included), resources and the window load,
    by checking the painted pixels (ui/smoke.py)."""
    from mask_editor.ui.smoke import SmokeFailure, check_window

    try:
        check_window(app, window)
    except SmokeFailure as exc:
        print(f"smoke failed: {exc}", file=sys.stderr)
        return 1
    finally:
        window.close()
    print("smoke ok")
    return 0


def _report_first_paint(app, window) -> None:
    """Print the time of the window's first paint and quit (the cold-start benchmark's probe)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # Posted: runs once this paint pass (the window and its children) is done.
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            heavy = ",".join(m for m in ("numpy", "PIL", "httpx") if m in sys.modules) or "-"
            print(f"first-paint {time.monotonic():.6f} heavy={heavy}", flush=True)
            app.quit()

    window._first_paint_probe = Probe(window)
    window.installEventFilter(window._first_paint_probe)
