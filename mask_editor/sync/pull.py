"""Pull one pose: list the server's masks, then merge them into the workspace in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from mask_editor.api.client import PyroClient
from mask_editor.sync.merge import DEFAULT_LATE_HORIZON, PoseMerge, merge_pose
from mask_editor.workspace import Workspace, sync_rows
from mask_editor.workspace.store import now_utc


def pull_listing(client: PyroClient, ws: Workspace, pose_id: int, *, tolerance: timedelta,
                 clock: Callable[[], datetime] = now_utc,
                 late_horizon: timedelta = DEFAULT_LATE_HORIZON) -> PoseMerge:
    """One listing of the pose, merged three ways; settles the pose's pushes whose answer was lost,
    and the late copies of its creates sent again."""
    asked_at = clock()
    server = client.pose_masks(pose_id)  # the network stays outside the transaction
    with ws.transaction():
        rows = ws.masks(pose_id)
        # Only attempts made before we asked can be judged by this listing (one worker per pose, so
        # "at the same clock tick" can only mean before: coarse clocks tick every ~16 ms on Windows).
        attempts = [a for a in sync_rows.attempts(ws, pose_id) if a.attempted_at <= asked_at]
        held = ws.server_ids_held_elsewhere(pose_id, (s.id for s in server))
        merge = merge_pose(pose_id, rows, server, attempts, held_elsewhere=held, tolerance=tolerance,
                           doubts=ws.creates_in_doubt(pose_id), asked_at=asked_at, horizon=late_horizon)
        sync_rows.write_rows(ws, changed=merge.changed, removed=merge.removed, inserted=merge.inserted,
                             resolved=merge.resolved)
        sync_rows.set_creates_in_doubt(ws, pose_id, merge.doubts)
        ws.set_masks_pulled(pose_id, clock())
    return merge
