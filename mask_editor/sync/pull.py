"""Pull one pose: list the server's masks, then merge them into the workspace in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from mask_editor.api.client import PyroClient
from mask_editor.sync.merge import PoseMerge, merge_pose
from mask_editor.workspace import Workspace, sync_rows
from mask_editor.workspace.store import now_utc


def pull_listing(client: PyroClient, ws: Workspace, pose_id: int, *, tolerance: timedelta,
                 clock: Callable[[], datetime] = now_utc) -> PoseMerge:
    """One listing of the pose, merged three ways; settles the pose's pushes whose answer was lost."""
    asked_at = clock()
    server = client.pose_masks(pose_id)  # the network stays outside the transaction
    with ws.transaction():
        rows = ws.masks(pose_id)
        # Only attempts made before we asked can be judged by this listing (one worker per pose, so
        # "at the same clock tick" can only mean before: coarse clocks tick every ~16 ms on Windows).
        attempts = [a for a in sync_rows.attempts(ws, pose_id) if a.attempted_at <= asked_at]
        listed = [s.id for s in server]
        held = {r["server_id"] for r in ws.query(
            f"SELECT server_id FROM masks WHERE pose_id != ? AND server_id IN ({','.join('?' * len(listed))})",
            (pose_id, *listed))} if listed else set()
        merge = merge_pose(pose_id, rows, server, attempts, held_elsewhere=held, tolerance=tolerance)
        sync_rows.write_rows(ws, changed=merge.changed, removed=merge.removed, inserted=merge.inserted,
                             resolved=merge.resolved)
        ws.set_masks_pulled(pose_id, clock())
    return merge
