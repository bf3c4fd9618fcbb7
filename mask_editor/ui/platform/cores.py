"""An urgent decode gets a core of its own while it runs (Linux; elsewhere nothing is done).

Opening a 3840x2160 pose decodes it on a worker (19 ms at 1/4) while the GUI thread follows the new pose.
On a 2-core machine the kernel often woke the GUI thread on the decoder's core while the other one
sat idle, and the decoder waited there, preempted, for 3-5 ms: half the opens took ~27 ms instead of
~23 (perf sched, docs/performance.md, sixth round). For the decode's length only, the decoder is held
to one core and the GUI thread kept off it. Both masks are given back when it ends, and the whole set
to any thread the GUI thread made meanwhile (a new thread starts with its maker's mask). The price,
for those 20-50 ms only: neither thread may move to another core should a busy process share its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

_get: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
_set: Callable[[int, set[int]], None] | None = getattr(os, "sched_setaffinity", None)


def current_cpu(thread_id: int) -> int | None:
    """The core the thread last ran on (field 39 of its /proc stat), or None where unknown."""
    try:
        fd = os.open(f"/proc/self/task/{thread_id}/stat", os.O_RDONLY)  # half open()'s cost: no io layers
        try:
            fields = os.read(fd, 1024).rsplit(b")", 1)[1].split()
        finally:
            os.close(fd)
        return int(fields[36])  # the fields after the command name start at the 3rd
    except (OSError, IndexError, ValueError):
        return None


@contextmanager
def own_core(gui_thread: int) -> Iterator[int | None]:
    """On the calling worker: for the block's length, this thread runs on one core and the thread
    `gui_thread` (a native id) on the others. Yields that core, or None when nothing was changed
    (not Linux, a single core allowed, or the kernel refused)."""
    if _get is None or _set is None:
        yield None
        return
    me = threading.get_native_id()
    try:
        mine, theirs = _get(0), _get(gui_thread)
    except OSError:
        yield None
        return
    gui_cpu, here = current_cpu(gui_thread), current_cpu(me)
    free = sorted((mine & theirs) - {gui_cpu})
    if len(theirs) < 2 or not free:
        yield None
        return
    core = here if here in free else free[0]
    try:
        _set(0, {core})
        _set(gui_thread, theirs - {core})
    except OSError:
        _give_back([(gui_thread, theirs), (me, mine)])
        yield None
        return
    try:
        yield core
    finally:
        narrowed = theirs - {core}
        born = [(t, theirs) for t in _threads() if t not in (me, gui_thread) and _mask(t) == narrowed]
        _give_back([(gui_thread, theirs), (me, mine), *born])


def _give_back(masks: list[tuple[int, set[int]]]) -> None:
    assert _set is not None
    for thread_id, mask in masks:
        with suppress(OSError):  # the thread is gone, or the cpuset changed meanwhile
            _set(thread_id, mask)


def _threads() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc/self/task")]
    except (OSError, ValueError):
        return []


def _mask(thread_id: int) -> set[int] | None:
    assert _get is not None
    try:
        return _get(thread_id)
    except OSError:
        return None
