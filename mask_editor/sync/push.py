"""Push one pose's outbox, one request at a time, in the order the masks were made.

Each request is journaled before it goes out and its answer recorded after, each in its own
transaction: a crash between the two leaves an attempt that the next pull settles against the
server's list (adopt, re-send or conflict), never a blind second POST.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from mask_editor.api.client import PyroClient
from mask_editor.api.errors import Forbidden, NotFound, Rejected, SignInRequired, Unreachable
from mask_editor.core.codec import parse_mask
from mask_editor.sync.result import MaskFailure, PoseReport
from mask_editor.workspace import Workspace, sync_rows
from mask_editor.workspace.sync_rows import Attempt, Op, outbox_op


@dataclass(frozen=True)
class LeaveOut:
    """What the user left out of this push (the review dialog's unticked rows): their changes stay
    pending, the poses are still pulled, and a later push sends them."""

    poses: frozenset[int] = frozenset()
    masks: frozenset[int] = frozenset()  # local ids

    def __bool__(self) -> bool:
        return bool(self.poses or self.masks)


PUSH_EVERYTHING = LeaveOut()


def push_outbox(
    client: PyroClient,
    ws: Workspace,
    pose_id: int,
    report: PoseReport,
    *,
    handled: set[int],
    halted: Callable[[], bool],
    advance: Callable[[str], None],
    clock: Callable[[], datetime],
) -> None:
    """Push every pending mask of the pose not yet `handled` in this run. Raises the transient
    errors (Unreachable, ServerError) and SignInRequired for the engine to retry or pause."""
    while not halted():
        mask = next((m for m in ws.masks(pose_id) if m.local_id not in handled and outbox_op(m) is not None), None)
        if mask is None:
            return
        attempt = sync_rows.record_attempt(ws, mask.local_id, clock())
        if attempt is not None:
            send(client, ws, attempt, report)
            advance(f"pose {pose_id}: {attempt.op} mask {attempt.local_id}")
        handled.add(mask.local_id)


def send(client: PyroClient, ws: Workspace, attempt: Attempt, report: PoseReport) -> None:
    """One request and the record of its answer. An answer we cannot interpret (5xx, a broken
    connection after sending, an odd body) leaves the attempt journaled for the next pull."""
    box = parse_mask(attempt.sent_text).box if attempt.sent_text else None
    try:
        if attempt.op is Op.CREATE:
            assert box is not None
            created = client.create_mask(attempt.pose_id, box)
            sync_rows.record_created(ws, attempt, created.id, created.text, created.created_at)
            report.created += 1
        elif attempt.op is Op.PATCH:
            assert box is not None and attempt.server_id is not None
            try:
                patched = client.patch_mask(attempt.server_id, box)
            except NotFound:  # deleted on the server meanwhile: the user decides
                report.conflicts += int(sync_rows.record_gone(ws, attempt))
                return
            sync_rows.record_patched(ws, attempt, patched.text)
            report.patched += 1
        else:
            assert attempt.server_id is not None
            with suppress(NotFound):  # already gone: what we wanted
                client.delete_mask(attempt.server_id)
            sync_rows.record_deleted(ws, attempt)
            report.deleted += 1
    except (Forbidden, Rejected, NotFound) as exc:  # refused before any change: keep the server's words
        sync_rows.record_refused(ws, attempt, exc.detail)
        report.failed.append(MaskFailure(attempt.pose_id, attempt.local_id, attempt.op, exc.detail))
    except SignInRequired:  # checked before anything else on the server: nothing was applied
        sync_rows.record_unsent(ws, attempt)
        raise
    except Unreachable as exc:
        if not exc.maybe_applied:
            sync_rows.record_unsent(ws, attempt)
        raise
