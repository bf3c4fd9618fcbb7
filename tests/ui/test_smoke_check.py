"""The pixel checks behind `--smoke` (mask_editor/ui/window/smoke.py), each shown to bite, on a copy of the demo."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from mask_editor.resources import demo_dir
from mask_editor.ui.window.smoke import SmokeFailure, check_window
from tests.ui.window_data import open_window

pytest_plugins = ("tests.ui.window_fixtures",)


def flatten_images(workspace: Path) -> None:
    """Every image one grey JPEG of its recorded size: it decodes, at the right size, and shows nothing."""
    with closing(sqlite3.connect(workspace)) as db:
        rows = db.execute("SELECT sha256, width, height FROM images").fetchall()
    for sha256, width, height in rows:
        flat = QImage(width, height, QImage.Format.Format_RGB32)
        flat.fill(QColor(128, 128, 128))
        path = next(workspace.with_name(workspace.name + ".images").rglob(sha256))
        assert flat.save(str(path), "JPEG")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    workspace = tmp_path / "demo" / "demo.sqlite"
    shutil.copytree(demo_dir(), workspace.parent)
    return workspace


@pytest.fixture
def open_demo(qtbot, demo_path: Path, app_settings):
    opened = []

    def open_it():
        window, ws = open_window(qtbot, demo_path, app_settings)
        opened.append((window, ws))
        return window

    yield open_it
    for window, ws in opened:
        window.close()
        ws.close()


def test_the_demo_passes(qapp, open_demo):
    check_window(qapp, open_demo())


def test_a_pose_image_decoded_off_the_gui_thread_is_waited_for_and_passes(qapp, open_demo, demo_path):
    with closing(sqlite3.connect(demo_path)) as db, db:
        for sha256, width, height in db.execute("SELECT sha256, width, height FROM images").fetchall():
            path = next(demo_path.with_name(demo_path.name + ".images").rglob(sha256))
            assert QImage(str(path)).scaled(2 * width, 2 * height).save(str(path), "JPEG")  # all over 2 Mpx
            db.execute("UPDATE images SET width = ?, height = ? WHERE sha256 = ?", (2 * width, 2 * height, sha256))
    window = open_demo()
    check_window(qapp, window)
    assert not window.canvas.image_pending()


def test_masks_not_painted_fail(qapp, open_demo):
    window = open_demo()
    window.canvas.set_masks_visible(False)
    with pytest.raises(SmokeFailure, match="was not painted"):
        check_window(qapp, window)


def test_a_flat_image_fails(qapp, open_demo, demo_path):
    flatten_images(demo_path)
    with pytest.raises(SmokeFailure, match="flat colour"):
        check_window(qapp, open_demo())
