"""What every headless command shares: exit codes, errors, finding and opening the workspace, and a
signed-in API client. Imports of the workspace and the API stay inside functions: `--help` and
`--version` should not load httpx or sqlite."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mask_editor.api import PyroClient
    from mask_editor.workspace import Account, Workspace

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SIGN_IN, EXIT_UNREACHABLE = 0, 1, 2, 3, 4


class ErrorKind(StrEnum):
    """What went wrong, as scripts see it: EXIT_CODES gives each kind its exit code."""

    FAILED = "failed"  # the work was tried and part of it failed (a file not imported, a mask refused)
    CONFLICT = "conflict"  # masks wait for a decision
    SERVER_REFUSED = "server_refused"  # the server said no (403, 404, 409, 422)
    READ_ONLY = "read_only"  # the account's role (`user`) or the workspace may not be changed
    BUSY = "busy"  # the window or another command has the workspace open
    USAGE = "usage"  # a wrong option, value or combination of options
    NOT_FOUND = "not_found"  # no such workspace, pose, camera or file
    NO_DISPLAY = "no_display"  # the window was asked for where there is no screen
    SIGN_IN = "sign_in"  # not signed in, refused credentials, or an expired session
    UNREACHABLE = "unreachable"  # the server could not be reached, or failed (5xx)


# The one table of exit codes; README's "Exit codes" line and `mask-editor --help` say the same.
EXIT_CODES: dict[ErrorKind, int] = {
    ErrorKind.FAILED: EXIT_FAILED,
    ErrorKind.CONFLICT: EXIT_FAILED,
    ErrorKind.SERVER_REFUSED: EXIT_FAILED,
    ErrorKind.READ_ONLY: EXIT_FAILED,
    ErrorKind.BUSY: EXIT_FAILED,
    ErrorKind.USAGE: EXIT_USAGE,
    ErrorKind.NOT_FOUND: EXIT_USAGE,
    ErrorKind.NO_DISPLAY: EXIT_USAGE,
    ErrorKind.SIGN_IN: EXIT_SIGN_IN,
    ErrorKind.UNREACHABLE: EXIT_UNREACHABLE,
}

# Code written before the table passes an exit code: it stands for the first kind with that code.
_KIND_OF_CODE = {code: kind for kind, code in reversed(EXIT_CODES.items())}


class CommandError(Exception):
    """A command cannot go on: `message` is for the person, `kind` (and its `code`) for the script."""

    def __init__(self, message: str, kind: ErrorKind | int = ErrorKind.FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind if isinstance(kind, ErrorKind) else _KIND_OF_CODE[kind]
        self.code = EXIT_CODES[self.kind]


def check_server_url(url: str) -> str:
    """`url` without its trailing slash; CommandError (usage) unless it is an http(s) URL with a host."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"--server {url!r} is not a server address: give a URL such as "
                           "https://api.pyronear.org.", ErrorKind.USAGE)
    return url.rstrip("/")


def login_hint(server: str | None = None, username: str | None = None) -> str:
    return f"mask-editor login --server {server or 'URL'} --username {username or 'NAME'}"


# --- the last workspace -------------------------------------------------------------------------


def resolve_workspace(args: argparse.Namespace) -> Path:
    """--demo's copy, else --workspace, else the only workspace of --server (or the last one, if of that server), else
    the last signed-in workspace, else the only workspace there is."""
    from mask_editor.workspace.paths import app_data_dir, last_signed_in, workspaces_of

    if getattr(args, "demo", False):
        from mask_editor.demo.copy import DemoMissing, demo_copy

        try:
            return demo_copy()  # the window's copy too: the tracked resources/demo files stay as they are
        except DemoMissing as exc:
            raise CommandError(str(exc), ErrorKind.NOT_FOUND) from None
    if args.workspace is not None:
        path = Path(args.workspace).expanduser()
        if not path.is_file():
            raise CommandError(f"There is no workspace at {path}. Check the path given to --workspace.",
                               ErrorKind.NOT_FOUND)
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
                               f"{login_hint(args.server)}", ErrorKind.SIGN_IN)
        raise CommandError(f"There are several workspaces for {args.server} ("
                           + ", ".join(p.name for p in found) + "): choose one with --workspace PATH.", ErrorKind.USAGE)
    if last is None or not last.is_file():
        # Signed in from the window only (it keeps its own setting): use the one workspace if alone.
        found = sorted((app_data_dir() / "workspaces").glob("*.sqlite"))
        if len(found) == 1:
            return found[0]
        raise CommandError("No workspace yet. Sign in first (" + login_hint() + "), or give one with "
                           "--workspace PATH.", ErrorKind.SIGN_IN)
    return last


@contextmanager
def open_workspace(args: argparse.Namespace, *, write: bool) -> Iterator[Workspace]:
    """The workspace, locked for this process when we write (the window or another command with it
    open is refused, rather than racing its sync); read-only otherwise, which works beside them."""
    from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError

    path = resolve_workspace(args)
    if write and _is_bundled_demo(path):
        raise CommandError(f"{path} is the demo workspace this installation ships, which stays as it is. "
                           "Use your own copy of it: mask-editor --demo COMMAND.", ErrorKind.READ_ONLY)
    try:
        ws = Workspace(path, exclusive=True) if write else Workspace(path.resolve(), read_only=True)
    except WorkspaceBusy as exc:
        raise CommandError(str(exc), ErrorKind.BUSY) from None
    except WorkspaceError as exc:
        raise CommandError(str(exc)) from None
    try:
        if write and ws.read_only_reason:
            raise CommandError(ws.read_only_reason, ErrorKind.READ_ONLY)
        yield ws
    finally:
        ws.close()


def _is_bundled_demo(path: Path) -> bool:
    from mask_editor.demo.copy import DEMO_FILE
    from mask_editor.resources import demo_dir

    try:
        return path.resolve() == (demo_dir() / DEMO_FILE).resolve()
    except FileNotFoundError:
        return False


# --- the signed-in client -----------------------------------------------------------------------


def signed_in_account(ws: Workspace, args: argparse.Namespace) -> tuple[Account, str]:
    """The workspace's account and its stored token; CommandError (exit 3) when not signed in."""
    from mask_editor.api.records import Token, TokenFormatError
    from mask_editor.workspace.credentials import load_token

    account = ws.account()
    if account is None:
        raise CommandError(f"This workspace ({ws.path}) has no account. Sign in: {login_hint(args.server)}",
                           ErrorKind.SIGN_IN)
    if args.server and args.server.rstrip("/") != account.server_url.rstrip("/"):
        raise CommandError(f"This workspace belongs to {account.server_url}, not {args.server}. "
                           "Give the matching --workspace, or leave out --server.", ErrorKind.USAGE)
    token = load_token(account.server_url, account.username)
    hint = login_hint(account.server_url, account.username)
    if token is None:
        raise CommandError(f"Not signed in to {account.server_url} as {account.username}. Sign in: {hint}",
                           ErrorKind.SIGN_IN)
    try:
        expired = Token.decode(token).is_expired()
    except TokenFormatError:
        expired = False  # the server decides (406); reported as a session problem below
    if expired:
        raise CommandError(f"The session of {account.username} on {account.server_url} has expired. "
                           f"Sign in again: {hint}", ErrorKind.SIGN_IN)
    return account, token


REFUSED_SESSION = "refused_session"  # workspace meta: the fingerprint of the stored token the server refused


def token_fingerprint(token: str) -> str:
    """A short digest of a token, to recognise it later without storing it in the workspace."""
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()[:16]


def remember_refused(ws: Workspace, token: str) -> None:
    """`status` then says the session was refused, until a new sign-in stores another token."""
    ws.set_meta(REFUSED_SESSION, token_fingerprint(token))


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
                            f"{login_hint(server, user)}", ErrorKind.SIGN_IN)
    # Only a workspace's account has changes to keep: a first sign-in has none.
    kept = " Nothing was lost: the changes stay in the workspace." if account else ""
    if isinstance(exc, Unreachable):
        where = f"The server {server}" if server else "The server"
        return CommandError(f"{where} could not be reached ({exc.reason}).{kept} Try again when online.",
                            ErrorKind.UNREACHABLE)
    if isinstance(exc, ServerError):
        return CommandError(f"The server failed ({exc}).{kept} Try again later.", ErrorKind.UNREACHABLE)
    if isinstance(exc, Forbidden):
        return CommandError(f"The server refused: {exc.detail} (your role may not allow this).",
                            ErrorKind.SERVER_REFUSED)
    if isinstance(exc, ApiError):
        return CommandError(f"The server answered something unexpected: {exc}", ErrorKind.SERVER_REFUSED)
    return CommandError(str(exc))
