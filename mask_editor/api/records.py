"""Typed, immutable records of what the pyro-api answers (shapes in CONTRACT.md).

`from_json` constructors raise KeyError/TypeError/ValueError on a payload of the wrong shape; the
client turns those into UnexpectedResponse. Content that is merely odd (a mask string the server
should not have accepted, a detection bbox we cannot read) never raises: it is kept and flagged.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mask_editor.core.codec import BboxFormatError, DetectionBox, MaskReading, parse_bboxes, parse_mask
from mask_editor.core.geometry import Box


def parse_server_time(text: str) -> datetime:
    """A server timestamp as an aware UTC datetime.

    The API writes naive ISO-8601 (UTC by convention), with the fraction left out when the
    microseconds are zero: `2026-01-01T12:00:00` and `2026-11-21T07:25:43.027730` both occur.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a timestamp string, got {type(text).__name__}")
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _optional_time(value: Any) -> datetime | None:
    return None if value is None else parse_server_time(value)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


# --- token -----------------------------------------------------------------------------------------


class TokenFormatError(ValueError):
    """A string that is not a JWT with a readable payload (the server would answer 406)."""


def _decode_jwt_payload(raw: str) -> dict[str, Any]:
    parts = raw.split(".")
    if len(parts) != 3 or not all(parts):
        raise TokenFormatError("the token is not a JWT (three dot-separated parts)")
    segment = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        payload = json.loads(base64.urlsafe_b64decode(segment.encode("ascii")))
    except (binascii.Error, UnicodeError, ValueError):
        # No details from the exception: they could quote the token's bytes.
        raise TokenFormatError("the token's payload is not base64 JSON") from None
    if not isinstance(payload, dict):
        raise TokenFormatError("the token's payload is not a JSON object")
    return payload


@dataclass(frozen=True, slots=True)
class Token:
    """A bearer token and what its payload says. The raw string never shows in repr or str.

    The payload is decoded without the key (we cannot check the signature, the server does): it
    tells the UI who is signed in, with which role, and when to ask for a new sign-in.
    """

    _raw: str = field(repr=False, compare=False)
    user_id: int | None
    scopes: tuple[str, ...]
    organization_id: int | None
    expires_at: datetime | None

    @classmethod
    def decode(cls, raw: str) -> Token:
        payload = _decode_jwt_payload(raw)
        sub = payload.get("sub")
        exp = payload.get("exp")
        scopes = payload.get("scopes") or ()
        try:
            return cls(
                _raw=raw,
                user_id=int(sub) if sub is not None else None,
                scopes=tuple(str(s) for s in scopes),
                organization_id=_optional_int(payload.get("organization_id")),
                expires_at=datetime.fromtimestamp(float(exp), UTC) if exp is not None else None,
            )
        except (TypeError, ValueError, OverflowError, OSError):
            raise TokenFormatError("the token's payload has fields of the wrong type") from None

    @property
    def raw(self) -> str:
        """The bearer string, for the Authorization header and the keyring only."""
        return self._raw

    @property
    def role(self) -> str | None:
        """admin, agent, user or camera: the first scope (pyro-api tokens carry one)."""
        return self.scopes[0] if self.scopes else None

    @property
    def can_write_masks(self) -> bool:
        return self.role in ("admin", "agent")

    def is_expired(self, now: datetime | None = None) -> bool:
        if self.expires_at is None:
            return False
        return (now or datetime.now(UTC)) >= self.expires_at


# --- cameras and poses ----------------------------------------------------------------------------

_IMAGE_TIME = re.compile(r"-(\d{14})-")


def image_time_from_key(key: str | None) -> datetime | None:
    """Upload time of a pose image from its storage key, `1-20261121072634-3bf58576.jpg` (UTC)."""
    if not key:
        return None
    match = _IMAGE_TIME.search(key)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Pose:
    """One camera position. `image`/`image_url` are None when the pose has no image yet, and also
    for poses listed inside a camera (that listing carries no image fields: use PyroClient.pose)."""

    id: int
    camera_id: int
    azimuth: float
    patrol_id: int | None
    active: bool
    image: str | None = None
    # A presigned URL: its query string is a credential of sorts, so keep it out of reprs and logs.
    image_url: str | None = field(default=None, repr=False)
    image_captured_at: datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pose:
        image = data.get("image")
        return cls(
            id=int(data["id"]),
            camera_id=int(data["camera_id"]),
            azimuth=float(data["azimuth"]),
            patrol_id=_optional_int(data.get("patrol_id")),
            active=bool(data.get("active", True)),
            image=image,
            image_url=data.get("image_url"),
            image_captured_at=image_time_from_key(image),
        )


@dataclass(frozen=True, slots=True)
class Camera:
    id: int
    organization_id: int
    name: str
    angle_of_view: float
    elevation: float
    lat: float
    lon: float
    is_trustable: bool
    last_active_at: datetime | None
    last_image: str | None
    created_at: datetime
    last_image_url: str | None = field(repr=False)
    poses: tuple[Pose, ...]  # active poses only, as the server lists them

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Camera:
        return cls(
            id=int(data["id"]),
            organization_id=int(data["organization_id"]),
            name=str(data["name"]),
            angle_of_view=float(data["angle_of_view"]),
            elevation=float(data["elevation"]),
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            is_trustable=bool(data.get("is_trustable", True)),
            last_active_at=_optional_time(data.get("last_active_at")),
            last_image=data.get("last_image"),
            created_at=parse_server_time(data["created_at"]),
            last_image_url=data.get("last_image_url"),
            poses=tuple(Pose.from_json(p) for p in data.get("poses") or ()),
        )


# --- masks ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ServerMask:
    """A mask as the server holds it. `reading` says what the text means and whether it is odd
    (a trailing newline, swapped corners...): such masks are flagged, never dropped or crashed on."""

    id: int
    pose_id: int
    text: str
    reading: MaskReading
    created_at: datetime

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ServerMask:
        text = data["mask"]
        if not isinstance(text, str):
            raise TypeError("mask is not a string")
        return cls(
            id=int(data["id"]),
            pose_id=int(data["pose_id"]),
            text=text,
            reading=parse_mask(text),
            created_at=parse_server_time(data["created_at"]),
        )

    @property
    def box(self) -> Box | None:
        return self.reading.box

    @property
    def suspicious(self) -> bool:
        return self.reading.suspicious


# --- sequences and detections ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sequence:
    id: int
    camera_id: int
    pose_id: int | None
    camera_azimuth: float
    is_wildfire: str | None  # wildfire_smoke, other_smoke, other, or None (not labelled)
    started_at: datetime
    last_seen_at: datetime
    max_conf: float | None
    sequence_azimuth: float | None = None
    cone_angle: float | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Sequence:
        return cls(
            id=int(data["id"]),
            camera_id=int(data["camera_id"]),
            pose_id=_optional_int(data.get("pose_id")),
            camera_azimuth=float(data["camera_azimuth"]),
            is_wildfire=data.get("is_wildfire"),
            started_at=parse_server_time(data["started_at"]),
            last_seen_at=parse_server_time(data["last_seen_at"]),
            max_conf=_optional_float(data.get("max_conf")),
            sequence_azimuth=_optional_float(data.get("sequence_azimuth")),
            cone_angle=_optional_float(data.get("cone_angle")),
        )

    @property
    def is_false_positive(self) -> bool:
        return self.is_wildfire in ("other_smoke", "other")


@dataclass(frozen=True, slots=True)
class Detection:
    """One detection. `boxes` is empty for a continuity frame (`[]`) and also when the text could
    not be read; `bbox_error` tells the two apart (None when the text was read)."""

    id: int
    camera_id: int
    pose_id: int | None
    sequence_id: int | None
    bbox_text: str
    boxes: tuple[DetectionBox, ...]
    bbox_error: str | None
    created_at: datetime
    recorded_at: datetime | None
    url: str | None = field(default=None, repr=False)  # presigned, like pose image URLs

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Detection:
        text = str(data.get("bbox", ""))
        try:
            boxes, error = tuple(parse_bboxes(text)), None
        except BboxFormatError as exc:
            boxes, error = (), str(exc)
        return cls(
            id=int(data["id"]),
            camera_id=int(data["camera_id"]),
            pose_id=_optional_int(data.get("pose_id")),
            sequence_id=_optional_int(data.get("sequence_id")),
            bbox_text=text,
            boxes=boxes,
            bbox_error=error,
            created_at=parse_server_time(data["created_at"]),
            recorded_at=_optional_time(data.get("recorded_at")),
            url=data.get("url"),
        )

    @property
    def bbox_readable(self) -> bool:
        return self.bbox_error is None
