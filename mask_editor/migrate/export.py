"""Exports of a pose's masks: legacy JSON, a binary PNG raster, and CSV/JSON tables. No Qt.

What is exported: the masks the pose will have after the next push, with our version of each box.
Masks deleted here (waiting to be deleted on the server) are left out; a mask in conflict is
exported as we have it, and the tables say so in `state` and `note`. A mask whose server text
cannot be read as a box has nothing to draw and is left out (counted in `unreadable`).

PNG raster rule (white 255 = masked, black 0 = not; 1-bit PNG). A box covers the pixel columns
`floor(xmin*W + 0.5) .. floor(xmax*W + 0.5) - 1` and the rows `floor(ymin*H + 0.5) ..
floor(ymax*H + 0.5) - 1`: each edge is rounded to the nearest pixel boundary (halves up), i.e. a
pixel is covered when its centre lies in (xmin*W, xmax*W] x (ymin*H, ymax*H]. Computed in integers
from the box's thousandths, so no float noise. A thin box may cover no pixel at a small size.
With a scale of P percent the raster is W' = max(1, floor(W*P/100 + 0.5)) wide (H' likewise) and
the same rule is applied at W' x H' (boxes are re-drawn, not the full-size raster shrunk).

Files, per camera (one file per pose, in a folder): `<prefix>_<azimuth>.json` for legacy JSON
(the legacy scheme: prefix = camera name without `-NN`; the pose id instead of the azimuth when two
poses would share a name or the azimuth is unknown), `<camera>_<pose id>.png|csv|json` otherwise.
Every write is atomic: a temporary file in the same folder, fsync, os.replace.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from mask_editor.core.codec import format_legacy
from mask_editor.core.geometry import GRID
from mask_editor.core.labels import pose_label
from mask_editor.workspace import CameraRow, Mask, MaskState, PoseRow, Workspace
from mask_editor.workspace.atomic import atomic_write

TABLE_FIELDS = ("local_id", "server_id", "pose_id", "camera_id", "camera", "mask", "xmin", "ymin", "xmax",
                "ymax", "added_at", "server_created_at", "state", "note")


class ExportFormat(StrEnum):
    LEGACY_JSON = "legacy-json"
    PNG = "png"
    CSV = "csv"
    JSON = "json"


class ExportProblem(StrEnum):
    """Why an export cannot be made: the window words each kind (ui/dialogs/export.py), the CLI the message."""

    NO_POSE = "no pose"  # `target`: the pose id
    NO_CAMERA = "no camera"  # `target`: the camera id
    BAD_SCALE = "bad scale"  # `scale`
    NO_IMAGE = "no image"  # `poses`: the poses without an image (one for a pose's export), of `camera`
    OUTPUT_IS_FOLDER = "output is a folder"  # `path`
    NO_FOLDER = "no folder"  # `path`: the folder that does not exist
    OUTPUT_IS_FILE = "output is a file"  # `path`: a file where a camera's folder should be
    NO_ACTIVE_POSE = "no active pose"  # `camera`


class ExportError(RuntimeError):
    """The export cannot be made; the message says why in plain words (the CLI's), `kind` and the fields
    the facts for the window."""

    def __init__(self, message: str, kind: ExportProblem, *, target: int = 0, scale: float = 0.0,
                 poses: tuple[PoseRow, ...] = (), camera: str = "", path: Path | None = None) -> None:
        super().__init__(message)
        self.kind, self.target, self.scale, self.poses, self.camera, self.path = (
            kind, target, scale, poses, camera, path)


class ExportTargetMissing(ExportError):
    """The pose or camera to export is not in the workspace."""


@dataclass(slots=True)
class ExportedFile:
    path: Path
    pose_id: int
    masks: int
    unreadable: int = 0  # masks left out because their server text is not a box
    pose: str = ""  # the pose's name (core.labels.pose_label), as the editor and the CLI show it


@dataclass(slots=True)
class ExportResult:
    files: list[ExportedFile] = field(default_factory=list)


def pose_name(ws: Workspace, pose: PoseRow) -> str:
    """'brison · pose 11 · 246°': the one name of a pose (core.labels)."""
    camera = ws.camera(pose.camera_id)
    return pose_label(camera.name if camera else None, pose.id, pose.azimuth)


# --- what gets exported --------------------------------------------------------------------------


def exported_masks(ws: Workspace, pose_id: int) -> tuple[list[Mask], int]:
    """The pose's masks to export (deleted ones left out) and how many were unreadable."""
    kept = [m for m in ws.masks(pose_id) if m.state is not MaskState.DELETED]
    readable = [m for m in kept if m.box is not None]
    return readable, len(kept) - len(readable)


def legacy_json(masks: list[Mask]) -> str:
    return format_legacy([(m.added_at, m.box) for m in masks if m.box is not None])


def scaled_size(width: int, height: int, percent: float = 100.0) -> tuple[int, int]:
    if not 0 < percent <= 100:
        raise ExportError(f"The scale must be between 0 and 100 percent, got {percent:g}.", ExportProblem.BAD_SCALE,
                          scale=percent)
    return (max(1, int(width * percent / 100 + 0.5)), max(1, int(height * percent / 100 + 0.5)))


def pixel_span(milli_lo: int, milli_hi: int, size: int) -> tuple[int, int]:
    """First and one-past-last pixel covered along one axis: floor(v*size + 0.5), in integers."""
    return ((milli_lo * size + GRID // 2) // GRID, (milli_hi * size + GRID // 2) // GRID)


def mask_raster(masks: list[Mask], width: int, height: int):  # -> numpy bool array (height, width)
    import numpy as np  # here, not at the top: `mask-editor status` should not pay for numpy

    raster = np.zeros((height, width), dtype=bool)
    for mask in masks:
        if mask.box is None:
            continue
        x0, y0, x1, y1 = mask.box.milli()
        c0, c1 = pixel_span(x0, x1, width)
        r0, r1 = pixel_span(y0, y1, height)
        raster[r0:r1, c0:c1] = True
    return raster


def png_bytes(masks: list[Mask], width: int, height: int) -> bytes:
    from PIL import Image

    image = Image.fromarray(mask_raster(masks, width, height))  # a bool array gives a 1-bit image
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def table_rows(ws: Workspace, masks: list[Mask]) -> list[dict[str, object]]:
    cameras: dict[int, CameraRow | None] = {}
    rows = []
    for m in masks:
        pose = ws.pose(m.pose_id)
        camera_id = pose.camera_id if pose else None
        if camera_id is not None and camera_id not in cameras:
            cameras[camera_id] = ws.camera(camera_id)
        camera = cameras.get(camera_id) if camera_id is not None else None
        assert m.box is not None
        rows.append({
            "local_id": m.local_id, "server_id": m.server_id, "pose_id": m.pose_id, "camera_id": camera_id,
            "camera": camera.name if camera else None, "mask": m.text,
            "xmin": m.box.xmin, "ymin": m.box.ymin, "xmax": m.box.xmax, "ymax": m.box.ymax,
            "added_at": iso_utc(m.added_at), "server_created_at": iso_utc(m.server_created_at),
            "state": str(m.state), "note": conflict_note(m),
        })
    return rows


def conflict_note(mask: Mask) -> str:
    if mask.state is not MaskState.CONFLICT:
        return ""
    if mask.theirs_text is None:
        return "conflict: exported our version; the server deleted this mask"
    return f"conflict: exported our version; the server has {mask.theirs_text.strip()}"


def iso_utc(when: datetime | None) -> str | None:
    """`2025-06-06T12:23:45Z`: UTC, no fraction unless there is one."""
    if when is None:
        return None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.replace(tzinfo=None).isoformat() + "Z"


def csv_text(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TABLE_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
    return out.getvalue()


# --- files ---------------------------------------------------------------------------------------


def pose_bytes(ws: Workspace, pose: PoseRow, fmt: ExportFormat, scale: float = 100.0) -> tuple[bytes, int, int]:
    """The file content for one pose, with the number of masks in it and of unreadable ones left out."""
    fmt = ExportFormat(fmt)  # a plain "png" too; an unknown format raises ValueError
    masks, unreadable = exported_masks(ws, pose.id)
    if fmt is ExportFormat.LEGACY_JSON:
        data = legacy_json(masks).encode()
    elif fmt is ExportFormat.PNG:
        image = ws.pose_image(pose.id)
        if image is None:
            camera = ws.camera(pose.camera_id)
            raise ExportError(f"{pose_name(ws, pose)} has no image in this workspace, so its size is unknown: "
                              "open it once while online (or pull) to fetch the image, then export again.",
                              ExportProblem.NO_IMAGE, poses=(pose,), camera=camera.name if camera else "")
        data = png_bytes(masks, *scaled_size(image.width, image.height, scale))
    elif fmt is ExportFormat.CSV:
        data = csv_text(table_rows(ws, masks)).encode()
    else:  # ExportFormat.JSON
        data = (json.dumps(table_rows(ws, masks), indent=2) + "\n").encode()
    return data, len(masks), unreadable


def file_names(camera: CameraRow, poses: list[PoseRow], fmt: ExportFormat) -> dict[int, str]:
    """Pose id -> file name inside a camera's export folder (see the module docstring)."""
    fmt = ExportFormat(fmt)
    if fmt is not ExportFormat.LEGACY_JSON:
        return {p.id: f"{camera.name}_{p.id}.{fmt.value}" for p in poses}
    prefix = re.sub(r"-\d+$", "", camera.name)
    by_azimuth = {p.id: f"{prefix}_{_azimuth(p.azimuth)}.json" for p in poses if p.azimuth is not None}
    taken = Counter(by_azimuth.values())
    return {p.id: by_azimuth[p.id] if taken[by_azimuth.get(p.id, "")] == 1 else f"{prefix}_{p.id}.json"
            for p in poses}


def _azimuth(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def export_pose(ws: Workspace, pose_id: int, fmt: ExportFormat, output: Path, scale: float = 100.0) -> ExportResult:
    pose = ws.pose(pose_id)
    if pose is None:
        raise ExportTargetMissing(f"There is no pose {pose_id} in this workspace.", ExportProblem.NO_POSE,
                                  target=pose_id)
    output = Path(output)
    if output.is_dir():
        raise ExportError(f"{output} is a folder: give a file name for a single pose's export.",
                          ExportProblem.OUTPUT_IS_FOLDER, path=output)
    if not output.parent.is_dir():
        raise ExportError(f"The folder {output.parent} does not exist.", ExportProblem.NO_FOLDER, path=output.parent)
    data, count, unreadable = pose_bytes(ws, pose, fmt, scale)
    atomic_write(output, data)
    return ExportResult([ExportedFile(output, pose.id, count, unreadable, pose_name(ws, pose))])


def export_camera(ws: Workspace, camera_id: int, fmt: ExportFormat, folder: Path, scale: float = 100.0,
                  progress: Callable[[PoseRow], None] | None = None) -> ExportResult:
    """One file per active pose of the camera into `folder` (created if missing)."""
    camera = ws.camera(camera_id)
    if camera is None:
        raise ExportTargetMissing(f"There is no camera {camera_id} in this workspace.", ExportProblem.NO_CAMERA,
                                  target=camera_id)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file: give a folder for a camera's export (one file per pose).",
                          ExportProblem.OUTPUT_IS_FILE, path=folder)
    poses = [p for p in ws.poses(camera_id) if p.active]
    if not poses:
        raise ExportError(f"Camera {camera.name} has no active pose in this workspace.", ExportProblem.NO_ACTIVE_POSE,
                          camera=camera.name)
    if fmt is ExportFormat.PNG:  # check every pose first: fail before writing anything
        missing = [p for p in poses if ws.pose_image(p.id) is None]
        if missing:
            raise ExportError(f"Poses {', '.join(str(p.id) for p in missing)} of {camera.name} have no image in "
                              "this workspace, so their size is unknown: open them once while online (or pull) "
                              "to fetch the images, then export again.", ExportProblem.NO_IMAGE,
                              poses=tuple(missing), camera=camera.name)
    folder.mkdir(parents=True, exist_ok=True)
    names = file_names(camera, poses, fmt)
    result = ExportResult()
    for pose in poses:
        if progress:
            progress(pose)
        data, count, unreadable = pose_bytes(ws, pose, fmt, scale)
        atomic_write(folder / names[pose.id], data)
        result.files.append(ExportedFile(folder / names[pose.id], pose.id, count, unreadable,
                                         pose_name(ws, pose)))
    return result
