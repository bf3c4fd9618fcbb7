"""Whether the window can open here, found out before Qt is loaded: without a display, or without
the library the xcb plugin needs, Qt aborts the process (exit 134) with a message about plugins."""

from __future__ import annotations

import os
import sys

# Platforms that need no screen (tests, servers, screenshots).
HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs")


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """What stops the window from opening, in words; None when it can (or on macOS and Windows)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform in HEADLESS:
        return None
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not (x11 or wayland) or (platform == "xcb" and not x11) or (platform.startswith("wayland") and not wayland):
        return ("No display found, so the window cannot open (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                "The commands work without one: run `mask-editor --help` to list them. To open the window "
                "anyway (e.g. for a screenshot), set QT_QPA_PLATFORM=offscreen.")
    if (platform == "xcb" or not wayland) and not _loads("libxcb-cursor.so.0"):
        return ("The window needs the system library libxcb-cursor0, which is not installed "
                "(on Debian or Ubuntu: sudo apt-get install libxcb-cursor0). The commands work without "
                "it: run `mask-editor --help` to list them.")
    return None


def _loads(library: str) -> bool:
    import ctypes  # only where the xcb plugin is to be used

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True
