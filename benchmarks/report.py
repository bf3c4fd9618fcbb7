"""Rows of the benchmark table: samples, the statistic compared with a target, and the printout."""

from __future__ import annotations

import math
import os
import platform
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class Row:
    """One line of the table. `stat` picks the value compared with `target` (an upper bound)."""

    name: str
    samples: list[float]
    unit: str  # "s", "ms", "MB", "x", "%", "n" (a count)
    target: float | None = None
    stat: str = "median"  # "median" or "p95"
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)  # machine-readable figures for docs

    @property
    def value(self) -> float:
        if not self.samples:
            return math.nan
        if self.stat == "p95":
            return percentile(self.samples, 95)
        return statistics.median(self.samples)

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.value <= self.target


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation: the value of a real sample)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ratio_samples(numerators: list[float], denominators: list[float]) -> list[float]:
    """Pairwise ratios of runs made side by side (same load), e.g. our start over bare Qt's."""
    return [a / b for a, b in zip(numerators, denominators, strict=False) if b > 0]


def fmt_value(value: float, unit: str) -> str:
    if math.isnan(value):
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "n":
        return f"{value:.0f}"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2 if abs(value) >= 1 else 3
    return f"{value:.{digits}f} {unit}"


def machine_line() -> str:
    load = os.getloadavg()
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.node()} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} · {qt_version()} · "
            f"load avg {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} · QPA {os.environ.get('QT_QPA_PLATFORM', '-')}")


def qt_version() -> str:
    try:
        import PySide6
    except ImportError:
        return "no PySide6"
    return f"PySide6 {PySide6.__version__}"


def table(rows: list[Row]) -> str:
    header = ("benchmark", "stat", "n", "value", "min", "max", "target", "ok", "notes")
    lines = [header]
    for r in rows:
        ok = "-" if r.met is None else ("yes" if r.met else "NO")
        target = "-" if r.target is None else "<= " + fmt_value(r.target, r.unit)
        lo = fmt_value(min(r.samples), r.unit) if r.samples else "-"
        hi = fmt_value(max(r.samples), r.unit) if r.samples else "-"
        lines.append((r.name, r.stat, str(len(r.samples)), fmt_value(r.value, r.unit), lo, hi, target, ok, r.note))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    out = []
    for index, line in enumerate(lines):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=False))]
        out.append("  ".join(cells) + "  " + line[-1])
        if index == 0:
            out.append("-" * (sum(widths) + 2 * len(widths) + len(header[-1])))
    return "\n".join(out)
