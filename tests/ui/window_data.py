"""Data for the window tests: a small workspace (one organization, two cameras, three poses, masks
of several states and ages) and a helper that opens the window on a workspace file.

The fixtures built on these live in window_fixtures.py (a pytest plugin, so kept apart from what
test modules import directly).
"""

from __future__ import annotations

import os
import struct
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mask_editor.core.geometry import Box
from mask_editor.workspace import Account, CameraRow, PoseRow, Workspace

IMAGE_SIZE = (1280, 720)
NOW = datetime.now(UTC)
OLD = NOW - timedelta(days=200)  # past the default 120-day stale age
RECENT = NOW - timedelta(days=3)
POSE_A, POSE_B, POSE_C = 11, 12, 21  # brison pose 1 and 2, serre-de-barre pose 1


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (90, 130, 170)) -> bytes:
    """A solid-colour PNG, written by hand so fixtures need no image library."""
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def make_workspace(path: Path, role: str = "admin", signed_in: bool = True) -> Path:
    """A workspace: pose A has 3 masks (one synced with a server id, one 200 days old), B has 1."""
    with Workspace(path) as ws:
        if signed_in:
            ws.set_account(Account("https://api.example.org", "alice", 7, role, 1))
        ws.set_organization(1, "Pyronear France")
        ws.save_cameras(
            [CameraRow(1, 1, "brison"), CameraRow(2, 1, "serre-de-barre")],
            [PoseRow(POSE_A, 1, 246.0), PoseRow(POSE_B, 1, 310.0), PoseRow(POSE_C, 2, 90.0)],
        )
        data = png_bytes(*IMAGE_SIZE)
        for pose_id in (POSE_A, POSE_B, POSE_C):
            ws.store_pose_image(pose_id, data, width=IMAGE_SIZE[0], height=IMAGE_SIZE[1])
        ws.add_mask(POSE_A, Box(0.1, 0.1, 0.3, 0.4), added_at=RECENT)
        ws.add_mask(POSE_A, Box(0.5, 0.2, 0.9, 0.3), added_at=OLD)
        synced = ws.add_mask(POSE_A, Box(0.2, 0.6, 0.4, 0.8), added_at=OLD - timedelta(days=30))
        with ws.transaction() as conn:  # as a pull would record it: the server has it, unchanged
            conn.execute("UPDATE masks SET server_id = 345, server_created_at = ?, base_x0 = x0, base_y0 = y0,"
                         " base_x1 = x1, base_y1 = y1, base_text = '(0.2,0.6,0.4,0.8)' WHERE local_id = ?",
                         (OLD.isoformat(), synced.local_id))
        ws.add_mask(POSE_B, Box(0.05, 0.05, 0.25, 0.15), added_at=RECENT)
    return path


def open_window(qtbot, path: Path, settings):
    from mask_editor.ui.window.main_window import MainWindow

    ws = Workspace(path, exclusive=True)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    if settings.geometry() is None:
        window.resize(1366, 768)  # the offscreen screen is 800 x 600: too small for the side panels
    window.show()
    qtbot.waitExposed(window)
    window._default_dock_sizes()
    return window, ws
