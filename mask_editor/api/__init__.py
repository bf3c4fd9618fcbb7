"""The pyro-api client (httpx): typed records and typed errors. No Qt here."""

from typing import TYPE_CHECKING, Any

from mask_editor.api.errors import (
    ApiError,
    DeviceUnavailable,
    Forbidden,
    InvalidCredentials,
    NotAnImage,
    NotFound,
    Rejected,
    ServerError,
    SignInRequired,
    UnexpectedResponse,
    Unreachable,
)

if TYPE_CHECKING:
    from mask_editor.api.client import PyroClient
    from mask_editor.api.records import Camera, Detection, Pose, Sequence, ServerMask, Token

_RECORDS = ("Camera", "Detection", "Pose", "Sequence", "ServerMask", "Token")


def __getattr__(name: str) -> Any:
    # PyroClient (and httpx, ~50 ms) loads on first use: the window imports api.errors on its way
    # to the first paint and must not pay for the client, nor for the records (~4 ms of dataclasses).
    if name == "PyroClient":
        from mask_editor.api.client import PyroClient

        return PyroClient
    if name in _RECORDS:
        from mask_editor.api import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ApiError",
    "Camera",
    "Detection",
    "DeviceUnavailable",
    "Forbidden",
    "InvalidCredentials",
    "NotAnImage",
    "NotFound",
    "Pose",
    "PyroClient",
    "Rejected",
    "Sequence",
    "ServerError",
    "ServerMask",
    "SignInRequired",
    "Token",
    "UnexpectedResponse",
    "Unreachable",
]
