"""Background work that waits for the person to pause (ui/platform/input_pause.py): the drift check of
a whole fleet at start holds the GIL for a fraction of a second, which typing in the pose browser's
filter felt (issue 16)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from mask_editor.ui.platform.input_pause import AfterInputPause, InputGate


def _type_for(qtbot, field: QLineEdit, seconds: float, every_ms: int = 40) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QTest.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(every_ms)


def test_it_runs_once_after_the_quiet_time_when_nobody_types(qtbot) -> None:
    calls: list[float] = []
    start = time.monotonic()
    pause = AfterInputPause(150, lambda: calls.append(time.monotonic() - start))
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    qtbot.wait(300)
    assert len(calls) == 1 and calls[0] >= 0.14 and not pause.pending


def test_keys_typed_anywhere_push_it_back_until_they_stop(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    calls: list[float] = []
    pause = AfterInputPause(150, lambda: calls.append(time.monotonic()))
    _type_for(qtbot, field, 0.6)
    stopped = time.monotonic()
    assert calls == [] and pause.pending
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    assert calls[0] - stopped >= 0.1 and not pause.pending


def test_a_drag_pushes_it_back_and_a_mouse_only_passing_over_does_not(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    calls: list[int] = []
    pause = AfterInputPause(150, lambda: calls.append(1))
    QTest.mousePress(field, Qt.MouseButton.LeftButton)
    end, step = time.monotonic() + 0.5, 0
    while time.monotonic() < end:  # a long drag: moves with the button held, no other input
        step += 1
        QTest.mouseMove(field, QPoint(5 + step % 20, 5))
        qtbot.wait(30)
    assert calls == [] and pause.pending
    QTest.mouseRelease(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    calls.clear()
    pause = AfterInputPause(150, lambda: calls.append(1))
    end, step = time.monotonic() + 0.5, 0
    while time.monotonic() < end and not calls:  # the pointer passing over, no button held
        step += 1
        QTest.mouseMove(field, QPoint(5 + step % 20, 5))
        qtbot.wait(30)
    assert calls == [1]


def _waiting(gate: InputGate, stop: threading.Event) -> tuple[threading.Thread, list[tuple[float, bool]]]:
    out: list[tuple[float, bool]] = []

    def work() -> None:
        stopped = gate.wait(stop, longest_s=5)
        out.append((time.monotonic(), stopped))

    worker = threading.Thread(target=work)
    worker.start()
    return worker, out


def test_a_worker_at_the_gate_goes_on_at_once_when_nobody_types(qtbot) -> None:
    gate, stop = InputGate(200), threading.Event()
    start = time.monotonic()
    worker, out = _waiting(gate, stop)
    worker.join(5)
    assert out and out[0][0] - start < 0.1 and out[0][1] is False
    gate.close()


def _at_the_gate_after_a_key(qtbot, quiet_ms: int):
    """A field, a key typed in it, then a worker waiting at a new gate."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    gate, stop = InputGate(quiet_ms), threading.Event()
    QTest.keyClick(field, Qt.Key.Key_A)
    worker, out = _waiting(gate, stop)
    return field, gate, stop, worker, out


def test_a_worker_at_the_gate_waits_while_keys_are_typed_and_goes_on_after_the_quiet_time(qtbot) -> None:
    field, gate, _stop, worker, out = _at_the_gate_after_a_key(qtbot, 200)
    _type_for(qtbot, field, 0.6)
    stopped = time.monotonic()
    assert out == []  # still waiting
    qtbot.waitUntil(lambda: bool(out), timeout=3000)
    worker.join(5)
    assert out[0][0] - stopped >= 0.15 and out[0][1] is False
    gate.close()


def test_a_worker_at_the_gate_is_let_go_at_once_when_asked_to_stop(qtbot) -> None:
    _field, gate, stop, worker, out = _at_the_gate_after_a_key(qtbot, 10_000)
    qtbot.wait(100)
    stop.set()
    worker.join(2)
    assert out and out[0][1] is True
    gate.close()
