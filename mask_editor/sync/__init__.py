"""The sync engine: pull (three-way merge), push from the outbox, retry, adopt lost creates. No Qt."""

from mask_editor.sync.conflicts import Resolution, keep_both, keep_mine, take_theirs
from mask_editor.sync.engine import (
    Progress,
    SyncBusy,
    SyncOptions,
    pending_operations,
    pending_poses,
    pull_all,
    pull_camera,
    pull_pose,
    push_all,
    push_pose,
    run,
    sync_all,
)
from mask_editor.sync.plan import PosePlan, SyncPlan, discard_local_changes, plan
from mask_editor.sync.push import LeaveOut
from mask_editor.sync.refresh import OfflineReport, fetch_pose_image, make_camera_offline, refresh_cameras
from mask_editor.sync.result import MaskFailure, Outcome, PoseFailure, SyncResult

__all__ = [
    "LeaveOut", "MaskFailure", "OfflineReport", "Outcome", "PoseFailure", "PosePlan", "Progress", "Resolution",
    "SyncBusy", "SyncOptions", "SyncPlan", "SyncResult", "discard_local_changes", "fetch_pose_image", "keep_both",
    "keep_mine", "make_camera_offline", "pending_operations", "pending_poses", "plan", "pull_all", "pull_camera",
    "pull_pose", "push_all", "push_pose", "refresh_cameras", "run", "sync_all", "take_theirs",
]
