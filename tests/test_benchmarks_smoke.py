"""Each benchmark runs once at a tiny size and returns numbers. Not timed: benchmarks report, and
CI does not run them (`make bench` does)."""

from __future__ import annotations

import math

import pytest

from benchmarks import cold_start, drift, fleet, history, many_masks, memory, open_image, sync_throughput
from benchmarks.report import Row, percentile, table

pytestmark = pytest.mark.slow


def _check(rows: list[Row]) -> None:
    assert rows and all(r.samples for r in rows)
    assert all(not math.isnan(r.value) for r in rows), table(rows)
    # times and sizes are never negative; a growth is a difference of two RSS readings and may be
    # (the allocator gave pages back between them)
    assert all(r.value >= 0 for r in rows if "growth" not in r.name), table(rows)
    assert table(rows).count("\n") == len(rows) + 1  # header, rule, one line per row


def test_report_statistics():
    row = Row("x", [3.0, 1.0, 2.0, 10.0], "ms", target=2.5)
    assert row.value == 2.5 and row.met is True
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0


def test_cold_start_reports_no_heavy_module_at_first_paint():
    rows = cold_start.bench(runs=1)
    _check(rows)
    assert rows[0].note.endswith(": -"), rows[0].note  # numpy, PIL and httpx stay off the first paint


def test_open_image():
    _check(open_image.bench(sizes=((320, 180),), runs=1))


def test_many_masks():
    rows = many_masks.bench(masks=40, size=(320, 180), cycles=1)
    _check(rows)
    assert "40 selected" in rows[3].note and "40 moved" in rows[5].note


def test_sync_throughput():
    rows = sync_throughput.bench(poses=2, per_pose=3, pull_poses=2, pull_masks=2, latency=0.01, runs=1,
                                 sequential=False)
    _check([r for r in rows if "one at a time" not in r.name])  # not measured with sequential=False


def test_memory():
    _check(memory.bench(poses=3, size=(320, 180)))


def test_fleet():
    rows = fleet.bench(cameras=3, per_camera=2, masks=2, latency=0.01, runs=1)
    _check(rows)
    assert "'GET': 6" in rows[0].note and len(rows) == 12  # one listing per pose


def test_stored_runs_are_compared_by_name(tmp_path):
    before = [Row("frame", [10.0, 11.0, 12.0], "ms", 16.0), Row("ratio", [1.0, 1.1], "x"), Row("gone", [1.0], "s")]
    now = [Row("frame", [15.0, 16.0, 17.0], "ms", 16.0), Row("ratio", [1.05], "x"), Row("new", [2.0], "s")]
    first = history.save(before, "start", "end", tmp_path)
    second = history.save(now, "start", "end", tmp_path)
    assert history.stored(tmp_path) == [first, second]
    lines = {line.split()[0]: line for line in history.compare(history.load(first), history.load(second)).splitlines()
             if line.split() and line.split()[0] in ("frame", "ratio", "gone", "new")}
    assert lines["frame"].endswith("WORSE") and "+45 %" in lines["frame"]  # 11 -> 16 ms, ranges apart
    assert lines["ratio"].endswith("same")
    assert lines["gone"].endswith("gone") and lines["new"].endswith("new")


def test_drift():
    rows = drift.bench(count=12, runs=1)
    _check(rows)
    assert rows[1].value == 0, rows[1].note
