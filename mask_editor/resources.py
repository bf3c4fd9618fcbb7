"""Finds the resources/ folder wherever the app runs from.

Three layouts: a source checkout (resources/ beside the package), an installed wheel (the folder is
shipped inside the package as mask_editor/resources), and the PyInstaller bundle (sys._MEIPASS).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError(
        "mask_editor cannot find its resources folder (looked in: "
        + ", ".join(str(c) for c in candidates) + "). Reinstall mask_editor."
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def demo_dir() -> Path:
    return resource("demo")


def icon_path(name: str) -> Path:
    return resource("icons", f"{name}.svg")
