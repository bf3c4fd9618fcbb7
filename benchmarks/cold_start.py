"""Cold start: process launch to the first painted main window, with the demo workspace open.

The app prints `first-paint <time.monotonic()>` after its first paint when MASK_EDITOR_FIRST_PAINT
is set (ui/window/app.py) and quits. time.monotonic() is CLOCK_MONOTONIC, shared by all processes on
Linux and macOS, so the launch-to-paint interval needs no pipe round trip. Runs of the app and of
a bare QMainWindow (benchmarks/bare_window.py) alternate, so both see the same machine load.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.qt_probe import qpa_env
from benchmarks.report import Row, ratio_samples

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.5
TARGET_RATIO = 2.0  # issue #16: at most twice the bare PySide6 window
TARGET_LABELIMG = 1.0  # and faster than labelImg
# labelImg (PyQt5) lives in a venv of its own: `python -m venv /tmp/labelimg-venv && /tmp/labelimg-venv/bin/pip
# install labelImg`, or LABELIMG_PYTHON=<its python>; without it the comparison rows are left out.
LABELIMG_PYTHON = Path(os.environ.get("LABELIMG_PYTHON", "/tmp/labelimg-venv/bin/python"))


def first_paint(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from launch to the first paint, and the heavy modules loaded by then."""
    start = time.monotonic()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            _tag, when, heavy = line.split(" ", 2)
            return float(when) - start, heavy.removeprefix("heavy=")
    raise RuntimeError(f"no first paint reported (exit {done.returncode}): {done.stderr[-2000:]}")


def bench(runs: int = 10) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        # Bytecode cached as in an installed app (a sandbox may set PYTHONDONTWRITEBYTECODE, which
        # adds ~80 ms of compiling to every start); the cache lives in the temp folder.
        env = {**qpa_env(), "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
               "MASK_EDITOR_HOME": str(Path(tmp) / "home"), "MASK_EDITOR_SETTINGS": str(Path(tmp) / "s.ini"),
               "MASK_EDITOR_FIRST_PAINT": "1"}
        app = [sys.executable, "-m", "mask_editor", "--demo"]
        bare = [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
        python = [sys.executable, "-c", "import time; print(f'first-paint {time.monotonic():.6f} heavy=-')"]
        labelimg = [str(LABELIMG_PYTHON), str(Path(__file__).with_name("labelimg_window.py"))]
        peer = LABELIMG_PYTHON.is_file()
        if peer:
            first_paint(labelimg, {**env, "HOME": str(Path(tmp) / "home")})  # its settings go to HOME
        # Warm-up (not counted): copies the demo to the app-data folder, fills the OS file cache.
        first_paint(app, env)
        first_paint(bare, env)
        ours, floor, interpreter, theirs, heavy = [], [], [], [], set()
        for _ in range(runs):
            seconds, loaded = first_paint(app, env)
            ours.append(seconds)
            heavy.add(loaded)
            floor.append(first_paint(bare, env)[0])
            interpreter.append(first_paint(python, env)[0])
            if peer:
                theirs.append(first_paint(labelimg, {**env, "HOME": str(Path(tmp) / "home")})[0])
    heavy_note = "heavy modules at first paint: " + ",".join(sorted(heavy))
    ms = [1000 * s for s in ours]
    return [
        Row("cold start: app --demo to first paint", [s for s in ours], "s", TARGET_S, note=heavy_note,
            extra={"median_ms": sorted(ms)[len(ms) // 2]}),
        Row("cold start: bare QMainWindow (floor)", floor, "s"),
        Row("cold start: python -c (interpreter)", interpreter, "s"),
        Row("cold start: app / bare Qt (paired)", ratio_samples(ours, floor), "x", TARGET_RATIO),
    ] + ([
        Row("cold start: labelImg to first paint (PyQt5)", theirs, "s"),
        Row("cold start: app / labelImg (paired)", ratio_samples(ours, theirs), "x", TARGET_LABELIMG),
    ] if peer else [])
