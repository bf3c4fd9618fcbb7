"""Memory: resident set after opening 50 poses with 3840x2160 images one after another through
the real MainWindow.show_pose (each one painted), in a fresh process.

What could grow: ui/window/open_poses.py keeps the 8 most recent PoseDocuments (masks and undo history,
no pixels); the canvas holds the image on screen only (a preview, plus the full decode after a
zoom-in); the pose browser keeps 64x36 thumbnails; QPixmapCache holds the image item's device cache.
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

from benchmarks.data import landscape_jpeg, new_workspace
from benchmarks.qt_probe import PaintCounter, emit, open_window, run_child, settle, status_mb, wait_for_paint
from benchmarks.report import Row

TARGET_MB = 350.0


def bench(poses: int = 50, size: tuple[int, int] = (3840, 2160), runs: int = 1) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        path = Path(tmp) / "ws.sqlite"
        images = [(100 + i, landscape_jpeg(*size, seed=1 + i % 2, variant=i // 2), *size) for i in range(poses)]
        new_workspace(path, images)
        results = [run_child("benchmarks.memory", str(path), str(Path(tmp) / f"s{r}.ini"), str(poses))
                   for r in range(runs)]
    w, h = size
    return [
        Row(f"memory: RSS after opening {poses} poses {w}x{h}", [r["rss_end_mb"] for r in results], "MB",
            TARGET_MB, note=f"first pose {results[0]['rss_first_mb']:.0f} MB, window alone "
                            f"{results[0]['rss_window_mb']:.0f} MB, peak {results[0]['hwm_mb']:.0f} MB, "
                            f"QPixmapCache limit {results[0]['pixmap_cache_kb']} KB"),
        Row("memory: growth per pose after the first", [r["per_pose_mb"] for r in results], "MB"),
    ]


def _child(workspace: Path, settings: Path, poses: int) -> None:
    from PySide6.QtGui import QPixmapCache

    app, window = open_window(workspace, settings)
    settle(app, 0.3)
    rss_window = status_mb("VmRSS")
    paints = PaintCounter(window.canvas.viewport())
    ids = window.browser.pose_ids()[:poses]
    rss_first = rss_window
    for index, pose_id in enumerate(ids):
        before = paints.count
        shown = window.document is not None and window.document.pose_id == pose_id
        window.show_pose(pose_id)
        if not shown:
            wait_for_paint(app, paints, before)
        settle(app, 0.02)
        if index == 0:
            rss_first = status_mb("VmRSS")
    settle(app, 0.5)  # thumbnails and counts done
    gc.collect()
    rss_end = status_mb("VmRSS")
    emit({"rss_window_mb": rss_window, "rss_first_mb": rss_first, "rss_end_mb": rss_end,
          "hwm_mb": status_mb("VmHWM"), "per_pose_mb": (rss_end - rss_first) / max(1, len(ids) - 1),
          "pixmap_cache_kb": QPixmapCache.cacheLimit()})
    window.close()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
