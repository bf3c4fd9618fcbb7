"""Helpers for benchmark children that run the real window: memory figures, paints, the window.

Used in fresh subprocesses (`python -m benchmarks.<module> child ...`), so that a memory peak
belongs to one case and Qt's caches start cold.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

WINDOW_SIZE = (1366, 768)
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}


def qpa_env() -> dict[str, str]:
    """The environment of a child: offscreen (unless a platform is set) on a 1920x1080 screen, a
    common laptop, rather than the offscreen plugin's default 800x600."""
    platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    if platform == "offscreen":
        import tempfile

        config = Path(tempfile.gettempdir()) / "mask_editor_bench_screen.json"
        config.write_text(json.dumps({"screens": [SCREEN]}))
        platform = f"offscreen:configfile={config}"
    return {**os.environ, "QT_QPA_PLATFORM": platform}


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB; NaN elsewhere.
    tracemalloc would miss Qt's allocations (decoded images, pixmaps)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0), so the next peak belongs to what follows."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def emit(result: dict[str, Any]) -> None:
    """The child's answer: one JSON line on stdout, read by `run_child`."""
    print("RESULT " + json.dumps(result), flush=True)


def run_child(module: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    import subprocess

    done = subprocess.run([sys.executable, "-m", module, "child", *args], capture_output=True, text=True,
                          timeout=timeout, env=qpa_env(), cwd=Path(__file__).resolve().parents[1])
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"{module} child failed (exit {done.returncode}):\n{done.stderr[-3000:]}")


class PaintCounter:
    """Counts the Paint events a widget receives."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            count = 0

            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    Filter.count += 1
                return False

        self._filter = Filter(widget)
        widget.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return type(self._filter).count


def wait_for_paint(app, counter: PaintCounter, before: int, timeout: float = 10.0) -> float:
    """Process events until the widget has painted again; returns time.perf_counter() then.

    Waits as the app's event loop does, asleep until an event comes: spinning processEvents() would
    keep a core busy that the app's own threads (an image decoded off the GUI thread) have to
    themselves in the app, and slowed such a decode by ~50 % on a 2-core machine."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + timeout
    wake = QTimer()  # so that the timeout is seen even when no event comes
    wake.start(50)
    try:
        while counter.count <= before:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if time.perf_counter() > end:
                raise TimeoutError("no paint")
    finally:
        wake.stop()
    return time.perf_counter()


def open_window(workspace_path: Path, settings_path: Path):
    """QApplication + MainWindow on the workspace, shown at WINDOW_SIZE and exposed."""
    from PySide6.QtWidgets import QApplication

    from mask_editor.ui.platform import collector
    from mask_editor.ui.platform.settings import AppSettings
    from mask_editor.ui.window.main_window import MainWindow
    from mask_editor.workspace import Workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector.install(app)  # as the app: cycles collected between events, not inside an edit
    window = MainWindow(Workspace(workspace_path, exclusive=True), AppSettings(settings_path))
    window.resize(*WINDOW_SIZE)
    window.show()
    end = time.perf_counter() + 10
    while not window.windowHandle().isExposed() and time.perf_counter() < end:
        app.processEvents()
    window._default_dock_sizes()
    app.processEvents()
    window.fill_docks()  # as right after the first paint: every panel built, whatever the timing
    collector.freeze_start_up()  # as the app then does
    return app, window


def settle(app, seconds: float = 0.05) -> None:
    """Let timers and queued work (thumbnails, counts) run."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
