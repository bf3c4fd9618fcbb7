"""Text forms of boxes: the API's mask string, the detections' bbox list, and the legacy JSON files.

Writing is strict (only what the server's regex accepts, on the 3-decimal grid); reading is
forgiving (anything a server or an old file may already hold) and says what it had to normalise,
so the UI can flag a suspicious mask instead of crashing on it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from mask_editor.core.geometry import GRID, Box, QuantizeError, quantize, to_grid

# The server's check, verbatim from pyro-api (CONTRACT.md, "Occlusion masks"); used with re.match.
_NUMBER = r"(0?\.[0-9]{1,3}|0|1)"
SERVER_MASK_PATTERN = re.compile(rf"^\({_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}\)$")

LEGACY_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def format_coordinate(milli: int) -> str:
    """`0`, `1`, or `0.d`..`0.ddd` with trailing zeros trimmed: never `1.0`, never 4 decimals."""
    if not 0 <= milli <= GRID:
        raise ValueError(f"coordinate {milli / GRID} is outside [0, 1]")
    if milli == 0:
        return "0"
    if milli == GRID:
        return "1"
    return "0." + f"{milli:03d}".rstrip("0")


def format_mask(box: Box) -> str:
    """The canonical string the server accepts, e.g. `(0.1,0.25,1,0.4)`; quantizes first.

    Raises QuantizeError when the box is too thin for 3 decimals.
    """
    return "(" + ",".join(format_coordinate(v) for v in quantize(box).milli()) + ")"


def matches_server_format(text: str) -> bool:
    return SERVER_MASK_PATTERN.match(text) is not None


class MaskNote(StrEnum):
    """What parse_mask repaired or could not read in a server's mask text. The value is the note as stored
    and printed by the command line; the window words each member in its language. Two notes carry values
    and are not members: VALUE_COUNT_NOTE, and a QuantizeError's message (a box thinner than the grid)."""

    WHITESPACE = "has whitespace around it (such as a trailing newline)"
    BRACKETS = "uses square brackets instead of parentheses"
    NO_PARENTHESES = "is not wrapped in parentheses"
    SPACES = "contains spaces"
    FIFTH_VALUE = "has a fifth value (a legacy confidence), ignored"
    NOT_A_NUMBER = "has a value that is not a number"
    NOT_FINITE = "has a value that is not a finite number"
    CLAMPED = "has values outside [0, 1], clamped"
    DECIMALS = "has more than 3 decimals, rounded"
    SWAPPED = "has its corners swapped"
    ZERO_SIZE = "has zero width or height"
    NOT_SERVER_FORMAT = "is not in the server's format"


VALUE_COUNT_NOTE = "has {count} values instead of 4"


@dataclass(frozen=True, slots=True)
class MaskReading:
    """What a mask string held: the box it means (None when unusable) and what was normalised."""

    text: str
    box: Box | None
    notes: tuple[str, ...] = ()

    @property
    def suspicious(self) -> bool:
        """True when the server would not accept this text again, or the box had to be repaired."""
        return bool(self.notes)

    @property
    def usable(self) -> bool:
        return self.box is not None


def parse_mask(text: str) -> MaskReading:
    """Read a mask string as a server may hold it; never raises on bad input.

    Accepted and noted: surrounding whitespace (a trailing newline), spaces, square brackets, a fifth
    (legacy confidence) value, more than 3 decimals, values outside [0, 1], swapped corners. A box
    of zero width or height, or one that is not four numbers, is unusable (box None).
    """
    notes: list[str] = []
    body = text
    if body != body.strip():
        notes.append(MaskNote.WHITESPACE)
        body = body.strip()
    if body.startswith("[") and body.endswith("]"):
        notes.append(MaskNote.BRACKETS)
        body = body[1:-1]
    elif body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
    else:
        return MaskReading(text, None, (*notes, MaskNote.NO_PARENTHESES))
    if any(c.isspace() for c in body):
        notes.append(MaskNote.SPACES)
        body = "".join(body.split())
    parts = body.split(",")
    if len(parts) == 5:
        notes.append(MaskNote.FIFTH_VALUE)
        parts = parts[:4]
    if len(parts) != 4:
        return MaskReading(text, None, (*notes, VALUE_COUNT_NOTE.format(count=len(parts))))
    try:
        values = [float(p) for p in parts]
    except ValueError:
        return MaskReading(text, None, (*notes, MaskNote.NOT_A_NUMBER))
    if not all(math.isfinite(v) for v in values):
        return MaskReading(text, None, (*notes, MaskNote.NOT_FINITE))
    if any(v < 0.0 or v > 1.0 for v in values):
        notes.append(MaskNote.CLAMPED)
        values = [min(max(v, 0.0), 1.0) for v in values]
    if any(to_grid(v) != v * GRID for v in values) and any(len(p.split(".")[-1]) > 3 for p in parts):
        notes.append(MaskNote.DECIMALS)
    x0, y0, x1, y1 = values
    if x0 > x1 or y0 > y1:
        notes.append(MaskNote.SWAPPED)
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
    if x0 == x1 or y0 == y1:
        return MaskReading(text, None, (*notes, MaskNote.ZERO_SIZE))
    try:
        box = quantize(Box(x0, y0, x1, y1))
    except QuantizeError as exc:
        return MaskReading(text, None, (*notes, str(exc)))
    if not notes and not matches_server_format(text):
        notes.append(MaskNote.NOT_SERVER_FORMAT)
    return MaskReading(text, box, tuple(notes))


# --- detections: "[(xmin,ymin,xmax,ymax,conf),...]" ---------------------------------------------


@dataclass(frozen=True, slots=True)
class DetectionBox:
    box: Box
    confidence: float


class BboxFormatError(ValueError):
    """A detection bbox list that cannot be read."""


_TUPLE = re.compile(r"\(([^()]*)\)")


def parse_bboxes(text: str) -> list[DetectionBox]:
    """Read a detection's `bbox` field: `[(x1,y1,x2,y2,conf),...]`, `[]` for a continuity frame."""
    body = text.strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise BboxFormatError(f"a bbox list starts with '[' and ends with ']': {text!r}")
    inner = body[1:-1].strip()
    if not inner:
        return []
    found: list[DetectionBox] = []
    for match in _TUPLE.finditer(inner):
        try:
            values = [float(v) for v in match.group(1).split(",")]
        except ValueError as exc:
            raise BboxFormatError(f"a bbox value is not a number in {match.group(0)!r}") from exc
        if len(values) not in (4, 5):
            raise BboxFormatError(f"a bbox has {len(values)} values instead of 5 in {match.group(0)!r}")
        if not all(math.isfinite(v) for v in values):
            raise BboxFormatError(f"a bbox value is not a finite number in {match.group(0)!r}")
        confidence = values[4] if len(values) == 5 else 1.0
        try:
            found.append(DetectionBox(Box.from_corners(*values[:4]), confidence))
        except ValueError as exc:
            raise BboxFormatError(f"a bbox has zero size: {match.group(0)!r}") from exc
    separators = _TUPLE.sub("", inner)
    if not found or separators.replace(",", "").strip() or separators.count(",") != len(found) - 1:
        raise BboxFormatError(f"not a list of (x1,y1,x2,y2,conf) tuples: {text!r}")
    return found


def format_bboxes(detections: list[DetectionBox]) -> str:
    parts = []
    for d in detections:
        coords = ",".join(format_coordinate(v) for v in quantize(d.box).milli())
        parts.append(f"({coords},{round(d.confidence, 3):g})")
    return "[" + ",".join(parts) + "]"


# --- legacy JSON: {"YYYY-mm-dd HH:MM:SS": [x1, y1, x2, y2(, conf)], ...} -------------------------


class LegacyProblem(StrEnum):
    """Why a legacy file, or one entry of it, cannot be read. The values are the command line's words
    (ADR 0004); the window words each kind itself (ui/dialogs/import_words.py)."""

    EMPTY = "the file is empty"
    NOT_JSON = "not valid JSON"  # + (line, column: json's message)
    NOT_AN_OBJECT = 'expected a JSON object of {"time": [x1, y1, x2, y2, conf]}'
    BAD_KEY = "the key is not a time like 2025-06-06 12:23:45"
    NOT_A_LIST = "expected a list of 4 or 5 numbers"
    NOT_A_NUMBER = "a value is not a number"
    NOT_FINITE = "a value is not a finite number"
    TOO_THIN = "too thin for the grid"  # the reason is the QuantizeError's sentence
    ZERO_SIZE = "the box has zero width or height"


class LegacyNote(StrEnum):
    """A repair made to an entry that is still imported."""

    CLAMPED = "values outside [0, 1] were clamped"
    SWAPPED = "corners were swapped"


class LegacyFormatError(ValueError):
    """A legacy mask file, or one of its entries, that cannot be read. `reason` is the command line's
    sentence; `kind` with `line`/`column` (NOT_JSON) or `thin` (TOO_THIN) is what the window words."""

    def __init__(self, source: str, kind: LegacyProblem, key: str | None = None, *,
                 detail: str = "", line: int = 0, column: int = 0, thin: QuantizeError | None = None) -> None:
        self.source, self.kind, self.key = source, kind, key
        self.line, self.column, self.thin = line, column, thin
        if kind is LegacyProblem.NOT_JSON:
            self.reason = f"{kind} (line {line}, column {column}: {detail})"
        else:
            self.reason = str(thin) if thin is not None else str(kind)
        where = f"{source}, entry {key!r}" if key is not None else source
        super().__init__(f"{where}: {self.reason}")


@dataclass(frozen=True, slots=True)
class LegacyEntry:
    added_at: datetime  # aware, UTC: the legacy keys carry no zone and were written in UTC
    box: Box  # on the 3-decimal grid
    key: str
    notes: tuple[LegacyNote, ...] = ()


@dataclass(slots=True)
class LegacyFile:
    source: str
    entries: list[LegacyEntry] = field(default_factory=list)
    problems: list[LegacyFormatError] = field(default_factory=list)  # entries skipped, with reasons


def parse_legacy(text: str, source: str) -> LegacyFile:
    """Read a legacy mask file. A file that is not a JSON object raises LegacyFormatError; a bad
    entry is skipped and listed in `problems` so the good ones still come through."""
    if not text.strip():
        raise LegacyFormatError(source, LegacyProblem.EMPTY)
    try:
        pairs = json.loads(text, object_pairs_hook=_Pairs)  # keeps duplicate keys, unlike a dict
    except json.JSONDecodeError as exc:
        raise LegacyFormatError(source, LegacyProblem.NOT_JSON, detail=exc.msg, line=exc.lineno,
                                column=exc.colno) from None
    if not isinstance(pairs, _Pairs):
        raise LegacyFormatError(source, LegacyProblem.NOT_AN_OBJECT)
    result = LegacyFile(source)
    for key, value in pairs:
        try:
            result.entries.append(_legacy_entry(source, key, value))
        except LegacyFormatError as exc:
            result.problems.append(exc)
    return result


class _Pairs(list):
    """The key/value pairs of a JSON object, in file order."""


def _legacy_entry(source: str, key: str, value: object) -> LegacyEntry:
    try:
        added_at = datetime.strptime(key, LEGACY_TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise LegacyFormatError(source, LegacyProblem.BAD_KEY, key) from None
    if not isinstance(value, list) or len(value) not in (4, 5):
        raise LegacyFormatError(source, LegacyProblem.NOT_A_LIST, key)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        raise LegacyFormatError(source, LegacyProblem.NOT_A_NUMBER, key)
    coords = [float(v) for v in value[:4]]
    if not all(math.isfinite(v) for v in coords):
        raise LegacyFormatError(source, LegacyProblem.NOT_FINITE, key)
    notes = []
    if any(v < 0.0 or v > 1.0 for v in coords):
        notes.append(LegacyNote.CLAMPED)
    x0, y0, x1, y1 = coords
    if x0 > x1 or y0 > y1:
        notes.append(LegacyNote.SWAPPED)
    try:
        box = quantize(Box.from_corners(x0, y0, x1, y1))
    except QuantizeError as exc:
        raise LegacyFormatError(source, LegacyProblem.TOO_THIN, key, thin=exc) from None
    except ValueError:
        raise LegacyFormatError(source, LegacyProblem.ZERO_SIZE, key) from None
    return LegacyEntry(added_at, box, key, tuple(notes))


def format_legacy(entries: list[tuple[datetime, Box]]) -> str:
    """Legacy JSON for devices or tools still reading it: 4 values on the 3-decimal grid per key.

    Two boxes added in the same second would share a key; the later one is moved one second on so
    that none is lost.
    """
    out: dict[str, list[float]] = {}
    for added_at, box in sorted(entries, key=lambda e: (_as_utc(e[0]), e[1].milli())):
        when = _as_utc(added_at).replace(tzinfo=None, microsecond=0)
        key = when.strftime(LEGACY_TIME_FORMAT)
        while key in out:
            when += timedelta(seconds=1)
            key = when.strftime(LEGACY_TIME_FORMAT)
        out[key] = [v / GRID for v in quantize(box).milli()]
    return json.dumps(out, indent=2) + "\n"


def _as_utc(when: datetime) -> datetime:
    """Naive times are UTC here (the API's created_at is naive UTC), never the machine's zone."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)

