"""The `mask-editor` command: no subcommand opens the window; subcommands run headless.

Qt is imported only when the window opens, so headless commands start fast and run on servers.
Exit codes (scripts rely on them): cli.common.EXIT_CODES, told by --help from EXIT_CODES_HELP.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from mask_editor import __version__
from mask_editor.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_SIGN_IN,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    CommandError,
    ErrorKind,
    check_server_url,
)
from mask_editor.cli.window import run_window

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_SIGN_IN", "EXIT_UNREACHABLE", "EXIT_USAGE", "build_parser", "main"]

EXIT_CODES_HELP = """exit codes:
  0  success
  1  something failed, masks are in conflict (drift: some pose moved), the server refused, the account is read-only,
     or the workspace is open elsewhere
  2  usage error: a wrong option; no such workspace, pose, camera or file; no display for the window
  3  not signed in, or the session expired
  4  the server could not be reached (unreachable), or failed"""


def _common() -> argparse.ArgumentParser:
    """--workspace/--server accepted after the command too; SUPPRESS keeps a value given before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workspace", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="workspace file (default: the last signed-in server and account)")
    common.add_argument("--server", metavar="URL", default=argparse.SUPPRESS,
                        help="pyro-api server, e.g. https://api.pyronear.org")
    return common


def _sub(subparsers: argparse._SubParsersAction, name: str, summary: str, examples: str,
         description: str = "") -> argparse.ArgumentParser:
    return subparsers.add_parser(
        name, help=summary, description=description or summary, parents=[_common()],
        epilog="examples:\n" + examples, formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mask-editor",
        description="Edit the occlusion masks of Pyronear cameras. With no command, opens the window.",
        epilog=EXIT_CODES_HELP + "\n\nRun `mask-editor COMMAND --help` for a command's options and examples.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mask-editor {__version__}")
    parser.add_argument("--workspace", type=Path, metavar="PATH",
                        help="workspace file (default: the last signed-in server and account)")
    parser.add_argument("--server", metavar="URL", help="pyro-api server, e.g. https://api.pyronear.org")
    parser.add_argument("--demo", action="store_true",
                        help="use your copy of the bundled demo workspace, in the window or with a command "
                             "(no server needed)")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)  # bundle self-test
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _sub(sub, "login", "sign in to a server and keep the session for later commands",
             "  mask-editor login --server https://api.pyronear.org --username alice\n"
             "  printf '%s' \"$PASSWORD\" | mask-editor login --server URL --username alice --password-stdin",
             "Sign in, keep the token (the system keyring, or a private file), record the account in the "
             "workspace and fetch the camera list. The password is never stored.")
    p.add_argument("--username", required=True, metavar="NAME")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input instead of asking for it")
    p.add_argument("--allow-insecure-http", action="store_true",
                   help="sign in over plain http:// to a host other than this computer, sending the password "
                        "and the session token unencrypted (refused without it)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    _sub(sub, "logout", "forget the stored session of the workspace's account",
         "  mask-editor logout\n  mask-editor logout --workspace ~/masks/api.pyronear.org__alice.sqlite",
         "Forget the stored token. The workspace and its unsynced changes stay.")

    p = _sub(sub, "status", "show the account, changes waiting for a sync, conflicts and the last sync",
             "  mask-editor status\n  mask-editor status --json | jq '.pending'")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "pull", "fetch cameras, poses and masks from the server (local changes are kept)",
             "  mask-editor pull\n  mask-editor pull --camera 3\n  mask-editor pull --pose 12")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--camera", type=int, metavar="ID", help="only this camera's poses")
    where.add_argument("--pose", type=int, metavar="ID", help="only this pose")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "sync", "push the workspace's changes to the server, then pull",
             "  mask-editor sync --dry-run\n  mask-editor sync\n  mask-editor sync --json")
    p.add_argument("--dry-run", action="store_true", help="show what would be sent, send nothing")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "masks", "list a pose's masks as they are in the workspace",
             "  mask-editor masks 12\n  mask-editor masks 12 --json")
    p.add_argument("pose_id", type=int, metavar="POSE_ID")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "import-legacy", "add the boxes of legacy JSON mask files to the workspace",
             "  mask-editor import-legacy --dry-run ~/legacy_masks/\n"
             "  mask-editor import-legacy ~/legacy_masks/ && mask-editor sync\n"
             "  mask-editor import-legacy --pose 12 old/nemours.json",
             "Read legacy mask files (<site>_<azimuth>.json or <site>_<pose id>.json, the site being the "
             "camera name without its number) and add their boxes to the matching poses of the site's "
             "cameras as new masks; `mask-editor sync` then sends them. Boxes a pose already has are "
             "skipped, so importing twice adds nothing. The dry run shows exactly what the import does. "
             "See docs/migrating.md.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a legacy .json file, or a folder of them")
    p.add_argument("--dry-run", action="store_true", help="show what would be added, change nothing")
    p.add_argument("--pose", type=int, metavar="ID", help="put every given file's boxes on this pose")
    p.add_argument("--azimuth-tolerance", type=float, default=None, metavar="DEG",
                   help="how far a pose's azimuth may be from the file's (default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "export", "write a pose's or a camera's masks to files",
             "  mask-editor export --pose 12 --format png --output pose12.png\n"
             "  mask-editor export --pose 12 --format png --scale 25 --output small.png\n"
             "  mask-editor export --camera 3 --format legacy-json --output exported/\n"
             "  mask-editor export --camera 3 --format csv --output tables/",
             "Formats: legacy-json (the old files), png (white = masked, at the image's size or scaled), "
             "csv and json (one row per mask). With --camera, --output is a folder that receives one file "
             "per pose. Masks deleted here are not exported; conflicts export our version.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--pose", type=int, metavar="ID")
    what.add_argument("--camera", type=int, metavar="ID")
    p.add_argument("--format", required=True, choices=["legacy-json", "png", "csv", "json"])
    p.add_argument("--scale", type=float, default=100.0, metavar="PERCENT",
                   help="PNG size as a percentage of the image (default 100)")
    p.add_argument("--output", required=True, type=Path, metavar="PATH",
                   help="the file to write (--pose) or the folder (--camera)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = _sub(sub, "drift", "list poses whose view moved since their masks were drawn",
             "  mask-editor drift\n  mask-editor drift --camera 3 --json\n"
             "  mask-editor drift --threshold 1 || echo 'some masks look out of place'",
             "Compare each pose's latest cached image with the image its masks were drawn on and print the "
             "estimated shift (how far the scene moved, % of the width and height) and its confidence. "
             "Exits 1 when a confident shift exceeds the threshold.")
    p.add_argument("--camera", type=int, metavar="ID", help="only this camera's poses")
    p.add_argument("--threshold", type=float, default=0.5, metavar="PERCENT",
                   help="shifts above this percentage of the width count as moved (default 0.5)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    return parser


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    # Imported on demand: each command pays only for what it uses.
    if command in ("login", "logout", "status"):
        from mask_editor.cli import account as module
    elif command in ("pull", "sync"):
        from mask_editor.cli import sync as module  # type: ignore[no-redef]
    elif command == "drift":
        from mask_editor.cli import drift as module  # type: ignore[no-redef]
    else:
        from mask_editor.cli import transfer as module  # type: ignore[no-redef]
    return getattr(module, "run_" + command.replace("-", "_"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return run_window(args)
    as_json = bool(getattr(args, "json", False))
    try:
        _check_combination(args, parser)
        return _handler(args.command)(args)
    except CommandError as exc:
        from mask_editor.cli.output import emit_json, tell

        tell(exc.message)
        if as_json:
            emit_json({"ok": False, "exit_code": exc.code, "error": exc.message, "kind": str(exc.kind)})
        return exc.code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _check_combination(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """What argparse cannot say: --demo's limits, a --server that is no URL, login's server."""
    if args.server:
        args.server = check_server_url(args.server)
    if args.demo:
        if args.workspace is not None or args.server:
            raise CommandError("--demo uses the demo workspace: leave out --workspace and --server.",
                               ErrorKind.USAGE)
        if args.command == "login":
            raise CommandError("The demo workspace has no server to sign in to: leave out --demo.",
                               ErrorKind.USAGE)
    if args.command == "login" and not args.server:
        from mask_editor.cli.account import remembered_server

        args.server = remembered_server(args)
        if not args.server:
            raise CommandError(_command_parser(parser, "login").format_usage()
                               + "login needs the server the first time: --server URL "
                               "(e.g. --server https://api.pyronear.org).", ErrorKind.USAGE)


def _command_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise KeyError(name)


if __name__ == "__main__":
    sys.exit(main())
