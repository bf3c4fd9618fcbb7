"""Keeping tests off the user's real folders (issue 11, item 6): the app's folders under a HOME, a
snapshot of them to compare, and the per-test environment tests/conftest.py sets.

`make test` used to leave a pytest temp path as the last workspace and a squashed window layout in
~/.config/Pyronear/mask_editor.ini. Now every test gets its own HOME, XDG folders and QSettings
paths, and two checks fail a run that writes outside them anyway:
- per test: nothing in the session's stand-in HOME (where a path resolved at import time would
  point) changes, so the failure names the test;
- per session: the real HOME's app folders are unchanged at the end (hard-coded paths included).
"""

from __future__ import annotations

import os
import pwd
import re
from pathlib import Path

XDG_NAMES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
XDG_DEFAULTS = {"XDG_CONFIG_HOME": ".config", "XDG_DATA_HOME": ".local/share", "XDG_CACHE_HOME": ".cache",
                "XDG_STATE_HOME": ".local/state"}
# Under each XDG folder: the folders the app, Qt (organization "Pyronear") and the keyring's file
# backends write. The rest of a HOME (shell history, pip's cache) is not ours to watch.
APP_NAMES = ("Pyronear", "Pyronear.conf", "mask_editor", "mask-editor", "python_keyring", "QtProject.conf")
# Variables that would send the app elsewhere than the test's HOME.
CLEARED = ("MASK_EDITOR_HOME", "MASK_EDITOR_SETTINGS")


def _real_home() -> Path:
    home = os.environ.get("HOME")
    return Path(home) if home else Path(pwd.getpwuid(os.getuid()).pw_dir)


REAL_HOME = _real_home()
# The XDG folders the run started with, which may lie outside HOME.
REAL_XDG = {name: Path(os.environ.get(name) or REAL_HOME / XDG_DEFAULTS[name]) for name in XDG_NAMES}


def home_env(home: Path) -> dict[str, str]:
    """HOME and the XDG folders inside `home`."""
    env = {"HOME": str(home)}
    env.update({name: str(home / XDG_DEFAULTS[name]) for name in XDG_NAMES})
    return env


def watched(home: Path, xdg: dict[str, Path] | None = None) -> list[Path]:
    """The app folders under `home` (and under the XDG folders given, when they lie elsewhere)."""
    roots = {home / sub for sub in XDG_DEFAULTS.values()} | set((xdg or {}).values())
    return sorted({root / name for root in roots for name in APP_NAMES})


def snapshot(home: Path, xdg: dict[str, Path] | None = None) -> dict[str, tuple[int, int]]:
    """(mtime in ns, size) of every file and folder in the watched app folders."""
    seen: dict[str, tuple[int, int]] = {}
    for top in watched(home, xdg):
        seen.update(snapshot_tree(top))
    return seen


def snapshot_tree(top: Path) -> dict[str, tuple[int, int]]:
    """(mtime in ns, size) of `top` and everything under it (nothing when it does not exist)."""
    seen: dict[str, tuple[int, int]] = {}
    if not top.exists():
        return seen
    for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
        try:
            st = path.lstat()
        except FileNotFoundError:  # removed while walking
            continue
        seen[str(path)] = (st.st_mtime_ns, st.st_size)
    return seen


def changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """The paths created, changed or removed between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


# A pytest session's temp root, as it appears in a path (e.g. /tmp/pytest-of-root/pytest-103/...).
_BASETEMP = re.compile(r"/pytest-of-[^/\s]+/(pytest-\d+)/")


def other_runs(written: list[str], own_basetemp: Path | None) -> dict[str, set[str]]:
    """Of the `written` paths, those provably written by another pytest run on this machine (a
    teammate's checkout whose tests still write there): a file naming only other sessions' temp
    roots (the settings' last workspace does), and folders that changed only because of such files.
    Maps each to the sessions named. Everything else stays this run's fault."""
    own = own_basetemp.name if own_basetemp is not None else None
    excused: dict[str, set[str]] = {}
    for name in written:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        except OSError:
            continue
        sessions = set(_BASETEMP.findall(text))
        if sessions and own not in sessions:
            excused[name] = sessions
    for name in written:
        inside = [p for p in written if p != name and Path(p).is_relative_to(name)]
        if Path(name).is_dir() and inside and all(p in excused for p in inside):
            excused[name] = set().union(*(excused[p] for p in inside))
    return excused


def redirect_qsettings(home: Path) -> None:
    """Point every QSettings default path (native and ini, user and system scope) into `home`.
    Environment variables are not enough: Qt reads them once, when the first QSettings is made."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(home / "etc-xdg"))
