"""Refresh what the workspace knows of the server: cameras, poses, pose images (for offline work)."""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from mask_editor.api.client import PyroClient
from mask_editor.api.errors import ApiError, NotFound
from mask_editor.sync.engine import Progress, SyncOptions, pull_camera
from mask_editor.sync.result import PoseFailure, SyncResult
from mask_editor.workspace import CameraRow, ImageRow, PoseRow, Workspace


def refresh_cameras(client: PyroClient, ws: Workspace, *, include_non_trustable: bool = False,
                    organizations: Mapping[int, str] | None = None) -> list[CameraRow]:
    """Store the cameras and active poses the account can see (one transaction). Cameras and poses
    the server no longer lists are dropped unless they hold local changes. The API has no route
    for organization names: pass them in `organizations` when they are known from elsewhere."""
    cameras = client.cameras(include_non_trustable=include_non_trustable)
    rows = [CameraRow(c.id, c.organization_id, c.name, c.angle_of_view, c.elevation, c.lat, c.lon, c.is_trustable,
                      c.last_active_at, c.last_image, c.created_at) for c in cameras]
    poses = [PoseRow(p.id, c.id, p.azimuth, p.patrol_id, p.active) for c in cameras for p in c.poses]
    with ws.transaction():
        ws.save_cameras(rows, poses, complete=True)
        for org_id, name in (organizations or {}).items():
            ws.set_organization(org_id, name)
    return rows


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height from the JPEG/PNG header; Pillow opens lazily and decodes no pixels here."""
    from PIL import Image  # imported on first use: headless commands that never fetch stay light

    with Image.open(io.BytesIO(data)) as image:
        return image.size


def fetch_pose_image(client: PyroClient, ws: Workspace, pose_id: int, *, force: bool = False) -> ImageRow | None:
    """Download and cache the pose's last image; None when the pose has no image yet. Skipped when
    the cached copy is of the same storage key (the same upload)."""
    pose = client.pose(pose_id)
    if pose.image is None:
        return None
    stored, cached = ws.pose(pose_id), ws.pose_image(pose_id)
    if not force and cached is not None and stored is not None and stored.image_key == pose.image:
        return cached
    data = client.download_pose_image(pose)
    width, height = image_size(data)
    return ws.store_pose_image(pose_id, data, width=width, height=height, key=pose.image,
                               captured_at=pose.image_captured_at)


@dataclass
class OfflineReport:
    images: dict[int, ImageRow | None] = field(default_factory=dict)  # pose id -> cached image (None: none yet)
    failures: list[PoseFailure] = field(default_factory=list)
    pull: SyncResult | None = None


def make_camera_offline(client: PyroClient, ws: Workspace, camera_id: int, *,
                        options: SyncOptions | None = None, cancel: threading.Event | None = None,
                        progress: Progress | None = None) -> OfflineReport:
    """Everything needed to edit a camera's masks with no network: its poses, each pose's image,
    and its masks (pulled). A pose whose image fails is reported; the others go on."""
    camera = client.camera(camera_id)
    ws.save_cameras([CameraRow(camera.id, camera.organization_id, camera.name, camera.angle_of_view,
                               camera.elevation, camera.lat, camera.lon, camera.is_trustable, camera.last_active_at,
                               camera.last_image, camera.created_at)],
                    [PoseRow(p.id, camera.id, p.azimuth, p.patrol_id, p.active) for p in camera.poses],
                    complete=False)
    report = OfflineReport()
    for index, pose in enumerate(camera.poses):
        if cancel is not None and cancel.is_set():
            break
        try:
            report.images[pose.id] = fetch_pose_image(client, ws, pose.id)
        except NotFound as exc:  # the image is missing from storage: nothing to cache
            report.images[pose.id] = None
            report.failures.append(PoseFailure(pose.id, exc.detail, exc))
        except ApiError as exc:
            report.failures.append(PoseFailure(pose.id, str(exc), exc))
        if progress is not None:
            progress(index + 1, len(camera.poses), f"pose {pose.id}: image")
    report.pull = pull_camera(client, ws, camera_id, options=options, cancel=cancel, progress=progress)
    return report
