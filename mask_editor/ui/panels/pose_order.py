"""The browser's order of poses (camera by camera, by azimuth), read without the browser: the window
opens its first pose before the browser is built (it fills its dock after the first paint)."""

from __future__ import annotations

from mask_editor.workspace import Workspace


def poses_by_camera(workspace: Workspace) -> dict[int, list[tuple[int, float | None]]]:
    """Camera id: its poses' (id, azimuth), in the workspace's order."""
    grouped: dict[int, list[tuple[int, float | None]]] = {}
    for pose_id, camera_id, azimuth in workspace.pose_listing():
        grouped.setdefault(camera_id, []).append((pose_id, azimuth))
    return grouped


def pose_order(workspace: Workspace) -> list[int]:
    """Every pose, in browser order: PoseBrowser.pose_ids() once the browser lists the workspace."""
    grouped = poses_by_camera(workspace)
    return [pose_id for camera_id, _org, _name in workspace.camera_listing()
            for pose_id, _azimuth in grouped.get(camera_id, [])]
