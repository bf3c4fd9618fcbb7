"""Running blocking work (network, disk) off the GUI thread and getting the answer back on it.

`run_task(fn, on_done, on_error)` runs `fn` in Qt's global thread pool; the callbacks run on the GUI
thread through a queued signal, so they may touch widgets. The GUI never waits on the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across threads."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to say
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_live: set[_Relay] = set()  # keeps relays alive until their task reported


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> None:
    """Run `fn` off the GUI thread. Callbacks are skipped when `owner` was destroyed meanwhile (a closed
    window must not be updated by an answer that arrives late)."""
    relay = _Relay()
    _live.add(relay)
    gone: list[bool] = []
    if owner is not None:
        owner.destroyed.connect(lambda *_: gone.append(True))

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if gone:
            return
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException):
            log.error("background task failed: %s", type(value).__name__)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Let running tasks finish (before the workspace they write to is closed)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
