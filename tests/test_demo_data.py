"""The bundled demo workspace holds what the issue promises, and the generator builds it again."""

from __future__ import annotations

import json
from datetime import timedelta

from mask_editor.demo.build import DEMO_NOW, build_demo
from mask_editor.resources import demo_dir
from mask_editor.workspace import MaskState, Workspace


def check_demo(path):
    ws = Workspace(path, read_only=True)
    try:
        assert [c.name for c in ws.cameras()] == ["brison-01", "moussy-02"]
        poses = ws.poses()
        assert len(poses) == 5
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
    finally:
        ws.close()


def test_bundled_demo_workspace():
    check_demo(demo_dir() / "demo.sqlite")
    ridges = json.loads((demo_dir() / "ridges.json").read_text())
    assert set(ridges) == {"1", "2", "3", "4", "5"}


def test_generator_builds_the_demo(tmp_path):
    check_demo(build_demo(tmp_path / "demo"))
