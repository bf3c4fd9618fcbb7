"""`login`, `logout` and `status`."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections import Counter
from pathlib import Path

from mask_editor.cli.common import (
    EXIT_OK,
    REFUSED_SESSION,
    CommandError,
    ErrorKind,
    api_failure,
    make_client,
    open_workspace,
    token_fingerprint,
)
from mask_editor.cli.output import emit_json, say, table, tell, when_text

STATES = ("new", "edited", "deleted", "conflict")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        text = sys.stdin.read()
        password = text[:-1] if text.endswith("\n") else text  # `echo` adds one newline, nothing else is ours
        password = password[:-1] if password.endswith("\r") else password
    else:
        if not sys.stdin.isatty():
            raise CommandError("There is no terminal to ask for the password: pipe it in with --password-stdin.",
                               ErrorKind.USAGE)
        password = getpass.getpass(f"Password for {args.username} on {args.server}: ")
    if not password:
        raise CommandError("The password is empty.", ErrorKind.USAGE)
    return password


def remembered_server(args: argparse.Namespace) -> str | None:
    """The server of --workspace's account, else of the last sign-in: login's default."""
    from mask_editor.workspace import Workspace, WorkspaceError
    from mask_editor.workspace.paths import last_signed_in

    path = Path(args.workspace).expanduser() if args.workspace else last_signed_in()
    if path is None or not path.is_file():
        return None
    try:
        with Workspace(path.resolve(), read_only=True) as ws:
            account = ws.account()
    except WorkspaceError:
        return None
    return account.server_url if account else None


def run_login(args: argparse.Namespace) -> int:
    from mask_editor.api import ApiError, InvalidCredentials
    from mask_editor.api.cleartext import cleartext_risk, sends_secrets_in_clear
    from mask_editor.cli.sync import refresh_cameras
    from mask_editor.workspace import Account, Workspace, WorkspaceBusy, WorkspaceError
    from mask_editor.workspace.credentials import save_token
    from mask_editor.workspace.paths import remember_signed_in, workspace_path

    server = args.server.rstrip("/")
    if sends_secrets_in_clear(server):
        if not args.allow_insecure_http:
            raise CommandError(f"Refusing to sign in: {cleartext_risk(server)} Use the server's https:// address, "
                               "or pass --allow-insecure-http if you accept that risk.", ErrorKind.USAGE)
        tell(f"Warning: {cleartext_risk(server)} Going on, as --allow-insecure-http asks.")
    password = _password(args)
    with make_client(server) as client:
        try:
            token = client.sign_in(args.username, password)
        except InvalidCredentials:
            raise CommandError(f"{server} refused the username or the password of {args.username}.",
                               ErrorKind.SIGN_IN) from None
        except ApiError as exc:
            raise api_failure(exc) from None
        path = Path(args.workspace).expanduser() if args.workspace else workspace_path(server, args.username)
        try:
            ws = Workspace(path, exclusive=True)
        except (WorkspaceBusy, WorkspaceError) as exc:
            raise CommandError(str(exc)) from None
        try:
            current = ws.account()
            if current is not None and (current.server_url.rstrip("/"), current.username) != (server, args.username):
                raise CommandError(f"The workspace {path} belongs to {current.username} on {current.server_url}. "
                                   "Leave out --workspace to use this account's own.", ErrorKind.USAGE)
            ws.set_account(Account(server, args.username, token.user_id, token.role or "user",
                                   token.organization_id))
            where = save_token(server, args.username, token.raw)
            remember_signed_in(path)
            tell(f"Signed in to {server} as {args.username} (role {token.role}, organization "
                 f"{token.organization_id}). Session kept in {where}.")
            tell(f"Workspace: {path}")
            cameras = poses = None
            try:
                cameras, poses = refresh_cameras(ws, client)
                tell(f"{cameras} cameras, {poses} poses.")
            except ApiError as exc:
                tell(f"Signed in, but the camera list could not be fetched: {api_failure(exc).message}")
        finally:
            ws.close()
    if args.json:
        emit_json({"ok": True, "server": server, "username": args.username, "role": token.role,
                   "organization_id": token.organization_id, "workspace": str(path), "session_kept_in": where,
                   "cameras": cameras, "poses": poses})
    return EXIT_OK


def run_logout(args: argparse.Namespace) -> int:
    from mask_editor.workspace.credentials import TokenNotForgotten, forget_token

    with open_workspace(args, write=False) as ws:
        account = ws.account()
    if account is None:
        tell("This workspace has no account: nothing to sign out of.")
        return EXIT_OK
    try:
        found = forget_token(account.server_url, account.username)
    except TokenNotForgotten as exc:
        raise CommandError(f"Not signed out of {account.server_url} as {account.username}: the stored session "
                           f"stays valid until it expires. {exc}") from None
    if found:
        tell(f"Signed out of {account.server_url} as {account.username}. The workspace and its unsynced "
             "changes are kept.")
    else:
        tell(f"No stored session for {account.username} on {account.server_url}.")
    return EXIT_OK


def _session(ws, account) -> tuple[str, str | None]:
    from mask_editor.api.records import Token, TokenFormatError
    from mask_editor.workspace.credentials import load_token

    if account is None:
        return "no account", None
    raw = load_token(account.server_url, account.username)
    if raw is None:
        return "signed out", None
    if ws.get_meta(REFUSED_SESSION) == token_fingerprint(raw):
        return "refused", None  # the server said no to this very token at the last sync or pull
    try:
        token = Token.decode(raw)
    except TokenFormatError:
        return "unusable token", None
    return ("expired" if token.is_expired() else "signed in"), when_text(token.expires_at)


def status_document(ws) -> dict:
    from mask_editor.workspace.store import from_text

    account = ws.account()
    session, expires = _session(ws, account)
    cameras = {c.id: c for c in ws.cameras()}
    pending = []
    totals: Counter[str] = Counter()
    for pose_id, counts in sorted(ws.pending_counts().items()):
        pose = ws.pose(pose_id)
        camera = cameras.get(pose.camera_id) if pose else None
        row = {"pose_id": pose_id, "camera_id": pose.camera_id if pose else None,
               "camera": camera.name if camera else None, "azimuth": pose.azimuth if pose else None}
        row.update({s: counts.get(s, 0) for s in STATES})  # type: ignore[call-overload]
        totals.update({s: row[s] for s in STATES})
        pending.append(row)
    pulled = [p.masks_pulled_at for p in ws.poses() if p.masks_pulled_at is not None]
    last_sync = when_text(from_text(ws.get_meta("last_sync_at")))
    return {
        "workspace": str(ws.path),
        "account": None if account is None else {
            "server": account.server_url, "username": account.username, "user_id": account.user_id,
            "role": account.role, "organization_id": account.organization_id},
        "session": session,
        "session_expires_at": expires,
        "cameras": len(cameras),
        "poses": len(ws.poses()),
        "pending": pending,
        "totals": {s: totals.get(s, 0) for s in STATES},
        "conflicts": totals.get("conflict", 0),
        "last_sync_at": last_sync,
        "last_pull_at": when_text(max(pulled)) if pulled else None,
    }


_SESSION_WORDS = {"refused": "session refused by the server: sign in again with `mask-editor login`"}


def run_status(args: argparse.Namespace) -> int:
    with open_workspace(args, write=False) as ws:
        doc = status_document(ws)
    if args.json:
        emit_json(doc)
        return EXIT_OK
    account = doc["account"]
    say(f"Workspace: {doc['workspace']}")
    if account is None:
        say("Account:   none (offline workspace; sign in with `mask-editor login`)")
    else:
        say(f"Account:   {account['username']} on {account['server']} (role {account['role']}, "
            f"organization {account['organization_id']}), {_SESSION_WORDS.get(doc['session'], doc['session'])}")
    say(f"Cameras:   {doc['cameras']}, poses: {doc['poses']}")
    say(f"Last sync: {doc['last_sync_at'] or '-'}; last pull: {doc['last_pull_at'] or '-'}")
    totals = doc["totals"]
    if not doc["pending"]:
        say("Nothing waits for a sync.")
        return EXIT_OK
    say(f"Waiting for a sync: {totals['new']} new, {totals['edited']} edited, {totals['deleted']} deleted; "
        f"{doc['conflicts']} in conflict")
    say("")
    rows = [(r["camera"], r["pose_id"], _az(r["azimuth"]), *(r[s] or "" for s in STATES)) for r in doc["pending"]]
    say(table(("camera", "pose", "azimuth", *STATES), rows, right=(1, 2, 3, 4, 5, 6)))
    if doc["conflicts"]:
        say("\nConflicts are decided in the window (the server changed masks you also changed).")
    return EXIT_OK


def _az(azimuth: float | None) -> str:
    if azimuth is None:
        return "-"
    return f"{azimuth:g}°"

