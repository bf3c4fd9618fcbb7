"""Masks in the workspace: the edits the UI makes, each one transaction, each one undoable.

Undo commands keep the rows these methods return (small deltas, not snapshots of the pose), and
step them back and forth with `undo_rows.apply_steps`. Local ids are never handed out twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime

from mask_editor.core.geometry import GRID, Box, quantize
from mask_editor.workspace.history import HistoryStore
from mask_editor.workspace.records import OUTBOX_STATES, CreateInDoubt, Mask, MaskState
from mask_editor.workspace.rows import MASK_COLUMNS, mask_from_row
from mask_editor.workspace.schema import PENDING_SQL, STATE_SQL
from mask_editor.workspace.store import Revision, from_text, now_utc, to_text


class Workspace(HistoryStore):
    """The whole workspace: Store (account, cameras, poses, images), image history, plus masks."""

    def masks(self, pose_id: int, *, include_deleted: bool = True) -> list[Mask]:
        where = "pose_id = ?" + ("" if include_deleted else " AND NOT deleted")
        sql = f"SELECT {MASK_COLUMNS} FROM masks WHERE {where} ORDER BY local_id"
        return [mask_from_row(r) for r in self.query(sql, (pose_id,))]

    def mask(self, local_id: int) -> Mask | None:
        rows = self.query(f"SELECT {MASK_COLUMNS} FROM masks WHERE local_id = ?", (local_id,))
        return mask_from_row(rows[0]) if rows else None

    def masks_by_id(self, local_ids: Iterable[int], *, pose_id: int | None = None) -> list[Mask]:
        """The rows of these ids that exist (of `pose_id` only, when given), in the order asked."""
        ids = list(local_ids)
        found = {m.local_id: m for m in self._select_ids(ids) if pose_id is None or m.pose_id == pose_id}
        return [found[i] for i in ids if i in found]

    def _select_ids(self, ids: list[int]) -> list[Mask]:
        out: list[Mask] = []
        for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {MASK_COLUMNS} FROM masks WHERE local_id IN ({marks})"
            out += [mask_from_row(r) for r in self.query(sql, tuple(chunk))]
        return out

    # --- edits --------------------------------------------------------------------------------

    def add_masks(self, pose_id: int, boxes: Iterable[Box], *, added_at: datetime | None = None) -> list[Mask]:
        """New local masks, on the 3-decimal grid, in one transaction."""
        when = to_text(added_at or now_utc())
        # Drawn now: on the pose's current image. Given a time (legacy, import): not known, see history.py.
        drawn_now = 1 if added_at is None else 0
        ids: list[int] = []
        with self.transaction() as conn:
            for box in boxes:
                x0, y0, x1, y1 = _grid_milli(box)
                cur = conn.execute(
                    "INSERT INTO masks(pose_id, x0, y0, x1, y1, added_at, drawn_on) VALUES (?,?,?,?,?,?,"
                    " CASE WHEN ? THEN (SELECT image_sha256 FROM poses WHERE id = ?) END)",
                    (pose_id, x0, y0, x1, y1, when, drawn_now, pose_id),
                )
                ids.append(int(cur.lastrowid or 0))
        return self.masks_by_id(ids)

    def add_mask(self, pose_id: int, box: Box, *, added_at: datetime | None = None) -> Mask:
        return self.add_masks(pose_id, [box], added_at=added_at)[0]

    def set_boxes(self, boxes: Mapping[int, Box | None], *, pose_id: int | None = None,
                  drawn_now: bool = True) -> Revision:
        """Move or resize masks (quantized), clearing a refused push's error. None puts back the
        missing box of a mask whose server text could not be read (undo of its repair). With
        `pose_id`, a mask of another pose is never written, whatever id it is asked for by.
        `drawn_now`: an edit made looking at the pose's current image, which becomes the boxes'
        drawn-on image (an undo or redo leaves that as it is). Returns the revision it leaves."""
        with self.transaction() as conn:  # one statement for any number of masks (a 2,000-mask move)
            # An edited box was looked at on the pose's current image: that is now its drawn-on image.
            drawn = ", drawn_on=(SELECT image_sha256 FROM poses WHERE poses.id = masks.pose_id)" if drawn_now else ""
            if pose_id is None:
                conn.executemany(f"UPDATE masks SET x0=?, y0=?, x1=?, y1=?, push_error=NULL{drawn} WHERE local_id=?",
                                 [(*(_grid_milli(b) if b is not None else _NO_BOX), i) for i, b in boxes.items()])
                return self.revision()
            # One pose: its image read once, not by a subquery per row (~15 % of a 2,000-mask move), and
            # the parameters built in one pass.
            image = conn.execute("SELECT image_sha256 FROM poses WHERE id = ?", (pose_id,)).fetchone()
            drawn_on = (image[0] if image else None,) if drawn_now else ()
            conn.executemany("UPDATE masks SET x0=?, y0=?, x1=?, y1=?, push_error=NULL"
                             f"{', drawn_on=?' if drawn_now else ''} WHERE local_id=? AND pose_id=?",
                             [(*(_grid_milli(b) if b is not None else _NO_BOX), *drawn_on, i, pose_id)
                              for i, b in boxes.items()])
            return self.revision()

    def move_boxes(self, local_ids: Collection[int], dx: int, dy: int, *, pose_id: int,
                   drawn_now: bool = True) -> Revision:
        """Shift the boxes of these masks of `pose_id` together by (dx, dy) thousandths, clearing a
        refused push's error, in one statement: a 2,000-mask drag writes no row by row. Each mask
        must have a box that stays inside the image; if one does not (or is not on this pose), nothing
        is written and ValueError says so. `drawn_now` as in set_boxes. Returns the revision it leaves."""
        unique = list(dict.fromkeys(local_ids))
        with self.transaction() as conn:
            drawn = ", drawn_on=(SELECT image_sha256 FROM poses WHERE id = :pose)" if drawn_now else ""
            moved = conn.execute(
                f"UPDATE masks SET x0=x0+:dx, y0=y0+:dy, x1=x1+:dx, y1=y1+:dy, push_error=NULL{drawn} "
                # +pose_id: found by local id (the pose's index would walk every row of the pose).
                "WHERE local_id IN (SELECT value FROM json_each(:ids)) AND +pose_id = :pose AND x0 + :dx >= 0 "
                f"AND y0 + :dy >= 0 AND x1 + :dx <= {GRID} AND y1 + :dy <= {GRID}",
                {"dx": dx, "dy": dy, "pose": pose_id, "ids": json.dumps(unique)}).rowcount
            if moved != len(unique):  # the transaction rolls back: all of the move or none
                raise ValueError(f"cannot move {len(unique) - moved} of these {len(unique)} masks by "
                                 f"({dx}, {dy}): not on pose {pose_id}, without a box, or pushed out of the image")
            return self.revision()

    def unchanged_since(self, revision: Revision | None) -> bool:
        """Whether no row of the workspace changed since `revision` was read."""
        return revision is not None and self.revision() == revision

    def delete_masks(self, local_ids: Iterable[int], *, pose_id: int | None = None) -> list[Mask]:
        """Delete masks (of `pose_id` only, when given): a mask the server never had goes at once;
        one it has is marked for deletion at the next push. Returns the rows as they were, for undo."""
        with self.transaction() as conn:
            before = self.masks_by_id(local_ids, pose_id=pose_id)
            for mask in before:
                if mask.server_id is None:
                    conn.execute("DELETE FROM masks WHERE local_id = ?", (mask.local_id,))
                else:
                    conn.execute("UPDATE masks SET deleted = 1, push_error = NULL WHERE local_id = ?",
                                 (mask.local_id,))
        return before

    # --- what the sync engine reads ------------------------------------------------------------

    def server_ids_held_elsewhere(self, pose_id: int, server_ids: Iterable[int]) -> set[int]:
        """Those of `server_ids` that rows of other poses hold (never to be adopted here)."""
        ids = list(server_ids)
        if not ids:
            return set()
        sql = f"SELECT server_id FROM masks WHERE pose_id != ? AND server_id IN ({','.join('?' * len(ids))})"
        return {r["server_id"] for r in self.query(sql, (pose_id, *ids))}

    def creates_in_doubt(self, pose_id: int | None = None) -> list[CreateInDoubt]:
        """Creates sent again whose earlier sends may still land (oldest first)."""
        where, params = ("WHERE pose_id = ?", (pose_id,)) if pose_id is not None else ("", ())
        try:
            rows = self.query(f"SELECT * FROM creates_in_doubt {where} ORDER BY id", params)
        except sqlite3.OperationalError:  # a read-only workspace of an older format
            return []
        return [CreateInDoubt(r["local_id"], r["pose_id"], r["sent_text"], from_text(r["first_attempt_at"]),
                              from_text(r["last_attempt_at"]), r["unaccounted"]) for r in rows]  # type: ignore[arg-type]

    # --- counts -------------------------------------------------------------------------------

    def pending_counts(self, pose_ids: Sequence[int] | None = None) -> dict[int, Counter[MaskState]]:
        """Per pose (of `pose_ids`, or all), how many masks wait for a push or a decision, by state."""
        out: dict[int, Counter[MaskState]] = {}
        among, params = _among(pose_ids)
        for r in self.query(f"SELECT pose_id, {STATE_SQL} AS state, COUNT(*) AS n FROM masks "
                            f"WHERE {PENDING_SQL} {among} GROUP BY pose_id, state", params):
            state = MaskState(r["state"])
            if state is not MaskState.SYNCED:
                out.setdefault(r["pose_id"], Counter())[state] = r["n"]
        return out

    def pending_total(self, pose_id: int) -> int:
        """How many masks of a pose wait for a push or a decision: the window's title asks after each
        edit, and a count over the pending index is ten times cheaper than counting by state."""
        return int(self.query(f"SELECT COUNT(*) AS n FROM masks WHERE {PENDING_SQL} AND pose_id = ?",
                              (pose_id,))[0]["n"])

    def outbox_counts(self) -> dict[int, int]:
        """Per pose, the requests the next push sends (new, edited and deleted masks)."""
        return {r["pose_id"]: r["n"] for r in self.query(
            f"SELECT pose_id, COUNT(*) AS n FROM masks WHERE {PENDING_SQL} AND {_IN_OUTBOX} GROUP BY pose_id")}

    def poses_to_push(self) -> set[int]:
        """Poses with a mask in the outbox, or a push sent whose answer was not recorded."""
        return {r["pose_id"] for r in self.query(
            f"SELECT DISTINCT pose_id FROM masks WHERE ({PENDING_SQL} AND {_IN_OUTBOX}) "
            "OR push_attempted_at IS NOT NULL")}

    def poses_with_anything_pending(self) -> set[int]:
        """Poses with a mask not synced, a push refused, or a push whose answer was not recorded."""
        return {r["pose_id"] for r in self.query(
            f"SELECT DISTINCT pose_id FROM masks WHERE {PENDING_SQL} OR push_error IS NOT NULL "
            "OR push_attempted_at IS NOT NULL")}

    def mask_counts(self, pose_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Per pose (of `pose_ids`, or all), the masks it will have once pushed (deleted ones left out)."""
        among, params = _among(pose_ids)
        return {r["pose_id"]: r["n"] for r in self.query(
            f"SELECT pose_id, COUNT(*) AS n FROM masks WHERE NOT deleted {among} GROUP BY pose_id", params)}

    def pulled_pose_ids(self, pose_ids: Sequence[int] | None = None) -> set[int]:
        """The poses (of `pose_ids`, or all) whose masks were pulled at least once: the others' counts
        are not the server's."""
        among, params = _among(pose_ids, "id")
        return {r["id"] for r in self.query(f"SELECT id FROM poses WHERE masks_pulled_at IS NOT NULL {among}",
                                            params)}


def _among(pose_ids: Sequence[int] | None, column: str = "pose_id") -> tuple[str, tuple[int, ...]]:
    """The condition (to AND) and parameters that keep `pose_ids` only; none for None. The counts of
    one pose after an edit read its index entries only: all 16,000 poses' take ~45 ms."""
    if pose_ids is None:
        return "", ()
    return f"AND {column} IN ({','.join('?' * len(pose_ids))})", tuple(pose_ids)


# OUTBOX_STATES in SQL, built from the Python set so that the two cannot drift apart.
_IN_OUTBOX = f"({STATE_SQL}) IN ({', '.join(repr(s.value) for s in sorted(OUTBOX_STATES, key=lambda s: s.value))})"


_NO_BOX = (None, None, None, None)  # the corners of a mask whose server text could not be read


def _grid_milli(box: Box) -> tuple[int, int, int, int]:
    """quantize(box).milli() without building a Box (validated again) per mask: ~3x faster for
    the 2,000 boxes of a big move."""
    x0, y0, x1, y1 = box.milli()  # in [0, GRID] already: a Box's corners lie in [0, 1]
    if x1 <= x0 or y1 <= y0:
        quantize(box)  # raises the QuantizeError that names the side
    return x0, y0, x1, y1
