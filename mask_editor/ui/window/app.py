"""Starting the window: the QApplication, the theme, which workspace to open, and the smoke test.

Kept lean on purpose: nothing here (or on the way to the first paint) imports numpy, PIL or httpx.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mask_editor.ui.platform.display import display_problem

__all__ = ["StartError", "demo_copy", "display_problem", "open_workspace", "run"]

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
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    skip_feature_scan()

    from mask_editor.ui.platform.settings import APPLICATION, ORGANIZATION, AppSettings
    from mask_editor.ui.platform.theme import apply_theme, icon, requested_theme

    # Fractional scale factors (125 %, 150 %) as they are: rounding them makes text and icons blurry.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Mask editor")
    settings = AppSettings()
    from mask_editor.ui.platform.i18n import install_language

    install_language(settings.language(), app)  # before the first widget: its texts are set on creation
    apply_theme(app, requested_theme(settings.theme()))
    from mask_editor.ui.editing.clipboard import hand_over_as_text
    from mask_editor.ui.platform import collector

    collector.install(app)
    app.aboutToQuit.connect(hand_over_as_text)
    try:
        ws = open_workspace(settings, workspace, server, demo)
    except StartError as exc:
        _report(exc, smoke)
        return 1
    from mask_editor.ui.canvas.image_layer import defer_next_decode
    from mask_editor.ui.window.assemble import build_window
    from mask_editor.ui.window.first_paint import after_first_paint

    defer_next_decode()  # paint the window first, then the pose's image
    window, _controller = build_window(ws, settings)  # held here while the app runs
    # Its SVG loads Qt's icon plugin (~3 ms): the window (which takes the application's icon) paints first.
    after_first_paint(window, lambda: app.setWindowIcon(icon("app")))
    # Posted from there: it runs after the docks are filled (the window's own first-paint work).
    after_first_paint(window, lambda: QTimer.singleShot(0, collector.freeze_start_up))
    try:
        if smoke:
            return _smoke(app, window)
        probe = _report_first_paint(app, window) if os.environ.get(FIRST_PAINT_ENV) else None
        window.show()
        code = app.exec()
        del probe  # held until the app is done (the probe quits it on the first paint)
        return code
    finally:
        close_down(window)


def skip_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it (PYSIDE-2029: `inspect.getsource`,
    looking for "PySide6") to decide which modules may switch `from __feature__ import` features;
    ~100 modules on the way to the first paint, ~10 ms. This app uses no __feature__, so every module
    gets the answer "does not switch" (-1, the answer for modules without PySide) without reading it.
    A PySide6 without that hook is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False


def close_down(window) -> bool:
    """After the window closed: cancel every background task (network, sync, decoding) and wait
    for those running, so that nothing writes to the workspace or touches a widget after this; then
    close the workspace. False when some work did not return in time: the workspace is left open
    (its journal makes an interrupted write safe) rather than closed under a writer."""
    from mask_editor.ui.platform.tasks import running_tasks, shutdown_tasks

    settled = shutdown_tasks()
    if not settled:
        print(f"quitting with {running_tasks()} background task(s) still running", file=sys.stderr)
    current = window.workspace
    window.deleteLater()
    if current is not None and settled:
        current.close()
    return settled


def open_workspace(settings, workspace: Path | None, server: str | None, demo: bool):
    """The workspace to show: the demo copy, the given file, the server's, the last one, or None."""
    from PySide6.QtCore import QCoreApplication

    from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError

    translate = QCoreApplication.translate  # the window's language is installed by now

    if demo:
        path = demo_copy()
    elif workspace is not None:
        path = Path(workspace).expanduser()
        if not path.is_file():
            text = translate("StartError", "There is no workspace at %1. Check the path.")
            raise StartError(translate("StartError", "No workspace there"), text.replace("%1", str(path)))
    else:
        path = _server_workspace(server) or settings.last_workspace()
        if path is None or not path.is_file():
            return None  # the window says how to get started
    try:
        return Workspace(path, exclusive=True)
    except WorkspaceBusy as exc:
        raise StartError(translate("StartError", "Workspace already open"), _workspace_words(exc)) from exc
    except WorkspaceError as exc:
        raise StartError(translate("StartError", "Cannot open the workspace"), _workspace_words(exc)) from exc


def demo_copy() -> Path:
    """The demo workspace's per-user copy (the commands' --demo uses the same one)."""
    from PySide6.QtCore import QCoreApplication

    from mask_editor.demo.copy import DemoMissing
    from mask_editor.demo.copy import demo_copy as copy

    translate = QCoreApplication.translate

    try:
        return copy()
    except DemoMissing as exc:
        # The text is for developers (`make demo-data`): it stays as written.
        raise StartError(translate("StartError", "Demo not installed"), str(exc)) from exc


def _workspace_words(error: Exception) -> str:
    from mask_editor.ui.platform.messages import workspace_text

    return workspace_text(error)  # type: ignore[arg-type]  # WorkspaceBusy or WorkspaceError


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
    by checking the painted pixels (ui/window/smoke.py)."""
    from mask_editor.ui.window.smoke import SmokeFailure, check_window

    try:
        check_window(app, window)
    except SmokeFailure as exc:
        print(f"smoke failed: {exc}", file=sys.stderr)
        return 1
    finally:
        window.close()
    print("smoke ok")
    return 0


def _report_first_paint(app, window):
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

    probe = Probe(window)
    window.installEventFilter(probe)
    return probe
