"""Runs a sync off the GUI thread: a SyncWorker (QObject) living in its own QThread.

One QThread and one worker live as long as their SyncRunner: jobs are handed to the worker through
a queued signal, so no Qt object is made or destroyed per job (PySide6 crashes or hangs when such
pairs are collected from two threads). The engine calls `progress` from its pool threads; Qt queues
those signals to the GUI thread. `cancel()` is safe from any thread: the engine checks the event
between requests. Call `shutdown()` before the runner goes (the dialog does, on close).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from mask_editor.sync import Progress, SyncResult

# What to run: given the cancel event and the progress callback, return the engine's result.
# e.g. lambda cancel, progress: push_all(client, ws, cancel=cancel, progress=progress)
SyncJob = Callable[[threading.Event, Progress], SyncResult]


class SyncWorker(QObject):
    """Runs jobs, one after the other, in the thread it was moved to."""

    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # SyncResult
    failed = Signal(object)  # BaseException: a bug or a workspace problem, never a network failure

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    @Slot(object)
    def run(self, job: SyncJob) -> None:
        try:
            result = job(self.cancel_event, self._progress)
        except BaseException as exc:  # reported to the GUI thread rather than lost with the thread
            self.failed.emit(exc)
            return
        self.finished.emit(result)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)


class SyncRunner(QObject):
    """Starts jobs on its worker thread, one at a time, and forwards the worker's signals."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # SyncResult
    failed = Signal(object)  # BaseException
    runningChanged = Signal(bool)
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, job: SyncJob) -> bool:
        """Start `job`; False (and nothing started) when one is already running."""
        if self._running:
            return False
        worker = self._ensure_worker()
        worker.cancel_event.clear()
        self._running = True
        self.runningChanged.emit(True)
        self._submit.emit(job)
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel_event.set()

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel the job, stop the thread and wait for it (the workspace must outlive the job).
        A later start() makes a new thread and worker."""
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return True
        worker.cancel_event.set()
        thread.quit()
        if not thread.wait(msecs):
            return False
        self._submit.disconnect(worker.run)
        self._thread = self._worker = None  # both idle now: safe to collect from this thread
        return True

    def _ensure_worker(self) -> SyncWorker:
        if self._worker is None:
            thread = QThread()  # no Qt parent: shutdown() stops it before it is collected
            thread.setObjectName("sync")
            worker = SyncWorker()
            worker.moveToThread(thread)
            queued = Qt.ConnectionType.QueuedConnection
            self._submit.connect(worker.run, queued)
            worker.progress.connect(self.progress, queued)
            worker.finished.connect(self._on_finished, queued)
            worker.failed.connect(self._on_failed, queued)
            thread.start()
            self._thread, self._worker = thread, worker
        return self._worker

    @Slot(object)
    def _on_finished(self, result: SyncResult) -> None:
        self._done()
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._done()
        self.failed.emit(error)

    def _done(self) -> None:
        self._running = False
        self.runningChanged.emit(False)
