"""The one way to run blocking work (network, sync, image decoding) off the GUI thread.

`run_task(fn, on_done, on_error)` runs `fn` on a Python thread pool and returns its `Task`. The
callbacks run on the GUI thread, delivered by one long-lived QObject (the mailbox) through a queued
signal, so they may touch widgets. No Qt object is created or destroyed per task: QRunnable/QObject
pairs made per task (and QThreads with a worker) collected from two threads crashed PySide6 during
garbage collection.

Cancellation is cooperative: `Task.cancel()` sets `Task.token`, which work that can stop early
(a sync between requests) checks; its answer still arrives, saying what was done. At quit,
`shutdown_tasks()` cancels every task, waits for them, and closes them: a closed task does not start
and delivers nothing, so nothing runs after the window is gone. `Lane` runs keyed jobs one at a time
(image decoding keeps the other core for the GUI). `urgent` work (the image of the pose just opened,
which the user is waiting to see) has a thread of its own, never queued behind network requests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

# Made by their first task, after the window's first paint (concurrent.futures is not on its way).
_executor: ThreadPoolExecutor | None = None
_urgent_executor: ThreadPoolExecutor | None = None
_running: set[Task] = set()
_running_lock = threading.Lock()


class _Mailbox(QObject):
    """Lives on the GUI thread for the whole run; workers post callbacks to it."""

    deliver = Signal(object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


_mailbox: _Mailbox | None = None


def _pool(urgent: bool = False) -> ThreadPoolExecutor:
    global _executor, _urgent_executor
    from concurrent.futures import ThreadPoolExecutor

    if urgent:
        if _urgent_executor is None:
            _urgent_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mask-editor-urgent")
        return _urgent_executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mask-editor-task")
    return _executor


def _get_mailbox() -> _Mailbox:
    global _mailbox
    if _mailbox is None or not shiboken6.isValid(_mailbox):
        _mailbox = _Mailbox(QCoreApplication.instance())  # owned by the application, gone with it
    return _mailbox


class Task:
    """One piece of background work. `token` is set once it is asked to stop."""

    def __init__(self, owner: QObject | None = None) -> None:
        self.token = threading.Event()
        self.owner = owner  # callbacks are skipped once this Qt object is deleted
        self.closed = False  # set at quit: nothing more starts or is delivered
        self._future: Future[None] | None = None
        self._mailbox = _get_mailbox()

    def cancel(self) -> None:
        """Ask the work to stop (safe from any thread); what it returns is still delivered."""
        self.token.set()

    def done(self) -> bool:
        return self._future is not None and self._future.done()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the work has returned (not until its answer is delivered)."""
        if self._future is None:
            return True
        from concurrent.futures import wait

        finished, _ = wait([self._future], timeout=timeout_ms / 1000)
        return bool(finished)

    def post(self, callback: Callable[[], None]) -> None:
        """Run `callback` on the GUI thread (from the work: progress), unless the task is closed or
        its owner gone by then."""
        mailbox = self._mailbox
        if shiboken6.isValid(mailbox):
            mailbox.deliver.emit(lambda: self._deliver(callback))

    def _deliver(self, callback: Callable[[], None]) -> None:
        if self.closed or (self.owner is not None and not shiboken6.isValid(self.owner)):
            return
        callback()


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None,
             task: Task | None = None, urgent: bool = False) -> Task:
    """Run `fn` off the GUI thread (call this from the GUI thread). The callbacks are skipped when
    `owner` was deleted meanwhile: a closed window must not be updated by an answer that arrives late.
    Pass a `task` made beforehand when `fn` needs its token; `urgent` runs it on its own thread."""
    task = task or Task(owner)
    if owner is not None:
        task.owner = owner

    def failed(error: BaseException) -> None:
        if on_error is not None:
            on_error(error)
        else:
            log.error("background task failed: %s", type(error).__name__)

    def work() -> None:
        try:
            if task.closed:
                return
            try:
                value = fn()
            except BaseException as exc:  # handed to the GUI thread, which decides what to say
                task.post(lambda error=exc: failed(error))  # `exc` is unbound after the block
            else:
                task.post(lambda: on_done(value))
        finally:
            with _running_lock:
                _running.discard(task)

    with _running_lock:
        _running.add(task)
    task._future = _pool(urgent).submit(work)
    return task


def _snapshot() -> list[Task]:
    with _running_lock:
        return list(_running)


def running_tasks() -> int:
    """How many tasks are waiting or running (not counting answers not delivered yet)."""
    with _running_lock:
        return len(_running)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Let running tasks finish (before the workspace they write to is closed). Their answers are
    delivered at the next turn of the event loop."""
    tasks = _snapshot()
    futures = [t._future for t in tasks if t._future is not None]
    if not futures:
        return True
    from concurrent.futures import wait

    _done, not_done = wait(futures, timeout=timeout_ms / 1000)
    return not not_done


def shutdown_tasks(timeout_ms: int = 30_000) -> bool:
    """At quit: cancel and close every task, then wait for those already running. False when some
    did not return in time (the caller should not close what they write to)."""
    tasks = _snapshot()
    for task in tasks:
        task.closed = True
        task.cancel()
    return wait_for_tasks(timeout_ms)


class Lane:
    """Keyed jobs run one at a time, newest request first; a key already waiting or running is not
    queued twice. `cancel()` forgets the queue and asks the running job to stop."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._waiting: dict[str, Callable[[], Any]] = {}
        self._on_done: dict[str, Callable[[Any], None]] = {}
        self._current: tuple[str, Task] | None = None

    def submit(self, key: str, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        if (self._current is not None and self._current[0] == key) or key in self._waiting:
            return
        self._waiting[key], self._on_done[key] = fn, on_done
        self._next()

    def cancel(self) -> None:
        self._waiting.clear()
        self._on_done.clear()
        if self._current is not None:
            self._current[1].cancel()

    def busy(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return self._current is None or self._current[1].wait(timeout_ms)

    def _next(self) -> None:
        if self._current is not None or not self._waiting:
            return
        key = next(reversed(self._waiting))  # the latest request is what the user looks at now
        fn = self._waiting.pop(key)
        on_done = self._on_done.pop(key, None)

        def finished(value: Any = None, error: BaseException | None = None) -> None:
            self._current = None
            if error is not None:
                log.warning("background job failed: %s", type(error).__name__)
            elif on_done is not None:
                on_done(value)
            self._next()

        task = run_task(fn, finished, lambda exc: finished(error=exc), owner=self._owner)
        self._current = (key, task)
