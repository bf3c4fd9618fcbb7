"""HS256 JWTs made with hmac/hashlib, and the server's token checks with their exact answers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta
from typing import Any

from tests.fake_pyro_api.errors import HttpError

SECRET = b"fake-pyro-api-secret-not-for-production"
TOKEN_LIFETIME = timedelta(days=365)

NOT_AUTHENTICATED = "Not authenticated"
EXPIRED = "Token has expired."
INVALID = "Invalid token."
SCOPE = "Incompatible token scope."
FORBIDDEN = "Access forbidden."
BAD_CREDENTIALS = "Invalid credentials."


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(payload: dict[str, Any], secret: bytes = SECRET) -> str:
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    signature = hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{_b64(signature)}"


def make_token(sub: int, role: str, organization_id: int, now: datetime, lifetime: timedelta = TOKEN_LIFETIME) -> str:
    """A token like the server's: `sub` as a string, one scope, expiry as epoch seconds."""
    exp = int((now + lifetime).timestamp()) if now.tzinfo else int(_utc_epoch(now + lifetime))
    return encode({"sub": str(sub), "scopes": [role], "organization_id": organization_id, "exp": exp})


def _utc_epoch(naive_utc: datetime) -> float:
    return (naive_utc - datetime(1970, 1, 1)).total_seconds()


def read_bearer(authorization: str | None, now: datetime) -> dict[str, Any]:
    """The token payload, or the HttpError the real server answers (CONTRACT "Login and tokens")."""
    if not authorization:
        raise HttpError(401, NOT_AUTHENTICATED, {"WWW-Authenticate": "Bearer"})
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HttpError(401, NOT_AUTHENTICATED, {"WWW-Authenticate": "Bearer"})
    parts = token.strip().split(".")
    try:
        if len(parts) != 3:
            raise ValueError("not three segments")
        header = json.loads(_unb64(parts[0]))
        payload = json.loads(_unb64(parts[1]))
        signature = _unb64(parts[2])
        if not isinstance(header, dict) or not isinstance(payload, dict):
            raise ValueError("not objects")
    except ValueError:
        raise HttpError(406, INVALID) from None
    expected = hmac.new(SECRET, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
    if header.get("alg") != "HS256" or not hmac.compare_digest(signature, expected):
        raise HttpError(401, EXPIRED)  # sic: the real server words a bad signature this way
    exp = payload.get("exp")
    if not isinstance(exp, int | float) or exp <= _utc_epoch(now):
        raise HttpError(401, EXPIRED)
    try:
        payload["sub"] = int(payload["sub"])
        payload["organization_id"] = int(payload["organization_id"])
        if not isinstance(payload.get("scopes", []), list):
            raise TypeError
    except (KeyError, TypeError, ValueError):
        raise HttpError(406, INVALID) from None
    return payload


def require_scope(payload: dict[str, Any], allowed: tuple[str, ...]) -> None:
    if not set(payload.get("scopes", [])) & set(allowed):
        raise HttpError(403, SCOPE)


def require_organization(payload: dict[str, Any], organization_id: int) -> None:
    if "admin" not in payload.get("scopes", []) and payload.get("organization_id") != organization_id:
        raise HttpError(403, FORBIDDEN)
