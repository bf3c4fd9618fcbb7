"""What a person needs to decide a conflict or review a push, without Qt: which case a conflict is,
and the boxes of each version as text (the canonical mask string the server stores). The UI words
the cases in the user's language; the texts here are language-neutral."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mask_editor.core.codec import format_mask, parse_mask
from mask_editor.core.geometry import Box, QuantizeError
from mask_editor.workspace.records import ConflictKind, Mask, MaskState


class ConflictCase(StrEnum):
    BOTH_CHANGED = "both_changed"  # edited here and on the server
    DELETED_THERE = "deleted_there"  # deleted on the server while edited here
    DELETED_HERE = "deleted_here"  # deleted here while edited on the server


class Change(StrEnum):
    """What the next push does for a mask (the review dialog's rows)."""

    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Versions:
    """The boxes of a conflict as text; None where that side has no box (deleted)."""

    case: ConflictCase
    ours: str | None
    theirs: str | None
    base: str | None  # the server's box as last pulled, the common ancestor of both
    created_at: datetime | None  # when the server created the mask (it records no author, no edit time)


def box_text(box: Box | None) -> str | None:
    """'(0.1,0.25,0.3,0.4)', the text a push sends; None for no box."""
    if box is None:
        return None
    try:
        return format_mask(box)
    except QuantizeError:  # thinner than the grid: show the raw corners rather than fail
        return f"({box.xmin:g},{box.ymin:g},{box.xmax:g},{box.ymax:g})"


def conflict_case(mask: Mask) -> ConflictCase | None:
    if mask.conflict is ConflictKind.SERVER_DELETED:
        return ConflictCase.DELETED_THERE
    if mask.conflict is ConflictKind.SERVER_EDITED:
        return ConflictCase.DELETED_HERE if mask.deleted or mask.box is None else ConflictCase.BOTH_CHANGED
    return None


def versions(mask: Mask) -> Versions | None:
    """Ours, theirs and the base of a mask in conflict; None when it is not in conflict."""
    case = conflict_case(mask)
    if case is None:
        return None
    ours = None if case is ConflictCase.DELETED_HERE else box_text(mask.box)
    theirs = None if case is ConflictCase.DELETED_THERE else box_text(theirs_box(mask)) or mask.theirs_text
    base = mask.base_text if mask.base is None else box_text(mask.base)
    return Versions(case, ours, theirs, base, mask.server_created_at)


def theirs_box(mask: Mask) -> Box | None:
    """The server's box of a conflict (drawn as a ghost); None if it deleted the mask or its text
    cannot be read as a box."""
    if mask.conflict is not ConflictKind.SERVER_EDITED or not mask.theirs_text:
        return None
    return parse_mask(mask.theirs_text).box


def change(mask: Mask) -> Change | None:
    """What the next push does for this mask; None when it has nothing to send."""
    return {MaskState.NEW: Change.CREATE, MaskState.EDITED: Change.CHANGE, MaskState.DELETED: Change.DELETE,
            MaskState.CONFLICT: Change.CONFLICT}.get(mask.state)


def change_texts(mask: Mask) -> tuple[str | None, str | None]:
    """(from, to) of the change a push makes: the box as last pulled, and ours (None where absent)."""
    kind = change(mask)
    before = box_text(mask.base) if mask.base is not None else mask.base_text
    if kind is Change.CREATE:
        return None, box_text(mask.box)
    if kind is Change.DELETE:
        return before, None
    return before, box_text(mask.box)
