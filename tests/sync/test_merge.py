"""The three-way merge, as a pure function: every combination of our state and the server's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mask_editor.core.codec import format_mask
from mask_editor.sync.merge import merge_pose, merge_row
from mask_editor.workspace import ConflictKind, Mask, MaskState
from mask_editor.workspace.sync_rows import Attempt, Op
from tests.sync.helpers import box, server_mask

B0, B1, B2 = box(1), box(2), box(3)
T0, T1, T2 = format_mask(B0), format_mask(B1), format_mask(B2)
COSMETIC = T0.replace("(", "( ")  # the same box, written otherwise (an old client)
ADDED = datetime(2025, 6, 1, tzinfo=UTC)
NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def row(box_=B0, *, deleted=False, conflict=None, theirs=None, local_id=1, server_id=1) -> Mask:
    return Mask(local_id, 1, box_, ADDED, server_id, ADDED, B0, T0, deleted=deleted, conflict=conflict,
                theirs_text=theirs)


LOCAL = {
    "synced": row(),
    "edited": row(B1),
    "deleted": row(deleted=True),
    "edited+deleted": row(B1, deleted=True),
    "conflict(edited)": row(B1, conflict=ConflictKind.SERVER_EDITED, theirs=T2),
    "conflict(deleted here)": row(deleted=True, conflict=ConflictKind.SERVER_EDITED, theirs=T2),
    "conflict(server deleted)": row(B1, conflict=ConflictKind.SERVER_DELETED),
}
SERVER = {"unchanged": T0, "changed": T2, "same as ours": T1, "cosmetic": COSMETIC, "deleted": None}
C, D = ConflictKind.SERVER_EDITED, ConflictKind.SERVER_DELETED
S, E, X, K = MaskState.SYNCED, MaskState.EDITED, MaskState.DELETED, MaskState.CONFLICT
REMOVED = "removed"

# (our state, server state) -> (resulting state, our box, base box, conflict kind) or REMOVED
TABLE = {
    ("synced", "unchanged"): (S, B0, B0, None),
    ("synced", "changed"): (S, B2, B2, None),  # taken
    ("synced", "same as ours"): (S, B1, B1, None),
    ("synced", "cosmetic"): (S, B0, B0, None),
    ("synced", "deleted"): REMOVED,
    ("edited", "unchanged"): (E, B1, B0, None),
    ("edited", "changed"): (K, B1, B0, C),
    ("edited", "same as ours"): (S, B1, B1, None),  # the same change on both sides
    ("edited", "cosmetic"): (E, B1, B0, None),
    ("edited", "deleted"): (K, B1, B0, D),
    ("deleted", "unchanged"): (X, B0, B0, None),
    ("deleted", "changed"): (K, B0, B0, C),  # their edit is not silently deleted
    ("deleted", "same as ours"): (K, B0, B0, C),
    ("deleted", "cosmetic"): (X, B0, B0, None),
    ("deleted", "deleted"): REMOVED,
    ("edited+deleted", "unchanged"): (X, B1, B0, None),
    ("edited+deleted", "changed"): (K, B1, B0, C),
    ("edited+deleted", "same as ours"): (K, B1, B0, C),
    ("edited+deleted", "cosmetic"): (X, B1, B0, None),
    ("edited+deleted", "deleted"): REMOVED,
    ("conflict(edited)", "unchanged"): (E, B1, B0, None),  # they went back to the base: only we changed
    ("conflict(edited)", "changed"): (K, B1, B0, C),
    ("conflict(edited)", "same as ours"): (S, B1, B1, None),
    ("conflict(edited)", "cosmetic"): (E, B1, B0, None),
    ("conflict(edited)", "deleted"): (K, B1, B0, D),
    ("conflict(deleted here)", "unchanged"): (X, B0, B0, None),
    ("conflict(deleted here)", "changed"): (K, B0, B0, C),
    ("conflict(deleted here)", "same as ours"): (K, B0, B0, C),
    ("conflict(deleted here)", "cosmetic"): (X, B0, B0, None),
    ("conflict(deleted here)", "deleted"): REMOVED,
    ("conflict(server deleted)", "unchanged"): (E, B1, B0, None),  # it came back (restored on the server)
    ("conflict(server deleted)", "changed"): (K, B1, B0, C),
    ("conflict(server deleted)", "same as ours"): (S, B1, B1, None),
    ("conflict(server deleted)", "cosmetic"): (E, B1, B0, None),
    ("conflict(server deleted)", "deleted"): (K, B1, B0, D),
}


def test_the_table_covers_every_combination() -> None:
    assert set(TABLE) == {(a, b) for a in LOCAL for b in SERVER}


@pytest.mark.parametrize(("ours", "theirs"), sorted(TABLE))
def test_merge_row(ours: str, theirs: str) -> None:
    text = SERVER[theirs]
    merged = merge_row(LOCAL[ours], server_mask(1, text) if text is not None else None)
    expected = TABLE[(ours, theirs)]
    if expected == REMOVED:
        assert merged is None
        return
    assert merged is not None
    state, ours_box, base, conflict = expected
    assert (merged.state, merged.box, merged.base, merged.conflict) == (state, ours_box, base, conflict)
    if conflict is C:
        assert merged.theirs_text == text
    if conflict is D:
        assert merged.theirs_text is None
    if text is not None and merged.conflict is None:
        assert merged.base_text == text  # later comparisons use the server's own text


def test_server_masks_new_to_us_are_added_synced_with_their_time_and_notes() -> None:
    created = datetime(2026, 3, 2, 9, 30, 12, tzinfo=UTC)
    good, odd, unusable = server_mask(5, T1, created), server_mask(6, T2 + "\n", created), server_mask(7, "(0.5,0.5)")
    merge = merge_pose(1, [], [good, odd, unusable], [])
    assert merge.added == 3 and not merge.changed and not merge.removed
    rows = {m.server_id: m for m in merge.inserted}
    assert rows[5].state is MaskState.SYNCED and rows[5].added_at == created and rows[5].box == B1
    assert rows[5].notes == () and rows[5].base_text == T1
    assert rows[6].box == B2 and rows[6].suspicious and rows[6].base_text == T2 + "\n"
    assert rows[7].box is None and rows[7].suspicious and rows[7].state is MaskState.SYNCED


def test_new_local_masks_are_left_alone() -> None:
    new = Mask(1, 1, B1, ADDED)
    merge = merge_pose(1, [new], [server_mask(3, T1)], [])
    assert not merge.changed and merge.added == 1  # a server mask of the same box is not ours


def attempt(op: Op, sent: str | None, *, local_id: int = 1, server_id: int | None = None,
            at: datetime = NOW) -> Attempt:
    return Attempt(local_id, 1, op, server_id, sent, at)


def new_row(local_id: int = 1, box_=B1) -> Mask:
    return Mask(local_id, 1, box_, ADDED, push_attempted_at=NOW)


def test_a_lost_create_is_adopted_not_posted_again() -> None:
    found = server_mask(9, T1, NOW + timedelta(seconds=1))
    merge = merge_pose(1, [new_row()], [found], [attempt(Op.CREATE, T1)])
    assert merge.adopted == 1 and merge.added == 0 and merge.resolved == [1]
    (adopted,) = merge.changed
    assert adopted.server_id == 9 and adopted.state is MaskState.SYNCED
    assert adopted.server_created_at == found.created_at


@pytest.mark.parametrize("case", ["other box", "too old", "held elsewhere"])
def test_adoption_needs_the_same_box_a_recent_time_and_a_free_id(case: str) -> None:
    text = T2 if case == "other box" else T1
    created = NOW - timedelta(hours=1) if case == "too old" else NOW - timedelta(minutes=2)  # skew tolerated
    held = {9} if case == "held elsewhere" else set()
    merge = merge_pose(1, [new_row()], [server_mask(9, text, created)], [attempt(Op.CREATE, T1)], held_elsewhere=held)
    assert merge.adopted == 0 and merge.resolved == [1]
    assert not merge.changed  # stays new: posted again
    assert merge.added == (0 if case == "held elsewhere" else 1)


def test_clock_skew_within_tolerance_is_adopted() -> None:
    merge = merge_pose(1, [new_row()], [server_mask(9, T1, NOW - timedelta(minutes=5))], [attempt(Op.CREATE, T1)])
    assert merge.adopted == 1


def test_two_lost_creates_of_one_box_adopt_one_mask_each() -> None:
    rows = [new_row(1), new_row(2)]
    merge = merge_pose(1, rows, [server_mask(9, T1, NOW)],
                       [attempt(Op.CREATE, T1, local_id=1), attempt(Op.CREATE, T1, local_id=2)])
    assert merge.adopted == 1 and [m.local_id for m in merge.changed] == [1]


def test_a_lost_create_of_a_mask_moved_since_is_adopted_then_patched() -> None:
    merge = merge_pose(1, [new_row(box_=B2)], [server_mask(9, T1, NOW)], [attempt(Op.CREATE, T1)])
    (adopted,) = merge.changed
    assert adopted.server_id == 9 and adopted.base == B1 and adopted.box == B2 and adopted.state is MaskState.EDITED


def test_a_lost_create_of_a_mask_removed_since_becomes_a_deletion() -> None:
    merge = merge_pose(1, [], [server_mask(9, T1, NOW)], [attempt(Op.CREATE, T1)])
    (tombstone,) = merge.inserted
    assert tombstone.server_id == 9 and tombstone.state is MaskState.DELETED and merge.added == 0


@pytest.mark.parametrize(("server_text", "expected"), [
    (T1, (MaskState.SYNCED, B1)),  # our PATCH landed
    (T0, (MaskState.EDITED, B0)),  # it did not: PATCH again
    (T2, (MaskState.CONFLICT, B0)),  # someone else changed it meanwhile
])
def test_a_lost_patch_is_settled_by_the_listing(server_text: str, expected: tuple) -> None:
    mask = row(B1)._replace(push_attempted_at=NOW)
    merge = merge_pose(1, [mask], [server_mask(1, server_text)], [attempt(Op.PATCH, T1, server_id=1)])
    merged = next((m for m in merge.changed), mask)
    assert (merged.state, merged.base) == expected and merge.resolved == [1]


def test_a_lost_patch_then_a_new_edit_is_no_conflict() -> None:
    mask = row(B2)._replace(push_attempted_at=NOW)
    merge = merge_pose(1, [mask], [server_mask(1, T1)], [attempt(Op.PATCH, T1, server_id=1)])
    (merged,) = merge.changed
    assert merged.state is MaskState.EDITED and merged.base == B1 and merged.box == B2


def test_a_lost_delete_is_done_or_repeated() -> None:
    mask = row(deleted=True)._replace(push_attempted_at=NOW)
    gone = merge_pose(1, [mask], [], [attempt(Op.DELETE, None, server_id=1)])
    assert gone.removed == [1]
    still = merge_pose(1, [mask], [server_mask(1, T0)], [attempt(Op.DELETE, None, server_id=1)])
    assert not still.removed and not still.changed
