"""The bundled demo workspace holds what the issue promises, and the generator builds it again."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from mask_editor.demo import drift as demo_drift
from mask_editor.demo.build import DEMO_NOW, build_demo
from mask_editor.resources import demo_dir
from mask_editor.workspace import MaskState, Workspace
from mask_editor.workspace.drift import fleet


def check_demo(path):
    ws = Workspace(path, read_only=True)
    try:
        assert [c.name for c in ws.cameras()] == ["brison-01", "moussy-02"]
        poses = ws.poses()
        assert len(poses) == 6
        sizes = set()
        states = set()
        ages = []
        for pose in poses:
            image = ws.pose_image(pose.id)
            assert image is not None and image.path.read_bytes()[:3] == b"\xff\xd8\xff"
            sizes.add((image.width, image.height))
            masks = ws.masks(pose.id)
            assert len(masks) >= 2
            states |= {m.state for m in masks}
            states |= {"suspicious" for m in masks if m.suspicious}
            ages += [DEMO_NOW - m.added_at for m in masks]
        assert (3840, 2160) in sizes and len(sizes) >= 3
        assert states >= {*MaskState, "suspicious"}  # every colour of the legend shows
        assert any(a > timedelta(days=120) for a in ages) and any(a < timedelta(days=30) for a in ages)
        check_drift(ws)
    finally:
        ws.close()


def check_drift(ws):
    """One pose's latest image is shifted from the image its masks were drawn on; no other pose is."""
    reports = {d.pose_id: d for d in fleet(ws)}
    assert [p for p, d in reports.items() if d.exceeds] == [demo_drift.POSE_ID]
    group = reports[demo_drift.POSE_ID].main
    width, height = demo_drift.SIZE
    assert group.shift.dx * width == pytest.approx(demo_drift.SHIFT_PX[0], abs=0.5)
    assert group.shift.dy * height == pytest.approx(demo_drift.SHIFT_PX[1], abs=0.5)
    assert len(group.mask_ids) == len(ws.masks(demo_drift.POSE_ID)) >= 2
    assert group.reference.taken_at.date() == date(2026, 10, 3)


def test_bundled_demo_workspace():
    check_demo(demo_dir() / "demo.sqlite")
    ridges = json.loads((demo_dir() / "ridges.json").read_text())
    assert set(ridges) == {"1", "2", "3", "4", "5", "6"}


def test_generator_builds_the_demo(tmp_path):
    check_demo(build_demo(tmp_path / "demo"))
