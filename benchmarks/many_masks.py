"""Many masks: a pose with 2,000 masks on a 3840x2160 image, driven like a user would.

Zoom (Ctrl+wheel events) and pan frames, each forced with viewport().repaint(); a rubber band
over everything (mouse events); a drag of the whole selection (time per mouse move, then the
release that commits it); undo and redo of that move. Release, undo and redo include the
events they post (the table, the inspector), flushed with processEvents(). Runs in a fresh
process (`python -m benchmarks.many_masks child ...`).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import grid_boxes, landscape_jpeg, mark_synced, new_workspace
from benchmarks.qt_probe import emit, open_window, run_child, settle
from benchmarks.report import Row

POSE = 1
PROFILE_ENV = "MASK_EDITOR_BENCH_PROFILE"  # a file path: profile the gestures into it
# Issue #16: a drag frame (p95) within half a 60 Hz frame, the commit, undo and redo of a move within one.
TARGET_FRAME_MS, TARGET_SELECT_MS, TARGET_MOVE_MS, TARGET_UNDO_MS = 16.0, 50.0, 8.0, 16.0


def bench(masks: int = 2000, size: tuple[int, int] = (3840, 2160), cycles: int = 9) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-masks-") as tmp:
        path = Path(tmp) / "ws.sqlite"
        new_workspace(path, [(POSE, landscape_jpeg(*size), *size)])
        from mask_editor.workspace import Workspace

        with Workspace(path) as ws:
            ws.add_masks(POSE, grid_boxes(masks))
            mark_synced(ws, POSE)
        r = run_child("benchmarks.many_masks", str(path), str(Path(tmp) / "s.ini"), str(cycles))
    n = f"{masks} masks"
    return [
        Row(f"{n}: zoom frame (ctrl+wheel)", r["zoom"], "ms", TARGET_FRAME_MS, "p95",
            note=f"p50 {_p50(r['zoom']):.1f} ms"),
        Row(f"{n}: pan frame", r["pan"], "ms", TARGET_FRAME_MS, "p95", note=f"p50 {_p50(r['pan']):.1f} ms"),
        Row(f"{n}: rubber band, per move", r["band_move"], "ms", TARGET_FRAME_MS, "p95"),
        Row(f"{n}: rubber band release -> all selected", r["band_release"], "ms", TARGET_SELECT_MS,
            note=f"{r['selected']} selected"),
        Row(f"{n}: drag selection, per move", r["drag_move"], "ms", TARGET_MOVE_MS, "p95",
            note=f"p50 {_p50(r['drag_move']):.1f} ms"),
        Row(f"{n}: drag release (commit move)", r["drag_release"], "ms", TARGET_UNDO_MS,
            note=f"{r['moved']} moved"),
        Row(f"{n}: undo the move", r["undo"], "ms", TARGET_UNDO_MS),
        Row(f"{n}: redo the move", r["redo"], "ms", TARGET_UNDO_MS),
    ]


def _p50(samples: list[float]) -> float:
    import statistics

    return statistics.median(samples)


def _child(workspace: Path, settings: Path, cycles: int) -> None:
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent, QWheelEvent
    from PySide6.QtWidgets import QApplication

    app, window = open_window(workspace, settings)
    canvas, viewport = window.canvas, window.canvas.viewport()
    doc = window.document
    settle(app, 0.3)
    Btn, Mod = Qt.MouseButton, Qt.KeyboardModifier

    def mouse(kind: QEvent.Type, pos: QPointF, button=Btn.LeftButton) -> None:
        buttons = Btn.NoButton if kind == QEvent.Type.MouseButtonRelease else Btn.LeftButton
        held = button if kind != QEvent.Type.MouseMove else Btn.NoButton
        QApplication.sendEvent(viewport, QMouseEvent(kind, pos, viewport.mapToGlobal(pos), held, buttons,
                                                     Mod.NoModifier))

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        return 1000 * (time.perf_counter() - start)

    def frame(action) -> float:
        return timed(lambda: (action(), viewport.repaint()))

    def flushed(action) -> float:
        return timed(lambda: (action(), app.processEvents(), viewport.repaint()))

    centre = QPointF(viewport.rect().center())
    zoom, pan = [], []
    for _ in range(cycles):
        for delta in [120] * 10 + [-120] * 10:
            event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta), Btn.NoButton,
                                Mod.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
            zoom.append(frame(lambda e=event: QApplication.sendEvent(viewport, e)))
        canvas.zoom_to_fit()
        settle(app, 0.2)  # smooth sampling back on, as after a real gesture
        for step in range(20):
            d = 15 if step % 10 < 5 else -15
            pan.append(frame(lambda d=d: canvas.pan_by(d, d / 2)))

    band_move, band_release, drag_move, drag_release, undo, redo = [], [], [], [], [], []
    selected = moved = 0
    profile = os.environ.get(PROFILE_ENV)
    if profile:  # the gestures below, under cProfile (see docs/performance.md)
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    corner, far = QPointF(3, 3), QPointF(viewport.width() - 3, viewport.height() - 3)
    for _ in range(cycles):
        canvas.zoom_to_fit()
        doc.set_selection(())
        settle(app, 0.2)
        mouse(QEvent.Type.MouseButtonPress, corner)
        for i in range(1, 11):
            p = corner + (far - corner) * (i / 10)
            band_move.append(frame(lambda p=p: mouse(QEvent.Type.MouseMove, p)))
        band_release.append(flushed(lambda: mouse(QEvent.Type.MouseButtonRelease, far)))
        selected = len(doc.selection)
        settle(app, 0.2)
        # Grab one selected mask at its centre and drag everything.
        first = min(doc.selection)
        before = doc.mask(first).box
        grab = QPointF(canvas.mapFromScene(canvas.mask_rect(first).center()))
        mouse(QEvent.Type.MouseButtonPress, grab)
        for i in range(1, 21):
            p = grab + QPointF(2 * i, i)
            drag_move.append(frame(lambda p=p: mouse(QEvent.Type.MouseMove, p)))
        drag_release.append(flushed(lambda p=p: mouse(QEvent.Type.MouseButtonRelease, p)))
        moved = sum(1 for i in doc.selection if doc.mask(i).box != before) if doc.mask(first).box != before else 0
        settle(app, 0.2)
        undo.append(flushed(window.poses.group.undo))
        settle(app, 0.2)
        redo.append(flushed(window.poses.group.redo))
        settle(app, 0.2)
        window.poses.group.undo()
        settle(app, 0.2)
    if profile:
        profiler.disable()
        profiler.dump_stats(profile)
    emit({"zoom": zoom, "pan": pan, "band_move": band_move, "band_release": band_release, "selected": selected,
          "drag_move": drag_move, "drag_release": drag_release, "moved": moved, "undo": undo, "redo": redo})
    window.close()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
