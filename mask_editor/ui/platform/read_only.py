"""Why nothing may be edited, in words for the banner and the dialogs: the workspace's state (typed by
workspace.store) or the account's role. The command line keeps the workspace's English sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mask_editor.workspace import Workspace, WorkspaceProblem
from mask_editor.workspace.schema import SCHEMA_VERSION


def user_role_text() -> str:
    return QCoreApplication.translate(
        "OpenPoses", "You are signed in as a read-only user: you can look at masks but not change them. "
        "Ask an admin or agent of your organization to edit them.")


def read_only_reason(workspace: Workspace) -> str | None:
    """Why nothing may be edited, in words for the banner; None when editing is allowed."""
    if workspace.read_only_kind is WorkspaceProblem.NEWER_FORMAT:
        return QCoreApplication.translate(
            "OpenPoses", "This workspace was written by a newer mask_editor (format %1; this version knows up to "
            "%2). It is open read-only: update mask_editor to edit it.").replace(
            "%2", str(SCHEMA_VERSION)).replace("%1", str(workspace.newer_format))
    if workspace.read_only_reason:
        return QCoreApplication.translate(
            "OpenPoses", "This workspace is open read-only: you can look at masks but not change them.")
    account = workspace.account()
    if account is not None and not account.can_edit:
        return user_role_text()
    return None
