"""The workspace's revision (equal twice only when no row changed in between) and the one-statement
move of many boxes that undo and redo lean on (ui/editing/commands.py SetBoxes)."""

from __future__ import annotations

import sqlite3

import pytest

from mask_editor.core.geometry import Box
from mask_editor.workspace import CameraRow, PoseRow, Workspace


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace(tmp_path / "w.sqlite")
    workspace.save_cameras([CameraRow(1, 1, "cam-alpha-01")], [PoseRow(10, 1, 90.0), PoseRow(11, 1, 180.0)])
    yield workspace
    workspace.close()


def test_the_revision_stays_the_same_until_a_row_is_written(ws):
    mask = ws.add_mask(10, Box(0.1, 0.1, 0.2, 0.2))
    seen = ws.revision()
    ws.masks(10), ws.mask(mask.local_id), ws.pending_counts()  # reads change nothing
    assert ws.unchanged_since(seen)
    ws.set_meta("note", "x")  # any table, any row
    assert not ws.unchanged_since(seen)
    assert not ws.unchanged_since(None)


def test_a_write_returns_the_revision_it_leaves(ws):
    mask = ws.add_mask(10, Box(0.1, 0.1, 0.2, 0.2))
    left = ws.set_boxes({mask.local_id: Box(0.2, 0.1, 0.3, 0.2)}, pose_id=10)
    assert ws.unchanged_since(left)
    left = ws.move_boxes([mask.local_id], 10, 0, pose_id=10)
    assert ws.unchanged_since(left)
    ws.set_boxes({mask.local_id: Box(0.2, 0.1, 0.3, 0.2)}, pose_id=10)
    assert not ws.unchanged_since(left)


def test_a_commit_by_another_connection_changes_the_revision(ws):
    mask = ws.add_mask(10, Box(0.1, 0.1, 0.2, 0.2))
    seen = ws.revision()
    other = sqlite3.connect(ws.path)  # another process, or the sync's own connection
    with other:
        other.execute("UPDATE masks SET x0 = 150 WHERE local_id = ?", (mask.local_id,))
    other.close()
    assert not ws.unchanged_since(seen)


def test_a_rolled_back_transaction_changes_the_revision(ws):
    """A rollback takes rows back without counting as changes: a revision read inside the outer
    transaction must not match what is left after it."""
    mask = ws.add_mask(10, Box(0.1, 0.1, 0.2, 0.2))
    with pytest.raises(RuntimeError), ws.transaction():
        inside = ws.move_boxes([mask.local_id], 10, 0, pose_id=10)
        raise RuntimeError("the outer write fails")
    assert ws.mask(mask.local_id).box == Box(0.1, 0.1, 0.2, 0.2)
    assert not ws.unchanged_since(inside)


def test_move_boxes_shifts_every_box_clears_a_refused_push_and_dates_the_image(ws):
    a, b = ws.add_masks(10, [Box(0.1, 0.1, 0.2, 0.2), Box(0.5, 0.5, 0.6, 0.6)])
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET push_error = 'Invalid mask format.', drawn_on = NULL")
    first = ws.store_pose_image(10, b"\xff\xd8\xff first", width=1280, height=720).sha256
    ws.move_boxes([a.local_id, b.local_id], 30, -20, pose_id=10)
    assert [m.box for m in ws.masks(10)] == [Box(0.13, 0.08, 0.23, 0.18), Box(0.53, 0.48, 0.63, 0.58)]
    assert [m.push_error for m in ws.masks(10)] == [None, None]
    assert ws.raw_drawn_on([a.local_id, b.local_id]) == {a.local_id: first, b.local_id: first}
    ws.store_pose_image(10, b"\xff\xd8\xff second", width=1280, height=720)
    ws.move_boxes([a.local_id], -30, 20, pose_id=10, drawn_now=False)  # an undo keeps the drawn-on image
    assert ws.raw_drawn_on([a.local_id]) == {a.local_id: first}
    assert ws.mask(a.local_id).box == Box(0.1, 0.1, 0.2, 0.2)


@pytest.mark.parametrize("case", ["pushed out", "other pose", "no such mask", "no box"])
def test_move_boxes_writes_nothing_when_one_mask_cannot_move(ws, case):
    a, b = ws.add_masks(10, [Box(0.1, 0.1, 0.2, 0.2), Box(0.5, 0.5, 0.99, 0.6)])
    elsewhere = ws.add_mask(11, Box(0.1, 0.1, 0.2, 0.2))
    ids, dx = [a.local_id, b.local_id], 15  # b's right edge would pass the image's
    if case != "pushed out":
        dx = 1
        ids = {"other pose": [a.local_id, elsewhere.local_id], "no such mask": [a.local_id, 999],
               "no box": [a.local_id, b.local_id]}[case]
    if case == "no box":  # a mask whose server text could not be read
        with ws.transaction() as conn:
            conn.execute("UPDATE masks SET x0 = NULL, y0 = NULL, x1 = NULL, y1 = NULL WHERE local_id = ?",
                         (b.local_id,))
    before = {m.local_id: m for m in ws.masks(10) + ws.masks(11)}
    with pytest.raises(ValueError, match="cannot move 1 of these 2 masks"):
        ws.move_boxes(ids, dx, 0, pose_id=10)
    assert {m.local_id: m for m in ws.masks(10) + ws.masks(11)} == before
