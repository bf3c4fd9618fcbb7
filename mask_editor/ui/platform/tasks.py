"""Running blocking work (network, disk) off the GUI thread and getting the answer back on it.

`run_task(fn, on_done, on_error)` runs `fn` on a Python thread pool; the callbacks run on the GUI
thread, delivered by one long-lived QObject through a queued signal, so they may touch widgets. No Qt
object is created or destroyed per task: QRunnable/QObject pairs made per task and collected from
two threads crashed PySide6 during garbage collection.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mask-editor-task")
_pending: set[Future[None]] = set()
_pending_lock = threading.Lock()


class _Mailbox(QObject):
    """Lives on the GUI thread for the whole run; workers post (callback, value) to it."""

    deliver = Signal(object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, item: tuple[Callable[[Any], None], Any]) -> None:
        callback, value = item
        callback(value)


_mailbox: _Mailbox | None = None


def _get_mailbox() -> _Mailbox:
    global _mailbox
    if _mailbox is None or not shiboken6.isValid(_mailbox):
        _mailbox = _Mailbox(QCoreApplication.instance())  # owned by the application, gone with it
    return _mailbox


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> None:
    """Run `fn` off the GUI thread (call this from the GUI thread). The callbacks are skipped when
    `owner` was deleted meanwhile: a closed window must not be updated by an answer that arrives late."""
    mailbox = _get_mailbox()

    def deliver(callback: Callable[[Any], None] | None, value: Any) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException):
            log.error("background task failed: %s", type(value).__name__)

    def work() -> None:
        try:
            value = fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to say
            item = (lambda v: deliver(on_error, v), exc)
        else:
            item = (lambda v: deliver(on_done, v), value)
        if shiboken6.isValid(mailbox):
            mailbox.deliver.emit(item)

    future = _executor.submit(work)
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(_forget)


def _forget(future: Future[None]) -> None:
    with _pending_lock:
        _pending.discard(future)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Let running tasks finish (before the workspace they write to is closed). Their answers are
    delivered at the next turn of the event loop."""
    with _pending_lock:
        running = list(_pending)
    _done, not_done = wait(running, timeout=timeout_ms / 1000)
    return not not_done
