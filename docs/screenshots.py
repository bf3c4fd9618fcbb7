"""Take the README's screenshots of the demo the way a user sees it: a real X server (Xvfb), the real app,
real key presses (xdotool), and a grab of the screen. `make screenshots`; needs xvfb and xdotool.

Each shot runs in its own throwaway HOME and settings file, so nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
width, height = int(sys.argv[2]), int(sys.argv[3])  # the shot's size: the screen fits the largest shot
shot = app.primaryScreen().grabWindow(0, 0, 0, width, height)
sys.exit(0 if shot.save(sys.argv[1]) else 1)
"""


@dataclass
class Shot:
    name: str
    theme: str = "light"
    language: str = "en"
    keys: list[str] = field(default_factory=list)  # xdotool key names, pressed in order after start-up
    click: tuple[int, int] = (600, 90)  # focus the canvas first (above the image: selects nothing)
    size: tuple[int, int] = (1366, 768)


SHOTS = [
    Shot("screenshot.png", keys=["ctrl+a"]),
    Shot("screenshot-dark.png", theme="dark", keys=["ctrl+a"]),
    Shot("screenshot-fr.png", language="fr", keys=["ctrl+a"]),
    Shot("small-screen-fr.png", language="fr", keys=["ctrl+a"], size=(1280, 800)),  # a check, not for docs/
]


def _wait_for_window(env: dict[str, str], pid: int, timeout: float = 30.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env,
                               capture_output=True, text=True)
        ids = found.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.3)
    raise SystemExit("The window did not appear within 30 s.")


def take(shot: Shot, out_dir: Path, display: str) -> Path:
    home = Path(tempfile.mkdtemp(prefix="mask-editor-shot-"))
    try:
        settings = home / "settings.ini"
        settings.write_text(f"[view]\ntheme={shot.theme}\nlanguage={shot.language}\n", encoding="utf-8")
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
               "XDG_CACHE_HOME": str(home / ".cache"), "MASK_EDITOR_SETTINGS": str(settings),
               "MASK_EDITOR_THEME": shot.theme,
               "LANG": "fr_FR.UTF-8" if shot.language == "fr" else "en_GB.UTF-8"}
        app = subprocess.Popen([sys.executable, "-m", "mask_editor", "--demo"], env=env, cwd=ROOT)
        try:
            window = _wait_for_window(env, app.pid)
            width, height = shot.size
            subprocess.run(["xdotool", "windowmove", window, "0", "0"], env=env, check=True)
            subprocess.run(["xdotool", "windowsize", window, str(width), str(height)], env=env, check=True)
            time.sleep(2.5)  # the image, thumbnails and docks fill in after the first paint
            x, y = shot.click
            subprocess.run(["xdotool", "mousemove", "--window", window, str(x), str(y), "click", "1"],
                           env=env, check=True)
            time.sleep(0.4)
            for key in shot.keys:
                subprocess.run(["xdotool", "key", "--window", window, key], env=env, check=True)
                time.sleep(0.4)
            time.sleep(1.0)
            target = out_dir / shot.name
            subprocess.run([sys.executable, "-c", GRAB, str(target), str(width), str(height)], env=env, check=True)
            return target
        finally:
            app.terminate()
            app.wait(timeout=20)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="shots to take (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--display", default=":97")
    args = parser.parse_args()
    shots = [s for s in SHOTS if not args.names or s.name in args.names]
    width = max(s.size[0] for s in shots)
    height = max(s.size[1] for s in shots)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"])
    try:
        time.sleep(1.0)
        for shot in shots:
            print(take(shot, args.out, args.display))
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    main()
