"""A mask's state has one rule (Mask.state) and one SQL twin (schema.STATE_SQL, PENDING_SQL): over
any values of the columns they read, on a real SQLite file, the two agree; and sync/ runs no SQL."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mask_editor.workspace import Workspace
from mask_editor.workspace.records import OUTBOX_STATES, MaskState
from mask_editor.workspace.rows import MASK_COLUMNS, mask_from_row
from mask_editor.workspace.schema import PENDING_SQL, STATE_SQL

ROOT = Path(__file__).resolve().parents[2] / "mask_editor"

# A box as stored: four milli corners, or none at all (a server text that could not be read).
# Built ordered rather than filtered: a filter on four free corners discards ~3/4 of the boxes and
# Hypothesis's health check fails the test when a list of six needs many tries.
_span = st.lists(st.integers(0, 1000), min_size=2, max_size=2, unique=True).map(sorted)
_box = st.none() | st.tuples(_span, _span).map(lambda s: (s[0][0], s[1][0], s[0][1], s[1][1]))
_columns = st.fixed_dictionaries({
    "box": _box,
    # The base is often the box itself (a synced mask), sometimes another or none.
    "base": st.sampled_from(["same", "other"]),
    "other_base": _box,
    "server_id": st.none() | st.integers(1, 5),
    "deleted": st.booleans(),
    "conflict": st.none() | st.sampled_from(["server_edited", "server_deleted"]),
    "push_error": st.none() | st.just("refused"),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_columns, min_size=1, max_size=6))
def test_the_sql_state_is_the_python_state_for_any_columns(tmp_path, rows):
    path = tmp_path / "w.sqlite"
    for stale in tmp_path.glob("w.sqlite*"):
        stale.unlink()
    ws = Workspace(path)
    try:
        with ws.transaction() as conn:
            for i, r in enumerate(rows):
                box = r["box"] or (None,) * 4
                base = r["box"] if r["base"] == "same" else r["other_base"]
                conn.execute(
                    "INSERT INTO masks(pose_id, server_id, x0, y0, x1, y1, base_x0, base_y0, base_x1, base_y1,"
                    " added_at, deleted, conflict, push_error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (10 + i % 2, (r["server_id"] or 0) * 10 + i if r["server_id"] else None, *box,
                     *(base or (None,) * 4), "2025-06-06T12:00:00+00:00", int(r["deleted"]), r["conflict"],
                     r["push_error"]))
        got = ws.query(f"SELECT {MASK_COLUMNS}, {STATE_SQL} AS sql_state, {PENDING_SQL} AS pending FROM masks")
        masks = [mask_from_row(tuple(r)[:-2]) for r in got]  # type: ignore[arg-type]
        for mask, r in zip(masks, got, strict=True):
            assert MaskState(r["sql_state"]) is mask.state, (mask, r["sql_state"])
            assert bool(r["pending"]) == (mask.state is not MaskState.SYNCED)
        # The named queries the sync engine asks for agree with the rule too.
        outbox: dict[int, int] = {}
        for m in masks:
            if m.state in OUTBOX_STATES:
                outbox[m.pose_id] = outbox.get(m.pose_id, 0) + 1
        assert ws.outbox_counts() == outbox
        for pose in (10, 11):
            assert ws.pending_total(pose) == sum(m.state is not MaskState.SYNCED for m in masks if m.pose_id == pose)
        assert ws.poses_to_push() == set(outbox)
        assert ws.poses_with_anything_pending() == {
            m.pose_id for m in masks if m.state is not MaskState.SYNCED or m.push_error is not None}
    finally:
        ws.close()


def test_nothing_in_sync_runs_sql():
    """The workspace owns its tables: sync/ asks it by name (Workspace methods, sync_rows)."""
    sql = re.compile(r"\.(query|execute|executemany|executescript)\(|STATE_SQL|PENDING_SQL|\bSELECT\b|\bUPDATE\b")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "sync").rglob("*.py"))
                 for n, line in enumerate(p.read_text().splitlines(), 1) if sql.search(line)]
    assert offenders == []
