"""What the headless commands print: tables and messages, one JSON document, a progress bar.

Results go to stdout, everything else (progress, warnings, errors) to stderr, so that
`mask-editor status --json | jq` always reads exactly one JSON document.
"""

from __future__ import annotations

import json
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
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
    """How far long work has come, on stderr (stdout keeps the result, or the one JSON document).

    On a terminal, a bar redrawn in place: `Pulling 1,234/16,000 poses ▕████      ▏ 8%`. Elsewhere (a
    log file, a pipe) carriage returns would pile up, so a plain line every 10% or every
    PLAIN_EVERY seconds, and one at the end."""

    PLAIN_EVERY = 10.0  # seconds between plain lines when the percentage moves slowly
    REDRAW_EVERY = 0.1  # seconds between two drawings of the bar (thousands of poses, one line)

    def __init__(self, total: int, label: str, unit: str = "", stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = max(total, 0)
        self.label, self.unit = label, unit
        self.done = 0
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._clock = clock
        self._shown: tuple[int, float] | None = None  # (done, when) of the last drawing or line
        self._drawn = False
        self._lock = threading.Lock()  # the sync engine reports from its worker threads

    def update(self, done: int, total: int, what: str = "") -> None:
        """The sync engine's progress callback: (done, total, message)."""
        with self._lock:
            self.total, self.done = max(total, 0), done
            self._show(what)

    def step(self, what: str = "") -> None:
        with self._lock:
            self.done += 1
            self._show(what)

    def text(self) -> str:
        """`Pulling 1,234/16,000 poses` (no total when it is not known)."""
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        return " ".join(part for part in (self.label, count, self.unit) if part)

    def percent(self) -> int:
        return 100 * min(self.done, self.total) // self.total if self.total else 0

    def _show(self, what: str) -> None:
        now = self._clock()
        finished = bool(self.total) and self.done >= self.total
        if self.tty:
            if self._shown is None or finished or now - self._shown[1] >= self.REDRAW_EVERY:
                self._draw_bar(what)
                self._shown = (self.done, now)
            return
        if self._shown is None:
            due = True
        else:
            last_done, last_when = self._shown
            last_tenth = 10 * last_done // self.total if self.total else 0
            due = (finished and last_done < self.done) or (bool(self.total) and self.percent() // 10 > last_tenth) \
                or now - last_when >= self.PLAIN_EVERY
        if due:
            self.stream.write(self.text() + (f" ({self.percent()}%)" if self.total else "") + "\n")
            self.stream.flush()
            self._shown = (self.done, now)

    def _draw_bar(self, what: str) -> None:
        columns = shutil.get_terminal_size((80, 20)).columns
        width = max(10, min(30, columns - 60))
        eighths = width * 8 * min(self.done, self.total) // self.total if self.total else 0
        bar = "█" * (eighths // 8) + (_PARTIAL[eighths % 8] if eighths // 8 < width else "")
        line = f"{self.text()} ▕{bar.ljust(width)}▏ {self.percent()}%" if self.total else self.text()
        line = f"{line} {what}" if what else line
        self.stream.write("\r" + line[: columns - 1].ljust(columns - 1))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Ends the bar's line, or prints the last plain line if it was not printed yet."""
        with self._lock:
            if self.tty:
                if self._drawn:
                    self.stream.write("\n")
                    self.stream.flush()
                self._drawn = False
            elif self._shown is not None and self._shown[0] != self.done:
                self.stream.write(self.text() + (f" ({self.percent()}%)" if self.total else "") + "\n")
                self.stream.flush()
                self._shown = (self.done, self._clock())

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_PARTIAL = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")  # the bar's last cell, in eighths
