"""Runs a sync off the GUI thread, as a task of ui/platform/tasks.py (the one background mechanism).

The engine calls `progress` from its pool threads; the task posts it to the GUI thread. `cancel()`
sets the task's token, which the engine checks between requests; the result it then returns says
what was sent. `shutdown()` cancels and waits (the dialog does, on close); at quit,
`tasks.shutdown_tasks()` does the same for every task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from mask_editor.sync import Progress, SyncResult
from mask_editor.ui.platform.tasks import Task, run_task

# What to run: given the cancel event and the progress callback, return the engine's result.
# e.g. lambda cancel, progress: push_all(client, ws, cancel=cancel, progress=progress)
SyncJob = Callable[[threading.Event, Progress], SyncResult]


class SyncRunner(QObject):
    """Starts jobs one at a time and reports on the GUI thread."""

    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # SyncResult
    failed = Signal(object)  # BaseException: a bug or a workspace problem, never a network failure
    runningChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, job: SyncJob) -> bool:
        """Start `job`; False (and nothing started) when one is already running."""
        if self._task is not None:
            return False
        task = Task(self)

        def progress(done: int, total: int, message: str) -> None:
            task.post(lambda: self.progress.emit(done, total, message))

        self._task = task
        self.runningChanged.emit(True)
        run_task(lambda: job(task.token, progress), self._on_finished, self._on_failed, task=task)
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel the job and wait for it to return (the workspace must outlive the job)."""
        if self._task is None:
            return True
        self._task.cancel()
        return self._task.wait(msecs)

    def _on_finished(self, result: SyncResult) -> None:
        self._done()
        self.finished.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self._done()
        self.failed.emit(error)

    def _done(self) -> None:
        self._task = None
        self.runningChanged.emit(False)
