"""Masks in the workspace: the edits the UI makes, each one transaction, each one undoable.

Undo commands keep the rows these methods return (small deltas, not snapshots of the pose), and
hand them back to `restore_masks` or `set_boxes`.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from mask_editor.core.geometry import Box, quantize
from mask_editor.workspace.records import ConflictKind, Mask, MaskState
from mask_editor.workspace.schema import STATE_SQL
from mask_editor.workspace.store import Store, from_text, now_utc, to_text

_COLUMNS = (
    "local_id, pose_id, server_id, x0, y0, x1, y1, added_at, server_created_at, "
    "base_x0, base_y0, base_x1, base_y1, base_text, deleted, conflict, theirs_text, notes, "
    "push_attempted_at, push_error"
)


class Workspace(Store):
    """The whole workspace: Store (account, cameras, poses, images) plus masks."""

    def masks(self, pose_id: int, *, include_deleted: bool = True) -> list[Mask]:
        where = "pose_id = ?" + ("" if include_deleted else " AND NOT deleted")
        return [_mask(r) for r in self.query(f"SELECT {_COLUMNS} FROM masks WHERE {where} ORDER BY local_id",
                                             (pose_id,))]

    def mask(self, local_id: int) -> Mask | None:
        rows = self.query(f"SELECT {_COLUMNS} FROM masks WHERE local_id = ?", (local_id,))
        return _mask(rows[0]) if rows else None

    def masks_by_id(self, local_ids: Iterable[int]) -> list[Mask]:
        ids = list(local_ids)
        found = {m.local_id: m for m in self._select_ids(ids)}
        return [found[i] for i in ids if i in found]

    def _select_ids(self, ids: list[int]) -> list[Mask]:
        out: list[Mask] = []
        for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            out += [_mask(r) for r in self.query(f"SELECT {_COLUMNS} FROM masks WHERE local_id IN ({marks})",
                                                 tuple(chunk))]
        return out

    # --- edits --------------------------------------------------------------------------------

    def add_masks(self, pose_id: int, boxes: Iterable[Box], *, added_at: datetime | None = None) -> list[Mask]:
        """New local masks, on the 3-decimal grid, in one transaction."""
        when = to_text(added_at or now_utc())
        ids: list[int] = []
        with self.transaction() as conn:
            for box in boxes:
                x0, y0, x1, y1 = quantize(box).milli()
                cur = conn.execute(
                    "INSERT INTO masks(pose_id, x0, y0, x1, y1, added_at) VALUES (?,?,?,?,?,?)",
                    (pose_id, x0, y0, x1, y1, when),
                )
                ids.append(int(cur.lastrowid or 0))
        return self.masks_by_id(ids)

    def add_mask(self, pose_id: int, box: Box, *, added_at: datetime | None = None) -> Mask:
        return self.add_masks(pose_id, [box], added_at=added_at)[0]

    def set_boxes(self, boxes: Mapping[int, Box | None]) -> list[Mask]:
        """Move or resize masks (quantized); returns the rows as they were, for undo. None puts back
        the missing box of a mask whose server text could not be read (undo of its repair)."""
        before = self.masks_by_id(boxes)
        with self.transaction() as conn:
            for local_id, box in boxes.items():
                x0, y0, x1, y1 = quantize(box).milli() if box is not None else (None,) * 4
                conn.execute("UPDATE masks SET x0=?, y0=?, x1=?, y1=?, push_error=NULL WHERE local_id=?",
                             (x0, y0, x1, y1, local_id))
        return before

    def delete_masks(self, local_ids: Iterable[int]) -> list[Mask]:
        """Delete masks: a mask the server never had goes at once; one it has is marked for deletion
        at the next push. Returns the rows as they were, for undo."""
        before = self.masks_by_id(local_ids)
        with self.transaction() as conn:
            for mask in before:
                if mask.server_id is None:
                    conn.execute("DELETE FROM masks WHERE local_id = ?", (mask.local_id,))
                else:
                    conn.execute("UPDATE masks SET deleted = 1, push_error = NULL WHERE local_id = ?",
                                 (mask.local_id,))
        return before

    def restore_masks(self, rows: Iterable[Mask]) -> None:
        """Put rows back as they were (undo of a delete, redo of an add).

        If a sync pushed the deletion in between, the server no longer has the mask: it comes back
        as a new mask rather than pointing at a server id that is gone.
        """
        with self.transaction() as conn:
            for row in rows:
                if row.server_id is not None and not self._server_id_known(conn, row):
                    row = replace(row, server_id=None, base=None, base_text=None, server_created_at=None,
                                  conflict=None, theirs_text=None, push_attempted_at=None)
                conn.execute(f"INSERT OR REPLACE INTO masks({_COLUMNS}) VALUES ({','.join('?' * 20)})",
                             _values(row))

    @staticmethod
    def _server_id_known(conn: sqlite3.Connection, row: Mask) -> bool:
        found = conn.execute("SELECT local_id FROM masks WHERE server_id = ?", (row.server_id,)).fetchone()
        return found is not None and found[0] == row.local_id

    # --- counts -------------------------------------------------------------------------------

    def pending_counts(self) -> dict[int, Counter[MaskState]]:
        """Per pose, how many masks wait for a push or a decision, by state."""
        out: dict[int, Counter[MaskState]] = {}
        for r in self.query(f"SELECT pose_id, {STATE_SQL} AS state, COUNT(*) AS n FROM masks "
                            "GROUP BY pose_id, state"):
            state = MaskState(r["state"])
            if state is not MaskState.SYNCED:
                out.setdefault(r["pose_id"], Counter())[state] = r["n"]
        return out

    def mask_counts(self) -> dict[int, int]:
        """Per pose, the masks it will have once pushed (deleted ones left out)."""
        return {r["pose_id"]: r["n"] for r in
                self.query("SELECT pose_id, COUNT(*) AS n FROM masks WHERE NOT deleted GROUP BY pose_id")}


def _milli_box(x0: int | None, y0: int | None, x1: int | None, y1: int | None) -> Box | None:
    if x0 is None or y0 is None or x1 is None or y1 is None:
        return None
    return Box.from_milli((x0, y0, x1, y1))


def _mask(r: sqlite3.Row) -> Mask:
    return Mask(
        local_id=r["local_id"],
        pose_id=r["pose_id"],
        box=_milli_box(r["x0"], r["y0"], r["x1"], r["y1"]),
        added_at=from_text(r["added_at"]) or now_utc(),
        server_id=r["server_id"],
        server_created_at=from_text(r["server_created_at"]),
        base=_milli_box(r["base_x0"], r["base_y0"], r["base_x1"], r["base_y1"]),
        base_text=r["base_text"],
        deleted=bool(r["deleted"]),
        conflict=ConflictKind(r["conflict"]) if r["conflict"] else None,
        theirs_text=r["theirs_text"],
        notes=tuple(n for n in r["notes"].split("\n") if n),
        push_attempted_at=from_text(r["push_attempted_at"]),
        push_error=r["push_error"],
    )


def _values(m: Mask) -> tuple:
    box = m.box.milli() if m.box is not None else (None,) * 4
    base = m.base.milli() if m.base is not None else (None,) * 4
    return (m.local_id, m.pose_id, m.server_id, *box, to_text(m.added_at), to_text(m.server_created_at),
            *base, m.base_text, int(m.deleted), m.conflict.value if m.conflict else None, m.theirs_text,
            "\n".join(m.notes), to_text(m.push_attempted_at), m.push_error)
