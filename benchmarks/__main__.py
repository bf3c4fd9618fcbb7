"""`python -m benchmarks [NAME ...] [--quick]`: run the benchmarks and print one table.

NAME is any of cold_start, open_image, many_masks, sync, memory, fleet, drift (default: all). --quick runs
fewer repetitions (sizes stay the same), for a first look. --save stores the run as JSON in
BENCH_RUNS (.bench/runs); --compare also prints the change against the last run stored before
(benchmarks/history.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

from benchmarks import history
from benchmarks.report import Row, machine_line, table


def _suites(quick: bool) -> dict[str, Callable[[], list[Row]]]:
    from benchmarks import cold_start, drift, fleet, many_masks, memory, open_image, sync_throughput

    return {
        "cold_start": lambda: cold_start.bench(runs=5 if quick else 15),
        "open_image": lambda: open_image.bench(runs=3 if quick else 9),
        "many_masks": lambda: many_masks.bench(cycles=2 if quick else 9),  # 5 left medians at the noise's mercy
        "sync": lambda: sync_throughput.bench(runs=1 if quick else 3, sequential=not quick),
        "memory": lambda: memory.bench(runs=1 if quick else 3),
        "fleet": lambda: fleet.bench(runs=3 if quick else 5),
        "drift": lambda: drift.bench(count=1000, runs=5 if quick else 20),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--save", action="store_true", help="store the run as JSON (BENCH_RUNS)")
    parser.add_argument("--compare", action="store_true", help="print the change against the last stored run")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    suites = _suites(args.quick)
    unknown = [n for n in args.names if n not in suites]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(suites)}")
    start_line = machine_line()
    started = time.perf_counter()
    rows: list[Row] = []
    for name in args.names or list(suites):
        print(f"running {name}...", file=sys.stderr, flush=True)
        rows += suites[name]()
    load = os.getloadavg()
    end_line = f"load avg {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} · {time.perf_counter() - started:.0f} s"
    print(f"start: {start_line}")
    print(f"end:   {end_line}")
    print(table(rows))
    missed = [r.name for r in rows if r.met is False]
    print(f"\n{sum(r.met is True for r in rows)} targets met, {len(missed)} missed"
          + (": " + "; ".join(missed) if missed else ""))
    earlier = history.stored()
    if args.save or args.compare:
        print(f"stored in {history.save(rows, start_line, end_line)}")
    if args.compare:
        if earlier:
            print("\n" + history.compare(history.load(earlier[-1]), {"start": start_line, "saved_at": "this run",
                                                                     "git": history.git_revision(),
                                                                     "rows": history.as_json(rows)}))
        else:
            print(f"\nno earlier run stored in {history.runs_dir()} to compare with")
    return 0


if __name__ == "__main__":
    sys.exit(main())
