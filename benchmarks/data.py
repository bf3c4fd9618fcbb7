"""Inputs of the benchmarks: synthetic JPEGs (mask_editor.demo.landscape) and workspaces.

Rendering a 4K landscape takes a few seconds, so JPEGs are kept in a cache folder between runs
(they are deterministic: same size and seed, same bytes). Large sizes are rendered at 3840x2160
at most and upscaled with Pillow: decoding costs the same, and a 8K numpy render would need
gigabytes on a shared 2-core machine.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from mask_editor.core.geometry import Box
from mask_editor.workspace import Account, CameraRow, PoseRow, Workspace

RENDER_MAX = (3840, 2160)


def cache_dir() -> Path:
    path = Path(os.environ.get("MASK_EDITOR_BENCH_CACHE") or Path(tempfile.gettempdir()) / "mask_editor_bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def landscape_jpeg(width: int, height: int, seed: int = 1, variant: int = 0) -> bytes:
    """A baseline JPEG of a synthetic view. `variant` shifts the picture sideways, so many poses get
    distinct bytes (the image cache is content-addressed) from one rendering."""
    path = cache_dir() / f"landscape-{width}x{height}-s{seed}-v{variant}.jpg"
    if path.is_file():
        return path.read_bytes()
    import numpy as np
    from PIL import Image

    from mask_editor.demo.landscape import jpeg_bytes, render_landscape

    if variant:
        base = Image.open(io.BytesIO(landscape_jpeg(width, height, seed)))
        pixels = np.roll(np.asarray(base.convert("RGB")), variant * 37, axis=1)
    elif width <= RENDER_MAX[0] and height <= RENDER_MAX[1]:
        pixels = render_landscape(width, height, seed).image
    else:
        scale = min(RENDER_MAX[0] / width, RENDER_MAX[1] / height)
        small = render_landscape(round(width * scale), round(height * scale), seed).image
        pixels = np.asarray(Image.fromarray(small).resize((width, height), Image.Resampling.BICUBIC))
    data = jpeg_bytes(pixels)
    partial = path.with_name(path.name + f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return data


def new_workspace(path: Path, images: list[tuple[int, bytes, int, int]], poses_per_camera: int = 10) -> Path:
    """A signed-in admin workspace; `images` lists (pose_id, jpeg, width, height), one pose each."""
    with Workspace(path) as ws:
        ws.set_account(Account("https://bench.invalid", "bench", 1, "admin", 1))
        ws.set_organization(1, "Bench")
        cameras = sorted({1 + i // poses_per_camera for i in range(len(images))})
        ws.save_cameras([CameraRow(c, 1, f"cam-{c:02d}") for c in cameras],
                        [PoseRow(pose_id, 1 + i // poses_per_camera, (i % poses_per_camera) * 36.0)
                         for i, (pose_id, *_rest) in enumerate(images)])
        for pose_id, data, width, height in images:
            ws.store_pose_image(pose_id, data, width=width, height=height)
    return path


def grid_boxes(count: int, margin: int = 10) -> list[Box]:
    """`count` small masks tiled over the image (in thousandths), apart from a free border where a
    rubber band can start."""
    columns = max(1, round((count * 16 / 9) ** 0.5))
    rows = -(-count // columns)
    span_x, span_y = (1000 - 2 * margin) // columns, (1000 - 2 * margin) // rows
    boxes = []
    for i in range(count):
        x0, y0 = margin + (i % columns) * span_x, margin + (i // columns) * span_y
        boxes.append(Box.from_milli((x0, y0, x0 + max(1, span_x - 2), y0 + max(1, span_y - 2))))
    return boxes


def mark_synced(ws: Workspace, pose_id: int, every: int = 2) -> None:
    """Make every `every`-th mask look pulled from a server (another look on the canvas)."""
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET server_id = local_id + 100000, server_created_at = added_at, "
                     "base_x0 = x0, base_y0 = y0, base_x1 = x1, base_y1 = y1, "
                     "base_text = '(' || (x0 / 1000.0) || ',' || (y0 / 1000.0) || ',' || (x1 / 1000.0) || ',' "
                     "|| (y1 / 1000.0) || ')' WHERE pose_id = ? AND local_id % ? = 0", (pose_id, every))
