"""The workspace on real SQLite files: edits, derived states, migrations, read-only, locking."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from mask_editor.core.geometry import Box, quantize
from mask_editor.workspace import (
    Account,
    CameraRow,
    ConflictKind,
    MaskState,
    PoseRow,
    Workspace,
    WorkspaceBusy,
    WorkspaceError,
    schema,
    undo_rows,
)
from mask_editor.workspace.schema import SCHEMA_VERSION


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace(tmp_path / "w.sqlite")
    workspace.save_cameras([CameraRow(1, 1, "cam-alpha-01"), CameraRow(2, 1, "cam-beta-02")],
                           [PoseRow(10, 1, 90.0), PoseRow(11, 1, 180.0), PoseRow(20, 2, 0.0)])
    yield workspace
    workspace.close()


def mark_synced(ws: Workspace, local_id: int, server_id: int) -> None:
    """What a pull does for a mask the server has: the base is the same box."""
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET server_id=?, base_x0=x0, base_y0=y0, base_x1=x1, base_y1=y1 "
                     "WHERE local_id=?", (server_id, local_id))


def test_wal_and_full_sync(ws):
    assert ws.query("PRAGMA journal_mode")[0][0] == "wal"
    assert ws.query("PRAGMA synchronous")[0][0] == 2  # FULL


def test_added_masks_are_quantized_new_and_counted(ws):
    mask = ws.add_mask(10, Box(0.10004, 0.2, 0.3, 0.40049))
    assert mask.box == Box(0.1, 0.2, 0.3, 0.4)
    assert mask.state is MaskState.NEW and mask.text == "(0.1,0.2,0.3,0.4)"
    assert ws.pending_counts() == {10: {MaskState.NEW: 1}}
    assert ws.mask_counts() == {10: 1}


def test_states_are_derived_from_the_row(ws):
    mask = ws.add_mask(10, Box(0.1, 0.2, 0.3, 0.4))
    mark_synced(ws, mask.local_id, 501)
    assert ws.mask(mask.local_id).state is MaskState.SYNCED
    ws.set_boxes({mask.local_id: Box(0.2, 0.2, 0.3, 0.4)})
    assert ws.mask(mask.local_id).state is MaskState.EDITED
    ws.set_boxes({mask.local_id: Box(0.1, 0.2, 0.3, 0.4)})  # moved back: nothing to push
    assert ws.mask(mask.local_id).state is MaskState.SYNCED
    ws.delete_masks([mask.local_id])
    assert ws.mask(mask.local_id).state is MaskState.DELETED
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET conflict=? WHERE local_id=?", (ConflictKind.SERVER_DELETED.value,
                                                                      mask.local_id))
    assert ws.mask(mask.local_id).state is MaskState.CONFLICT
    # The SQL derivation and the Python one agree.
    assert ws.pending_counts() == {10: {MaskState.CONFLICT: 1}}


def test_counts_agree_with_each_mask_state_and_read_the_indexes(ws):
    made = ws.add_masks(10, [Box(0.1 * i, 0.1, 0.1 * i + 0.05, 0.2) for i in range(6)])
    for i, mask in enumerate(made[1:], start=1):  # one stays new; the others synced, then changed
        mark_synced(ws, mask.local_id, 600 + i)
    ws.set_boxes({made[2].local_id: Box(0.25, 0.3, 0.3, 0.4)})  # edited
    ws.delete_masks([made[3].local_id])
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET conflict=? WHERE local_id=?", (ConflictKind.SERVER_EDITED.value,
                                                                      made[4].local_id))
    states = [ws.mask(m.local_id).state for m in made]
    assert states == [MaskState.NEW, MaskState.SYNCED, MaskState.EDITED, MaskState.DELETED, MaskState.CONFLICT,
                      MaskState.SYNCED]
    assert ws.pending_counts() == {10: {s: 1 for s in states if s is not MaskState.SYNCED}}
    assert ws.mask_counts() == {10: 5}
    # A fleet holds 160,000 masks: the counts, re-read after every edit, must not read every row.
    from mask_editor.workspace.schema import PENDING_SQL, STATE_SQL
    plans = {sql: " ".join(r[3] for r in ws.query("EXPLAIN QUERY PLAN " + sql)) for sql in (
        f"SELECT pose_id, {STATE_SQL}, COUNT(*) FROM masks WHERE {PENDING_SQL} GROUP BY pose_id",
        "SELECT pose_id, COUNT(*) FROM masks WHERE NOT deleted GROUP BY pose_id")}
    assert [("masks_pending_by_pose" in p, "COVERING INDEX masks_live_by_pose" in p) for p in plans.values()] == [
        (True, False), (False, True)], plans


def test_delete_of_a_new_mask_removes_it_and_undo_brings_back_the_same_row(ws):
    mask = ws.add_mask(10, Box(0.1, 0.2, 0.3, 0.4), added_at=datetime(2025, 6, 6, 12, 23, 45, tzinfo=UTC))
    (before,) = ws.delete_masks([mask.local_id])
    assert ws.mask(mask.local_id) is None
    undo_rows.apply_steps(ws, 10, [undo_rows.Step(before, undo_rows.GONE, before.box)])
    assert ws.mask(mask.local_id) == mask


def test_undo_after_a_pushed_delete_comes_back_as_new(ws):
    mask = ws.add_mask(10, Box(0.1, 0.2, 0.3, 0.4))
    mark_synced(ws, mask.local_id, 77)
    (before,) = ws.delete_masks([mask.local_id])
    with ws.transaction() as conn:  # what a push does once the server confirmed the DELETE
        conn.execute("DELETE FROM masks WHERE local_id=?", (mask.local_id,))
    undo_rows.apply_steps(ws, 10, [undo_rows.Step(before, undo_rows.GONE, before.box)])
    restored = ws.mask(mask.local_id)
    assert restored.server_id is None and restored.state is MaskState.NEW
    assert restored.box == mask.box and restored.added_at == mask.added_at


def test_local_ids_are_never_handed_out_twice(ws):
    _first, last = ws.add_masks(10, [Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.4)])
    ws.delete_masks([last.local_id])  # the highest id: plain SQLite would hand it out again
    (again,) = ws.add_masks(11, [Box(0.5, 0.5, 0.6, 0.6)])
    assert again.local_id > last.local_id


def test_the_migration_keeps_ids_and_starts_above_every_id_still_known(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    older = schema.MIGRATIONS[:2]  # the format before never-reused ids
    for script in older:
        for statement in schema._statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO masks(local_id, pose_id, x0, y0, x1, y1, added_at) "
                 "VALUES (4, 10, 100, 100, 200, 200, '2026-01-01T00:00:00+00:00')")
    # a new mask deleted while its create was in doubt: only the journal remembers id 9
    conn.execute("INSERT INTO push_attempts VALUES (9, 10, 'create', NULL, '0.1,0.1,0.2,0.2', "
                 "'2026-01-01T00:00:00+00:00')")
    conn.close()
    ws = Workspace(path)
    try:
        assert [m.local_id for m in ws.masks(10)] == [4]
        (fresh,) = ws.add_masks(10, [Box(0.5, 0.5, 0.6, 0.6)])
        assert fresh.local_id == 10
        assert ws.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    finally:
        ws.close()


def test_set_boxes_is_atomic_and_clears_a_refused_push(ws):
    a, b = ws.add_masks(10, [Box(0.1, 0.1, 0.2, 0.2), Box(0.5, 0.5, 0.6, 0.6)])
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET push_error='Invalid mask format.' WHERE local_id=?", (a.local_id,))
    ws.set_boxes({a.local_id: Box(0.15, 0.1, 0.25, 0.2), b.local_id: Box(0.55, 0.5, 0.65, 0.6)})
    assert ws.mask(a.local_id).push_error is None
    with pytest.raises(ValueError):  # a bad box in the batch: nothing of the batch is written
        ws.set_boxes({a.local_id: Box(0.3, 0.3, 0.4, 0.4), b.local_id: Box(0.5, 0.5, 0.5004, 0.6)})
    assert ws.mask(a.local_id).box == Box(0.15, 0.1, 0.25, 0.2)


def test_unlisted_cameras_are_dropped_unless_they_hold_local_changes(ws):
    ws.add_mask(20, Box(0.1, 0.1, 0.2, 0.2))
    ws.save_cameras([CameraRow(1, 1, "cam-alpha-01")], [PoseRow(10, 1, 90.0)])
    assert {c.id for c in ws.cameras()} == {1, 2}  # camera 2 kept: its pose has an unpushed mask
    assert {p.id for p in ws.poses()} == {10, 20}


def test_account_round_trip(ws):
    account = Account("https://api.example.org", "alice", 2, "agent", 1)
    ws.set_account(account)
    assert ws.account() == account and account.can_edit
    assert not Account("https://x", "bob", 3, "user", 1).can_edit


def test_pose_image_is_content_addressed_and_survives_reopen(tmp_path, ws):
    data = b"\xff\xd8\xff" + b"jpeg-bytes" * 100
    image = ws.store_pose_image(10, data, width=1280, height=720, key="1-20261121072634-3bf58576.jpg")
    assert image.path.read_bytes() == data and image.path.name == image.sha256
    assert ws.pose(10).image_key == "1-20261121072634-3bf58576.jpg"
    ws.close()
    again = Workspace(tmp_path / "w.sqlite")
    assert again.pose_image(10) == image
    image.path.unlink()
    assert again.pose_image(10) is None  # a missing file is not offered as an image
    again.close()


def test_second_exclusive_open_is_refused_with_a_clear_message(tmp_path):
    first = Workspace(tmp_path / "x.sqlite", exclusive=True)
    with pytest.raises(WorkspaceBusy, match="already open"):
        Workspace(tmp_path / "x.sqlite", exclusive=True)
    first.close()
    Workspace(tmp_path / "x.sqlite", exclusive=True).close()  # free again once closed


def test_newer_workspace_opens_read_only(tmp_path):
    path = tmp_path / "newer.sqlite"
    Workspace(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    ws = Workspace(path)
    assert ws.read_only and "newer mask_editor" in ws.read_only_reason
    assert ws.cameras() == []  # reading works
    with pytest.raises(WorkspaceError, match="cannot be changed"):
        ws.add_mask(1, Box(0.1, 0.1, 0.2, 0.2))
    ws.close()


def test_not_a_workspace_is_reported(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WorkspaceError, match="not a mask_editor workspace"):
        Workspace(path)


def test_migration_from_empty_sets_the_version(tmp_path):
    ws = Workspace(tmp_path / "m.sqlite")
    assert ws.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    ws.close()


def test_with_box_is_replace_of_box_and_push_error(ws):
    """with_box builds the row by position: every other field, each set here, must come through."""
    mask = ws.add_mask(10, Box(0.1, 0.2, 0.3, 0.4))
    when = datetime(2026, 1, 2, tzinfo=UTC)
    full = mask._replace(server_id=7, server_created_at=when, base=Box(0.1, 0.1, 0.2, 0.2),
                         base_text="(0.1,0.1,0.2,0.2)", deleted=True, conflict=ConflictKind.SERVER_EDITED,
                         theirs_text="(0.5,0.5,0.6,0.6)", notes=("rounded",), push_attempted_at=when,
                         push_error="refused")
    assert all(getattr(full, name) not in (None, False, ()) for name in type(full)._fields)
    moved = full.with_box(Box(0.2, 0.2, 0.4, 0.4))
    assert moved == full._replace(box=Box(0.2, 0.2, 0.4, 0.4), push_error=None) and type(moved) is type(full)


def test_pose_image_shas_list_every_linked_image_without_looking_for_files(ws):
    kept = ws.store_pose_image(10, b"\xff\xd8 one", width=4, height=3)
    gone = ws.store_pose_image(11, b"\xff\xd8 two", width=4, height=3)
    gone.path.unlink()  # pose 20 has no image at all
    assert ws.pose_image_shas() == {10: kept.sha256, 11: gone.sha256}  # the pose list finds 11's gone when painting
    assert ws.images.path_for(kept.sha256) == kept.path
    assert {p: ws.pose_image(p) for p in (11, 20)} == {11: None, 20: None}  # pose by pose, the file is looked for


def test_a_move_stepped_from_the_callers_rows_still_asks_the_workspace_what_is_plain(ws):
    """apply_steps(known=...) skips reading back the rows the caller holds, but a row a pull changed
    meanwhile (or another pose's id) is still found in the workspace, not taken from the stale copy."""
    a, b, c = ws.add_masks(10, [Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.4), Box(0.5, 0.5, 0.6, 0.6)])
    other = ws.add_mask(11, Box(0.7, 0.7, 0.8, 0.8))
    mark_synced(ws, b.local_id, 88)
    ws.set_boxes({b.local_id: Box(0.31, 0.31, 0.41, 0.41)})  # what a pull of the server's edit leaves
    known = {m.local_id: m for m in (a, b, c, other)}
    moved = {m.local_id: quantize(Box(m.box.xmin + 0.05, m.box.ymin, m.box.xmax + 0.05, m.box.ymax))
             for m in (a, b, c)}
    steps = [undo_rows.Step(m, m.box, moved[m.local_id]) for m in (a, b, c)]
    steps.append(undo_rows.Step(other, other.box, Box(0.1, 0.1, 0.2, 0.2)))
    applied = undo_rows.apply_steps(ws, 10, steps, known=known)
    assert applied.rows[a.local_id] == ws.mask(a.local_id) == a.with_box(moved[a.local_id])
    assert ws.mask(c.local_id).box == moved[c.local_id]
    assert applied.conflicts == [b.local_id] and ws.mask(b.local_id).conflict is ConflictKind.SERVER_EDITED
    assert applied.rows[b.local_id] == ws.mask(b.local_id)
    assert applied.refused == [other.local_id] and ws.mask(other.local_id) == other


def test_a_move_of_a_row_whose_box_the_workspace_lost_is_not_plain(ws):
    """The caller still holds a box, but the row has none now (a pull of unreadable server text): the
    step is not a plain move; for a mask the server has, ours becomes a conflict to decide."""
    held = ws.add_mask(10, Box(0.1, 0.1, 0.2, 0.2))
    mark_synced(ws, held.local_id, 77)
    held = ws.mask(held.local_id)
    ws.set_boxes({held.local_id: None})
    target = Box(0.15, 0.1, 0.25, 0.2)
    applied = undo_rows.apply_steps(ws, 10, [undo_rows.Step(held, held.box, target)],
                                    known={held.local_id: held})
    assert applied.conflicts == [held.local_id]
    assert ws.mask(held.local_id).box == target and ws.mask(held.local_id).conflict is ConflictKind.SERVER_EDITED
