"""Open the window, from the plain start (cli.window_start) or from the full parser (cli.main)."""

from __future__ import annotations

import gc
import sys
from typing import Any

EXIT_NO_DISPLAY = 2  # cli.common's exit code for ErrorKind.NO_DISPLAY (a usage error); a test holds them equal


def run_window(args: Any) -> int:
    """`args` has workspace, server, demo and smoke (an argparse or a window_start namespace)."""
    # The window runs without automatic collection (ui/platform/collector.py collects between events);
    # off from here, its ~45 collections while PySide and the window's modules load (~4 ms) go too.
    gc.disable()
    from mask_editor.ui.window.app import display_problem, run

    problem = None if args.smoke else display_problem()  # --smoke falls back to offscreen itself
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    return run(workspace=args.workspace, server=args.server, demo=args.demo, smoke=args.smoke)
