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
from datetime import datetime, timedelta

from mask_editor.api.records import ServerMask
from mask_editor.core.codec import parse_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace.records import ConflictKind, CreateInDoubt, Mask, MaskState
from mask_editor.workspace.sync_rows import Attempt, Op

# How much earlier than our attempt (by our clock) the server may date a mask it created for us.
DEFAULT_ADOPT_TOLERANCE = timedelta(minutes=15)
# How long after its last unanswered send a create stays in doubt: a request held on the way (by a
# proxy, a retransmission) lands within seconds, a minute at most; a copy of our box made later is
# somebody's new mask, not a late copy of ours.
DEFAULT_LATE_HORIZON = timedelta(minutes=10)


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
    late_copies: int = 0  # second copies of creates sent again, now pending deletions
    doubts: list[CreateInDoubt] = field(default_factory=list)  # the pose's creates still in doubt


def server_changed(mask: Mask, server: ServerMask) -> bool:
    """Did the server's box move since our base? A text that reads as the same box is no change."""
    if server.box is not None or mask.base is not None:
        return server.box != mask.base
    return server.text != mask.base_text


def rebase(mask: Mask, server: ServerMask) -> Mask:
    """Base := the server's version; our box stays."""
    return mask._replace(base=server.box, base_text=server.text, notes=server.reading.notes,
                   conflict=None, theirs_text=None)


def take(mask: Mask, server: ServerMask) -> Mask:
    return rebase(mask, server)._replace(box=server.box)


def merge_row(mask: Mask, server: ServerMask | None) -> Mask | None:
    """One known mask (it has a server id) against the server's copy; None removes the row."""
    ours = mask._replace(conflict=None, theirs_text=None)  # a conflict is decided again from the base
    state = ours.state
    if server is None:
        if state in (MaskState.SYNCED, MaskState.DELETED):
            return None
        return ours._replace(conflict=ConflictKind.SERVER_DELETED, theirs_text=None)
    if not server_changed(ours, server):
        # Same box: refresh a cosmetic text change so that later comparisons use the server's text.
        return ours._replace(base_text=server.text, notes=server.reading.notes)
    if state is MaskState.SYNCED:
        return take(ours, server)
    if state is MaskState.EDITED and server.box is not None and server.box == ours.box:
        return rebase(ours, server)  # both made the same change
    return ours._replace(conflict=ConflictKind.SERVER_EDITED, theirs_text=server.text)


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
    doubts: list[CreateInDoubt] | None = None,
    asked_at: datetime | None = None,
    horizon: timedelta = DEFAULT_LATE_HORIZON,
) -> PoseMerge:
    """Everything a fresh listing of the pose changes in our rows. `held_elsewhere`: server ids that
    rows of other poses hold (never adopted twice). `doubts`: the pose's creates in doubt, judged
    against this listing made at `asked_at` (our clock)."""
    out = PoseMerge(resolved=[a.local_id for a in attempts])
    listed = {s.id: s for s in server}
    current = {m.local_id: m for m in rows}
    known = {m.server_id for m in rows if m.server_id is not None} | set(held_elsewhere)
    in_doubt = {(d.local_id, d.sent_text): d for d in doubts or ()}

    for attempt in attempts:
        mask = current.get(attempt.local_id)
        if attempt.op is Op.CREATE and (mask is None or mask.server_id is None):
            key = (attempt.local_id, attempt.sent_text or "")
            earlier = in_doubt.get(key)  # sent before, and again since: any of its sends may have landed
            since = min(attempt.attempted_at, earlier.first_attempt_at) if earlier else attempt.attempted_at
            found = _adoptable(attempt.sent_text, since - tolerance, server, known)
            if found is None:
                # Never created, or still on its way: the row is posted again (only now), and this
                # send stays in doubt, since it may yet land.
                in_doubt[key] = _one_more_send(earlier, attempt)
                continue
            known.add(found.id)
            out.adopted += 1
            if mask is None:  # removed here while its create was in doubt: delete the server's copy
                out.inserted.append(from_server(pose_id, found, deleted=True))
            else:
                current[mask.local_id] = _adopt(mask, found)
        elif attempt.op is Op.PATCH and mask is not None and mask.server_id == attempt.server_id:
            there = listed.get(attempt.server_id) if attempt.server_id is not None else None
            if there is not None and there.box is not None and there.box == _box(attempt.sent_text):
                current[mask.local_id] = rebase(mask, there)  # our PATCH did land
        # A DELETE in doubt needs nothing: the mask is listed (delete again) or not (done).

    settled = [_settle(d, pose_id, server, known, current, out, tolerance) for d in in_doubt.values()]
    out.doubts = [d for d in settled if d.unaccounted > 0 and
                  (asked_at is None or asked_at - d.last_attempt_at < horizon)]  # else nothing more can land

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


def _adoptable(sent_text: str | None, earliest: datetime, server: list[ServerMask],
               known: set[int]) -> ServerMask | None:
    """The earliest unknown server mask with the box we sent, created no earlier than `earliest`
    (our attempt, give or take the clock skew between us and the server)."""
    sent = _box(sent_text)
    for s in server:  # sorted by id: the earliest created first
        if s.id not in known and sent is not None and s.box == sent and s.created_at >= earliest:
            return s
    return None


def _adopt(mask: Mask, found: ServerMask) -> Mask:
    return rebase(mask, found)._replace(server_id=found.id, server_created_at=found.created_at)


def _one_more_send(doubt: CreateInDoubt | None, attempt: Attempt) -> CreateInDoubt:
    if doubt is None:
        return CreateInDoubt(attempt.local_id, attempt.pose_id, attempt.sent_text or "", attempt.attempted_at,
                             attempt.attempted_at, 1)
    return replace(doubt, first_attempt_at=min(doubt.first_attempt_at, attempt.attempted_at),
                   last_attempt_at=max(doubt.last_attempt_at, attempt.attempted_at), unaccounted=doubt.unaccounted + 1)


def _settle(doubt: CreateInDoubt, pose_id: int, server: list[ServerMask], known: set[int],
            current: dict[int, Mask], out: PoseMerge, tolerance: timedelta) -> CreateInDoubt:
    """Account for the copies of a create in doubt that this listing shows. A row still new (killed
    before its next send) adopts one; any further copy is provably ours (our pose, the box we sent,
    dated after our first send, held by no row) and becomes a pending deletion. A mask with our box
    dated before our first send is somebody else's and is left alone."""
    left = doubt.unaccounted
    mask = current.get(doubt.local_id)
    if mask is not None and mask.server_id is None and left > 0:
        found = _adoptable(doubt.sent_text, doubt.first_attempt_at - tolerance, server, known)
        if found is not None:
            known.add(found.id)
            out.adopted += 1
            current[mask.local_id] = _adopt(mask, found)
            left -= 1
    sent = _box(doubt.sent_text)
    for s in server:
        ours = s.id not in known and sent is not None and s.box == sent and s.created_at >= doubt.first_attempt_at
        if ours and left > 0:
            known.add(s.id)
            out.inserted.append(from_server(pose_id, s, deleted=True))
            out.late_copies += 1
            left -= 1
    return replace(doubt, unaccounted=left)


def _box(text: str | None) -> Box | None:
    return parse_mask(text).box if text else None
