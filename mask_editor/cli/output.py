"""What the headless commands print: tables and messages, one JSON document, a progress bar.

Results go to stdout, everything else (progress, warnings, errors) to stderr, so that
`mask-editor status --json | jq` always reads exactly one JSON document.
"""

from __future__ import annotations

import json
import shutil
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO


def say(text: str = "") -> None:
    """A result line (stdout)."""
    print(text, file=sys.stdout, flush=True)


def tell(text: str) -> None:
    """A message for the person running the command (stderr)."""
    print(text, file=sys.stderr, flush=True)


def emit_json(document: Any) -> None:
    """The one JSON document of a --json run."""
    sys.stdout.write(json.dumps(document, indent=2, default=_json_default) + "\n")
    sys.stdout.flush()


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return when_text(value)
    return str(value)


def when_text(when: datetime | None) -> str | None:
    """UTC ISO-8601 with a Z: `2025-06-06T12:23:45Z`."""
    if when is None:
        return None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.replace(tzinfo=None).isoformat() + "Z"


def short_time(when: datetime | None) -> str:
    """`2025-06-06 12:23 UTC` for tables; `-` when unknown."""
    if when is None:
        return "-"
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> str:
    """A plain text table; columns in `right` are right-aligned (numbers)."""
    cells = [[str(h) for h in headers]] + [["-" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]]
    return "\n".join(out)


class Progress:
    """A progress bar on stderr when it is a terminal; one plain line per step when it is not
    (a log file or a pipe would otherwise fill with carriage returns)."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 0)
        self.label = label
        self.done = 0
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()  # the sync engine reports from its worker threads

    def update(self, done: int, total: int, what: str = "") -> None:
        """The sync engine's progress callback: (done, total, message)."""
        with self._lock:
            self.total, self.done = total, done - 1
            self._draw(what)

    def step(self, what: str = "") -> None:
        with self._lock:
            self._draw(what)

    def _draw(self, what: str) -> None:
        self.done += 1
        if self.tty:
            width = max(10, min(30, shutil.get_terminal_size((80, 20)).columns - 40))
            filled = width * self.done // self.total if self.total else width
            bar = "#" * filled + "." * (width - filled)
            text = f"\r{self.label} [{bar}] {self.done}/{self.total} {what}"
            columns = shutil.get_terminal_size((80, 20)).columns
            self.stream.write(text[: columns - 1].ljust(columns - 1))
        else:
            self.stream.write(f"{self.label} {self.done}/{self.total}: {what}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
