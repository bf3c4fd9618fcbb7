"""One app instance per workspace: a second one is refused instead of racing the first one's sync."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO


class WorkspaceBusy(RuntimeError):
    """Another mask_editor process has this workspace open. `path`: the workspace, for the window's words."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class WorkspaceLock:
    """An advisory lock on `<workspace>.lock`, released when the process ends, however it ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+")  # noqa: SIM115  (held open for the lock's lifetime)
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise WorkspaceBusy(
                f"This workspace is already open in another mask_editor window or command "
                f"({self.path.with_suffix('')}). Close it there first.", self.path.with_suffix("")
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the descriptor drops the lock
            self._file = None


if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
