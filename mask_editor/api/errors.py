"""Typed errors for everything the pyro-api (or its image storage, or the network) can answer.

The UI turns these into words for a person in one place (ui/platform/messages.py); here we keep the server's
own words in `detail` and the HTTP status in `status`. No error text ever holds a token or a password:
`detail` comes from the server's JSON `detail` field (which never echoes credentials) or from our own
fixed sentences, and the client scrubs its secrets from it anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, Literal

ForbiddenKind = Literal["scope", "organization", "other"]

# The server's exact words (CONTRACT.md, "Login and tokens").
SCOPE_DETAIL = "Incompatible token scope."
ORGANIZATION_DETAIL = "Access forbidden."


class ApiError(Exception):
    """Base of every error the client raises. `status` is None when no HTTP answer came back."""

    def __init__(self, detail: str, status: int | None = None) -> None:
        self.detail = detail
        self.status = status
        super().__init__(detail)

    def __str__(self) -> str:
        return f"{self.status}: {self.detail}" if self.status is not None else self.detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, detail={self.detail!r})"


class SignInRequired(ApiError):
    """401 or 406: no token, an expired one, a bad signature, or not a JWT. Sign in again."""


class InvalidCredentials(SignInRequired):
    """401 from /login/creds: the username or the password is wrong."""


class Forbidden(ApiError):
    """403. `kind` is "scope" when the role may not use the route (e.g. `user` writing a mask),
    "organization" when the object belongs to another organization."""

    def __init__(self, detail: str, status: int | None = 403, kind: ForbiddenKind = "other") -> None:
        super().__init__(detail, status)
        self.kind: ForbiddenKind = kind


class NotFound(ApiError):
    """404: the pose, mask, camera or stored image does not exist (or no longer does)."""


class Rejected(ApiError):
    """422: the server refused the request's content. `problems` lists one readable line per issue,
    from either shape: the mask format check's string, or FastAPI's list of schema errors."""

    def __init__(self, detail: str, status: int | None = 422, problems: Iterable[str] = ()) -> None:
        super().__init__(detail, status)
        self.problems: tuple[str, ...] = tuple(problems) or (detail,)


class ServerError(ApiError):
    """5xx from the API or the storage: worth retrying later."""


class DeviceUnavailable(ApiError):
    """409 or 502 from the device proxy routes: the camera is not configured for, or not reachable
    from, the server. Not the client's fault, not worth an immediate retry."""


class NotAnImage(ApiError):
    """A download answered 2xx with a body that is neither JPEG nor PNG."""


class UnexpectedResponse(ApiError):
    """An answer the contract does not describe: an unknown status, a redirect, a body that is not
    the expected JSON. Usually a proxy in the way or a server of another version."""


class NetworkFailure(StrEnum):
    """Why no HTTP answer came back: the value is the command line's words, the window words each kind."""

    CONNECT_TIMEOUT = "timed out while connecting"
    READ_TIMEOUT = "timed out waiting for the answer"
    WRITE_TIMEOUT = "timed out while sending"
    POOL_TIMEOUT = "too many requests at once (connection pool timed out)"
    DNS = "the server name could not be resolved (DNS)"
    REFUSED = "the connection was refused"
    TLS = "the secure connection failed (TLS certificate)"
    CONNECT = "could not connect"
    RESET = "the connection was closed or reset"
    OTHER = "network error"


class Unreachable(ApiError):
    """No usable HTTP answer: DNS failure, connection refused or reset, timeout.

    `maybe_applied` is True for a write whose request may have reached the server before the
    connection broke: a POST may then have created the mask anyway (CONTRACT: POST is not idempotent).
    """

    def __init__(self, reason: str, *, maybe_applied: bool = False) -> None:
        super().__init__(f"the server could not be reached: {reason}", None)
        self.reason = reason
        self.maybe_applied = maybe_applied


def describe_validation_errors(items: list[Any]) -> list[str]:
    """FastAPI's 422 list as lines like `body.mask: String should have at least 2 characters`.

    The `input` of each item is left out on purpose: it may echo what we sent (a password on a
    malformed login). Items of an unexpected shape are rendered as well as possible, never raised on.
    """
    lines = []
    for item in items:
        if not isinstance(item, dict):
            lines.append(str(item))
            continue
        loc = item.get("loc")
        where = ".".join(str(part) for part in loc) if isinstance(loc, list | tuple) else ""
        msg = str(item.get("msg", "invalid value"))
        lines.append(f"{where}: {msg}" if where else msg)
    return lines


def detail_text(detail: Any, fallback: str) -> tuple[str, list[str]]:
    """The `detail` field as one readable sentence plus its separate lines (several for a 422 list)."""
    if isinstance(detail, str) and detail:
        return detail, [detail]
    if isinstance(detail, list) and detail:
        lines = describe_validation_errors(detail)
        return "; ".join(lines), lines
    return fallback, [fallback]


def error_for_status(status: int, detail: Any, *, device_proxy: bool = False) -> ApiError:
    """The typed error for a non-success HTTP answer. `detail` is the JSON body's `detail` (or None)."""
    text, lines = detail_text(detail, f"the server answered HTTP {status}")
    if status in (401, 406):
        return SignInRequired(text, status)
    if status == 403:
        kind: ForbiddenKind = (
            "scope" if text == SCOPE_DETAIL else "organization" if text == ORGANIZATION_DETAIL else "other"
        )
        return Forbidden(text, status, kind)
    if status == 404:
        return NotFound(text, status)
    if status == 422:
        return Rejected(text, status, lines)
    if device_proxy and status in (409, 502):
        return DeviceUnavailable(text, status)
    if status >= 500:
        return ServerError(text, status)
    return UnexpectedResponse(text, status)
