"""The window's plain start (`--demo`, `--smoke`, `--workspace PATH`, no command), read without argparse
or any command's module: they are not on the way to the window's first paint (~10 ms of imports).
Anything else goes to cli.main, which builds the full parser (and explains what is wrong)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace


def window_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The window's options as build_parser() would read them, or None for anything else."""
    args = SimpleNamespace(command=None, workspace=None, server=None, demo=False, smoke=False)
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word in ("--demo", "--smoke") and not getattr(args, word[2:]):
            setattr(args, word[2:], True)
        elif word == "--workspace" and args.workspace is None and rest and not rest[0].startswith("-"):
            args.workspace = Path(rest.pop(0))
        else:
            return None
    return None if args.demo and args.workspace is not None else args  # argparse's check says why


def main(argv: Sequence[str] | None = None) -> int:
    """The `mask-editor` command and `python -m mask_editor`."""
    fast = window_args(sys.argv[1:] if argv is None else argv)
    if fast is not None:
        from mask_editor.cli.window import run_window

        return run_window(fast)
    from mask_editor.cli.main import main as commands

    return commands(argv)
