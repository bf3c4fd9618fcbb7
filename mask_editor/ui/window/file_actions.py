"""File > Import legacy masks… and File > Export masks…, wired to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.ui.window.open_poses import OpenPoses
    from mask_editor.workspace import Workspace


class FileHost(Protocol):
    """What the file actions need of the main window (which imports this module)."""

    actions: dict[str, QAction]
    poses: OpenPoses | None
    status: QStatusBar

    @property
    def workspace(self) -> Workspace | None: ...
    @property
    def document(self) -> PoseDocument | None: ...
    def refresh_counts(self) -> None: ...


def attach_file_actions(window: FileHost) -> None:
    window.actions["import_legacy"].triggered.connect(lambda _checked=False: import_legacy(window))
    window.actions["export"].triggered.connect(lambda _checked=False: export(window))


def import_legacy(window: FileHost) -> None:
    from mask_editor.ui.dialogs.import_legacy import run_import_dialog

    if window.workspace is None or window.workspace.read_only:
        return
    touched = run_import_dialog(window, window.workspace)
    # An import is not an undo step (like a pull): open documents re-read what changed under them.
    for pose_id in touched:
        doc = window.poses.get(pose_id) if window.poses is not None else None
        if doc is not None:
            doc.reload()
    window.refresh_counts()


def export(window: FileHost) -> None:
    from mask_editor.ui.dialogs.export import run_export_dialog

    if window.workspace is None or window.document is None:
        window.status.showMessage(QCoreApplication.translate(
            "FileActions", "Open a pose first: export writes the masks of a pose or of its camera."), 8000)
        return
    result = run_export_dialog(window, window.workspace, window.document.pose_id)
    if result is not None and result.files:
        first = result.files[0].path
        others = len(result.files) - 1
        if others == 0:
            text = QCoreApplication.translate("FileActions", "Exported %1.")
        elif others == 1:
            text = QCoreApplication.translate("FileActions", "Exported %1 and one more file.")
        else:
            text = QCoreApplication.translate("FileActions", "Exported %1 and %2 more files.")
            text = text.replace("%2", str(others))
        window.status.showMessage(text.replace("%1", str(first)), 8000)
