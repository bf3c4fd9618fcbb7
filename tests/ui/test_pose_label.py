"""One name for a pose on every surface: tree, window title, dialogs, review, CLI and exports all
show core.labels.pose_label's 'brison · pose 11 · 246°'."""

from __future__ import annotations

from mask_editor.cli.main import main as cli_main
from mask_editor.core.labels import pose_label
from mask_editor.migrate.export import ExportFormat, export_pose
from mask_editor.sync.plan import plan
from mask_editor.ui.dialogs.export import ExportDialog
from mask_editor.ui.dialogs.import_legacy import ImportDialog
from tests.ui.window_data import POSE_A, open_window

pytest_plugins = ("tests.ui.window_fixtures",)

NAME = "brison · pose 11 · 246°"


def test_pose_label_carries_camera_id_and_azimuth():
    assert pose_label("brison", 11, 246.0) == NAME
    assert pose_label("brison", 11, 246.5) == "brison · pose 11 · 246.5°"
    assert pose_label(None, 11, None) == "pose 11 · unknown azimuth"


def test_every_surface_names_the_pose_the_same_way(qtbot, ws_path, app_settings, tmp_path, capsys):
    window, ws = open_window(qtbot, ws_path, app_settings)
    try:
        assert window.document.pose_id == POSE_A
        assert window.browser.index_of(POSE_A).data() == NAME  # the tree
        assert window.windowTitle().startswith(NAME)  # the window title
        export = ExportDialog(ws, POSE_A, window)
        qtbot.addWidget(export)
        assert NAME in export.this_pose.text()
        legacy = ImportDialog(ws, window)
        qtbot.addWidget(legacy)
        assert NAME in [legacy.pose.itemText(i) for i in range(legacy.pose.count())]
        assert NAME in [p.title for p in plan(ws).poses]  # the review before a push
        result = export_pose(ws, POSE_A, ExportFormat.CSV, tmp_path / "a.csv")
        assert result.files[0].pose == NAME  # exports
    finally:
        window.close()
        ws.close()
    capsys.readouterr()
    assert cli_main(["masks", str(POSE_A), "--workspace", str(ws_path)]) == 0
    assert capsys.readouterr().out.startswith(f"{NAME}: 3 masks")
    assert cli_main(["export", "--pose", str(POSE_A), "--format", "csv", "--output", str(tmp_path / "b.csv"),
                     "--workspace", str(ws_path)]) == 0
    assert f": {NAME}, 3 masks" in capsys.readouterr().out
