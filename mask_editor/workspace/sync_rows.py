"""Workspace writes of the sync engine, each one transaction.

The outbox is not a table: it is the mask rows in states new/edited/deleted (an edit coalesces with
the pending one, so a mask has at most one operation to push). What needs a table is the push
journal (`push_attempts`): a request that went out and whose answer is not recorded yet, with the
text it carried, so that a crash, a timeout or a lost answer is resolved against the server's list
instead of being sent twice. See docs/adr/0001-sync-outbox.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mask_editor.core.codec import parse_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace.masks import Workspace
from mask_editor.workspace.records import ConflictKind, CreateInDoubt, Mask, MaskState
from mask_editor.workspace.rows import insert_row, replace_row, update_row
from mask_editor.workspace.store import from_text, to_text


class Op(StrEnum):
    CREATE = "create"  # POST
    PATCH = "patch"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Attempt:
    """A push that went out (or may have) and whose answer is not recorded."""

    local_id: int
    pose_id: int
    op: Op
    server_id: int | None  # the target of a PATCH/DELETE; None for a CREATE
    sent_text: str | None  # the mask text sent by a CREATE/PATCH
    attempted_at: datetime
    journaled: bool = True  # False: inferred from a row's push_attempted_at alone (see attempts())


def outbox_op(mask: Mask) -> Op | None:
    """What a push does for this row; None for synced rows and conflicts (they wait for the user)."""
    state = mask.state
    if state is MaskState.NEW:
        return Op.CREATE if mask.box is not None else None
    if state is MaskState.EDITED:
        return Op.PATCH if mask.box is not None else None
    if state is MaskState.DELETED:
        return Op.DELETE
    return None


# --- the journal -----------------------------------------------------------------------------------


def attempts(ws: Workspace, pose_id: int | None = None) -> list[Attempt]:
    """Unresolved attempts, oldest first. A row with push_attempted_at but no journal entry (an undo
    put back an old copy of it) counts as an attempt of what it would send now: harmless, and it
    keeps the rule "a create in doubt is looked for before it is posted again"."""
    where, params = ("WHERE pose_id = ?", (pose_id,)) if pose_id is not None else ("", ())
    try:
        rows = ws.query(f"SELECT * FROM push_attempts {where} ORDER BY attempted_at, local_id", params)
    except sqlite3.OperationalError:  # a read-only workspace of the format before the journal
        return []
    found = [Attempt(r["local_id"], r["pose_id"], Op(r["op"]), r["server_id"], r["sent_text"],
                     from_text(r["attempted_at"]) or datetime.min) for r in rows]
    journaled = {a.local_id for a in found}
    masks = ws.masks(pose_id) if pose_id is not None else _masks_with_attempts(ws)
    for m in masks:
        op = outbox_op(m)
        if m.push_attempted_at is not None and m.local_id not in journaled and op is not None:
            found.append(Attempt(m.local_id, m.pose_id, op, m.server_id, m.text, m.push_attempted_at, False))
    return found


def _masks_with_attempts(ws: Workspace) -> list[Mask]:
    ids = [r[0] for r in ws.query("SELECT local_id FROM masks WHERE push_attempted_at IS NOT NULL")]
    return ws.masks_by_id(ids)


def record_attempt(ws: Workspace, local_id: int, when: datetime) -> Attempt | None:
    """Before a request goes out: journal what it will carry. None when the row no longer needs it
    (the user changed or removed it since it was planned)."""
    with ws.transaction() as conn:
        mask = ws.mask(local_id)
        op = outbox_op(mask) if mask is not None else None
        if mask is None or op is None:
            return None
        attempt = Attempt(local_id, mask.pose_id, op, mask.server_id, None if op is Op.DELETE else mask.text, when)
        # A plain INSERT: an unresolved attempt for this row must be resolved by a pull first, never
        # overwritten (that would forget a create that may exist on the server).
        conn.execute("INSERT INTO push_attempts(local_id, pose_id, op, server_id, sent_text, attempted_at) "
                     "VALUES (?,?,?,?,?,?)", (local_id, attempt.pose_id, op.value, attempt.server_id,
                                               attempt.sent_text, to_text(when)))
        conn.execute("UPDATE masks SET push_attempted_at = ?, push_error = NULL WHERE local_id = ?",
                     (to_text(when), local_id))
        return attempt


def _resolve(conn: sqlite3.Connection, local_id: int) -> None:
    conn.execute("DELETE FROM push_attempts WHERE local_id = ?", (local_id,))
    conn.execute("UPDATE masks SET push_attempted_at = NULL WHERE local_id = ?", (local_id,))


def record_created(ws: Workspace, attempt: Attempt, server_id: int, text: str, created_at: datetime) -> None:
    """A POST answered: the row now points at the server's mask. Our box is left alone (the user may
    have moved it while the request was out: it then shows as edited and is patched next)."""
    box = parse_mask(text).box
    with ws.transaction() as conn:
        mask = ws.mask(attempt.local_id)
        if mask is not None and mask.server_id is None:
            _set_base(conn, attempt.local_id, box, text, ())
            conn.execute("UPDATE masks SET server_id = ?, server_created_at = ? WHERE local_id = ?",
                         (server_id, to_text(created_at), attempt.local_id))
        elif mask is None or mask.server_id != server_id:
            # The user removed the new mask while it was being created: the server's copy is
            # unwanted, so it is kept as a deletion to push (visible in the review, never silent).
            insert_row(conn, Mask(0, attempt.pose_id, box, created_at, server_id, created_at, box, text, deleted=True))
        _resolve(conn, attempt.local_id)


def record_patched(ws: Workspace, attempt: Attempt, text: str) -> None:
    with ws.transaction() as conn:
        mask = ws.mask(attempt.local_id)
        if mask is not None and mask.server_id == attempt.server_id:
            _set_base(conn, attempt.local_id, parse_mask(text).box, text, ())
        _resolve(conn, attempt.local_id)


def record_deleted(ws: Workspace, attempt: Attempt) -> None:
    """A DELETE answered (200, or 404: already gone). If the user undid the deletion meanwhile, the
    mask comes back as new rather than pointing at a server id that no longer exists."""
    with ws.transaction() as conn:
        mask = ws.mask(attempt.local_id)
        if mask is not None and mask.server_id == attempt.server_id:
            if mask.deleted:
                conn.execute("DELETE FROM masks WHERE local_id = ?", (attempt.local_id,))
            else:
                update_row(conn, mask._replace(server_id=None, server_created_at=None, base=None, base_text=None,
                                      conflict=None, theirs_text=None))
        _resolve(conn, attempt.local_id)


def record_gone(ws: Workspace, attempt: Attempt) -> bool:
    """A PATCH answered 404: the server deleted the mask we changed. Returns True for a new conflict."""
    with ws.transaction() as conn:
        mask = ws.mask(attempt.local_id)
        conflict = False
        if mask is not None and mask.server_id == attempt.server_id:
            if mask.deleted:
                conn.execute("DELETE FROM masks WHERE local_id = ?", (attempt.local_id,))
            else:
                update_row(conn, mask._replace(conflict=ConflictKind.SERVER_DELETED, theirs_text=None))
                conflict = True
        _resolve(conn, attempt.local_id)
        return conflict


def record_refused(ws: Workspace, attempt: Attempt, reason: str) -> None:
    """403/422/404-on-create: not applied; the server's words stay on the row for the user."""
    with ws.transaction() as conn:
        _resolve(conn, attempt.local_id)
        conn.execute("UPDATE masks SET push_error = ? WHERE local_id = ?", (reason, attempt.local_id))


def record_unsent(ws: Workspace, attempt: Attempt) -> None:
    """The request certainly did not apply (refused connection, 401): nothing to look for later."""
    with ws.transaction() as conn:
        _resolve(conn, attempt.local_id)


def set_creates_in_doubt(ws: Workspace, pose_id: int, doubts: Iterable[CreateInDoubt]) -> None:
    """The pose's creates in doubt, as a pull left them (records settled by it are gone)."""
    with ws.transaction() as conn:
        conn.execute("DELETE FROM creates_in_doubt WHERE pose_id = ?", (pose_id,))
        conn.executemany(
            "INSERT INTO creates_in_doubt(local_id, pose_id, sent_text, first_attempt_at, last_attempt_at, "
            "unaccounted) VALUES (?,?,?,?,?,?)",
            [(d.local_id, pose_id, d.sent_text, to_text(d.first_attempt_at), to_text(d.last_attempt_at),
              d.unaccounted) for d in doubts if d.unaccounted > 0])


# --- whole rows ------------------------------------------------------------------------------------


def write_rows(ws: Workspace, *, changed: Iterable[Mask] = (), removed: Iterable[int] = (),
               inserted: Iterable[Mask] = (), resolved: Iterable[int] = ()) -> list[int]:
    """Apply a merge or a conflict resolution in one transaction; returns the ids of inserted rows.

    `resolved` lists rows whose journal entry the caller has settled. Plain INSERT/UPDATE (never
    INSERT OR REPLACE), so a duplicate server id fails loudly instead of replacing another row.
    """
    with ws.transaction() as conn:
        for mask in changed:
            update_row(conn, mask)
        for local_id in removed:
            conn.execute("DELETE FROM masks WHERE local_id = ?", (local_id,))
        ids = [insert_row(conn, mask) for mask in inserted]
        for local_id in resolved:
            _resolve(conn, local_id)
        return ids


def put_back(ws: Workspace, rows: Iterable[Mask], remove: Iterable[int] = ()) -> None:
    """Undo of a conflict resolution: rows exactly as they were (conflict included), extra rows gone."""
    with ws.transaction() as conn:
        for local_id in remove:
            conn.execute("DELETE FROM masks WHERE local_id = ?", (local_id,))
        for mask in rows:
            replace_row(conn, mask)


def discard_local_changes(ws: Workspace, pose_id: int) -> int:
    """The pose as the server had it at the last pull: new masks removed, edits back to the base,
    deletions undone, conflicts resolved to theirs. Returns how many masks changed.

    The journal is kept: a request in doubt is still looked for at the next pull, and what it
    may have done on the server is undone by the next push (shown in the review first).
    """
    with ws.transaction():
        changed, removed = [], []
        for m in ws.masks(pose_id):
            if m.state is MaskState.SYNCED and m.push_error is None:
                continue
            if m.conflict is ConflictKind.SERVER_DELETED or m.server_id is None:
                removed.append(m.local_id)
            elif m.conflict is ConflictKind.SERVER_EDITED:
                changed.append(theirs(m))
            else:
                changed.append(m._replace(box=m.base, deleted=False, push_error=None))
        write_rows(ws, changed=changed, removed=removed)
        return len(changed) + len(removed)


def theirs(mask: Mask) -> Mask:
    """The row holding the server's version of a SERVER_EDITED conflict, conflict cleared."""
    reading = parse_mask(mask.theirs_text or "")
    return mask._replace(box=reading.box, base=reading.box, base_text=mask.theirs_text, notes=reading.notes,
                   deleted=False, conflict=None, theirs_text=None, push_error=None)


def _set_base(conn: sqlite3.Connection, local_id: int, box: Box | None, text: str, notes: tuple[str, ...]) -> None:
    x0, y0, x1, y1 = box.milli() if box is not None else (None,) * 4
    conn.execute("UPDATE masks SET base_x0=?, base_y0=?, base_x1=?, base_y1=?, base_text=?, notes=?, "
                 "push_error=NULL WHERE local_id=?", (x0, y0, x1, y1, text, "\n".join(notes), local_id))
