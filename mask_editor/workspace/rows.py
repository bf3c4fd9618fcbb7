"""How a Mask is stored: the masks table's columns, one row in and out. Every module that writes
whole mask rows (edits, undo, sync) goes through here, so the mapping exists once."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from functools import lru_cache

from mask_editor.core.geometry import Box
from mask_editor.workspace.records import ConflictKind, Mask
from mask_editor.workspace.store import from_text, now_utc, to_text

MASK_COLUMNS = (
    "local_id, pose_id, server_id, x0, y0, x1, y1, added_at, server_created_at, "
    "base_x0, base_y0, base_x1, base_y1, base_text, deleted, conflict, theirs_text, notes, "
    "push_attempted_at, push_error"
)
_NAMES = [c.strip() for c in MASK_COLUMNS.split(",")]


# Rows are read in thousands (a pose's masks, the rows of an undo): Box and datetime are immutable,
# so equal values share one parsed instance instead of being validated and parsed again each time.
@lru_cache(maxsize=1 << 16)
def milli_box(x0: int | None, y0: int | None, x1: int | None, y1: int | None) -> Box | None:
    if x0 is None or y0 is None or x1 is None or y1 is None:
        return None
    return Box.from_milli((x0, y0, x1, y1))


@lru_cache(maxsize=1 << 12)
def _when(text: str | None) -> datetime | None:
    return from_text(text)


def mask_from_row(r: sqlite3.Row) -> Mask:
    # Unpacked by position (the order of MASK_COLUMNS): a name lookup in sqlite3.Row is a scan.
    (local_id, pose_id, server_id, x0, y0, x1, y1, added_at, server_created_at, bx0, by0, bx1, by1, base_text,
     deleted, conflict, theirs_text, notes, push_attempted_at, push_error) = r
    return Mask(
        local_id=local_id,
        pose_id=pose_id,
        box=milli_box(x0, y0, x1, y1),
        added_at=_when(added_at) or now_utc(),
        server_id=server_id,
        server_created_at=_when(server_created_at),
        base=milli_box(bx0, by0, bx1, by1),
        base_text=base_text,
        deleted=bool(deleted),
        conflict=ConflictKind(conflict) if conflict else None,
        theirs_text=theirs_text,
        notes=tuple(n for n in notes.split("\n") if n),
        push_attempted_at=_when(push_attempted_at),
        push_error=push_error,
    )


def mask_values(m: Mask) -> tuple:
    box = m.box.milli() if m.box is not None else (None,) * 4
    base = m.base.milli() if m.base is not None else (None,) * 4
    return (m.local_id, m.pose_id, m.server_id, *box, to_text(m.added_at), to_text(m.server_created_at),
            *base, m.base_text, int(m.deleted), m.conflict.value if m.conflict else None, m.theirs_text,
            "\n".join(m.notes), to_text(m.push_attempted_at), m.push_error)


def replace_row(conn: sqlite3.Connection, m: Mask) -> None:
    """The row exactly as `m` (inserted, or overwriting the row of that local id)."""
    conn.execute(f"INSERT OR REPLACE INTO masks({MASK_COLUMNS}) VALUES ({','.join('?' * len(_NAMES))})",
                 mask_values(m))


def update_row(conn: sqlite3.Connection, m: Mask) -> None:
    assignments = ", ".join(f"{n} = ?" for n in _NAMES[1:])
    conn.execute(f"UPDATE masks SET {assignments} WHERE local_id = ?", (*mask_values(m)[1:], m.local_id))


def insert_row(conn: sqlite3.Connection, m: Mask) -> int:
    """`m` as a new row with a fresh local id (its own local_id is ignored); returns the new id."""
    cur = conn.execute(f"INSERT INTO masks({', '.join(_NAMES[1:])}) VALUES ({','.join('?' * (len(_NAMES) - 1))})",
                       mask_values(m)[1:])
    return int(cur.lastrowid or 0)
