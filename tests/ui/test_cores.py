"""ui/platform/cores.py: an urgent decode's core to itself for the decode's length (Linux), every mask
given back after, threads born meanwhile included."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

from mask_editor.ui.platform.cores import current_cpu, own_core

T = TypeVar("T")
ALLOWED = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
pytestmark = pytest.mark.skipif(len(ALLOWED) < 2, reason="needs sched_setaffinity and two cores or more")
GUI = threading.get_native_id()  # the test's main thread plays the GUI thread


def on_worker(work: Callable[[], T]) -> T:
    out: list[T] = []
    worker = threading.Thread(target=lambda: out.append(work()))
    worker.start()
    worker.join(10)
    assert out, "the worker did not finish"
    return out[0]


def test_the_worker_runs_on_one_core_and_the_gui_thread_on_the_others_until_the_block_ends() -> None:
    def work():
        with own_core(GUI) as core:
            inside = (core, os.sched_getaffinity(0), os.sched_getaffinity(GUI))
        return inside, os.sched_getaffinity(0)

    (core, worker_mask, gui_mask), worker_after = on_worker(work)
    assert core in ALLOWED and worker_mask == {core} and gui_mask == ALLOWED - {core}
    assert worker_after == ALLOWED and os.sched_getaffinity(0) == ALLOWED


def test_a_thread_the_gui_thread_starts_meanwhile_gets_every_core_back() -> None:
    entered, leave = threading.Event(), threading.Event()
    masks: dict[str, set[int]] = {}

    def work():
        with own_core(GUI):
            entered.set()
            assert leave.wait(10)

    worker = threading.Thread(target=work)
    worker.start()
    assert entered.wait(10)
    born_ready, born_check = threading.Event(), threading.Event()

    def born() -> None:  # started by the GUI thread while its mask is narrowed: it inherits it
        masks["at birth"] = os.sched_getaffinity(0)
        born_ready.set()
        born_check.wait(10)
        masks["after"] = os.sched_getaffinity(0)

    child = threading.Thread(target=born)
    child.start()
    assert born_ready.wait(10)
    leave.set()
    worker.join(10)
    born_check.set()
    child.join(10)
    assert masks["at birth"] != ALLOWED and masks["after"] == ALLOWED and os.sched_getaffinity(0) == ALLOWED


def test_nothing_changes_when_the_gui_thread_may_use_a_single_core() -> None:
    one = min(ALLOWED)
    os.sched_setaffinity(0, {one})
    try:
        def work():
            before = os.sched_getaffinity(0)  # {one}: a thread starts with its maker's mask
            with own_core(GUI) as core:
                return core, before, os.sched_getaffinity(0), os.sched_getaffinity(GUI)

        core, before, worker, gui = on_worker(work)
        assert core is None and worker == before and gui == {one}
    finally:
        os.sched_setaffinity(0, ALLOWED)


def test_the_core_a_thread_last_ran_on_is_one_it_may_use() -> None:
    assert current_cpu(GUI) in ALLOWED
    assert current_cpu(999_999_999) is None  # no such thread
