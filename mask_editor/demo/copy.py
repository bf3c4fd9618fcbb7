"""The per-user copy of the bundled demo workspace, shared by the window's and the commands' --demo.

The files in resources/demo are tracked (and installed read-only): edits made while trying the app
go to this copy in the app-data folder, which is kept, so they survive a restart.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DEMO_FILE = "demo.sqlite"


class DemoMissing(FileNotFoundError):
    """This installation has no demo workspace; the message says what to do."""


def demo_copy() -> Path:
    """The copy, made from resources/demo on first use."""
    from mask_editor import resources
    from mask_editor.workspace.paths import app_data_dir

    try:
        source = resources.demo_dir() / DEMO_FILE
    except FileNotFoundError as exc:
        raise DemoMissing(str(exc)) from exc
    target_dir = app_data_dir() / "demo"
    target = target_dir / DEMO_FILE
    if target.is_file():
        return target
    if not source.is_file():
        raise DemoMissing(f"The demo workspace is missing from this installation (expected {source}). "
                          "In a source checkout, run `make demo-data` to build it.")
    target_dir.mkdir(parents=True, exist_ok=True)
    images = source.with_name(source.name + ".images")
    if images.is_dir():
        shutil.copytree(images, target.with_name(target.name + ".images"), dirs_exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)  # copied under another name first: an interrupted copy is not a demo
    os.replace(partial, target)
    return target
