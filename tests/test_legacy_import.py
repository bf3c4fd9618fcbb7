"""Legacy import: mapping files to poses, choosing boxes, adding them, and syncing them to the server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the dialog tests; before anything imports Qt

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mask_editor.core.codec import parse_legacy, parse_mask
from mask_editor.migrate.legacy import (
    DEFAULT_TOLERANCE,
    apply_import,
    camera_prefix,
    circular_distance,
    legacy_files,
    match_file,
    plan_import,
)
from mask_editor.workspace import CameraRow, MaskState, PoseRow, Workspace
from tests.cli.helpers import EXPECTED, LEGACY, ON_SERVER, REPO, build_workspace


@pytest.fixture
def ws(tmp_path: Path):
    workspace = build_workspace(tmp_path / "ws.sqlite")
    yield workspace
    workspace.close()


def test_prefix_and_circular_distance():
    assert camera_prefix("nemours-01") == "nemours"
    assert camera_prefix("Saint-Martin-12") == "saint-martin"
    assert camera_prefix("brison") == "brison"
    assert circular_distance(359, 1) == 2
    assert circular_distance(1, 359) == 2
    assert circular_distance(10, 190) == 180
    assert circular_distance(725, 5) == 0


def test_the_folder_plan_matches_every_fixture(ws):
    plan = plan_import(ws, [LEGACY])
    assert sorted(f.path.name for f in plan.files) == sorted(EXPECTED)  # README.txt is not read
    assert [f.path.name for f in plan.files][:4] == ["brison_9.json", "brison_10.json", "brison_12.json",
                                                     "brison_200.json"]
    got = {f.path.name: (f.pose.id if f.pose and f.ok else None, len(f.to_add) if f.ok else 0,
                         len(f.skipped) if f.ok else 0) for f in plan.files}
    assert got == EXPECTED
    problems = {f.path.name: f.problem for f in plan.files if not f.ok}
    assert "not valid JSON" in problems["brison_200.json"]
    assert problems["moussy_270.json"] == "the file is empty"
    assert "ambiguous" in problems["nemours_110.json"] and "100" in problems["nemours_110.json"]
    assert "ambiguous" in problems["brison_10.json"] and "pose 10" in problems["brison_10.json"]
    assert "no camera named unknown-NN" in problems["unknown_45.json"]
    assert "nemours-01" in problems["nemours_7.json"] and "nemours-02" in problems["nemours_7.json"]
    by_name = {f.path.name: f for f in plan.files}
    assert by_name["brison_9.json"].matched_by == "azimuth and pose id"
    assert by_name["moussy_7.json"].matched_by == "pose id"
    assert by_name["nemours_5.json"].matched_by == "azimuth"
    on = {name: (f.camera.name, f.matched_by) for name, f in by_name.items() if f.ok}
    assert on["nemours_300.json"] == ("nemours-02", "azimuth")  # a site's second camera, by azimuth
    assert on["moussy_14.json"] == ("moussy-01", "pose id")  # ... and by pose id
    assert by_name["brison_12.json"].matched_by == "azimuth"  # pose 12 exists, but on another site
    assert "brison_9.json" in by_name["brison_12.json"].skipped[0].reason
    assert plan.to_add == sum(n for _, n, _ in EXPECTED.values()) and plan.poses == {1, 2, 6, 7, 9, 11, 14}


def test_skip_reasons_and_float_noise(ws):
    plan = plan_import(ws, [LEGACY / "nemours_246.json", LEGACY / "moussy_90.json", LEGACY / "moussy_7.json"])
    nemours, moussy90, moussy7 = plan.files
    assert nemours.found == 6
    reasons = sorted(s.reason for s in nemours.skipped)
    assert reasons[0] == "same box as entry '2025-06-06 12:23:45' of this file"
    assert reasons[1] == "the box has zero width or height"
    assert any("clamped" in n for n in nemours.notes)
    assert "already has this box" in moussy90.skipped[0].reason
    # 0.16090000000000002 lands on the grid as 0.161; 4 values are fine
    assert moussy7.to_add[0].box.milli() == (161, 700, 300, 800)
    assert nemours.to_add[0].box.milli() == (161, 520, 235, 610)


def test_apply_adds_masks_with_legacy_times_and_a_second_run_adds_nothing(ws):
    before = {p.id: len(ws.masks(p.id)) for p in ws.poses()}
    plan = apply_import(ws, plan_import(ws, [LEGACY]))
    assert plan.added == sum(n for _, n, _ in EXPECTED.values()) == 14
    masks = ws.masks(1)
    assert len(masks) == 4 and all(m.state is MaskState.NEW for m in masks)
    assert masks[0].added_at == datetime(2025, 6, 6, 12, 23, 45, tzinfo=UTC)
    assert masks[0].text == "(0.161,0.52,0.235,0.61)"
    after = {p.id: len(ws.masks(p.id)) for p in ws.poses()}
    assert sum(after.values()) - sum(before.values()) == 14

    again = apply_import(ws, plan_import(ws, [LEGACY]))
    assert again.added == 0 and again.to_add == 0
    assert {p.id: len(ws.masks(p.id)) for p in ws.poses()} == after


def test_the_dry_run_counts_a_box_two_files_put_on_one_pose_once(ws):
    # brison_9.json (azimuth and pose id 9) and brison_12.json (azimuth 12) land on pose 9, both with
    # the box (0.8,0.8,0.9,0.9): the import adds it once, so the dry run says once
    plan = plan_import(ws, [LEGACY / "brison_9.json", LEGACY / "brison_12.json"])
    assert [len(f.to_add) for f in plan.files] == [1, 1] and plan.to_add == 2 and plan.poses == {9}
    assert plan.files[1].skipped[0].reason == "same box as entry '2025-05-05 05:05:05' of brison_9.json"
    before = len(ws.masks(9))
    assert apply_import(ws, plan).added == 2 and len(ws.masks(9)) == before + 2


def test_an_old_plan_never_adds_a_box_the_pose_got_since(ws):
    plan = plan_import(ws, [LEGACY / "moussy_7.json"])
    assert plan.to_add == 2
    ws.add_mask(7, plan.files[0].to_add[0].box)  # e.g. drawn in the window while the dialog was open
    done = apply_import(ws, plan)
    assert done.added == 1 and len(ws.masks(7)) == 2
    assert "already has this box" in done.files[0].skipped[-1].reason


def test_dry_run_plan_changes_nothing(ws, tmp_path):
    rows = ws.query("SELECT COUNT(*) AS n FROM masks")[0]["n"]
    plan_import(ws, [LEGACY])
    assert ws.query("SELECT COUNT(*) AS n FROM masks")[0]["n"] == rows


def test_a_mask_deleted_here_is_not_brought_back(ws):
    with ws.transaction() as conn:  # pose 6's mask: synced once, now deleted here (waiting for the push)
        conn.execute("UPDATE masks SET server_id = 77, base_x0 = x0, base_y0 = y0, base_x1 = x1, base_y1 = y1, "
                     "base_text = ?, deleted = 1 WHERE pose_id = 6", (ON_SERVER[1],))
    plan = plan_import(ws, [LEGACY / "moussy_90.json"])
    assert len(plan.files[0].to_add) == 1
    assert "deleted here" in plan.files[0].skipped[0].reason


def test_a_new_mask_deleted_here_is_simply_gone(ws):
    apply_import(ws, plan_import(ws, [LEGACY / "moussy_7.json"]))
    ws.delete_masks([ws.masks(7)[0].local_id])  # never synced: removed at once
    assert len(plan_import(ws, [LEGACY / "moussy_7.json"]).files[0].to_add) == 1


def test_explicit_pose_overrides_the_mapping(ws):
    plan = plan_import(ws, [LEGACY / "unknown_45.json", LEGACY / "nemours_110.json"], pose_id=8)
    assert all(f.ok and f.pose.id == 8 and f.matched_by == "--pose" for f in plan.files)
    # both files hold the box (0.1,0.1,0.2,0.2): the first one adds it, the second one skips it
    assert plan.to_add == 1 and [len(f.to_add) for f in plan.files] == [1, 0]
    assert plan.files[1].skipped[0].reason == "same box as entry '2025-05-05 05:05:05' of unknown_45.json"
    assert apply_import(ws, plan).added == 1
    with pytest.raises(LookupError, match="no pose 999"):
        plan_import(ws, [LEGACY], pose_id=999)


def test_tolerance_is_configurable(ws, tmp_path):
    path = tmp_path / "nemours_225.json"  # 15° from the 240° pose
    path.write_text('{"2025-01-01 00:00:00": [0.1, 0.1, 0.2, 0.2]}')
    assert match_file(ws, path, DEFAULT_TOLERANCE).pose is None
    assert match_file(ws, path, 15.0).pose.id == 1


def test_circular_match_across_north(tmp_path):
    with Workspace(tmp_path / "w.sqlite") as w:
        w.save_cameras([CameraRow(1, 1, "pic-01")], [PoseRow(40, 1, 1.0), PoseRow(41, 1, 180.0)])
        path = tmp_path / "pic_359.json"
        path.write_text("{}")
        found = match_file(w, path)
        assert found.pose.id == 40 and found.matched_by == "azimuth"


def _site(tmp_path: Path) -> Workspace:
    """Site `pic` with two cameras looking different ways, and a camera of another site."""
    w = Workspace(tmp_path / "w.sqlite")
    w.save_cameras([CameraRow(1, 1, "pic-01"), CameraRow(2, 1, "pic-02"), CameraRow(3, 1, "col-01")],
                   [PoseRow(1, 1, 10.0), PoseRow(2, 1, 100.0), PoseRow(3, 2, 190.0), PoseRow(4, 2, 30.0),
                    PoseRow(5, 2, 95.0, active=False), PoseRow(400, 2, 250.0), PoseRow(401, 3, 0.0)])
    return w


def _match(w: Workspace, tmp_path: Path, name: str):
    (tmp_path / name).write_text("{}")
    return match_file(w, tmp_path / name)


def test_the_azimuth_picks_the_camera_of_a_site(tmp_path):
    with _site(tmp_path) as w:
        found = [_match(w, tmp_path, name) for name in ("pic_185.json", "pic_12.json", "pic_96.json")]
        assert [(m.camera.name, m.pose.id) for m in found] == [("pic-02", 3), ("pic-01", 1), ("pic-01", 2)]
        # (pose 5 of pic-02, at 95°, is inactive: 96 goes to pic-01's 100°)
        found = _match(w, tmp_path, "Pic_26.json")  # 4° from pose 4 (pic-02), 16° from pose 1 (pic-01)
        assert (found.camera.name, found.pose.id, found.matched_by) == ("pic-02", 4, "azimuth")


def test_equally_near_poses_on_two_cameras_are_ambiguous(tmp_path):
    with _site(tmp_path) as w:
        found = _match(w, tmp_path, "pic_20.json")  # 10° from pose 1 (pic-01) and from pose 4 (pic-02)
        assert found.pose is None and found.camera is None
        assert found.problem == ("ambiguous: poses 1 (pic-01 at 10°) and 4 (pic-02 at 30°) are equally near "
                                 "azimuth 20; use --pose ID")


def test_a_pose_id_is_looked_up_among_all_the_site_s_cameras(tmp_path):
    with _site(tmp_path) as w:
        found = _match(w, tmp_path, "pic_400.json")
        assert (found.camera.name, found.pose.id, found.matched_by) == ("pic-02", 400, "pose id")
        other = _match(w, tmp_path, "pic_401.json")  # pose 401 is col-01's: not this site's
        assert other.pose is None and "pic-01" in other.problem and "pic-02" in other.problem


def test_badly_named_files_and_missing_paths(ws, tmp_path):
    odd = tmp_path / "masks.json"
    odd.write_text("{}")
    plan = plan_import(ws, [odd])
    assert not plan.files[0].ok and "--pose" in plan.files[0].problem
    with pytest.raises(FileNotFoundError):
        legacy_files([tmp_path / "nope"])


# --- end to end against the fake server -------------------------------------------------------------


def test_import_then_sync_puts_the_files_boxes_on_the_server(tmp_path, monkeypatch):
    from mask_editor.cli.main import main
    from tests.cli.helpers import seed_layout
    from tests.fake_pyro_api import FakePyroApi, FakeState

    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")
    state = FakeState(seed=3)
    creds = seed_layout(state)
    folder = tmp_path / "legacy"
    shutil.copytree(LEGACY, folder)
    with FakePyroApi(state) as api:
        monkeypatch.setattr("sys.stdin", _Stdin(creds.password + "\n"))
        assert main(["login", "--server", api.url, "--username", creds.agent, "--password-stdin"]) == 0
        assert main(["pull"]) == 0
        assert main(["import-legacy", str(folder)]) == 1  # some files cannot be imported
        assert main(["sync"]) == 0
        assert main(["import-legacy", "--json", str(folder)]) == 1
        assert main(["sync"]) == 0  # nothing new to send

    server: dict[int, set[tuple[int, int, int, int]]] = {}
    for m in state.masks():
        box = parse_mask(m.mask).box
        server.setdefault(m.pose_id, set()).add(box.milli())
    expected: dict[int, set[tuple[int, int, int, int]]] = {ON_SERVER[0]: {parse_mask(ON_SERVER[1]).box.milli()}}
    for name, (pose_id, _, _) in EXPECTED.items():
        if pose_id is None:
            continue
        entries = parse_legacy((LEGACY / name).read_text(), name).entries
        expected.setdefault(pose_id, set()).update(e.box.milli() for e in entries)
    assert server == expected
    assert len(state.masks()) == 1 + 14  # nothing sent twice


class _Stdin:
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self) -> str:
        return self.text

    def isatty(self) -> bool:
        return False


def test_import_json_output_is_one_document(tmp_path, capsys, monkeypatch):
    from mask_editor.cli.main import main

    build_workspace(tmp_path / "ws.sqlite").close()
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    code = main(["--workspace", str(tmp_path / "ws.sqlite"), "import-legacy", "--dry-run", "--json", str(LEGACY)])
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert code == 1 and doc["dry_run"] is True and doc["to_add"] == 14 and doc["failed"] == 6
    assert doc["poses"] == [1, 2, 6, 7, 9, 11, 14]


def test_the_readme_example_is_what_the_dry_run_prints(tmp_path, capsys, monkeypatch):
    from mask_editor.cli.main import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("   file              camera", 1)[1].split("```", 1)[0].splitlines()[1:]
    rows = [line.strip() for line in block if line.strip()]
    assert rows[-1].startswith("Dry run:")
    build_workspace(tmp_path / "ws.sqlite").close()
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    files = [str(LEGACY / row.split()[0]) for row in rows[:-1]]
    main(["--workspace", str(tmp_path / "ws.sqlite"), "import-legacy", "--dry-run", *files])
    printed = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip()]
    for row in rows:  # a row of the README may end in "(...)" where the real one goes on
        assert any(line == row or (row.endswith(" (...)") and line.startswith(row[:-5])) for line in printed), row


# --- the dialog (File > Import legacy masks...) ---------------------------------------------------------


def test_import_dialog_plans_then_imports(ws, qtbot):
    from mask_editor.ui.dialogs.import_legacy import ImportDialog

    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.set_paths([LEGACY])
    assert dialog.table.rowCount() == len(EXPECTED)
    assert "14 boxes to add to 7 poses" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    before = {p.id: len(ws.masks(p.id)) for p in ws.poses()}
    dialog.do_import()
    assert dialog.imported_poses == {1, 2, 6, 7, 9, 11, 14}
    assert dialog.result() == 0  # still open: it says what was imported before it closes
    assert "14 masks imported on 7 poses" in dialog.summary.text()
    assert "6 files could not be imported" in dialog.summary.text()
    assert not dialog.import_button.isVisible() or not dialog.import_button.isEnabled()
    after = {p.id: len(ws.masks(p.id)) for p in ws.poses()}
    assert after[1] == before[1] + 4 and sum(after.values()) == sum(before.values()) + 14  # as the summary said
    again = ImportDialog(ws)
    qtbot.addWidget(again)
    again.set_paths([LEGACY])
    assert not again.import_button.isEnabled()  # everything is already there


def test_the_import_dialog_speaks_the_window_s_words(ws, qtbot, tmp_path):
    from mask_editor.ui.dialogs.import_legacy import ImportDialog

    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.set_paths([LEGACY])
    why = [dialog.table.item(row, dialog.table.columnCount() - 1) for row in range(dialog.table.rowCount())]
    texts = [item.text() + item.toolTip() for item in why]
    assert any("Put the boxes on" in t for t in texts)
    assert not any("--pose" in t or "--azimuth-tolerance" in t for t in texts)
