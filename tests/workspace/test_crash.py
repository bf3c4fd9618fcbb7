"""A process killed in the middle of writes loses at most the edit in flight, never the file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from mask_editor.workspace import Workspace

WRITER = """
import sys
from mask_editor.core.geometry import Box
from mask_editor.workspace import Workspace, CameraRow, PoseRow
ws = Workspace(sys.argv[1])
ws.save_cameras([CameraRow(1, 1, "cam")], [PoseRow(10, 1, 0.0)])
i = 0
while True:
    # Each batch of 20 masks is one transaction: it is all there or not at all.
    x = (i % 900) / 1000
    ws.add_masks(10, [Box(x, j / 1000, x + 0.05, j / 1000 + 0.05) for j in range(20)])
    print(i, flush=True)
    i += 1
"""


def test_killed_writer_leaves_whole_transactions(tmp_path):
    path = tmp_path / "crash.sqlite"
    for round_ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        acknowledged = -1
        deadline = time.monotonic() + 30
        while acknowledged < 3 + round_ * 7 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line:
                acknowledged = int(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        ws = Workspace(path)
        count = len(ws.masks(10))
        assert ws.query("PRAGMA integrity_check")[0][0] == "ok"
        assert count % 20 == 0, f"a transaction was torn: {count} masks"
        ws.close()
    assert count >= 20 * (acknowledged + 1)  # every acknowledged batch survived the kill
