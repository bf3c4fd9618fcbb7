"""The pyro-api client (httpx): typed records and typed errors. No Qt here."""

from mask_editor.api.client import PyroClient
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
from mask_editor.api.records import Camera, Detection, Pose, Sequence, ServerMask, Token

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
