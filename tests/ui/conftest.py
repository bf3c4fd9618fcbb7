"""Fixtures for widget tests: a real workspace file with a camera, two poses, cached JPEGs and masks
in every sync state; a PoseDocument on it; a shown CanvasView."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace import CameraRow, PoseRow, Workspace

POSE_A, POSE_B = 101, 102  # 1280x720 and 640x360
SIZES = {POSE_A: (1280, 720), POSE_B: (640, 360)}


def landscape(width: int, height: int, seed: int = 7) -> bytes:
    """A JPEG that looks like a camera view: bright sky on top, a dark forested ridge below, with
    texture so outlines are judged on real-looking contrast."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, height)[:, None]
    x = np.linspace(0, 1, width)[None, :]
    sky = np.stack([170 + 70 * (1 - y) + 0 * x, 200 + 50 * (1 - y) + 0 * x, 235 + 20 * (1 - y) + 0 * x], -1)
    forest = np.stack([25 + 0 * x + 20 * y, 50 + 0 * x + 25 * y, 30 + 0 * x + 10 * y], -1)
    ridge = 0.55 + 0.08 * np.sin(x * 9) + 0.04 * np.sin(x * 23 + 1)
    img = np.where((y > ridge)[..., None], forest, sky)
    img += rng.normal(0, 9, img.shape) * (y > ridge)[..., None]  # foliage noise only below the ridge
    cloud = np.exp(-(((x - 0.3) / 0.12) ** 2 + ((y - 0.2) / 0.05) ** 2))[..., None]
    img = img * (1 - cloud) + 250 * cloud
    out = io.BytesIO()
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=90)
    return out.getvalue()


@dataclass
class Seeded:
    """The workspace and the local ids of its masks by name."""

    path: Path
    workspace: Workspace
    ids: dict[str, int]
    pose_a: int = POSE_A  # 1280x720, one mask in each state
    pose_b: int = POSE_B  # 640x360, one new mask


def _mark(ws: Workspace, local_id: int, *, server_id: int, base: Box | None = None, deleted: bool = False,
          conflict: str | None = None, notes: str = "") -> None:
    mask = ws.mask(local_id)
    assert mask is not None and mask.box is not None
    base = base or mask.box
    with ws.transaction() as conn:
        conn.execute(
            "UPDATE masks SET server_id=?, base_x0=?, base_y0=?, base_x1=?, base_y1=?, base_text=?, deleted=?,"
            " conflict=?, theirs_text=?, notes=? WHERE local_id=?",
            (server_id, *base.milli(), format_mask(base), int(deleted), conflict,
             format_mask(base) if conflict else None, notes, local_id),
        )


def seed_workspace(path: Path) -> Seeded:
    ws = Workspace(path)
    ws.save_cameras([CameraRow(1, 1, "Brison tower")],
                    [PoseRow(POSE_A, 1, 45.0), PoseRow(POSE_B, 1, 135.0)])
    for pose, (w, h) in SIZES.items():
        ws.store_pose_image(pose, landscape(w, h, seed=pose), width=w, height=h)
    boxes = {  # sky masks on bright areas, forest masks on dark ones
        "synced": Box(0.05, 0.1, 0.25, 0.3),
        "new": Box(0.3, 0.1, 0.45, 0.25),
        "edited": Box(0.5, 0.08, 0.7, 0.22),
        "conflict": Box(0.75, 0.1, 0.95, 0.3),
        "deleted": Box(0.05, 0.7, 0.25, 0.9),
        "suspicious": Box(0.3, 0.7, 0.5, 0.85),
        "forest_synced": Box(0.55, 0.72, 0.7, 0.92),
        "forest_new": Box(0.75, 0.75, 0.9, 0.95),
    }
    rows = ws.add_masks(POSE_A, list(boxes.values()))
    ids = {name: row.local_id for name, row in zip(boxes, rows, strict=True)}
    _mark(ws, ids["synced"], server_id=1)
    _mark(ws, ids["forest_synced"], server_id=2)
    _mark(ws, ids["edited"], server_id=3, base=Box(0.5, 0.08, 0.68, 0.2))
    _mark(ws, ids["conflict"], server_id=4, base=Box(0.76, 0.1, 0.95, 0.3), conflict="server_edited")
    _mark(ws, ids["deleted"], server_id=5, deleted=True)
    _mark(ws, ids["suspicious"], server_id=6, notes="had 4 decimals")
    (other,) = ws.add_masks(POSE_B, [Box(0.1, 0.1, 0.4, 0.4)])
    ids["pose_b"] = other.local_id
    return Seeded(path, ws, ids)


@pytest.fixture
def seeded(tmp_path: Path):
    s = seed_workspace(tmp_path / "demo.sqlite")
    yield s
    s.workspace.close()


@pytest.fixture
def document(qapp, seeded: Seeded):
    from mask_editor.ui.editing.document import PoseDocument

    return PoseDocument(seeded.workspace, POSE_A)


@pytest.fixture
def canvas(qtbot, document):
    """A shown 800x450 canvas on pose A (1280x720), fitted."""
    from mask_editor.ui.canvas import CanvasView

    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(800, 450)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document)
    return view
