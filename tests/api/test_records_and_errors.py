"""Records and errors without a server: parsing edge cases and error mapping."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from mask_editor.api.errors import (
    DeviceUnavailable,
    Forbidden,
    NotFound,
    Rejected,
    ServerError,
    SignInRequired,
    UnexpectedResponse,
    error_for_status,
)
from mask_editor.api.records import (
    Camera,
    Detection,
    Pose,
    ServerMask,
    Token,
    TokenFormatError,
    image_time_from_key,
    parse_server_time,
)
from mask_editor.api.wire import sniff_image, unreachable_reason
from tests.fake_pyro_api import auth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-01T12:00:00", datetime(2026, 1, 1, 12, 0, tzinfo=UTC)),
        ("2026-11-21T07:25:43.027730", datetime(2026, 11, 21, 7, 25, 43, 27730, tzinfo=UTC)),
        ("2026-11-21T08:25:43+01:00", datetime(2026, 11, 21, 7, 25, 43, tzinfo=UTC)),
    ],
)
def test_server_times_become_aware_utc(text: str, expected: datetime) -> None:
    parsed = parse_server_time(text)
    assert parsed == expected and parsed.tzinfo is UTC


def test_image_time_from_storage_key() -> None:
    assert image_time_from_key("1-20261121072634-3bf58576.jpg") == datetime(2026, 11, 21, 7, 26, 34, tzinfo=UTC)
    assert image_time_from_key("1-20261399072634-3bf58576.jpg") is None  # month 13
    assert image_time_from_key("odd-name.jpg") is None and image_time_from_key(None) is None


def test_token_decoding() -> None:
    raw = auth.encode({"sub": "7", "scopes": ["user"], "organization_id": 3, "exp": 1800000000})
    token = Token.decode(raw)
    assert (token.user_id, token.role, token.organization_id, token.can_write_masks) == (7, "user", 3, False)
    assert token.expires_at == datetime.fromtimestamp(1800000000, UTC)
    assert token.is_expired(datetime(2030, 1, 1, tzinfo=UTC)) and not token.is_expired(datetime(2026, 1, 1, tzinfo=UTC))
    for junk in ("not-a-jwt-at-all", "aaaa.bbbb.cccc", "aaaa..cccc", "aaaa.e30"):
        with pytest.raises(TokenFormatError) as caught:
            Token.decode(junk)
        assert junk not in str(caught.value)


def test_records_from_contract_shapes() -> None:
    pose = Pose.from_json({"id": 1, "camera_id": 2, "azimuth": 46, "patrol_id": None, "active": True})
    assert (pose.image, pose.image_url, pose.patrol_id) == (None, None, None)
    camera = Camera.from_json(
        {
            "id": 2,
            "organization_id": 1,
            "name": "cam",
            "angle_of_view": 87,
            "elevation": 300,
            "lat": 44.1,
            "lon": 4.2,
            "is_trustable": False,
            "last_active_at": None,
            "last_image": None,
            "created_at": "2026-01-01T00:00:00",
            "last_image_url": None,
            "poses": [],
        }
    )
    assert camera.poses == () and not camera.is_trustable and camera.last_active_at is None
    mask = ServerMask.from_json({"id": 3, "pose_id": 1, "mask": "garbage", "created_at": "2026-01-01T00:00:00"})
    assert mask.box is None and mask.suspicious
    detection = Detection.from_json(
        {
            "id": 1,
            "camera_id": 2,
            "pose_id": 1,
            "sequence_id": 4,
            "bbox": "(0.1,0.2)",
            "created_at": "2026-01-01T00:00:00",
        }
    )
    assert not detection.bbox_readable and detection.boxes == ()


def test_error_mapping() -> None:
    assert isinstance(error_for_status(401, "Not authenticated"), SignInRequired)
    assert isinstance(error_for_status(406, "Invalid token."), SignInRequired)
    scope = error_for_status(403, "Incompatible token scope.")
    org = error_for_status(403, "Access forbidden.")
    assert isinstance(scope, Forbidden) and scope.kind == "scope"
    assert isinstance(org, Forbidden) and org.kind == "organization"
    assert isinstance(error_for_status(404, "Table Pose has no corresponding entry."), NotFound)
    assert isinstance(error_for_status(409, "x", device_proxy=True), DeviceUnavailable)
    assert isinstance(error_for_status(502, None, device_proxy=True), DeviceUnavailable)
    assert isinstance(error_for_status(502, None), ServerError)
    assert isinstance(error_for_status(409, "x"), UnexpectedResponse)
    listed = error_for_status(
        422,
        [
            {
                "type": "string_too_short",
                "loc": ["body", "mask"],
                "msg": "String should have at least 2 characters",
                "input": "s3cret",
            },
            "odd item",
        ],
    )
    assert isinstance(listed, Rejected)
    assert listed.problems == ("body.mask: String should have at least 2 characters", "odd item")
    assert "s3cret" not in str(listed)  # the input is never echoed
    assert str(error_for_status(500, None)) == "500: the server answered HTTP 500"


def test_unreachable_reasons() -> None:
    assert unreachable_reason(httpx.ConnectError("[Errno -2] Name or service not known")).endswith("(DNS)")
    assert unreachable_reason(httpx.ConnectError("[Errno 111] Connection refused")) == "the connection was refused"
    assert "TLS" in unreachable_reason(httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify"))
    assert unreachable_reason(httpx.ReadTimeout("timed out")) == "timed out waiting for the answer"
    assert unreachable_reason(httpx.ConnectTimeout("timed out")) == "timed out while connecting"
    assert unreachable_reason(httpx.RemoteProtocolError("Server disconnected")) == "the connection was closed or reset"


def test_sniffing() -> None:
    assert sniff_image(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert sniff_image(b"\x89PNG\r\n\x1a\nrest") == "png"
    assert sniff_image(b"<?xml version") is None and sniff_image(b"") is None
