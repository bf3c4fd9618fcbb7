"""Starting the app: the smoke run, the demo copy, clear errors for a missing or busy workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mask_editor.core.geometry import Box
from mask_editor.demo.landscape import jpeg_bytes, render_landscape
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.window import app as app_module
from mask_editor.ui.window.app import StartError, demo_copy, open_workspace
from mask_editor.workspace import Workspace
from tests.ui.window_data import IMAGE_SIZE, POSE_A, POSE_B, POSE_C, make_workspace

pytest_plugins = ("tests.ui.window_fixtures",)
ROOT = Path(__file__).resolve().parents[2]


def test_smoke_run_paints_and_says_ok(tmp_path):
    path = make_workspace(tmp_path / "ws.sqlite")
    # --smoke checks that the image region is a picture: the fixture's flat PNGs are not
    view = jpeg_bytes(render_landscape(*IMAGE_SIZE, 3).image)
    with Workspace(path) as ws:
        for pose_id in (POSE_A, POSE_B, POSE_C):
            ws.store_pose_image(pose_id, view, width=IMAGE_SIZE[0], height=IMAGE_SIZE[1])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MASK_EDITOR_SETTINGS": str(tmp_path / "s.ini")}
    env.pop("DISPLAY", None)
    done = subprocess.run([sys.executable, "-m", "mask_editor", "--workspace", str(path), "--smoke"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "smoke ok"


def test_the_window_module_does_not_import_heavy_libraries():
    code = ("import sys; import mask_editor.ui.window.app, mask_editor.ui.window.main_window; "
            "print(','.join(m for m in ('numpy', 'PIL', 'httpx') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_demo_is_copied_to_app_data_once_and_opened(tmp_path, monkeypatch):
    resources = tmp_path / "resources" / "demo"
    resources.mkdir(parents=True)
    make_workspace(resources / "demo.sqlite", signed_in=False)
    monkeypatch.setattr("mask_editor.resources.demo_dir", lambda: resources)
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    copy = demo_copy()
    assert copy == tmp_path / "home" / "demo" / "demo.sqlite" and copy.is_file()
    assert (copy.parent / "demo.sqlite.images").is_dir()
    with Workspace(copy) as ws:
        ws.add_mask(11, Box(0.6, 0.6, 0.7, 0.7))
    assert demo_copy() == copy  # kept: the demo's edits survive a restart
    with Workspace(copy) as ws:
        assert len(ws.masks(11)) == 4


def test_missing_demo_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr("mask_editor.resources.demo_dir", lambda: tmp_path / "nowhere")
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    with pytest.raises(StartError, match="demo workspace is missing"):
        demo_copy()


def test_missing_or_busy_workspace_is_a_clear_error(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    with pytest.raises(StartError, match="There is no workspace at"):
        open_workspace(settings, tmp_path / "nope.sqlite", None, False)
    path = make_workspace(tmp_path / "ws.sqlite")
    holder = Workspace(path, exclusive=True)
    try:
        with pytest.raises(StartError, match="already open") as caught:
            open_workspace(settings, path, None, False)
        assert caught.value.title == "Workspace already open"
    finally:
        holder.close()


def test_last_workspace_is_reopened(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    assert open_workspace(settings, None, None, False) is None  # nothing yet: the empty window
    path = make_workspace(tmp_path / "ws.sqlite")
    settings.set_last_workspace(path)
    ws = open_workspace(settings, None, None, False)
    try:
        assert ws is not None and ws.path == path
    finally:
        ws.close()


def test_run_reports_start_errors_without_a_dialog_in_smoke_mode(tmp_path, monkeypatch, capsys, qapp):
    monkeypatch.setenv("MASK_EDITOR_SETTINGS", str(tmp_path / "s.ini"))
    style, palette = qapp.style().name(), qapp.palette()
    try:
        assert app_module.run(workspace=tmp_path / "missing.sqlite", smoke=True) == 1
    finally:  # run() themes the shared QApplication: put it back for the other tests
        qapp.setStyle(style)
        qapp.setPalette(palette)
    assert "There is no workspace at" in capsys.readouterr().err


def test_import_and_export_are_in_the_file_menu(window):
    file_menu = window.menus["File"]
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import legacy masks…" in texts and "&Export masks…" in texts
    assert window.actions["import_legacy"].shortcut().toString() == "Ctrl+I"


def test_modules_imported_after_the_start_are_not_read_by_pyside(monkeypatch, tmp_path) -> None:
    """skip_feature_scan: PySide6 no longer reads each new module's source at import."""
    import sys

    import PySide6.QtCore  # noqa: F401  (installs PySide's import hook)

    from mask_editor.ui.window.app import skip_feature_scan

    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # put back after the test
    read: list[object] = []
    monkeypatch.setattr("inspect.getsource", lambda obj: read.append(obj) or "import PySide6")
    skip_feature_scan()
    (tmp_path / "scan_probe_module.py").write_text("import PySide6\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "scan_probe_module", raising=False)
    import scan_probe_module  # noqa: F401

    assert feature.pyside_feature_dict.get("scan_probe_module") == -1 and read == []
