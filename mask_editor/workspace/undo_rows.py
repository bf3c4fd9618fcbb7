"""Workspace writes of undo and redo: a command takes the rows it made or changed from the state it
left them in back to another one, and touches nothing else.

Each step names one row (by local id, on one pose), what the command left there (`expect`) and what
to put there now (`target`): a box, or GONE for no mask. Local ids are never handed out twice
(migration 3), so a row found under the id is the command's own row or nothing, never another
pose's mask.

What a step finds decides what it writes (ADR 0001: nothing of someone else's is overwritten
without a decision):
- what the command left (our own push may have synced it meanwhile): the target, plainly;
- something else, because a pull took the server's version or removed the mask the server
  deleted: the target becomes OUR side of a conflict, with what the command left as the common
  base, so the next push waits for the user's decision instead of writing over theirs;
- the target already: nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace.masks import Workspace
from mask_editor.workspace.records import ConflictKind, Mask
from mask_editor.workspace.rows import MASK_COLUMNS, mask_values, update_row


class Gone(Enum):
    GONE = "gone"


GONE = Gone.GONE
Ours = Box | None | Gone  # our side of a row: a box (None: unreadable server text), or no mask


class Step(NamedTuple):
    """A NamedTuple, not a dataclass: an undo of a 2,000-mask move makes 2,000 of them (a third of the cost)."""

    row: Mask  # the row as the command last saw it: its id, pose and added time
    expect: Ours  # what the command left
    target: Ours  # what to put there


@dataclass
class Applied:
    rows: dict[int, Mask | None] = field(default_factory=dict)  # each stepped row now (None: gone)
    conflicts: list[int] = field(default_factory=list)  # rows that became conflicts
    refused: list[int] = field(default_factory=list)  # ids held by another pose: left alone


def ours(mask: Mask | None) -> Ours:
    return GONE if mask is None or mask.deleted else mask.box


def apply_steps(ws: Workspace, pose_id: int, steps: Iterable[Step], known: Mapping[int, Mask] | None = None
                ) -> Applied:
    """All steps in one transaction. `known`: the rows the caller holds as current (the document's),
    so that a plain move does not read its 2,000 rows back; the workspace still decides what is plain."""
    steps = list(steps)
    out = Applied()
    with ws.transaction() as conn:
        moved = _plain_moves(conn, pose_id, steps, known or {}, out)  # written already
        rest = [s for s in steps if s.row.local_id not in moved]
        found = {m.local_id: m for m in ws.masks_by_id([s.row.local_id for s in rest])} if rest else {}
        moves: list[tuple[int, int, int, int, int] | tuple[None, None, None, None, int]] = []
        for step in rest:
            local_id = step.row.local_id
            row = found.get(local_id)
            if row is not None and row.pose_id != pose_id:
                out.refused.append(local_id)
                continue
            if row is not None and not row.deleted and step.target is not GONE and row.box == step.expect:
                # The common case, a move undone or redone: one statement for any number of masks.
                out.rows[local_id] = row.with_box(step.target)
                moves.append((*(step.target.milli() if step.target else (None,) * 4), local_id))
                continue
            new = _stepped(row, step, out)
            out.rows[local_id] = new
            if new is None:
                if row is not None:
                    conn.execute("DELETE FROM masks WHERE local_id = ?", (local_id,))
            elif row is None:
                if new.server_id is not None and conn.execute(
                        "SELECT 1 FROM masks WHERE server_id = ?", (new.server_id,)).fetchone():
                    new = out.rows[local_id] = new._replace(server_id=None, server_created_at=None)
                # A plain INSERT under the row's own id: free, since ids are never reused.
                conn.execute(f"INSERT INTO masks({MASK_COLUMNS}) VALUES ({','.join('?' * 20)})", mask_values(new))
            elif new != row:
                update_row(conn, new)
        conn.executemany("UPDATE masks SET x0=?, y0=?, x1=?, y1=?, push_error=NULL WHERE local_id=?", moves)
    return out


def _plain_moves(conn: sqlite3.Connection, pose_id: int, steps: list[Step], known: Mapping[int, Mask],
                 out: Applied) -> set[int]:
    """The steps that are plain moves of a row the caller holds (its copy on this pose, not deleted, with
    the box the command left), written in one statement that also checks the workspace row: still on
    this pose, not deleted, with that box. When every row passes, their new rows go into `out` and their
    ids come back; when one does not (a pull changed it), none count as plain and all go to the general
    path, which finds the moved ones at their target already (nothing more to write)."""
    held: list[tuple[Mask, Box]] = []
    params = []
    for s in steps:
        expect, target = s.expect, s.target
        if isinstance(target, Box) and isinstance(expect, Box) and (k := known.get(s.row.local_id)) is not None \
                and (k.box is expect or k.box == expect) and not k.deleted and k.pose_id == pose_id:
            held.append((k, target))
            params.append((*target.milli(), k.local_id, pose_id, *expect.milli()))
    if not held:
        return set()
    # Checked by the statement, not read back: a 2,000-mask undo does not build its rows twice.
    done = conn.executemany("UPDATE masks SET x0=?, y0=?, x1=?, y1=?, push_error=NULL WHERE local_id=? AND "
                            "pose_id=? AND NOT deleted AND x0=? AND y0=? AND x1=? AND y1=?", params).rowcount
    if done != len(held):
        return set()
    new_rows = out.rows
    for k, target in held:
        new_rows[k.local_id] = k.with_box(target)
    return {k.local_id for k, _target in held}


def _stepped(row: Mask | None, step: Step, out: Applied) -> Mask | None:
    """The row after the step (None: no row)."""
    now, target = ours(row), step.target
    if now == target:
        return row
    if now == step.expect or (row is not None and row.server_id is None):
        return _plain(row, step)  # as the command left it, or a row no server ever had
    out.conflicts.append(step.row.local_id)
    if row is None:
        # The command left a mask here and it is gone: a pull removed it because the server deleted
        # it (our own removals come off this stack in order). Putting it back is ours to decide.
        base = step.expect if isinstance(step.expect, Box) else None
        return Mask(step.row.local_id, step.row.pose_id, target if isinstance(target, Box) else None,
                    step.row.added_at, step.row.server_id, step.row.server_created_at, base,
                    format_mask(base) if base else None, conflict=ConflictKind.SERVER_DELETED)
    if row.conflict is ConflictKind.SERVER_DELETED:
        return _plain(row, step)  # already a conflict against the server's deletion: ours changes
    theirs = row.theirs_text if row.conflict is ConflictKind.SERVER_EDITED else row.base_text
    base = step.expect if isinstance(step.expect, Box) else row.base
    mine = _plain(row, step)
    assert mine is not None  # a row the server has is marked deleted, never removed here
    return mine._replace(base=base, base_text=format_mask(base) if base else row.base_text,
                   conflict=ConflictKind.SERVER_EDITED, theirs_text=theirs)


def _plain(row: Mask | None, step: Step) -> Mask | None:
    target = step.target
    if target is GONE:
        if row is None or row.server_id is None or row.conflict is ConflictKind.SERVER_DELETED:
            return None  # nothing on the server to delete (or the server deleted it too)
        return row._replace(deleted=True, push_error=None)
    if row is None:
        # Back from nothing: if the server had it, our pushed deletion removed it there, so it is a
        # new mask now rather than one pointing at a server id that is gone.
        return Mask(step.row.local_id, step.row.pose_id, target, step.row.added_at)
    return row._replace(box=target, deleted=False, push_error=None)
