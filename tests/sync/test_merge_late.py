"""The merge's rule for creates in doubt, as a pure function: a second copy of a box we sent again is
deleted only when it is provably ours (this pose, the box we sent, dated after our first send, held by
no row), and only as many as our sends still unaccounted for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mask_editor.core.codec import format_mask
from mask_editor.sync.merge import DEFAULT_LATE_HORIZON, merge_pose
from mask_editor.workspace import Mask, MaskState
from mask_editor.workspace.records import CreateInDoubt
from mask_editor.workspace.sync_rows import Attempt, Op
from tests.sync.helpers import box, server_mask

B1, B2 = box(2), box(3)
T1, T2 = format_mask(B1), format_mask(B2)
ADDED = datetime(2025, 6, 1, tzinfo=UTC)
FIRST = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)  # our first send
LATER = FIRST + timedelta(seconds=30)  # a later listing


def synced(local_id: int = 1, server_id: int = 5, box_=B1) -> Mask:
    return Mask(local_id, 1, box_, ADDED, server_id, FIRST, box_, format_mask(box_))


def doubt(unaccounted: int = 1, local_id: int = 1, text: str = T1) -> CreateInDoubt:
    return CreateInDoubt(local_id, 1, text, FIRST, FIRST + timedelta(seconds=1), unaccounted)


def late(server_id: int, text: str = T1, after: float = 2.0):  # type: ignore[no-untyped-def]
    return server_mask(server_id, text, FIRST + timedelta(seconds=after))


def test_a_create_not_found_is_sent_again_and_stays_in_doubt() -> None:
    row = Mask(1, 1, B1, ADDED, push_attempted_at=FIRST)
    merge = merge_pose(1, [row], [], [Attempt(1, 1, Op.CREATE, None, T1, FIRST)], asked_at=LATER)
    assert not merge.changed and merge.resolved == [1]
    assert merge.doubts == [CreateInDoubt(1, 1, T1, FIRST, FIRST, 1)]
    again = merge_pose(1, [row], [], [Attempt(1, 1, Op.CREATE, None, T1, LATER)], doubts=merge.doubts, asked_at=LATER)
    assert again.doubts == [CreateInDoubt(1, 1, T1, FIRST, LATER, 2)]  # two sends that may still land


def test_a_second_copy_of_a_box_we_sent_again_becomes_a_pending_deletion() -> None:
    merge = merge_pose(1, [synced()], [server_mask(5, T1, FIRST), late(9)], [], doubts=[doubt()], asked_at=LATER)
    assert (merge.late_copies, merge.added, merge.doubts) == (1, 0, [])
    (copy,) = merge.inserted
    assert copy.server_id == 9 and copy.state is MaskState.DELETED


def test_a_copy_dated_before_our_first_send_is_somebody_elses() -> None:
    merge = merge_pose(1, [synced()], [server_mask(5, T1, FIRST), late(9, after=-1)], [], doubts=[doubt()],
                       asked_at=LATER)
    assert (merge.late_copies, merge.added) == (0, 1)
    assert merge.inserted[0].state is MaskState.SYNCED and merge.doubts == [doubt()]


def test_other_boxes_and_masks_held_by_a_row_are_never_taken() -> None:
    server = [server_mask(5, T1, FIRST), late(8, T2), late(9)]
    merge = merge_pose(1, [synced()], server, [], doubts=[doubt()], held_elsewhere={9}, asked_at=LATER)
    assert (merge.late_copies, merge.added) == (0, 1) and merge.doubts == [doubt()]


def test_no_more_copies_are_deleted_than_sends_unaccounted_for() -> None:
    server = [server_mask(5, T1, FIRST), late(8), late(9)]
    merge = merge_pose(1, [synced()], server, [], doubts=[doubt(1)], asked_at=LATER)
    assert (merge.late_copies, merge.added) == (1, 1)
    assert [(m.server_id, m.state) for m in merge.inserted] == [(8, MaskState.DELETED), (9, MaskState.SYNCED)]


def test_a_row_still_new_adopts_the_late_copy_instead() -> None:
    # Killed after the pull chose to send again, before the send: the late copy is the row's.
    row = Mask(1, 1, B1, ADDED)
    merge = merge_pose(1, [row], [late(9)], [], doubts=[doubt()], asked_at=LATER)
    assert (merge.adopted, merge.late_copies, merge.doubts) == (1, 0, [])
    (adopted,) = merge.changed
    assert adopted.server_id == 9 and adopted.state is MaskState.SYNCED


def test_a_late_copy_of_a_row_removed_since_is_deleted() -> None:
    merge = merge_pose(1, [], [late(9)], [], doubts=[doubt()], asked_at=LATER)
    assert merge.late_copies == 1 and merge.inserted[0].deleted


def test_a_create_in_doubt_expires_after_the_horizon() -> None:
    young = merge_pose(1, [synced()], [server_mask(5, T1, FIRST)], [], doubts=[doubt()], asked_at=LATER)
    assert young.doubts == [doubt()]
    old = merge_pose(1, [synced()], [server_mask(5, T1, FIRST)], [], doubts=[doubt()],
                     asked_at=doubt().last_attempt_at + DEFAULT_LATE_HORIZON)
    assert old.doubts == []
