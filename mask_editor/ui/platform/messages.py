"""The one place where errors become words for a person: what happened, and what to do.

Every dialog, banner and status message that reports a failure goes through `explain`, so the same
failure reads the same everywhere. No Qt here beyond living in ui/: it returns plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    where = f" of {camera}" if camera else ""
    on = f" on {server}" if server else ""
    if isinstance(error, InvalidCredentials):
        return Explanation("Sign-in failed", f"The username or password was not accepted{on}. Check them and "
                                             "try again.")
    if isinstance(error, SignInRequired):
        return Explanation("Please sign in again",
                           f"Your session{on} has expired or is no longer valid. Sign in again: your local "
                           "changes are kept and will be sent once you are signed in.")
    if isinstance(error, Forbidden):
        if error.kind == "scope":
            return Explanation("Read-only account",
                               f"You are signed in as a read-only user: ask an admin or agent to edit masks{where}.")
        if error.kind == "organization":
            return Explanation("Not your organization",
                               f"This camera{where} belongs to another organization: your account cannot change "
                               "its masks.")
        return Explanation("Not allowed", f"The server refused this action: {error.detail}")
    if isinstance(error, NotFound):
        return Explanation("Not found on the server",
                           f"The server no longer has this item ({error.detail}). It may have been deleted by "
                           "someone else: pull the pose to see the current state.")
    if isinstance(error, Rejected):
        problems = "; ".join(error.problems)
        return Explanation("Refused by the server", f"The server refused the mask: {problems}")
    if isinstance(error, ServerError):
        return Explanation("Server problem",
                           f"The server had a problem ({error.detail}). Nothing was lost: try again in a "
                           "few minutes.")
    if isinstance(error, Unreachable):
        return Explanation("Offline",
                           f"The server{on} could not be reached ({error.reason}). You can keep working: your "
                           "changes are saved on this computer and sent at the next sync.")
    if isinstance(error, DeviceUnavailable):
        return Explanation("Camera not reachable",
                           f"The camera{where} cannot be reached through the server right now ({error.detail}).")
    if isinstance(error, NotAnImage):
        return Explanation("Damaged image", f"The image downloaded{where} is not a picture ({error.detail}).")
    if isinstance(error, UnexpectedResponse):
        return Explanation("Unexpected answer",
                           f"The server gave an answer this version does not understand ({error.detail}). "
                           "Check the server address, or update mask_editor.")
    if isinstance(error, ApiError):
        return Explanation("Server error", str(error))
    if isinstance(error, WorkspaceBusy):
        return Explanation("Already open", str(error))
    if isinstance(error, WorkspaceError):
        return Explanation("Workspace problem", str(error))
    if isinstance(error, QuantizeError):
        return Explanation("Box too small", f"This box cannot be stored: {error}.")
    if isinstance(error, OSError):
        return Explanation("File problem", f"{error.strerror or error}"
                           + (f": {error.filename}" if error.filename else ""))
    return Explanation("Something went wrong", f"{type(error).__name__}: {error}")
