"""ui/platform/tasks.py, the one way to run background work: answers on the GUI thread, cooperative
cancellation, nothing started or delivered after the quit, one job at a time in a Lane."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading
import time

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from mask_editor.ui.platform import tasks
from mask_editor.ui.platform.tasks import Lane, Task, run_task, shutdown_tasks, wait_for_tasks


def test_the_answer_arrives_on_the_gui_thread(qtbot) -> None:
    threads: list[int] = []
    answers: list[tuple[int, int]] = []

    def work() -> int:
        threads.append(threading.get_ident())
        return 42

    run_task(work, lambda value: answers.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert answers == [(42, threading.get_ident())] and threads[0] != threading.get_ident()


def test_a_failure_goes_to_on_error(qtbot) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("no such pose")

    run_task(work, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "no such pose"


def test_cancel_stops_work_that_checks_its_token_and_still_reports(qtbot) -> None:
    task = Task()
    started = threading.Event()
    answers: list[str] = []

    def work() -> str:
        started.set()
        return "stopped early" if task.token.wait(5) else "ran to the end"

    run_task(work, answers.append, task=task)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert answers == ["stopped early"] and task.done()


def test_no_answer_for_a_deleted_owner(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    answers: list[int] = []
    task = run_task(lambda: release.wait(5) and 1, answers.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not tasks.shiboken6.isValid(owner), timeout=5000)
    release.set()
    assert task.wait(5000)
    qtbot.wait(100)
    assert answers == []


def test_shutdown_cancels_waits_and_delivers_nothing_more(qtbot) -> None:
    """More tasks than pool threads: the running ones are cancelled and waited for, the queued one
    never starts, and no answer or progress is delivered after the shutdown."""
    assert wait_for_tasks(10_000)
    ran: list[str] = []
    answers: list[str] = []
    blockers = [Task() for _ in range(4)]  # the pool has 4 threads
    for i, task in enumerate(blockers):
        def work(task: Task = task, i: int = i) -> str:
            ran.append(f"blocker {i}")
            task.token.wait(10)
            task.post(lambda: answers.append(f"progress {i}"))  # on its way out, as a sync reports
            return f"blocker {i}"

        run_task(work, answers.append, task=task)
    queued = run_task(lambda: ran.append("queued") or "queued", answers.append)
    qtbot.waitUntil(lambda: len(ran) == 4, timeout=5000)
    assert tasks.running_tasks() == 5

    assert shutdown_tasks(5000)
    assert tasks.running_tasks() == 0 and all(t.token.is_set() for t in blockers) and queued.done()
    qtbot.wait(100)
    assert "queued" not in ran
    assert answers == []  # neither the answers nor the progress posted while stopping


def test_a_lane_runs_one_job_at_a_time_latest_first_and_cancel_drops_the_queue(qtbot) -> None:
    owner = QObject()
    lane = Lane(owner)
    gate = threading.Event()
    running = threading.Lock()
    overlaps: list[str] = []
    done: list[str] = []

    def job(key: str):
        def run() -> str:
            if not running.acquire(blocking=False):
                overlaps.append(key)
                return key
            try:
                gate.wait(5)
                return key
            finally:
                running.release()
        return run

    for key in ("a", "b", "c", "b"):  # "b" again while waiting: queued once
        lane.submit(key, job(key), done.append)
    gate.set()
    qtbot.waitUntil(lambda: not lane.busy(), timeout=5000)
    assert done == ["a", "c", "b"] and overlaps == []

    gate.clear()
    lane.submit("x", job("x"), done.append)
    lane.submit("y", job("y"), done.append)
    lane.cancel()  # "y" is forgotten; "x" is asked to stop and still answers
    gate.set()
    qtbot.waitUntil(lambda: not lane.busy(), timeout=5000)
    assert done[3:] == ["x"]
    owner.deleteLater()


class LaneMachine(RuleBasedStateMachine):
    """A Lane against a plain model: at most one job runs; a key waiting or running is not queued
    again; the latest waiting key runs next; cancel forgets the waiting keys, and the running job
    still answers; every answer is delivered once, in the order the jobs ran."""

    def __init__(self) -> None:
        super().__init__()
        self.owner = QObject()
        self.lane = Lane(self.owner)
        self.release: dict[str, threading.Event] = {}  # per running submission
        self.started: list[str] = []
        self.answers: list[str] = []
        self.running: str | None = None  # the model
        self.waiting: list[str] = []
        self.ran: list[str] = []

    def _job(self, key: str, gate: threading.Event):
        def run() -> str:
            self.started.append(key)
            assert gate.wait(5), "a job was never released"
            return key
        return run

    def _settle(self) -> None:
        """Process events until the lane is where the model says."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            QApplication.processEvents()
            # every job the model says started has started (the same key can run twice in a row)
            if self.answers == self.ran and self.started == self.ran + ([self.running] if self.running else []):
                return
            time.sleep(0.002)

    @rule(key=st.sampled_from("abcd"))
    def submit(self, key: str) -> None:
        gate = threading.Event()
        self.lane.submit(key, self._job(key, gate), self.answers.append)
        if key == self.running or key in self.waiting:
            return
        self.release.setdefault(key, gate)
        if self.running is None:
            self.running = key
        else:
            self.waiting.append(key)
        self._settle()

    @rule()
    def finish(self) -> None:
        if self.running is None:
            return
        self.release.pop(self.running).set()
        self.ran.append(self.running)
        self.running = self.waiting.pop() if self.waiting else None  # the latest request
        self._settle()

    @rule()
    def cancel(self) -> None:
        self.lane.cancel()
        for key in self.waiting:
            self.release.pop(key, None)
        self.waiting = []
        self._settle()

    @invariant()
    def matches_the_model(self) -> None:
        assert self.answers == self.ran
        assert self.lane.busy() == (self.running is not None or bool(self.waiting))
        assert self.started == self.ran + ([self.running] if self.running is not None else [])

    def teardown(self) -> None:
        self.lane.cancel()
        for gate in self.release.values():
            gate.set()
        self.lane.wait(5000)
        self.owner.deleteLater()


def test_a_lane_behaves_like_its_model(qapp) -> None:
    run_state_machine_as_test(LaneMachine, settings=settings(max_examples=25, stateful_step_count=15,
                                                             deadline=None))
