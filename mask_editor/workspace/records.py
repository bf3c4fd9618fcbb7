"""Rows of the workspace as plain dataclasses (masks: a NamedTuple); sync state is derived from a
mask's fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box

_new_row = tuple.__new__  # a row from all its fields, without NamedTuple.__new__'s call by name


class MaskState(StrEnum):
    SYNCED = "synced"
    NEW = "new"
    EDITED = "edited"
    DELETED = "deleted"  # deleted here, to be deleted on the server at the next push
    CONFLICT = "conflict"


# The states whose masks the next push sends (a conflict waits for a decision first).
OUTBOX_STATES = frozenset({MaskState.NEW, MaskState.EDITED, MaskState.DELETED})


class ConflictKind(StrEnum):
    SERVER_EDITED = "server_edited"  # both sides changed the box
    SERVER_DELETED = "server_deleted"  # the server deleted a mask changed here


@dataclass(frozen=True, slots=True)
class Account:
    server_url: str
    username: str
    user_id: int | None
    role: str  # admin, agent, user
    organization_id: int | None

    @property
    def can_edit(self) -> bool:
        return self.role in ("admin", "agent")


@dataclass(frozen=True, slots=True)
class CameraRow:
    id: int
    organization_id: int
    name: str
    angle_of_view: float | None = None
    elevation: float | None = None
    lat: float | None = None
    lon: float | None = None
    is_trustable: bool = True
    last_active_at: datetime | None = None
    last_image: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PoseRow:
    id: int
    camera_id: int
    azimuth: float | None
    patrol_id: int | None = None
    active: bool = True
    image_key: str | None = None  # the server's storage key of the pose's last image
    image_sha256: str | None = None  # the cached copy, when fetched
    masks_pulled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ImageRow:
    sha256: str
    path: Path
    width: int
    height: int
    byte_size: int
    captured_at: datetime | None  # when the camera took it (from the storage key), if known
    fetched_at: datetime  # when we downloaded it


class Mask(NamedTuple):
    """One mask row. A NamedTuple rather than a frozen dataclass: as immutable, and built four times
    faster (a frozen dataclass sets each of its 14 fields through object.__setattr__), which counts
    when 2,000 masks move at once. Change fields with `_replace`."""

    local_id: int
    pose_id: int
    box: Box | None  # None when the server's text cannot be read as a box
    added_at: datetime  # when the box was first added (legacy time, local time, or server time)
    server_id: int | None = None
    server_created_at: datetime | None = None
    base: Box | None = None  # the server's box at the last sync
    base_text: str | None = None  # the server's text at the last sync, as it held it
    deleted: bool = False
    conflict: ConflictKind | None = None
    theirs_text: str | None = None  # the server's text when in conflict (None if it deleted the mask)
    notes: tuple[str, ...] = ()  # what parsing the server's text had to normalise
    push_attempted_at: datetime | None = None  # set just before a POST/PATCH/DELETE goes out
    push_error: str | None = None  # the server's words when it refused the last push

    def with_box(self, box: Box | None) -> Mask:
        """This row after Workspace.set_boxes: the new box, and no refused push any more. Five times
        as fast as `_replace` (which zips every field through a dict)."""
        return _new_row(Mask, (*self[:2], box, *self[3:13], None))  # push_error, the last field: None

    @property
    def state(self) -> MaskState:
        # The rule; schema.STATE_SQL is its SQL twin for counts over the fleet (a Hypothesis property
        # in tests/workspace/test_state_rule.py holds them equal over every column's values).
        if self.conflict is not None:
            return MaskState.CONFLICT
        if self.deleted:
            return MaskState.DELETED
        if self.server_id is None:
            return MaskState.NEW
        if self.box != self.base:
            return MaskState.EDITED
        return MaskState.SYNCED

    @property
    def text(self) -> str | None:
        """The canonical mask string of our box (what a push sends)."""
        return format_mask(self.box) if self.box is not None else None

    @property
    def suspicious(self) -> bool:
        return bool(self.notes) or self.box is None


@dataclass(frozen=True, slots=True)
class CreateInDoubt:
    """A create that was sent again after a send of it went unanswered: that send, held somewhere
    on the way, may still reach the server and make a second copy (docs/adr/0001-sync-outbox.md).

    `unaccounted` counts the sends whose copy has not been seen yet (each makes at most one);
    the record goes when it reaches 0, or when no send is younger than the sync's late horizon."""

    local_id: int  # the row that was sent (it may be gone since)
    pose_id: int
    sent_text: str  # the mask text every send of it carried
    first_attempt_at: datetime  # our clock: a copy the server dated earlier is not ours
    last_attempt_at: datetime
    unaccounted: int
