"""Quitting with masks on the clipboard exits cleanly (PySide6 6.11 crashes at exit when the clipboard
still owns a QMimeData we made; the app hands the clipboard over as text on quit)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mask_editor.core.geometry import Box
from mask_editor.ui.editing import clipboard

app = QApplication([])
app.aboutToQuit.connect(clipboard.hand_over_as_text)  # as ui/window/app.py does
app.clipboard().setMimeData(clipboard.mime_for([Box(0.1, 0.2, 0.3, 0.4)]))
QTimer.singleShot(0, app.quit)
app.exec()
print(app.clipboard().text())
"""


def test_quit_with_masks_on_the_clipboard_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(0.1,0.2,0.3,0.4)"  # the mask strings stay pasteable
