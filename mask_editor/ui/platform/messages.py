"""The one place where errors become words for a person: what happened, and what to do.

Every dialog, banner and status message that reports a failure goes through `explain`, so the same
failure reads the same everywhere. It returns plain strings, translated (context "Messages").
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mask_editor.api.errors import (
    ApiError,
    DeviceUnavailable,
    Forbidden,
    InvalidCredentials,
    NetworkFailure,
    NotAnImage,
    NotFound,
    Rejected,
    ServerError,
    SignInRequired,
    UnexpectedResponse,
    Unreachable,
)
from mask_editor.core.geometry import QuantizeError
from mask_editor.ui.platform.i18n import decimal
from mask_editor.workspace import WorkspaceBusy, WorkspaceError, WorkspaceProblem


@dataclass(frozen=True)
class Explanation:
    title: str  # a few words, for a dialog title or a bold first line
    text: str  # what happened and what to do, in full sentences


translate = QCoreApplication.translate  # lupdate reads the literal calls below
_NETWORK = {
    NetworkFailure.CONNECT_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "timed out while connecting"),
    NetworkFailure.READ_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "timed out waiting for the answer"),
    NetworkFailure.WRITE_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "timed out while sending"),
    NetworkFailure.POOL_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "too many requests at once"),
    NetworkFailure.DNS: QT_TRANSLATE_NOOP("Messages", "the server name could not be resolved (DNS)"),
    NetworkFailure.REFUSED: QT_TRANSLATE_NOOP("Messages", "the connection was refused"),
    NetworkFailure.TLS: QT_TRANSLATE_NOOP("Messages", "the secure connection failed (TLS certificate)"),
    NetworkFailure.CONNECT: QT_TRANSLATE_NOOP("Messages", "could not connect"),
    NetworkFailure.RESET: QT_TRANSLATE_NOOP("Messages", "the connection was closed or reset"),
    NetworkFailure.OTHER: QT_TRANSLATE_NOOP("Messages", "network error"),
}


def network_failure_text(reason: str) -> str:
    """Why no answer came back (api.errors.NetworkFailure), in the window's language."""
    known = _NETWORK.get(reason)  # type: ignore[call-overload]  # a member, or a string equal to one (same hash)
    return translate("Messages", known) if known else reason


def thin_box_text(error: QuantizeError) -> str:
    """A box too thin for the server's 3 decimals, in the window's language."""
    if error.side == "width":
        text = translate("Messages", "the box is too narrow to store: %1 of the image width rounds to zero "
                                     "(the server keeps 3 decimals, so at least %2 is needed)")
    else:
        text = translate("Messages", "the box is too short to store: %1 of the image height rounds to zero "
                                     "(the server keeps 3 decimals, so at least %2 is needed)")
    return text.replace("%2", decimal(0.001, 3)).replace("%1", decimal(error.size, 5))


def workspace_text(error: WorkspaceError | WorkspaceBusy) -> str:
    """Why the workspace cannot be used or changed, naming its file."""
    path = str(error.path)
    if isinstance(error, WorkspaceBusy):
        return translate("Messages", "This workspace is already open in another mask_editor window or command "
                                     "(%1). Close it there first.").replace("%1", path)
    if error.kind is WorkspaceProblem.MISSING:
        return translate("Messages", "There is no workspace at %1.").replace("%1", path)
    if error.kind is WorkspaceProblem.NOT_A_WORKSPACE:
        return translate("Messages", "%1 is not a mask_editor workspace.").replace("%1", path)
    if error.kind is WorkspaceProblem.NEWER_FORMAT:
        return translate("Messages", "This workspace was written by a newer mask_editor: it is open read-only. "
                                     "Update mask_editor to change it.")
    return translate("Messages", "This workspace is open read-only: nothing can be changed in it.")


def _named(name: str | None, with_name: str, without: str) -> str:
    """The sentence that names the camera or server when it is known; both are whole sentences."""
    return with_name.replace("%1", name) if name else without


def explain(error: BaseException, *, camera: str | None = None, server: str | None = None) -> Explanation:
    """Plain words for `error`. `camera` and `server` name what the user was working on, if known."""
    if isinstance(error, InvalidCredentials):
        return Explanation(translate("Messages", "Sign-in failed"), _named(
            server,
            translate("Messages", "The username or password was not accepted on %1. Check them and try again."),
            translate("Messages", "The username or password was not accepted. Check them and try again.")))
    if isinstance(error, SignInRequired):
        return Explanation(translate("Messages", "Please sign in again"), _named(
            server,
            translate("Messages", "Your session on %1 has expired or is no longer valid. Sign in again: your "
                                  "local changes are kept and will be sent once you are signed in."),
            translate("Messages", "Your session has expired or is no longer valid. Sign in again: your local "
                                  "changes are kept and will be sent once you are signed in.")))
    if isinstance(error, Forbidden):
        if error.kind == "scope":
            return Explanation(translate("Messages", "Read-only account"), _named(
                camera,
                translate("Messages", "You are signed in as a read-only user: ask an admin or agent to edit "
                                      "masks of %1."),
                translate("Messages", "You are signed in as a read-only user: ask an admin or agent to edit "
                                      "masks.")))
        if error.kind == "organization":
            return Explanation(translate("Messages", "Not your organization"), _named(
                camera,
                translate("Messages", "Camera %1 belongs to another organization: your account cannot change "
                                      "its masks."),
                translate("Messages", "This camera belongs to another organization: your account cannot change "
                                      "its masks.")))
        return Explanation(translate("Messages", "Not allowed"), translate(
            "Messages", "The server refused this action: %1").replace("%1", str(error.detail)))
    if isinstance(error, NotFound):
        return Explanation(translate("Messages", "Not found on the server"), translate(
            "Messages", "The server no longer has this item (%1). It may have been deleted by someone else: pull "
                        "the pose to see the current state.").replace("%1", str(error.detail)))
    if isinstance(error, Rejected):
        return Explanation(translate("Messages", "Refused by the server"), translate(
            "Messages", "The server refused the mask: %1").replace("%1", "; ".join(error.problems)))
    if isinstance(error, ServerError):
        return Explanation(translate("Messages", "Server problem"), translate(
            "Messages", "The server had a problem (%1). Nothing was lost: try again in a few minutes.").replace(
            "%1", str(error.detail)))
    if isinstance(error, Unreachable):
        reason = network_failure_text(error.reason)
        return Explanation(translate("Messages", "Offline"), _named(
            server,
            translate("Messages", "The server %1 could not be reached (%2). You can keep working: your changes "
                                  "are saved on this computer and sent at the next sync."),
            translate("Messages", "The server could not be reached (%2). You can keep working: your changes are "
                                  "saved on this computer and sent at the next sync.")).replace("%2", reason))
    if isinstance(error, DeviceUnavailable):
        return Explanation(translate("Messages", "Camera not reachable"), _named(
            camera,
            translate("Messages", "Camera %1 cannot be reached through the server right now (%2)."),
            translate("Messages", "The camera cannot be reached through the server right now (%2).")).replace(
            "%2", str(error.detail)))
    if isinstance(error, NotAnImage):
        return Explanation(translate("Messages", "Damaged image"), _named(
            camera,
            translate("Messages", "The image downloaded for %1 is not a picture (%2)."),
            translate("Messages", "The image downloaded is not a picture (%2).")).replace("%2", str(error.detail)))
    if isinstance(error, UnexpectedResponse):
        return Explanation(translate("Messages", "Unexpected answer"), translate(
            "Messages", "The server gave an answer this version does not understand (%1). Check the server "
                        "address, or update mask_editor.").replace("%1", str(error.detail)))
    if isinstance(error, ApiError):
        return Explanation(translate("Messages", "Server error"), str(error))
    if isinstance(error, WorkspaceBusy):
        return Explanation(translate("Messages", "Already open"), workspace_text(error))
    if isinstance(error, WorkspaceError):
        return Explanation(translate("Messages", "Workspace problem"), workspace_text(error))
    if isinstance(error, QuantizeError):
        return Explanation(translate("Messages", "Box too small"), translate(
            "Messages", "This box cannot be stored: %1.").replace("%1", thin_box_text(error)))
    if isinstance(error, OSError):
        return Explanation(translate("Messages", "File problem"), file_error_text(error))
    return Explanation(translate("Messages", "Something went wrong"), f"{type(error).__name__}: {error}")


def file_error_text(error: OSError) -> str:
    """A file the system refused: the common cases in the window's words, else the system's own."""
    name = str(error.filename or "")
    if isinstance(error, FileNotFoundError):
        return translate("Messages", "There is no file or folder at %1.").replace("%1", name)
    if isinstance(error, PermissionError):
        return translate("Messages", "You are not allowed to read or write %1.").replace("%1", name)
    if isinstance(error, IsADirectoryError):
        return translate("Messages", "%1 is a folder, not a file.").replace("%1", name)
    if error.errno == errno.ENOSPC:
        return translate("Messages", "The disk is full: %1 could not be written.").replace("%1", name)
    if error.errno == errno.ENAMETOOLONG:
        return translate("Messages", "The name %1 is too long for the file system.").replace("%1", name)
    if error.errno == errno.EROFS:
        return translate("Messages", "The disk is read-only: %1 could not be written.").replace("%1", name)
    return f"{error.strerror or error}" + (f": {name}" if name else "")
