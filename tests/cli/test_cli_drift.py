"""`mask-editor drift` on a demo copy: the drifted pose is listed first, exit 1; a camera without it, 0."""

from __future__ import annotations

from mask_editor.demo import drift as demo_drift
from tests.cli.helpers import demo_copy, one_json, run_cli


def test_drift_json_lists_the_moved_pose_first_and_exits_1(tmp_path):
    demo = demo_copy(tmp_path)
    done = run_cli("drift", "--json", "--workspace", str(demo), home=tmp_path)
    assert done.returncode == 1, done.stderr
    document = one_json(done)
    assert document["exceeding"] == [demo_drift.POSE_ID]
    first = document["poses"][0]
    width, height = demo_drift.SIZE
    assert first["pose_id"] == demo_drift.POSE_ID and first["exceeds"] is True
    assert abs(first["dx"] * width - demo_drift.SHIFT_PX[0]) < 0.5
    assert abs(first["dy"] * height - demo_drift.SHIFT_PX[1]) < 0.5
    assert first["confidence"] >= 0.5 and first["drawn_on"].startswith("2026-10-03")
    assert {p["pose_id"] for p in document["poses"]} == {1, 2, 3, 4, 5, 6}


def test_drift_table_camera_filter_and_threshold(tmp_path):
    demo = demo_copy(tmp_path)
    text = run_cli("--workspace", str(demo), "drift", home=tmp_path)
    assert text.returncode == 1
    assert "2.1 % right and 0.7 % down" in text.stdout and "moved: check the masks" in text.stdout
    camera_1 = run_cli("--workspace", str(demo), "drift", "--camera", "1", home=tmp_path)
    assert camera_1.returncode == 0 and "0 of 3 poses moved" in camera_1.stdout
    lenient = run_cli("--workspace", str(demo), "drift", "--threshold", "3", "--json", home=tmp_path)
    assert lenient.returncode == 0 and one_json(lenient)["exceeding"] == []
    wrong = run_cli("--workspace", str(demo), "drift", "--threshold", "0", home=tmp_path)
    assert wrong.returncode == 2 and "--threshold" in wrong.stderr
    unknown = run_cli("--workspace", str(demo), "drift", "--camera", "99", "--json", home=tmp_path)
    assert unknown.returncode == 2 and one_json(unknown)["ok"] is False
