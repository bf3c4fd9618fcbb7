"""The three-way merge of one pose: our rows, the server's list, and the base (the server's box at
the last sync), plus the resolution of pushes whose answer never came back. Pure: no I/O.

| ours \\ server | unchanged   | changed                                   | deleted                 |
|---------------|-------------|-------------------------------------------|-------------------------|
| synced        | keep        | take theirs                               | remove                  |
| edited        | keep (push) | same box: rebase, else CONFLICT edited    | CONFLICT deleted        |
| deleted       | keep (push) | CONFLICT edited (their edit is not lost)  | remove                  |
| conflict      | re-evaluated as above from the same base, with the server's latest text     |
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import timedelta

from mask_editor.api.records import ServerMask
from mask_editor.core.codec import parse_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace.records import ConflictKind, Mask, MaskState
from mask_editor.workspace.sync_rows import Attempt, Op

# How much earlier than our attempt (by our clock) the server may date a mask it created for us.
DEFAULT_ADOPT_TOLERANCE = timedelta(minutes=15)


@dataclass
class PoseMerge:
    changed: list[Mask] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    inserted: list[Mask] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)  # journal entries this listing settles
    adopted: int = 0  # lost creates found on the server
    taken: int = 0  # server edits taken
    added: int = 0  # server masks new to us
    dropped: int = 0  # masks the server deleted, removed here
    conflicts: int = 0  # new conflicts


def server_changed(mask: Mask, server: ServerMask) -> bool:
    """Did the server's box move since our base? A text that reads as the same box is no change."""
    if server.box is not None or mask.base is not None:
        return server.box != mask.base
    return server.text != mask.base_text


def rebase(mask: Mask, server: ServerMask) -> Mask:
    """Base := the server's version; our box stays."""
    return replace(mask, base=server.box, base_text=server.text, notes=server.reading.notes,
                   conflict=None, theirs_text=None)


def take(mask: Mask, server: ServerMask) -> Mask:
    return replace(rebase(mask, server), box=server.box)


def merge_row(mask: Mask, server: ServerMask | None) -> Mask | None:
    """One known mask (it has a server id) against the server's copy; None removes the row."""
    ours = replace(mask, conflict=None, theirs_text=None)  # a conflict is decided again from the base
    state = ours.state
    if server is None:
        if state in (MaskState.SYNCED, MaskState.DELETED):
            return None
        return replace(ours, conflict=ConflictKind.SERVER_DELETED, theirs_text=None)
    if not server_changed(ours, server):
        # Same box: refresh a cosmetic text change so that later comparisons use the server's text.
        return replace(ours, base_text=server.text, notes=server.reading.notes)
    if state is MaskState.SYNCED:
        return take(ours, server)
    if state is MaskState.EDITED and server.box is not None and server.box == ours.box:
        return rebase(ours, server)  # both made the same change
    return replace(ours, conflict=ConflictKind.SERVER_EDITED, theirs_text=server.text)


def from_server(pose_id: int, server: ServerMask, *, deleted: bool = False) -> Mask:
    """A row for a server mask new to us (flagged through `notes` when its text is odd or unusable)."""
    return Mask(0, pose_id, server.box, server.created_at, server.id, server.created_at, server.box, server.text,
                deleted=deleted, notes=server.reading.notes)


def merge_pose(
    pose_id: int,
    rows: list[Mask],
    server: list[ServerMask],
    attempts: list[Attempt],
    *,
    held_elsewhere: AbstractSet[int] = frozenset(),
    tolerance: timedelta = DEFAULT_ADOPT_TOLERANCE,
) -> PoseMerge:
    """Everything a fresh listing of the pose changes in our rows. `held_elsewhere`: server ids that
    rows of other poses hold (never adopted twice)."""
    out = PoseMerge(resolved=[a.local_id for a in attempts])
    listed = {s.id: s for s in server}
    current = {m.local_id: m for m in rows}
    known = {m.server_id for m in rows if m.server_id is not None} | set(held_elsewhere)

    for attempt in attempts:
        mask = current.get(attempt.local_id)
        if attempt.op is Op.CREATE and (mask is None or mask.server_id is None):
            found = _adoptable(attempt, server, known, tolerance)
            if found is None:
                continue  # never created: the row stays new and is posted again
            known.add(found.id)
            out.adopted += 1
            if mask is None:  # removed here while its create was in doubt: delete the server's copy
                out.inserted.append(from_server(pose_id, found, deleted=True))
            else:
                current[mask.local_id] = replace(rebase(mask, found), server_id=found.id,
                                                 server_created_at=found.created_at)
        elif attempt.op is Op.PATCH and mask is not None and mask.server_id == attempt.server_id:
            there = listed.get(attempt.server_id) if attempt.server_id is not None else None
            if there is not None and there.box is not None and there.box == _box(attempt.sent_text):
                current[mask.local_id] = rebase(mask, there)  # our PATCH did land
        # A DELETE in doubt needs nothing: the mask is listed (delete again) or not (done).

    for local_id, mask in current.items():
        merged = merge_row(mask, listed.get(mask.server_id)) if mask.server_id is not None else mask
        original = next((m for m in rows if m.local_id == local_id), None)
        if merged is None:
            out.removed.append(local_id)
            out.dropped += 1
            continue
        if merged != original:
            out.changed.append(merged)
            if merged.conflict is not None and (original is None or original.conflict is None):
                out.conflicts += 1
            elif original is not None and original.state is MaskState.SYNCED and merged.box != original.box:
                out.taken += 1

    for s in server:
        if s.id not in known:
            out.inserted.append(from_server(pose_id, s))
            out.added += 1
    return out


def _adoptable(attempt: Attempt, server: list[ServerMask], known: set[int],
               tolerance: timedelta) -> ServerMask | None:
    """The earliest unknown server mask with the box we sent, created after our attempt (give or
    take the clock skew between us and the server)."""
    sent = _box(attempt.sent_text)
    earliest = attempt.attempted_at - tolerance
    for s in server:  # sorted by id: the earliest created first
        if s.id not in known and sent is not None and s.box == sent and s.created_at >= earliest:
            return s
    return None


def _box(text: str | None) -> Box | None:
    return parse_mask(text).box if text else None
