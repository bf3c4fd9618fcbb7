"""The offline workspace: SQLite + image cache. No Qt."""

from mask_editor.workspace.lock import WorkspaceBusy
from mask_editor.workspace.masks import Workspace
from mask_editor.workspace.records import Account, CameraRow, ConflictKind, ImageRow, Mask, MaskState, PoseRow
from mask_editor.workspace.store import WorkspaceError, WorkspaceProblem

__all__ = [
    "Account", "CameraRow", "ConflictKind", "ImageRow", "Mask", "MaskState", "PoseRow", "Workspace",
    "WorkspaceBusy", "WorkspaceError", "WorkspaceProblem",
]
