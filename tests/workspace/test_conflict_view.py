"""The Qt-free words of a conflict and of a push: which case, and each version's box as text."""

from __future__ import annotations

from datetime import UTC, datetime

from mask_editor.core.geometry import Box
from mask_editor.workspace import ConflictKind, Mask
from mask_editor.workspace.conflict_view import (
    Change,
    ConflictCase,
    box_text,
    change,
    change_texts,
    conflict_case,
    theirs_box,
    versions,
)

BASE = Box(0.1, 0.1, 0.2, 0.2)
OURS = Box(0.1, 0.1, 0.3, 0.3)
THEIRS_TEXT = "(0.5,0.5,0.6,0.6)"
CREATED = datetime(2026, 11, 21, 7, 25, tzinfo=UTC)


def synced() -> Mask:
    return Mask(1, 7, BASE, CREATED, server_id=14, server_created_at=CREATED, base=BASE,
                base_text="(0.1,0.1,0.2,0.2)")


def test_changed_on_both_sides_shows_ours_theirs_and_the_base() -> None:
    mask = synced()._replace(box=OURS, conflict=ConflictKind.SERVER_EDITED, theirs_text=THEIRS_TEXT)
    assert conflict_case(mask) is ConflictCase.BOTH_CHANGED
    found = versions(mask)
    assert found is not None
    assert (found.ours, found.theirs, found.base, found.created_at) == ("(0.1,0.1,0.3,0.3)", THEIRS_TEXT,
                                                                        "(0.1,0.1,0.2,0.2)", CREATED)
    assert theirs_box(mask) == Box(0.5, 0.5, 0.6, 0.6)
    assert change(mask) is Change.CONFLICT


def test_deleted_on_the_server_while_edited_here_has_no_theirs() -> None:
    mask = synced()._replace(box=OURS, conflict=ConflictKind.SERVER_DELETED)
    found = versions(mask)
    assert conflict_case(mask) is ConflictCase.DELETED_THERE
    assert found is not None and (found.ours, found.theirs) == ("(0.1,0.1,0.3,0.3)", None)
    assert theirs_box(mask) is None


def test_deleted_here_while_edited_there_has_no_ours() -> None:
    mask = synced()._replace(deleted=True, conflict=ConflictKind.SERVER_EDITED, theirs_text=THEIRS_TEXT)
    found = versions(mask)
    assert conflict_case(mask) is ConflictCase.DELETED_HERE
    assert found is not None and (found.ours, found.theirs, found.base) == (None, THEIRS_TEXT,
                                                                            "(0.1,0.1,0.2,0.2)")


def test_a_mask_out_of_conflict_has_no_versions() -> None:
    assert conflict_case(synced()) is None and versions(synced()) is None and change(synced()) is None


def test_what_a_push_does_from_and_to() -> None:
    new = Mask(2, 7, OURS, CREATED)
    assert (change(new), change_texts(new)) == (Change.CREATE, (None, "(0.1,0.1,0.3,0.3)"))
    edited = synced().with_box(OURS)
    assert (change(edited), change_texts(edited)) == (Change.CHANGE, ("(0.1,0.1,0.2,0.2)", "(0.1,0.1,0.3,0.3)"))
    deleted = synced()._replace(deleted=True)
    assert (change(deleted), change_texts(deleted)) == (Change.DELETE, ("(0.1,0.1,0.2,0.2)", None))


def test_box_text_is_the_server_string_and_none_for_no_box() -> None:
    assert box_text(Box(0.1, 0.25, 1.0, 0.4)) == "(0.1,0.25,1,0.4)" and box_text(None) is None
