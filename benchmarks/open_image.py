"""Opening a pose image: from choosing the pose (MainWindow.show_pose) to the canvas's first paint,
for JPEGs of several sizes in the image cache, and the memory that costs.

Each size runs in a fresh process (`python -m benchmarks.open_image child ...`): the first open
gives the peak memory (VmHWM, reset just before), later opens alternate with a small pose so that
every measured open decodes the file again (the OS file cache is warm, as for a pose seen before).
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import landscape_jpeg, new_workspace
from benchmarks.qt_probe import (
    PaintCounter,
    emit,
    open_window,
    reset_peak,
    run_child,
    settle,
    status_mb,
    wait_for_paint,
)
from benchmarks.report import Row, ratio_samples

SIZES = ((1280, 720), (3840, 2160), (7680, 4320))
TARGETS_MS = {(1280, 720): 40.0, (3840, 2160): 120.0, (7680, 4320): 400.0}
# The first paint decodes at the size the image is shown, so it beats a bare decode that covers the
# whole viewport (the earlier rule) where the view's aspect differs from the image's.
FLOOR_RATIO = {(3840, 2160): 0.9, (7680, 4320): 0.9}
SMALL, BIG = 1, 2  # pose ids


def bench(sizes: tuple[tuple[int, int], ...] = SIZES, runs: int = 7) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-open-") as tmp:
        for width, height in sizes:
            path = Path(tmp) / f"ws-{width}x{height}.sqlite"
            small = landscape_jpeg(640, 360, seed=5)
            new_workspace(path, [(SMALL, small, 640, 360), (BIG, landscape_jpeg(width, height), width, height)])
            result = run_child("benchmarks.open_image", str(path), str(Path(tmp) / f"s-{width}.ini"), str(runs))
            label = f"open pose {width}x{height}"
            rows.append(Row(f"{label}: choose -> first paint", result["open_ms"], "ms",
                            TARGETS_MS.get((width, height)), note=f"first open {result['first_ms']:.0f} ms"))
            floor = result["floor_ms"]
            rows.append(Row(f"{label}: first paint / viewport-sized decode (paired)",
                            ratio_samples(result["open_ms"], floor), "x", FLOOR_RATIO.get((width, height)),
                            note=f"bare decode covering the viewport {sorted(floor)[len(floor) // 2]:.1f} ms; "
                                 f"{result['decode']}"))
            if result.get("full_ms"):
                rows.append(Row(f"{label}: zoom 100% -> full-res shown", result["full_ms"], "ms",
                                note="decoded off the GUI thread"))
            rows.append(Row(f"{label}: peak memory of first open", [result["peak_delta_mb"]], "MB",
                            note=f"RSS {result['rss_before_mb']:.0f} -> {result['rss_after_mb']:.0f} MB, "
                                 f"VmHWM {result['hwm_mb']:.0f} MB"))
    return rows


def _child(workspace: Path, settings: Path, runs: int) -> None:
    app, window = open_window(workspace, settings)
    canvas = window.canvas
    paints = PaintCounter(canvas.viewport())

    def show(pose_id: int) -> float:
        before = paints.count
        start = time.perf_counter()
        window.show_pose(pose_id)
        return 1000 * (wait_for_paint(app, paints, before) - start)

    if window.document is None or window.document.pose_id != SMALL:  # it opens on the first pose, SMALL
        show(SMALL)  # (a pose already shown paints nothing more to wait for)
    settle(app, 0.3)  # thumbnails and counts done
    gc.collect()
    rss_before = status_mb("VmRSS")
    reset_peak()
    first = show(BIG)
    hwm = status_mb("VmHWM")
    settle(app, 0.2)
    rss_after = status_mb("VmRSS")
    opens, full, floor = [], [], []
    for _ in range(runs):
        floor_ms, viewport_reduction = _viewport_decode(canvas, window.document.image().path)
        floor.append(floor_ms)
        show(SMALL)
        settle(app, 0.05)
        opens.append(show(BIG))
        shown_reduction = getattr(canvas._image, "reduction", 1)
        full_ms = _zoom_to_full(app, canvas)
        if full_ms is not None:
            full.append(full_ms)
        settle(app, 0.05)
    view = canvas.viewport().size()
    emit({"first_ms": first, "open_ms": opens, "full_ms": full, "floor_ms": floor,
          "decode": f"viewport {view.width()}x{view.height()}: 1/{shown_reduction} "
                    f"shown, 1/{viewport_reduction} to cover it", "rss_before_mb": rss_before,
          "rss_after_mb": rss_after, "hwm_mb": hwm, "peak_delta_mb": max(0.0, hwm - rss_before)})
    window.close()


def _viewport_decode(canvas, path: Path) -> tuple[float, int]:
    """The floor the first paint is held to: a bare QImageReader decode at the reduction that
    covers the whole viewport (the rule before decoding at the shown size), nothing drawn."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageReader

    start = time.perf_counter()
    reader = QImageReader(str(path))
    full, view = reader.size(), canvas.viewport().size() * canvas.devicePixelRatioF()
    n = 1
    while n < 8 and -(-full.width() // (2 * n)) >= view.width() and -(-full.height() // (2 * n)) >= view.height():
        n *= 2
    if n > 1:
        reader.setScaledSize(QSize(-(-full.width() // n), -(-full.height() // n)))
    reader.read()
    return 1000 * (time.perf_counter() - start), n


def _zoom_to_full(app, canvas) -> float | None:
    """Zoom to 100 % and wait until the canvas shows the image's own pixels (None: no such state)."""
    image = getattr(canvas, "_image", None)
    if image is None or not hasattr(image, "full_resolution"):
        return None
    start = time.perf_counter()
    canvas.zoom_actual()
    while not image.full_resolution():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > 10:
            raise TimeoutError("full resolution never arrived")
    canvas.viewport().repaint()
    return 1000 * (time.perf_counter() - start)


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
