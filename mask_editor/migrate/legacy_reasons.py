"""Why a legacy file is not imported, or one of its boxes is skipped: typed, so that each surface words it.

`reason` and `text` are the command line's English sentences (ADR 0004), with its options as the way
out; the window words the same facts in its language, with its own controls as the way out
(ui/dialogs/import_words.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mask_editor.core.codec import LegacyFormatError

POSE_HINT = "use --pose ID"
TOLERANCE_HINT = "use --pose ID or --azimuth-tolerance DEG"
REFRESH_HINT = "pull or refresh the camera list, or use --pose ID"


def number_text(value: float | None) -> str:
    """246, 246.5, or ? : an azimuth, id or tolerance as the file name or the user gave it."""
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class SkipKind(StrEnum):
    UNREADABLE = "unreadable"  # `error` says why
    IN_THIS_FILE = "in this file"  # the same box as entry `entry` of the same file
    IN_EARLIER_FILE = "in an earlier file"  # the same box as entry `entry` of `file`, imported first
    DELETED_HERE = "deleted here"  # the pose had it as mask `mask`, deleted and not synced yet
    NOT_SYNCED = "not synced"  # the pose has it as mask `mask`, not synced yet
    ON_SERVER = "on the server"  # the pose has it as mask `mask`, server id `server_id`


@dataclass(frozen=True, slots=True)
class Skipped:
    key: str  # the entry's key in the file (its time), or "(file)"
    kind: SkipKind
    error: LegacyFormatError | None = None
    entry: str = ""
    file: str = ""
    mask: int = 0
    server_id: int | None = None

    @property
    def reason(self) -> str:
        if self.kind is SkipKind.UNREADABLE:
            return self.error.reason if self.error else "unreadable"
        if self.kind is SkipKind.IN_THIS_FILE:
            return f"same box as entry {self.entry!r} of this file"
        if self.kind is SkipKind.IN_EARLIER_FILE:
            return f"same box as entry {self.entry!r} of {self.file}"
        if self.kind is SkipKind.DELETED_HERE:
            return f"the pose had this box as mask #{self.mask}, deleted here (kept deleted)"
        if self.kind is SkipKind.NOT_SYNCED:
            return f"the pose already has this box (mask #{self.mask}, not synced yet)"
        return f"the pose already has this box (mask #{self.mask}, server id {self.server_id})"


class ProblemKind(StrEnum):
    CANNOT_READ = "cannot be read"  # `detail`: the system's words
    NOT_UTF8 = "not UTF-8"
    BAD_CONTENT = "bad content"  # `error`: the whole file cannot be read as legacy masks
    BAD_NAME = "bad name"
    NO_CAMERA = "no camera"  # `prefix`: no camera of that site
    AMBIGUOUS_AZIMUTH = "ambiguous azimuth"  # `poses` are equally near azimuth `number`
    AMBIGUOUS_ID = "ambiguous id"  # `poses`: (near the azimuth `number`, with the id `number`)
    NO_POSE = "no pose"  # `cameras` within `tolerance` of `number`, neither as azimuth nor as id


@dataclass(frozen=True, slots=True)
class PoseRef:
    """A pose as a problem names it: its id, its camera and where it looks."""

    id: int
    camera: str
    azimuth: float | None

    def __str__(self) -> str:
        return f"{self.id} ({self.camera} at {number_text(self.azimuth)}°)"


@dataclass(frozen=True, slots=True)
class CameraAzimuths:
    camera: str
    azimuths: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Why a whole file is not imported."""

    kind: ProblemKind
    number: float = 0.0  # the number in the file name
    prefix: str = ""
    poses: tuple[PoseRef, ...] = ()
    cameras: tuple[CameraAzimuths, ...] = ()
    tolerance: float = 0.0
    error: LegacyFormatError | None = None
    detail: str = ""

    @property
    def text(self) -> str:
        """The command line's sentence, its options as the way out."""
        number = number_text(self.number)
        if self.kind is ProblemKind.CANNOT_READ:
            return f"cannot be read ({self.detail})"
        if self.kind is ProblemKind.NOT_UTF8:
            return f"cannot be read ({self.detail or 'not UTF-8 text'})"
        if self.kind is ProblemKind.BAD_CONTENT:
            return self.error.reason if self.error else "cannot be read"
        if self.kind is ProblemKind.BAD_NAME:
            return ("the name is not <site>_<azimuth>.json or <site>_<pose id>.json; "
                    f"{POSE_HINT} to say which pose it belongs to")
        if self.kind is ProblemKind.NO_CAMERA:
            return f"no camera named {self.prefix}-NN in this workspace ({REFRESH_HINT})"
        if self.kind is ProblemKind.AMBIGUOUS_AZIMUTH:
            poses = ", ".join(str(p) for p in self.poses[:-1]) + " and " + str(self.poses[-1])
            return f"ambiguous: poses {poses} are equally near azimuth {number}; {POSE_HINT}"
        if self.kind is ProblemKind.AMBIGUOUS_ID:
            near, with_id = self.poses
            return (f"ambiguous: {number} is near the azimuth of pose {near} "
                    f"and is also the id of pose {with_id}; {POSE_HINT}")
        names = " or ".join(c.camera for c in self.cameras)
        azimuths = "; ".join(f"{c.camera} " + (", ".join(f"{number_text(a)}°" for a in c.azimuths) or "none")
                             for c in self.cameras)
        return (f"no active pose of {names} within {number_text(self.tolerance)}° of azimuth {number}, "
                f"and no pose with id {number} (azimuths: {azimuths}); {TOLERANCE_HINT}")
