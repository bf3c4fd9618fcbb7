"""The `mask-editor` command: no subcommand opens the window; subcommands run headless.

Qt is imported only when the window opens, so headless commands start fast and run on servers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mask_editor import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SIGN_IN, EXIT_UNREACHABLE = 0, 1, 2, 3, 4


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mask-editor",
        description="Edit the occlusion masks of Pyronear cameras. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"mask-editor {__version__}")
    parser.add_argument("--workspace", type=Path, metavar="PATH",
                        help="workspace file (default: the last signed-in server and account)")
    parser.add_argument("--server", metavar="URL", help="pyro-api server, e.g. https://api.pyronear.org")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo workspace (no server needed)")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)  # bundle self-test
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from mask_editor.ui.app import run

        return run(workspace=args.workspace, server=args.server, demo=args.demo, smoke=args.smoke)
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
