"""The one place where errors become words for a person: what happened, and what to do.

Every dialog, banner and status message that reports a failure goes through `explain`, so the same
failure reads the same everywhere. It returns plain strings, translated (context "Messages").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

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
from mask_editor.core.geometry import QuantizeError
from mask_editor.workspace import WorkspaceBusy, WorkspaceError


@dataclass(frozen=True)
class Explanation:
    title: str  # a few words, for a dialog title or a bold first line
    text: str  # what happened and what to do, in full sentences


def explain(error: BaseException, *, camera: str | None = None, server: str | None = None) -> Explanation:
    """Plain words for `error`. `camera` and `server` name what the user was working on, if known."""
    where = QCoreApplication.translate("Messages", " of %1").replace("%1", camera) if camera else ""
    on = QCoreApplication.translate("Messages", " on %1").replace("%1", server) if server else ""
    if isinstance(error, InvalidCredentials):
        return Explanation(
            QCoreApplication.translate("Messages", "Sign-in failed"),
            QCoreApplication.translate(
                "Messages", "The username or password was not accepted%1. Check them and try again."
            ).replace("%1", on),
        )
    if isinstance(error, SignInRequired):
        return Explanation(
            QCoreApplication.translate("Messages", "Please sign in again"),
            QCoreApplication.translate(
                "Messages",
                "Your session%1 has expired or is no longer valid. Sign in again: your local changes are "
                "kept and will be sent once you are signed in.",
            ).replace("%1", on),
        )
    if isinstance(error, Forbidden):
        if error.kind == "scope":
            return Explanation(
                QCoreApplication.translate("Messages", "Read-only account"),
                QCoreApplication.translate(
                    "Messages", "You are signed in as a read-only user: ask an admin or agent to edit masks%1."
                ).replace("%1", where),
            )
        if error.kind == "organization":
            return Explanation(
                QCoreApplication.translate("Messages", "Not your organization"),
                QCoreApplication.translate(
                    "Messages", "This camera%1 belongs to another organization: your account cannot change its masks."
                ).replace("%1", where),
            )
        return Explanation(
            QCoreApplication.translate("Messages", "Not allowed"),
            QCoreApplication.translate("Messages", "The server refused this action: %1").replace(
                "%1", str(error.detail)
            ),
        )
    if isinstance(error, NotFound):
        return Explanation(
            QCoreApplication.translate("Messages", "Not found on the server"),
            QCoreApplication.translate(
                "Messages",
                "The server no longer has this item (%1). It may have been deleted by someone else: pull "
                "the pose to see the current state.",
            ).replace("%1", str(error.detail)),
        )
    if isinstance(error, Rejected):
        return Explanation(
            QCoreApplication.translate("Messages", "Refused by the server"),
            QCoreApplication.translate("Messages", "The server refused the mask: %1").replace(
                "%1", "; ".join(error.problems)
            ),
        )
    if isinstance(error, ServerError):
        return Explanation(
            QCoreApplication.translate("Messages", "Server problem"),
            QCoreApplication.translate(
                "Messages", "The server had a problem (%1). Nothing was lost: try again in a few minutes."
            ).replace("%1", str(error.detail)),
        )
    if isinstance(error, Unreachable):
        return Explanation(
            QCoreApplication.translate("Messages", "Offline"),
            QCoreApplication.translate(
                "Messages",
                "The server%1 could not be reached (%2). You can keep working: your changes are saved on "
                "this computer and sent at the next sync.",
            )
            .replace("%1", on)
            .replace("%2", str(error.reason)),
        )
    if isinstance(error, DeviceUnavailable):
        return Explanation(
            QCoreApplication.translate("Messages", "Camera not reachable"),
            QCoreApplication.translate("Messages", "The camera%1 cannot be reached through the server right now (%2).")
            .replace("%1", where)
            .replace("%2", str(error.detail)),
        )
    if isinstance(error, NotAnImage):
        return Explanation(
            QCoreApplication.translate("Messages", "Damaged image"),
            QCoreApplication.translate("Messages", "The image downloaded%1 is not a picture (%2).")
            .replace("%1", where)
            .replace("%2", str(error.detail)),
        )
    if isinstance(error, UnexpectedResponse):
        return Explanation(
            QCoreApplication.translate("Messages", "Unexpected answer"),
            QCoreApplication.translate(
                "Messages",
                "The server gave an answer this version does not understand (%1). Check the server "
                "address, or update mask_editor.",
            ).replace("%1", str(error.detail)),
        )
    if isinstance(error, ApiError):
        return Explanation(QCoreApplication.translate("Messages", "Server error"), str(error))
    if isinstance(error, WorkspaceBusy):
        return Explanation(QCoreApplication.translate("Messages", "Already open"), str(error))
    if isinstance(error, WorkspaceError):
        return Explanation(QCoreApplication.translate("Messages", "Workspace problem"), str(error))
    if isinstance(error, QuantizeError):
        return Explanation(
            QCoreApplication.translate("Messages", "Box too small"),
            QCoreApplication.translate("Messages", "This box cannot be stored: %1.").replace("%1", str(error)),
        )
    if isinstance(error, OSError):
        return Explanation(
            QCoreApplication.translate("Messages", "File problem"),
            f"{error.strerror or error}" + (f": {error.filename}" if error.filename else ""),
        )
    return Explanation(
        QCoreApplication.translate("Messages", "Something went wrong"), f"{type(error).__name__}: {error}"
    )
