"""File › Sync now (the review dialog) and the conflict decisions, wired to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from mask_editor.ui.window.main_window import MainWindow
    from mask_editor.ui.window.session_controller import SessionController


def attach_sync(window: MainWindow, controller: SessionController) -> None:
    a = window.actions
    a["sync"].triggered.connect(lambda _checked=False: open_sync_dialog(window, controller))
    for name, decision in (("conflict_keep_mine", "keep_mine"), ("conflict_take_theirs", "take_theirs"),
                           ("conflict_keep_both", "keep_both")):
        a[name].triggered.connect(lambda _checked=False, d=decision: decide(window, d))


def decide(window: MainWindow, decision: str) -> None:
    from mask_editor.ui.session.conflicts import resolve  # the sync package (and httpx) load on first use

    if window.document is not None:
        resolve(window.document, decision)


def open_sync_dialog(window: MainWindow, controller: SessionController) -> None:
    from mask_editor.ui.dialogs.sync_review import SyncDialog  # the sync engine (and httpx) load on first use

    if window.workspace is None:
        return
    dialog = SyncDialog(window.workspace, lambda: controller.session.client, window)

    def reload_all(_result: object = None) -> None:
        for doc in window.poses.documents() if window.poses is not None else []:
            doc.reload()
        window.refresh_counts()

    def discarded(pose_id: int) -> None:
        doc = window.poses.get(pose_id) if window.poses is not None else None
        if doc is not None:
            doc.reload()
            doc.undo_stack.clear()  # the discard was confirmed as final: no undo can bring those edits back
        window.refresh_counts()

    def sign_in() -> None:
        if controller.session.client is not None:  # a session existed and the server refused it
            reason = QCoreApplication.translate(
                "SyncActions", "Your session has expired: sign in again and the sync goes on where it stopped.")
        else:
            reason = QCoreApplication.translate(
                "SyncActions", "Sign in to send your changes: they stay on this computer until then.")
        if controller.sign_in(reason):
            dialog.resume()

    dialog.syncFinished.connect(reload_all)
    dialog.poseDiscarded.connect(discarded)
    dialog.signInRequired.connect(sign_in)
    if window.document is not None:
        dialog.select_pose(window.document.pose_id)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
