"""Stored runs of `make bench` (one JSON file per run) and the change of a run against an earlier one.

`make bench` saves every run in BENCH_RUNS (`.bench/runs` by default, not committed); `make
bench-compare` runs the benchmarks and prints each figure beside the one of the last stored run.
`python -m benchmarks.history [OLD.json [NEW.json]]` compares stored runs without running anything
(default: the two newest). A change is called out only when the two runs' sample ranges do not
overlap and the statistic moved by more than NOISE: figures of a shared machine move by 10-20 %.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.report import Row, fmt_value

ROOT = Path(__file__).resolve().parents[1]
NOISE = 0.10


def runs_dir() -> Path:
    return Path(os.environ.get("BENCH_RUNS") or ROOT / ".bench" / "runs")


def git_revision() -> str:
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "-"
    return done.stdout.strip() or "-"


def save(rows: list[Row], start: str, end: str, folder: Path | None = None) -> Path:
    """Write the run as `<UTC time>.json`; returns the file."""
    folder = folder or runs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    run = {"saved_at": now.isoformat(timespec="seconds"), "git": git_revision(), "start": start, "end": end,
           "rows": as_json(rows)}
    path = folder / f"{now:%Y%m%dT%H%M%S%f}.json"
    partial = path.with_suffix(".part")
    partial.write_text(json.dumps(run, indent=1, allow_nan=True))
    os.replace(partial, path)
    return path


def as_json(rows: list[Row]) -> list[dict[str, Any]]:
    return [{**asdict(r), "value": r.value, "met": r.met} for r in rows]


def stored(folder: Path | None = None) -> list[Path]:
    """Stored runs, oldest first (the names sort by time)."""
    folder = folder or runs_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def _rows(run: dict[str, Any]) -> list[Row]:
    fields = ("name", "samples", "unit", "target", "stat", "note", "extra")
    return [Row(**{k: r[k] for k in fields if k in r}) for r in run["rows"]]


def _verdict(before: Row, now: Row) -> str:
    if math.isnan(before.value) or math.isnan(now.value) or before.value <= 0:
        return ""
    change = now.value / before.value - 1
    if abs(change) <= NOISE:
        return "same"
    if change > 0 and min(now.samples) > max(before.samples):
        return "WORSE"
    if change < 0 and max(now.samples) < min(before.samples):
        return "better"
    return "noise?"  # moved, but the samples overlap


def compare(before: dict[str, Any], now: dict[str, Any]) -> str:
    """A table of each figure of `now` beside the same figure of `before`, matched by name."""
    old = {r.name: r for r in _rows(before)}
    header = ("benchmark", "before", "now", "change", "target", "ok", "verdict")
    lines = [header]
    for r in _rows(now):
        was = old.pop(r.name, None)
        ok = "-" if r.met is None else ("yes" if r.met else "NO")
        target = "-" if r.target is None else "<= " + fmt_value(r.target, r.unit)
        if was is None:
            lines.append((r.name, "-", fmt_value(r.value, r.unit), "-", target, ok, "new"))
            continue
        change = "-" if not was.value else f"{100 * (r.value / was.value - 1):+.0f} %"
        lines.append((r.name, fmt_value(was.value, was.unit), fmt_value(r.value, r.unit), change, target, ok,
                      _verdict(was, r)))
    lines += [(name, fmt_value(r.value, r.unit), "-", "-", "-", "-", "gone") for name, r in old.items()]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [f"before: {before.get('saved_at', '?')} at {before.get('git', '?')} · {before.get('start', '')}",
           f"now:    {now.get('saved_at', '?')} at {now.get('git', '?')} · {now.get('start', '')}", ""]
    for index, line in enumerate(lines):
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(line, widths, strict=True))).rstrip())
        if index == 0:
            out.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    worse = [line[0] for line in lines[1:] if line[-1] == "WORSE"]
    out.append(f"\n{len(worse)} figures worse" + (": " + "; ".join(worse) if worse else "")
               + f" (more than {NOISE:.0%} and outside the earlier run's range)")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        before, now = Path(argv[0]), Path(argv[1])
    else:
        runs = stored()
        if len(argv) == 1:
            before, now = Path(argv[0]), runs[-1] if runs else None
        else:
            before, now = (runs[-2], runs[-1]) if len(runs) >= 2 else (None, None)
        if before is None or now is None:
            print(f"need two stored runs in {runs_dir()} (make bench stores one each time)", file=sys.stderr)
            return 1
    print(compare(load(before), load(now)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
