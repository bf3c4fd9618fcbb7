"""Deciding a conflict, mask by mask: keep mine, take theirs, or keep both. Nothing is overwritten
without one of these decisions; each is one transaction and returns what undoes it.

- keep mine: our box wins. The server's version becomes the base, so the next push PATCHes ours
  (or DELETEs, if we had deleted the mask). If the server had deleted the mask, ours becomes new
  and is created again.
- take theirs: the server's box (and base); if the server had deleted the mask, the row goes.
- keep both: the server's version stays on the row (synced) and ours becomes a new mask.
  If the server had deleted the mask, or we had, there is only one version: that one is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mask_editor.core.codec import parse_mask
from mask_editor.workspace import ConflictKind, Mask, Workspace, sync_rows


@dataclass(frozen=True)
class Resolution:
    """What a decision changed: the rows as they were, and rows it added."""

    before: tuple[Mask, ...]
    added: tuple[int, ...] = ()

    def undo(self, ws: Workspace) -> None:
        sync_rows.put_back(ws, self.before, remove=self.added)

    @property
    def local_ids(self) -> tuple[int, ...]:
        return tuple(m.local_id for m in self.before) + self.added


def _conflicts(ws: Workspace, local_ids: Iterable[int]) -> list[Mask]:
    return [m for m in ws.masks_by_id(local_ids) if m.conflict is not None]


def as_new(mask: Mask) -> Mask:
    """Our version with no link to the server: the next push creates it."""
    return mask._replace(server_id=None, server_created_at=None, base=None, base_text=None, deleted=False,
                   conflict=None, theirs_text=None, notes=(), push_error=None, push_attempted_at=None)


def mine(mask: Mask) -> Mask:
    if mask.conflict is ConflictKind.SERVER_DELETED:
        return as_new(mask)
    reading = parse_mask(mask.theirs_text or "")
    return mask._replace(base=reading.box, base_text=mask.theirs_text, notes=reading.notes, conflict=None,
                   theirs_text=None, push_error=None)


def keep_mine(ws: Workspace, local_ids: Iterable[int]) -> Resolution:
    with ws.transaction():
        rows = _conflicts(ws, local_ids)
        sync_rows.write_rows(ws, changed=[mine(m) for m in rows])
        return Resolution(tuple(rows))


def take_theirs(ws: Workspace, local_ids: Iterable[int]) -> Resolution:
    with ws.transaction():
        rows = _conflicts(ws, local_ids)
        gone = [m.local_id for m in rows if m.conflict is ConflictKind.SERVER_DELETED]
        kept = [sync_rows.theirs(m) for m in rows if m.conflict is ConflictKind.SERVER_EDITED]
        sync_rows.write_rows(ws, changed=kept, removed=gone)
        return Resolution(tuple(rows))


def keep_both(ws: Workspace, local_ids: Iterable[int]) -> Resolution:
    with ws.transaction():
        rows = _conflicts(ws, local_ids)
        changed, copies = [], []
        for m in rows:
            if m.conflict is ConflictKind.SERVER_DELETED:
                changed.append(as_new(m))
            elif m.deleted or m.box is None:
                changed.append(sync_rows.theirs(m))
            else:
                changed.append(sync_rows.theirs(m))
                copies.append(as_new(m)._replace(local_id=0))
        added = sync_rows.write_rows(ws, changed=changed, inserted=copies)
        return Resolution(tuple(rows), tuple(added))
