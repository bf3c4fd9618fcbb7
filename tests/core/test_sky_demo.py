"""The sky helper finds the known ridge line of every bundled demo image (issue: sky helper)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from mask_editor.core.sky import estimate_sky
from mask_editor.resources import demo_dir
from mask_editor.workspace import Workspace

# Stated tolerance, as a fraction of the image height.
MEDIAN_TOLERANCE = 0.015
P95_TOLERANCE = 0.04


@pytest.mark.parametrize("pose_id", [1, 2, 3, 4, 5, 6])
def test_sky_helper_finds_the_demo_ridge(pose_id):
    ridges = json.loads((demo_dir() / "ridges.json").read_text())
    ws = Workspace(demo_dir() / "demo.sqlite", read_only=True)
    image_row = ws.pose_image(pose_id)
    ws.close()
    with Image.open(image_row.path) as image:
        image.draft("RGB", (image.width // 4, image.height // 4))  # JPEG's cheap scaled decode
        pixels = np.asarray(image.convert("RGB"))
    estimate = estimate_sky(pixels)
    known = np.asarray(ridges[str(pose_id)])
    # The estimate is in pixels of the decoded (scaled) image: bring both to fractions of the height.
    found = np.interp(np.linspace(0, 1, known.size), np.linspace(0, 1, estimate.ridge.size), estimate.ridge)
    error = np.abs(found / pixels.shape[0] - known / image_row.height)
    assert np.median(error) <= MEDIAN_TOLERANCE, f"median error {np.median(error):.4f}"
    assert np.percentile(error, 95) <= P95_TOLERANCE, f"95th percentile {np.percentile(error, 95):.4f}"
