"""Words and numbers for people: mask labels, times and ages, state names. Shared by the mask table,
the inspector and the timeline so they always say the same thing the same way."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject

from mask_editor.core.codec import VALUE_COUNT_NOTE, MaskNote
from mask_editor.core.geometry import TOO_NARROW, TOO_SHORT
from mask_editor.workspace import Mask, MaskState

# English here (marked for lupdate), translated when shown.
STATE_WORDS = {
    MaskState.SYNCED: QT_TRANSLATE_NOOP("Formatting", "synced"),
    MaskState.NEW: QT_TRANSLATE_NOOP("Formatting", "new"),
    MaskState.EDITED: QT_TRANSLATE_NOOP("Formatting", "edited"),
    MaskState.DELETED: QT_TRANSLATE_NOOP("Formatting", "deleted"),
    MaskState.CONFLICT: QT_TRANSLATE_NOOP("Formatting", "conflict"),
}

STATE_HELP = {
    MaskState.SYNCED: QT_TRANSLATE_NOOP("Formatting", "Same as on the server at the last sync."),
    MaskState.NEW: QT_TRANSLATE_NOOP("Formatting", "Added here; the next sync sends it to the server."),
    MaskState.EDITED: QT_TRANSLATE_NOOP("Formatting", "Changed here; the next sync sends the change."),
    MaskState.DELETED: QT_TRANSLATE_NOOP("Formatting", "Deleted here; the next sync deletes it on the server."),
    MaskState.CONFLICT: QT_TRANSLATE_NOOP("Formatting", "Changed here and on the server: choose which box to keep."),
}


translate = QCoreApplication.translate  # lupdate reads the literal calls below


NOTE_WORDS = {
    MaskNote.WHITESPACE: QT_TRANSLATE_NOOP("Formatting", "has whitespace around it (such as a trailing newline)"),
    MaskNote.BRACKETS: QT_TRANSLATE_NOOP("Formatting", "uses square brackets instead of parentheses"),
    MaskNote.NO_PARENTHESES: QT_TRANSLATE_NOOP("Formatting", "is not wrapped in parentheses"),
    MaskNote.SPACES: QT_TRANSLATE_NOOP("Formatting", "contains spaces"),
    MaskNote.FIFTH_VALUE: QT_TRANSLATE_NOOP("Formatting", "has a fifth value (a legacy confidence), ignored"),
    MaskNote.NOT_A_NUMBER: QT_TRANSLATE_NOOP("Formatting", "has a value that is not a number"),
    MaskNote.NOT_FINITE: QT_TRANSLATE_NOOP("Formatting", "has a value that is not a finite number"),
    MaskNote.CLAMPED: QT_TRANSLATE_NOOP("Formatting", "has values outside [0, 1], clamped"),
    MaskNote.DECIMALS: QT_TRANSLATE_NOOP("Formatting", "has more than 3 decimals, rounded"),
    MaskNote.SWAPPED: QT_TRANSLATE_NOOP("Formatting", "has its corners swapped"),
    MaskNote.ZERO_SIZE: QT_TRANSLATE_NOOP("Formatting", "has zero width or height"),
    MaskNote.NOT_SERVER_FORMAT: QT_TRANSLATE_NOOP("Formatting", "is not in the server's format"),
}
_VALUE_COUNT = re.compile("^" + re.escape(VALUE_COUNT_NOTE).replace(r"\{count\}", r"(\d+)") + "$")


def note_words(note: str) -> str:
    """A note on a server's mask text (core.codec.parse_mask, stored in English) in the window's language."""
    if note in NOTE_WORDS:
        return translate("Formatting", NOTE_WORDS[MaskNote(note)])
    if found := _VALUE_COUNT.match(note):
        return translate("Formatting", "has %1 values instead of 4").replace("%1", found[1])
    if note.startswith(TOO_NARROW):
        return translate("Formatting", "is too narrow to store: under 0.001 of the image width")
    if note.startswith(TOO_SHORT):
        return translate("Formatting", "is too short to store: under 0.001 of the image height")
    return note


def clauses(parts: list[str]) -> str:
    """Clauses joined the language's way: "a; b" in English, "a ; b" in French."""
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined = translate("Formatting", "%1; %2").replace("%2", part).replace("%1", joined)
    return joined


def number_words(value: float) -> str:
    """A number as short as Python's :g writes it, with the language's decimal mark ("3,84" in French)."""
    return f"{value:g}".replace(".", QLocale().decimalPoint())


def azimuth_words(azimuth: float | None) -> str:
    """'246°', '246,5°' in French, or 'unknown azimuth' in the window's language (core.labels keeps the
    command line's English)."""
    if azimuth is None:
        return translate("Formatting", "unknown azimuth")
    return number_words(azimuth) + "°"


def pose_name(camera: str | None, pose_id: int, azimuth: float | None) -> str:
    """core.labels.pose_label in the window's language: 'brison · pose 11 · 246°'."""
    return pose_namer()(camera, pose_id, azimuth)


def pose_namer() -> Callable[[str | None, int, float | None], str]:
    """pose_name with its words looked up once, for the pose list's thousands of rows."""
    with_camera = translate("Formatting", "%1 · pose %2 · %3")
    bare = translate("Formatting", "pose %2 · %3")
    unknown = translate("Formatting", "unknown azimuth")
    point = QLocale().decimalPoint()

    def name(camera: str | None, pose_id: int, azimuth: float | None) -> str:
        where = unknown if azimuth is None else f"{azimuth:g}".replace(".", point) + "°"
        label = with_camera.replace("%1", camera) if camera else bare
        return label.replace("%3", where).replace("%2", str(pose_id))

    return name


def state_colour(key: MaskState | str) -> str:
    """The colour of a state, or "suspicious", from the table ui/platform/style.py shares with the canvas."""
    from mask_editor.ui.platform.style import PALETTE

    entry = PALETTE.get(str(key))
    return entry.color if entry else "#888888"


def style_key(mask: Mask) -> str:
    from mask_editor.ui.platform.style import style_key as key

    return key(mask)


def mask_label(mask: Mask) -> str:
    """'#12 (server 345)' or '#12' for a mask the server does not have yet."""
    if mask.server_id is None:
        return f"#{mask.local_id}"
    text = translate("Formatting", "#%1 (server %2)").replace("%1", str(mask.local_id))
    return text.replace("%2", str(mask.server_id))


def state_label(mask: Mask) -> str:
    word = translate("Formatting", STATE_WORDS[mask.state])
    return translate("Formatting", "%1, suspicious").replace("%1", word) if mask.suspicious else word


def state_tooltip(mask: Mask) -> str:
    lines = [translate("Formatting", STATE_HELP[mask.state])]
    if mask.suspicious:
        lines.append(translate("Formatting", "Suspicious: the server's text for this mask needed repair:"))
        unread = "• " + translate("Formatting", "the text could not be read as a box")
        lines += [f"• {note_words(note)}" for note in mask.notes] or [unread]
        if mask.base_text:
            lines.append(translate("Formatting", "Server text: %1").replace("%1", mask.base_text))
    if mask.push_error:
        lines.append(translate("Formatting", "The server refused the last push: %1").replace("%1", mask.push_error))
    return "\n".join(lines)


# One convention for every time the window shows: local time, its zone said ("2026-05-25 08:14 CEST").
def zone_name(when: datetime | None = None) -> str:
    """The local zone's short name at `when` ("CET", "CEST"), or its offset ("UTC+05:30") where the
    system names zones at length (Windows: "Romance Standard Time")."""
    local = (when or datetime.now(UTC)).astimezone()
    name = local.strftime("%Z")
    if not name or len(name) > 5 or not name.isalpha():
        offset = local.strftime("%z")
        name = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return name


def local_time(when: datetime) -> str:
    return f"{when.astimezone():%Y-%m-%d %H:%M} {zone_name(when)}"


def short_local_time(when: datetime) -> str:
    """Month-day hour:minute, local: for a column whose header names the zone (zone_name())."""
    return f"{when.astimezone():%m-%d %H:%M}"


def full_local_time(when: datetime) -> str:
    return f"{when.astimezone():%Y-%m-%d %H:%M:%S} {zone_name(when)}"


def utc_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def age_text(when: datetime, now: datetime | None = None) -> str:
    """'just now', '3 hours ago', '4 months ago', '2 years ago'."""
    delta = (now or datetime.now(UTC)) - when
    if delta < timedelta(0):
        return translate("Formatting", "in the future")
    seconds = delta.total_seconds()
    # One and many apart (lupdate's Python parser makes no plural entry of translate() with a count).
    units = ((365 * 86400, lambda: translate("Formatting", "1 year ago"),
              lambda: translate("Formatting", "%1 years ago")),
             (30 * 86400, lambda: translate("Formatting", "1 month ago"),
              lambda: translate("Formatting", "%1 months ago")),
             (7 * 86400, lambda: translate("Formatting", "1 week ago"),
              lambda: translate("Formatting", "%1 weeks ago")),
             (86400, lambda: translate("Formatting", "1 day ago"), lambda: translate("Formatting", "%1 days ago")),
             (3600, lambda: translate("Formatting", "1 hour ago"), lambda: translate("Formatting", "%1 hours ago")),
             (60, lambda: translate("Formatting", "1 minute ago"),
              lambda: translate("Formatting", "%1 minutes ago")))
    for size, one, many in units:
        if seconds >= size:
            n = int(seconds // size)
            return one() if n == 1 else many().replace("%1", str(n))
    return translate("Formatting", "just now")


def added_tooltip(mask: Mask, now: datetime | None = None) -> str:
    added = translate("Formatting", "Added %1 (%2)").replace("%1", local_time(mask.added_at))
    lines = [added.replace("%2", age_text(mask.added_at, now)), utc_time(mask.added_at)]
    created = mask.server_created_at
    if created is not None and abs((created - mask.added_at).total_seconds()) >= 1:
        since = translate("Formatting", "On the server since %1 (%2)").replace("%1", local_time(created))
        lines.append(since.replace("%2", utc_time(created)))
    return "\n".join(lines)


def is_stale(mask: Mask, stale_days: int, now: datetime | None = None) -> bool:
    return (now or datetime.now(UTC)) - mask.added_at > timedelta(days=stale_days)


def stale_text(mask: Mask, now: datetime | None = None) -> str:
    text = translate("Formatting", "Added %1: check it still matches something in the image")
    return text.replace("%1", age_text(mask.added_at, now))


class WildfireWords(QObject):
    """A real wildfire that masks would silence (sync.detections.WildfireHit), in the window's language."""

    def sentence(self, hit: object) -> str:
        masks = getattr(hit, "masks", ())
        return self.tr("%n mask(s) (%1) would drop a real wildfire detected on %2 UTC (sequence %3): the camera "
                       "would stay silent on such smoke there.", "", len(masks)).replace(
            "%3", str(getattr(hit, "sequence_id", ""))).replace(
            "%2", f"{hit.seen_at:%Y-%m-%d %H:%M}").replace(
            "%1", QLocale().createSeparatedList([f"#{m}" for m in masks]))

