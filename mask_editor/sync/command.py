"""`python -m mask_editor.sync`: the sync engine without a window (field scripts, tests, cron).

The token comes from an environment variable (never a command-line argument: those show in `ps`).
Exit codes match mask_editor/cli.py: 0 done, 1 failed or incomplete, 2 usage, 3 sign in, 4 unreachable.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mask_editor.api.client import PyroClient
from mask_editor.api.errors import ApiError, SignInRequired, Unreachable
from mask_editor.sync.engine import SyncOptions, pull_all, push_all, sync_all
from mask_editor.sync.plan import discard_local_changes, plan
from mask_editor.sync.refresh import make_camera_offline, refresh_cameras
from mask_editor.sync.result import Outcome, SyncResult
from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SIGN_IN, EXIT_UNREACHABLE = 0, 1, 2, 3, 4
_EXITS = {Outcome.COMPLETED: EXIT_OK, Outcome.SIGN_IN_REQUIRED: EXIT_SIGN_IN, Outcome.UNREACHABLE: EXIT_UNREACHABLE}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mask_editor.sync", description=__doc__)
    parser.add_argument("--workspace", type=Path, required=True, metavar="PATH", help="workspace file")
    parser.add_argument("--server", metavar="URL", help="pyro-api server (default: the workspace's account)")
    parser.add_argument("--token-env", default="MASK_EDITOR_TOKEN", metavar="NAME",
                        help="environment variable holding the bearer token (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=8, help="poses handled at once (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("plan", help="show what a push would do (no network)")
    sub.add_parser("sync", help="pull every pose, push local changes")
    sub.add_parser("push", help="pull then push the poses with local changes")
    sub.add_parser("pull", help="pull every pose")
    sub.add_parser("refresh", help="refresh cameras and poses")
    offline = sub.add_parser("offline", help="cache a camera's images and masks for offline work")
    offline.add_argument("camera_id", type=int)
    discard = sub.add_parser("discard", help="throw away a pose's local changes (no network)")
    discard.add_argument("pose_id", type=int)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        ws = Workspace(args.workspace, exclusive=True)
    except (WorkspaceBusy, WorkspaceError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILED
    try:
        return _run(args, ws)
    finally:
        ws.close()


def _run(args: argparse.Namespace, ws: Workspace) -> int:
    if args.command == "plan":
        print(plan(ws).describe())
        return EXIT_OK
    if args.command == "discard":
        print(f"{discard_local_changes(ws, args.pose_id)} masks of pose {args.pose_id} back to the server's version.")
        return EXIT_OK
    account = ws.account()
    server = args.server or (account.server_url if account else None)
    if not server:
        print("No server: pass --server URL.", file=sys.stderr)
        return EXIT_USAGE
    options = SyncOptions(workers=args.workers)
    with PyroClient(server, os.environ.get(args.token_env)) as client:
        try:
            if args.command == "refresh":
                print(f"{len(refresh_cameras(client, ws))} cameras.")
                return EXIT_OK
            if args.command == "offline":
                report = make_camera_offline(client, ws, args.camera_id, options=options)
                print(f"{sum(1 for i in report.images.values() if i)} images cached.")
                return _report(report.pull) if report.pull else EXIT_FAILED
        except SignInRequired as exc:
            print(f"Sign in again: {exc}", file=sys.stderr)
            return EXIT_SIGN_IN
        except Unreachable as exc:
            print(exc, file=sys.stderr)
            return EXIT_UNREACHABLE
        except ApiError as exc:
            print(exc, file=sys.stderr)
            return EXIT_FAILED
        verb = {"sync": sync_all, "push": push_all, "pull": pull_all}[args.command]
        return _report(verb(client, ws, options=options))


def _report(result: SyncResult) -> int:
    print(result.summary())
    return _EXITS.get(result.outcome, EXIT_FAILED)
