"""Where workspaces live: the platform's app-data folder, one file per server + account."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

APP_DIR_NAME = "mask_editor"


def app_data_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, %APPDATA% on Windows)."""
    override = os.environ.get("MASK_EDITOR_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def workspace_path(server_url: str, username: str) -> Path:
    """e.g. ~/.local/share/mask_editor/workspaces/api.pyronear.org__alice.sqlite"""
    host = urlsplit(server_url).netloc or server_url
    name = f"{_slug(host)}__{_slug(username)}.sqlite"
    return app_data_dir() / "workspaces" / name


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "_"


def workspaces_of(server_url: str) -> list[Path]:
    """The workspace files kept for `server_url`, one per account that signed in there."""
    prefix = workspace_path(server_url, "_").name.split("__")[0]
    return sorted(app_data_dir().joinpath("workspaces").glob(f"{prefix}__*.sqlite"))


def last_signed_in_file() -> Path:
    return app_data_dir() / "last_workspace"


def remember_signed_in(path: Path) -> None:
    """Record the workspace of the last sign-in (window or `login`): the commands' default."""
    from mask_editor.workspace.atomic import atomic_write

    target = last_signed_in_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, (str(Path(path).resolve()) + "\n").encode(), mode=0o600)


def last_signed_in() -> Path | None:
    try:
        text = last_signed_in_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None
