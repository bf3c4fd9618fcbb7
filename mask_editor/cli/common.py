"""What every headless command shares: exit codes, errors, finding and opening the workspace, and a
signed-in API client. Imports of the workspace and the API stay inside functions: `--help` and
`--version` should not load httpx or sqlite."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mask_editor.api import PyroClient
    from mask_editor.workspace import Account, Workspace

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SIGN_IN, EXIT_UNREACHABLE = 0, 1, 2, 3, 4


class CommandError(Exception):
    """A command cannot go on: `message` is for the person, `code` for the script."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def login_hint(server: str | None = None, username: str | None = None) -> str:
    return f"mask-editor login --server {server or 'URL'} --username {username or 'NAME'}"


# --- the last workspace -------------------------------------------------------------------------


def resolve_workspace(args: argparse.Namespace) -> Path:
    """--workspace, else the only workspace of --server (or the last one, if of that server), else
    the last signed-in workspace, else the only workspace there is."""
    from mask_editor.workspace.paths import app_data_dir, last_signed_in, workspaces_of

    if args.workspace is not None:
        path = Path(args.workspace).expanduser()
        if not path.is_file():
            raise CommandError(f"There is no workspace at {path}. Check the path given to --workspace.", EXIT_USAGE)
        return path
    last = last_signed_in()
    if args.server:
        found = workspaces_of(args.server)
        if last is not None and last in found:
            return last
        if len(found) == 1:
            return found[0]
        if not found:
            raise CommandError(f"There is no workspace for {args.server} yet. Sign in first: "
                               f"{login_hint(args.server)}", EXIT_SIGN_IN)
        raise CommandError(f"There are several workspaces for {args.server} ("
                           + ", ".join(p.name for p in found) + "): choose one with --workspace PATH.", EXIT_USAGE)
    if last is None or not last.is_file():
        # Signed in from the window only (it keeps its own setting): use the one workspace if alone.
        found = sorted((app_data_dir() / "workspaces").glob("*.sqlite"))
        if len(found) == 1:
            return found[0]
        raise CommandError("No workspace yet. Sign in first (" + login_hint() + "), or give one with "
                           "--workspace PATH.", EXIT_SIGN_IN)
    return last


@contextmanager
def open_workspace(args: argparse.Namespace, *, write: bool) -> Iterator[Workspace]:
    """The workspace, locked for this process when we write (the window or another command with it
    open is refused, rather than racing its sync); read-only otherwise, which works beside them."""
    from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError

    path = resolve_workspace(args)
    try:
        ws = Workspace(path, exclusive=True) if write else Workspace(path.resolve(), read_only=True)
    except WorkspaceBusy as exc:
        raise CommandError(str(exc)) from None
    except WorkspaceError as exc:
        raise CommandError(str(exc)) from None
    try:
        if write and ws.read_only_reason:
            raise CommandError(ws.read_only_reason)
        yield ws
    finally:
        ws.close()


# --- the signed-in client -----------------------------------------------------------------------


def signed_in_account(ws: Workspace, args: argparse.Namespace) -> tuple[Account, str]:
    """The workspace's account and its stored token; CommandError (exit 3) when not signed in."""
    from mask_editor.api.records import Token, TokenFormatError
    from mask_editor.workspace.credentials import load_token

    account = ws.account()
    if account is None:
        raise CommandError(f"This workspace ({ws.path}) has no account. Sign in: {login_hint(args.server)}",
                           EXIT_SIGN_IN)
    if args.server and args.server.rstrip("/") != account.server_url.rstrip("/"):
        raise CommandError(f"This workspace belongs to {account.server_url}, not {args.server}. "
                           "Give the matching --workspace, or leave out --server.", EXIT_USAGE)
    token = load_token(account.server_url, account.username)
    hint = login_hint(account.server_url, account.username)
    if token is None:
        raise CommandError(f"Not signed in to {account.server_url} as {account.username}. Sign in: {hint}",
                           EXIT_SIGN_IN)
    try:
        expired = Token.decode(token).is_expired()
    except TokenFormatError:
        expired = False  # the server decides (406); reported as a session problem below
    if expired:
        raise CommandError(f"The session of {account.username} on {account.server_url} has expired. "
                           f"Sign in again: {hint}", EXIT_SIGN_IN)
    return account, token


def make_client(server: str, token: str | None = None) -> PyroClient:
    from mask_editor.api import PyroClient

    return PyroClient(server, token)


def api_failure(exc: Exception, account: Account | None = None) -> CommandError:
    """An API error as words and an exit code."""
    from mask_editor.api import ApiError, Forbidden, ServerError, SignInRequired, Unreachable

    server = account.server_url if account else None
    user = account.username if account else None
    if isinstance(exc, SignInRequired):
        return CommandError(f"The server refused the session ({exc.detail}). Sign in again: "
                            f"{login_hint(server, user)}", EXIT_SIGN_IN)
    if isinstance(exc, Unreachable):
        return CommandError(f"The server {server or ''} could not be reached ({exc.reason}). Nothing was "
                            "lost: the changes stay in the workspace; try again when online.".replace("  ", " "),
                            EXIT_UNREACHABLE)
    if isinstance(exc, ServerError):
        return CommandError(f"The server failed ({exc}). Nothing was lost: try again later.", EXIT_UNREACHABLE)
    if isinstance(exc, Forbidden):
        return CommandError(f"The server refused: {exc.detail} (your role may not allow this).")
    if isinstance(exc, ApiError):
        return CommandError(f"The server answered something unexpected: {exc}")
    return CommandError(str(exc))
