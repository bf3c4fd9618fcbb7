"""Review before push: what a push would do, pose by pose, and how to throw a pose's changes away."""

from __future__ import annotations

from dataclasses import dataclass

from mask_editor.core.labels import pose_label
from mask_editor.workspace import Mask, MaskState, Workspace, sync_rows


@dataclass(frozen=True)
class PosePlan:
    pose_id: int
    camera_id: int | None
    camera_name: str | None
    azimuth: float | None
    created: tuple[Mask, ...]  # POST
    edited: tuple[Mask, ...]  # PATCH
    deleted: tuple[Mask, ...]  # DELETE
    conflicts: tuple[Mask, ...]  # wait for a decision, not pushed
    refused: tuple[Mask, ...]  # the server refused their last push (push_error): retried at the next push
    in_doubt: int  # pushes whose answer was lost: settled by the next pull

    @property
    def operations(self) -> int:
        return len(self.created) + len(self.edited) + len(self.deleted)

    @property
    def title(self) -> str:
        return pose_label(self.camera_name, self.pose_id, self.azimuth)


@dataclass(frozen=True)
class SyncPlan:
    poses: tuple[PosePlan, ...]

    @property
    def empty(self) -> bool:
        return not any(p.operations or p.conflicts or p.in_doubt for p in self.poses)

    @property
    def operations(self) -> int:
        return sum(p.operations for p in self.poses)

    def totals(self) -> dict[str, int]:
        return {name: sum(len(getattr(p, name)) for p in self.poses)
                for name in ("created", "edited", "deleted", "conflicts", "refused")}

    def pose(self, pose_id: int) -> PosePlan | None:
        return next((p for p in self.poses if p.pose_id == pose_id), None)

    def describe(self) -> str:
        """Plain text for the CLI: one line per pose."""
        if self.empty:
            return "Nothing to push: the workspace matches the server as of the last pull."
        lines = []
        for p in self.poses:
            extra = f", {p.in_doubt} in doubt" if p.in_doubt else ""
            refused = f", {len(p.refused)} refused last time" if p.refused else ""
            lines.append(f"{p.title}: {len(p.created)} new, {len(p.edited)} edited, {len(p.deleted)} deleted, "
                         f"{len(p.conflicts)} conflicts{refused}{extra}")
        return "\n".join(lines)


def plan(ws: Workspace) -> SyncPlan:
    """Per pose with anything pending: what the next push will create, patch and delete."""
    pose_ids = ws.poses_with_anything_pending()
    doubt: dict[int, int] = {}
    for attempt in sync_rows.attempts(ws):
        doubt[attempt.pose_id] = doubt.get(attempt.pose_id, 0) + 1
    cameras = {c.id: c.name for c in ws.cameras()}
    poses = []
    for pose_id in sorted(pose_ids | set(doubt)):
        masks = ws.masks(pose_id)
        by_state = {s: tuple(m for m in masks if m.state is s) for s in MaskState}
        pose = ws.pose(pose_id)
        camera_id = pose.camera_id if pose is not None else None
        poses.append(PosePlan(
            pose_id, camera_id, cameras.get(camera_id) if camera_id is not None else None,
            pose.azimuth if pose is not None else None,
            by_state[MaskState.NEW], by_state[MaskState.EDITED], by_state[MaskState.DELETED],
            by_state[MaskState.CONFLICT], tuple(m for m in masks if m.push_error is not None), doubt.get(pose_id, 0)))
    poses.sort(key=lambda p: (p.camera_name or "", p.azimuth or 0.0, p.pose_id))
    return SyncPlan(tuple(poses))


def discard_local_changes(ws: Workspace, pose_id: int) -> int:
    """Back to the server's version as of the last pull (one transaction); returns masks changed.
    New masks go, edits return to the base, deletions are undone, conflicts take the server's side."""
    return sync_rows.discard_local_changes(ws, pose_id)
