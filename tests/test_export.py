"""Exports: PNG rasters checked pixel for pixel, tables that parse back, legacy JSON, atomic writes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the dialog tests; before anything imports Qt

import csv
import json
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mask_editor.core.codec import parse_legacy
from mask_editor.migrate.export import (
    TABLE_FIELDS,
    ExportError,
    ExportFormat,
    atomic_write,
    export_camera,
    export_pose,
    scaled_size,
)
from mask_editor.migrate.legacy import plan_import
from mask_editor.workspace import MaskState, Workspace
from tests.cli.helpers import demo_copy


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace(demo_copy(tmp_path))
    yield workspace
    workspace.close()


def covered(lo_milli: int, hi_milli: int, size: int) -> list[int]:
    """The documented rule, written the other way: pixel i is covered when its centre i + 1/2 lies in
    (lo * size, hi * size], exact fractions, one pixel at a time."""
    lo, hi = Fraction(lo_milli, 1000) * size, Fraction(hi_milli, 1000) * size
    return [i for i in range(size) if lo < Fraction(2 * i + 1, 2) <= hi]


def expected_raster(ws: Workspace, pose_id: int, width: int, height: int) -> np.ndarray:
    out = np.zeros((height, width), dtype=bool)
    for mask in ws.masks(pose_id):
        if mask.state is MaskState.DELETED or mask.box is None:
            continue
        x0, y0, x1, y1 = mask.box.milli()
        cols = covered(x0, x1, width)
        for row in covered(y0, y1, height):
            for col in cols:
                out[row, col] = True
    return out


def read_png(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        assert image.format == "PNG" and image.mode == "1"  # 1-bit
        return np.array(image.convert("L")) == 255


@pytest.mark.parametrize("pose_id", [1, 3])
def test_png_matches_the_boxes_pixel_for_pixel(ws, tmp_path, pose_id):
    image = ws.pose_image(pose_id)
    out = tmp_path / f"pose{pose_id}.png"
    export_pose(ws, pose_id, ExportFormat.PNG, out)
    got = read_png(out)
    assert got.shape == (image.height, image.width)
    assert np.array_equal(got, expected_raster(ws, pose_id, image.width, image.height))
    assert got.any()


def test_png_scaled_to_25_percent(ws, tmp_path):
    image = ws.pose_image(1)
    out = tmp_path / "small.png"
    export_pose(ws, 1, ExportFormat.PNG, out, scale=25)
    got = read_png(out)
    assert got.shape == (image.height // 4, image.width // 4) == (540, 960)
    assert np.array_equal(got, expected_raster(ws, 1, 960, 540))


def test_deleted_masks_are_not_drawn_and_conflicts_are_ours(ws, tmp_path):
    masks = {m.local_id: m for m in ws.masks(3)}
    assert masks[7].state is MaskState.DELETED and masks[8].state is MaskState.CONFLICT
    export_pose(ws, 3, ExportFormat.PNG, tmp_path / "p3.png")
    got = read_png(tmp_path / "p3.png")
    image = ws.pose_image(3)
    deleted_only = expected_raster_for(masks[7], image.width, image.height)
    ours = expected_raster_for(masks[8], image.width, image.height)
    assert not (got & deleted_only & ~ours).any()
    assert (got[ours]).all()


def expected_raster_for(mask, width: int, height: int) -> np.ndarray:
    out = np.zeros((height, width), dtype=bool)
    x0, y0, x1, y1 = mask.box.milli()
    rows, cols = covered(y0, y1, height), covered(x0, x1, width)
    out[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1] = True
    return out


def test_scaled_size_rule():
    assert scaled_size(3840, 2160, 25) == (960, 540)
    assert scaled_size(1281, 721, 50) == (641, 361)  # halves round up
    assert scaled_size(100, 100, 0.1) == (1, 1)
    with pytest.raises(ExportError):
        scaled_size(100, 100, 0)


def test_csv_and_json_tables_parse_back(ws, tmp_path):
    export_pose(ws, 3, ExportFormat.CSV, tmp_path / "p3.csv")
    export_pose(ws, 3, ExportFormat.JSON, tmp_path / "p3.json")
    with open(tmp_path / "p3.csv", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == TABLE_FIELDS
        rows = list(reader)
    doc = json.loads((tmp_path / "p3.json").read_text())
    assert [r["local_id"] for r in rows] == ["8"] and [r["local_id"] for r in doc] == [8]  # 7 is deleted
    row, item = rows[0], doc[0]
    mask = ws.mask(8)
    assert row["state"] == item["state"] == "conflict"
    assert "our version" in row["note"] and row["note"] == item["note"]
    assert row["mask"] == item["mask"] == mask.text
    assert (float(row["xmin"]), float(row["ymax"])) == (item["xmin"], item["ymax"]) == (mask.box.xmin, mask.box.ymax)
    assert item["server_id"] == int(row["server_id"]) == 127
    assert item["camera"] == "brison-01" and item["pose_id"] == 3
    assert datetime.fromisoformat(item["added_at"].replace("Z", "+00:00")) == mask.added_at
    assert item["added_at"].endswith("Z") and item["server_created_at"].endswith("Z")

    export_pose(ws, 1, ExportFormat.JSON, tmp_path / "p1.json")
    new = [r for r in json.loads((tmp_path / "p1.json").read_text()) if r["state"] == "new"]
    assert new and new[0]["server_id"] is None and new[0]["server_created_at"] is None


def test_legacy_json_round_trip(ws, tmp_path):
    export_pose(ws, 1, ExportFormat.LEGACY_JSON, tmp_path / "brison_45.json")
    entries = parse_legacy((tmp_path / "brison_45.json").read_text(), "x").entries
    masks = [m for m in ws.masks(1) if m.state is not MaskState.DELETED]
    assert sorted(e.box.milli() for e in entries) == sorted(m.box.milli() for m in masks)
    assert sorted(e.added_at for e in entries) == sorted(m.added_at.astimezone(UTC) for m in masks)


def test_camera_export_names_and_reimport_adds_nothing(ws, tmp_path):
    result = export_camera(ws, 1, ExportFormat.LEGACY_JSON, tmp_path / "out")
    names = sorted(f.path.name for f in result.files)
    assert names == ["brison_135.json", "brison_225.json", "brison_45.json"]
    plan = plan_import(ws, [tmp_path / "out"])
    assert all(f.ok for f in plan.files) and plan.to_add == 0  # each file maps back to its own pose

    pngs = export_camera(ws, 2, ExportFormat.PNG, tmp_path / "png", scale=10)
    assert sorted(f.path.name for f in pngs.files) == ["moussy-02_4.png", "moussy-02_5.png", "moussy-02_6.png"]
    csvs = export_camera(ws, 2, ExportFormat.CSV, tmp_path / "csv")
    assert sorted(f.path.name for f in csvs.files) == ["moussy-02_4.csv", "moussy-02_5.csv", "moussy-02_6.csv"]


def test_png_without_a_cached_image_fails_before_writing(ws, tmp_path):
    with ws.transaction() as conn:
        conn.execute("UPDATE poses SET image_sha256 = NULL WHERE id = 5")
    with pytest.raises(ExportError, match="no image"):
        export_camera(ws, 2, ExportFormat.PNG, tmp_path / "png")
    assert not (tmp_path / "png").exists() or not any((tmp_path / "png").iterdir())


def test_a_failing_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "masks.json"
    target.write_text("old content")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new content that never lands")
    assert target.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["masks.json"]  # no temporary file left behind


def test_a_failing_export_leaves_the_old_file_intact(ws, tmp_path, monkeypatch):
    target = tmp_path / "pose1.csv"
    target.write_text("old export")

    def broken_replace(src, dst) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        export_pose(ws, 1, ExportFormat.CSV, target)
    assert target.read_text() == "old export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_errors_are_plain(ws, tmp_path):
    with pytest.raises(ExportError, match="no pose 99"):
        export_pose(ws, 99, ExportFormat.PNG, tmp_path / "x.png")
    with pytest.raises(ExportError, match="is a folder"):
        export_pose(ws, 1, ExportFormat.PNG, tmp_path)
    with pytest.raises(ExportError, match="no camera 9"):
        export_camera(ws, 9, ExportFormat.PNG, tmp_path / "d")


def test_edges_on_pixel_centres_follow_the_rule():
    """At 10 px, 0.05 and 0.25 fall exactly on the centres of pixels 0 and 2: pixel 0 is out, pixel 2 in."""
    from mask_editor.core.geometry import Box
    from mask_editor.migrate.export import mask_raster
    from mask_editor.workspace import Mask

    mask = Mask(1, 1, Box(0.05, 0.05, 0.25, 0.25), datetime(2025, 1, 1, tzinfo=UTC))
    raster = mask_raster([mask], 10, 10)
    assert covered(50, 250, 10) == [1, 2]
    assert np.argwhere(raster.any(axis=0)).ravel().tolist() == [1, 2]
    assert np.argwhere(raster.any(axis=1)).ravel().tolist() == [1, 2]
    thin = Mask(2, 1, Box(0.01, 0.01, 0.02, 0.02), datetime(2025, 1, 1, tzinfo=UTC))
    assert not mask_raster([thin], 10, 10).any()  # narrower than a pixel: covers no centre


# --- the dialog (File > Export...) ----------------------------------------------------------------------


def test_export_dialog_writes_a_scaled_png_and_a_camera_folder(ws, tmp_path, qtbot):
    from mask_editor.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(ws, 1)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.PNG))
    dialog.scale.setValue(25)
    dialog.output.setText(str(tmp_path / "p1.png"))
    dialog.do_export()
    assert dialog.result is not None and read_png(tmp_path / "p1.png").shape == (540, 960)

    camera = ExportDialog(ws, 1)
    qtbot.addWidget(camera)
    camera.whole_camera.setChecked(True)
    camera.format.setCurrentIndex(camera.format.findData(ExportFormat.LEGACY_JSON))
    assert not camera.scale.isEnabled()
    camera.output.setText(str(tmp_path / "legacy"))
    camera.do_export()
    assert sorted(p.name for p in (tmp_path / "legacy").iterdir()) == [
        "brison_135.json", "brison_225.json", "brison_45.json"]


def test_a_plain_string_format_is_understood(ws, tmp_path):
    export_pose(ws, 1, "png", tmp_path / "p.png", scale=10)  # type: ignore[arg-type]
    assert read_png(tmp_path / "p.png").shape == (216, 384)
