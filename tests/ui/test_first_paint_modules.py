"""What the window's first paint does without (issue 16): modules it does not need load after it, or
when first used. The app runs as `python -m mask_editor --demo` does, up to its first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each stays off the way to the first paint; the reason is where it would come from.
OFF_THE_FIRST_PAINT = (
    "mask_editor.api.records",  # api/__init__ (messages imports api.errors): the server's records
    "mask_editor.ui.platform.messages",  # the inspector's and the table's words for a box too thin
    "mask_editor.api.errors",  # messages, which words them
    # The docks' contents, built right after the first paint (ui/window/window_layout.py):
    "mask_editor.ui.panels.pose_browser",
    "mask_editor.ui.panels.mask_panel",
    "mask_editor.ui.panels.inspector",
    "mask_editor.ui.panels.timeline",
)

# The first-paint probe (ui/window/app.py) prints its line, then quits: which of them are loaded by then.
_PROBE = """
import sys
watched, real = sys.argv[1].split(","), sys.stdout


class Tap:
    def write(self, text):
        if text.startswith("first-paint "):
            real.write("loaded " + ",".join(m for m in watched if m in sys.modules) + "\\n")
        return real.write(text)

    def flush(self):
        real.flush()


sys.stdout = Tap()
from mask_editor.cli.window_start import main

sys.exit(main(["--demo"]))
"""


def test_the_first_paint_loads_none_of_the_modules_kept_off_it(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MASK_EDITOR_FIRST_PAINT": "1",
           "MASK_EDITOR_HOME": str(tmp_path / "home"), "MASK_EDITOR_SETTINGS": str(tmp_path / "s.ini")}
    done = subprocess.run([sys.executable, "-c", _PROBE, ",".join(OFF_THE_FIRST_PAINT)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = [line for line in done.stdout.splitlines() if line.startswith("loaded ")]
    assert loaded == ["loaded "], done.stdout  # printed once, at the first paint, naming none of them
