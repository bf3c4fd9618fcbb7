"""Words and numbers for people: mask labels, times and ages, state names. Shared by the mask table,
the inspector and the timeline so they always say the same thing the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mask_editor.workspace import Mask, MaskState

STATE_WORDS = {
    MaskState.SYNCED: "synced",
    MaskState.NEW: "new",
    MaskState.EDITED: "edited",
    MaskState.DELETED: "deleted",
    MaskState.CONFLICT: "conflict",
}

STATE_HELP = {
    MaskState.SYNCED: "Same as on the server at the last sync.",
    MaskState.NEW: "Added here; the next sync sends it to the server.",
    MaskState.EDITED: "Changed here; the next sync sends the change.",
    MaskState.DELETED: "Deleted here; the next sync deletes it on the server.",
    MaskState.CONFLICT: "Changed here and on the server: choose which box to keep.",
}

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
    return f"#{mask.local_id}" + (f" (server {mask.server_id})" if mask.server_id is not None else "")


def state_label(mask: Mask) -> str:
    word = STATE_WORDS[mask.state]
    return f"{word}, suspicious" if mask.suspicious else word


def state_tooltip(mask: Mask) -> str:
    lines = [STATE_HELP[mask.state]]
    if mask.suspicious:
        lines.append("Suspicious: the server's text for this mask needed repair:")
        lines += [f"• {note}" for note in mask.notes] or ["• the text could not be read as a box"]
        if mask.base_text:
            lines.append(f"Server text: {mask.base_text}")
    if mask.push_error:
        lines.append(f"The server refused the last push: {mask.push_error}")
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
        return "in the future"
    seconds = delta.total_seconds()
    for unit, size in (("year", 365 * 86400), ("month", 30 * 86400), ("week", 7 * 86400),
                       ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n > 1 else ''} ago"
    return "just now"


def added_tooltip(mask: Mask, now: datetime | None = None) -> str:
    lines = [f"Added {local_time(mask.added_at)} ({age_text(mask.added_at, now)})",
             utc_time(mask.added_at)]
    created = mask.server_created_at
    if created is not None and abs((created - mask.added_at).total_seconds()) >= 1:
        lines.append(f"On the server since {local_time(created)} ({utc_time(created)})")
    return "\n".join(lines)


def is_stale(mask: Mask, stale_days: int, now: datetime | None = None) -> bool:
    return (now or datetime.now(UTC)) - mask.added_at > timedelta(days=stale_days)


def stale_text(mask: Mask, now: datetime | None = None) -> str:
    return f"Added {age_text(mask.added_at, now)}: check it still matches something in the image"



def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
