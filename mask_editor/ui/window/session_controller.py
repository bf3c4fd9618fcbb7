"""Connects the window to the session: sign in and out, pull a pose when it is opened, reload what
the network changed, and ask to sign in again when the server says the session expired."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mask_editor.ui.session.session import Session

if TYPE_CHECKING:
    from mask_editor.ui.session.session import SignedIn
    from mask_editor.ui.window.main_window import MainWindow
    from mask_editor.workspace import Workspace


class SessionController(QObject):
    def __init__(self, window: MainWindow, session: Session | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session or Session(self)
        self._prompting = False
        a = window.actions
        a["sign_in"].triggered.connect(lambda _checked=False: self.sign_in())
        a["sign_out"].triggered.connect(lambda _checked=False: self.sign_out())
        a["make_offline"].triggered.connect(lambda _checked=False: self.make_camera_offline())
        a["pull_camera"].triggered.connect(lambda _checked=False: self.pull(this_camera=True))
        a["pull_all"].triggered.connect(lambda _checked=False: self.pull(this_camera=False))
        window.workspaceChanged.connect(self._on_workspace)
        window.documentChanged.connect(lambda doc: self._on_pose(doc.pose_id) if doc is not None else None)
        self.session.changed.connect(self._on_session)
        self.session.message.connect(lambda text: window.status.showMessage(text, 8000))
        self.session.poseRefreshed.connect(self._on_pose_refreshed)
        self.session.camerasRefreshed.connect(self._on_cameras)
        self.session.tokenNotForgotten.connect(self._on_token_not_forgotten)
        self._on_workspace(window.workspace)

    # --- user actions -------------------------------------------------------------------------

    def sign_in(self, reason: str | None = None) -> bool:
        from mask_editor.ui.dialogs.signin import SignInDialog
        from mask_editor.workspace import Workspace, WorkspaceBusy, WorkspaceError
        from mask_editor.workspace.paths import workspace_path

        account = self.session.account or (self.window.workspace.account() if self.window.workspace else None)
        dialog = SignInDialog(self.window, server=account.server_url if account else "",
                              username=account.username if account else "", reason=reason)
        if not dialog.exec() or dialog.result_value is None:
            return False
        signed = dialog.result_value
        current = self.window.workspace
        path = workspace_path(signed.server, signed.username)
        workspace: Workspace | None = current if current is not None and _same(current, signed) else None
        if workspace is None:
            try:
                workspace = Workspace(path, exclusive=True)
            except (WorkspaceBusy, WorkspaceError) as exc:
                from PySide6.QtWidgets import QMessageBox

                from mask_editor.ui.platform.messages import workspace_text

                QMessageBox.warning(self.window, self.tr("Cannot open your workspace"), workspace_text(exc))
                return False
        self.session.adopt(signed, workspace)
        if workspace is not current:
            self.window.set_workspace(workspace)
            if current is not None:
                current.close()
        else:
            self.window.set_workspace(workspace)  # the role may have changed what is editable
        return True

    def sign_out(self) -> None:
        self.session.sign_out()

    def make_camera_offline(self) -> None:
        doc, ws = self.window.document, self.window.workspace
        pose = doc.pose if doc is not None else None
        if ws is None or pose is None:
            return
        from mask_editor.sync.refresh import make_camera_offline

        self.window.status.showMessage(self.tr("Downloading every pose image of this camera…"), 0)
        self.session.run(lambda client: make_camera_offline(client, ws, pose.camera_id),
                         lambda _report: self.window.status.showMessage(
                             self.tr("This camera's poses are available offline."), 8000))

    def pull(self, this_camera: bool) -> None:
        doc, ws = self.window.document, self.window.workspace
        pose = doc.pose if doc is not None else None
        if ws is None or (this_camera and pose is None):
            return
        self.window.status.showMessage(self.tr("Pulling the server's masks…"), 0)
        self.session.pull(ws, pose.camera_id if this_camera and pose is not None else None)

    # --- reacting -----------------------------------------------------------------------------

    def _on_workspace(self, workspace: Workspace | None) -> None:
        if workspace is None or self.session.account is None or not _same_account(workspace, self.session):
            self.session.restore(workspace)
        self._on_session()
        if workspace is not None and self.window.document is not None:
            self._on_pose(self.window.document.pose_id)

    def _on_pose(self, pose_id: int) -> None:
        if self.window.workspace is not None and self.session.state in ("online", "offline"):
            self.session.open_pose(self.window.workspace, pose_id)

    def _current(self, workspace: Workspace) -> bool:
        """Whether an answer about `workspace` still concerns what the window shows (the user may
        have switched workspaces, or closed the window, while the request was out)."""
        return workspace is self.window.workspace and not workspace.closed

    def _on_pose_refreshed(self, workspace: Workspace, pose_id: int | None) -> None:
        if not self._current(workspace):
            return
        poses = self.window.poses
        docs = (poses.documents() if pose_id is None else [d for d in [poses.get(pose_id)] if d]) if poses else []
        for doc in docs:
            doc.reload()
            if doc is self.window.document and self.window.canvas.image_size() is None:
                self.window.canvas.set_document(doc)  # the image just arrived
                self.window.mask_panel.model.image_arrived()
        if pose_id is None:
            self.window.browser.refresh_images()  # thumbnails fetched with the listing
        self.window.refresh_counts(None if pose_id is None else {pose_id})

    def _on_cameras(self, ws: Workspace) -> None:
        if not self._current(ws):
            return
        self.window.browser.set_workspace(ws)
        if self.window.document is None and (ids := self.window.browser.pose_ids()):
            self.window.show_pose(ids[0])
        elif self.window.document is not None:
            self.window.browser.select_pose(self.window.document.pose_id)
        self.window.refresh_counts()

    def _on_token_not_forgotten(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, self.tr("The stored session was not removed"), text)

    def _on_session(self) -> None:
        s = self.session
        self.window.status.set_sync_state(s.describe())
        self.window.actions["sign_out"].setEnabled(s.account is not None)
        for name in ("make_offline", "pull_camera", "pull_all"):
            self.window.actions[name].setEnabled(s.state in ("online", "offline") and s.client is not None)
        if s.state == "expired" and s.client is not None and not self._prompting:
            self._prompting = True  # one prompt at a time, however many calls failed
            try:
                self.sign_in(s.detail)
            finally:
                self._prompting = False


def _same(workspace: Workspace, signed: SignedIn) -> bool:
    """Whether the signed-in account belongs in this workspace: its own, or a fresh one (not the demo)."""
    account = workspace.account()
    if account is None:
        return workspace.get_meta("demo") is None
    return account.server_url.rstrip("/") == signed.server and account.username == signed.username


def _same_account(workspace: Workspace, session: Session) -> bool:
    account = workspace.account()
    return account is not None and session.account is not None and (
        account.server_url, account.username) == (session.account.server_url, session.account.username)
