"""Who is signed in, to which server, and the network work the window asks for.

The session owns the API client. Every call runs off the GUI thread (ui/platform/tasks.py) and reports back
on it. A 401/406 at any point asks the user to sign in again; local edits are in the workspace, so
nothing is lost while the prompt is up. Offline is a normal state, not an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from mask_editor.ui.platform.tasks import Task, run_task

if TYPE_CHECKING:
    from mask_editor.api import PyroClient
    from mask_editor.api.records import Token
    from mask_editor.workspace import Account, Workspace

log = logging.getLogger(__name__)


class SignedIn(NamedTuple):  # a NamedTuple: a fifth of a frozen dataclass's cost to make at import
    """What the sign-in dialog hands to the session."""

    server: str
    username: str
    token: Token
    remember: bool


class Session(QObject):
    """The signed-in account's client; `state` is "signed-out", "online", "offline" or "expired"."""

    changed = Signal()
    poseRefreshed = Signal(object, object)  # (workspace, pose id or None for all): masks or image changed
    camerasRefreshed = Signal(object)  # workspace
    message = Signal(str)  # a short status line for the status bar
    tokenNotForgotten = Signal(str)  # a stored session could not be removed: what stays, and how to remove it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client: PyroClient | None = None
        self._credentials: tuple[str, str] | None = None  # (server, token): the client is made on first use
        self.account: Account | None = None
        self.state = "signed-out"
        self.detail = ""

    @property
    def client(self) -> PyroClient | None:
        """Made on first use, so httpx stays off the path to the window's first paint."""
        if self._client is None and self._credentials is not None:
            from mask_editor.api import PyroClient

            server, token = self._credentials
            self._client = PyroClient(server, token=token)
        return self._client

    # --- signing in and out -------------------------------------------------------------------

    def restore(self, workspace: Workspace | None) -> None:
        """Pick up the stored session of the workspace's account, without touching the network."""
        self._close_client()
        self.account = workspace.account() if workspace is not None else None
        if self.account is None:
            self._set_state("signed-out")
            return
        from mask_editor.workspace.credentials import load_token

        token = load_token(self.account.server_url, self.account.username)
        # Said in the sync label, not as a status message: one would be drawn over the account label.
        if token is None:
            self._set_state("expired", self.tr("Sign in to sync: no stored session for this account."),
                            announce=False)
            return
        self.use_token(self.account.server_url, token, "offline", "")

    def use_token(self, server: str, token: str, state: str = "online", detail: str = "") -> None:
        """Talk to `server` with `token` from now on (a new client is made on first use)."""
        if self._client is not None:
            self._client.close()
            self._client = None
        self._credentials = (server, token)
        self._set_state(state, detail)

    def adopt(self, signed: SignedIn, workspace: Workspace) -> None:
        """After the sign-in dialog: record the account, keep the token if asked, refresh cameras."""
        from mask_editor.workspace import Account
        from mask_editor.workspace.credentials import TokenNotForgotten, forget_token, save_token
        from mask_editor.workspace.paths import remember_signed_in

        token = signed.token
        account = Account(signed.server, signed.username, token.user_id, token.role or "user",
                          token.organization_id)
        workspace.set_account(account)
        if signed.remember:
            save_token(signed.server, signed.username, token.raw)
        else:
            try:
                forget_token(signed.server, signed.username)  # "don't remember me": drop an older one
            except TokenNotForgotten as exc:
                text = self.tr("An earlier session of %1 is still stored. %2").replace("%1", signed.username)
                self.tokenNotForgotten.emit(text.replace("%2", str(exc)))
        remember_signed_in(workspace.path)
        self._close_client()
        self.account = account
        signed_in = self.tr("Signed in as %1 (%2).").replace("%1", account.username).replace("%2", account.role)
        self.use_token(signed.server, token.raw, "online", signed_in)
        self.refresh_cameras(workspace, then_list=True)

    def sign_out(self) -> None:
        """Forget the stored session and the client. When the stored session cannot be removed, the
        window still drops its client, but says the session is still stored (tokenNotForgotten)."""
        from mask_editor.workspace.credentials import TokenNotForgotten, forget_token

        failure = None
        if self.account is not None:
            try:
                forget_token(self.account.server_url, self.account.username)
            except TokenNotForgotten as exc:
                failure = self.tr("Signed out in this window only: the stored session of %1 could not be removed "
                                  "and stays valid until it expires. %2").replace("%1", self.account.username)
                failure = failure.replace("%2", str(exc))
        self._close_client()
        if failure is None:
            self._set_state("signed-out", self.tr("Signed out. Your workspace and unsynced changes are kept."))
            return
        self._set_state("signed-out",
                        self.tr("Signed out in this window only: the stored session could not be removed."))
        self.tokenNotForgotten.emit(failure)

    # --- network work -------------------------------------------------------------------------

    def refresh_cameras(self, workspace: Workspace, *, then_list: bool = False) -> None:
        """Fetch the cameras and poses; `then_list` then pulls every pose's masks and thumbnail."""
        from mask_editor.sync.refresh import refresh_cameras

        def done(_rows: Any) -> None:
            self.camerasRefreshed.emit(workspace)
            if then_list:
                self.list_poses(workspace)

        self.run(lambda c: refresh_cameras(c, workspace), done)

    def list_poses(self, workspace: Workspace) -> None:
        """In the background, every pose's masks (so each row shows the server's count, not a zero
        for a pose never opened) and its image (the thumbnail). Local changes are kept."""
        from mask_editor.sync.engine import SyncOptions, pull_pose
        from mask_editor.sync.refresh import fetch_pose_image
        from mask_editor.sync.result import Outcome

        task = Task(self)  # a quit cancels it between requests

        def work(client: PyroClient) -> Any:
            # Pose by pose, not one pull_all: the workspace's sync lock is let go between poses, so
            # a pose opened meanwhile gets its own pull without waiting for the whole fleet.
            result = None
            for pose in workspace.poses():
                if task.token.is_set():
                    break
                result = pull_pose(client, workspace, pose.id, options=SyncOptions(max_retries=0),
                                   cancel=task.token)
                if result.outcome in (Outcome.SIGN_IN_REQUIRED, Outcome.UNREACHABLE, Outcome.CANCELLED):
                    break
                if workspace.pose_image(pose.id) is None:
                    fetch_pose_image(client, workspace, pose.id)
            return result

        def done(result: Any) -> None:
            if result is not None:  # None: no pose to list
                self._after_pull(workspace, None, result)

        self.run(work, done, task=task)

    def open_pose(self, workspace: Workspace, pose_id: int) -> None:
        """When a pose is opened online: fetch its image if missing, then pull its masks."""
        from mask_editor.sync.engine import SyncOptions, pull_pose
        from mask_editor.sync.refresh import fetch_pose_image

        task = Task(self)  # a quit cancels the pull between requests

        def work(client: PyroClient) -> Any:
            if workspace.pose_image(pose_id) is None:
                fetch_pose_image(client, workspace, pose_id)
            # One round, no engine retries: opening a pose offline must say so in seconds, not after
            # a minute of backoff (File › Sync now retries patiently).
            return pull_pose(client, workspace, pose_id, options=SyncOptions(max_retries=0), cancel=task.token)

        self.run(work, lambda result: self._after_pull(workspace, pose_id, result), task=task)

    def pull(self, workspace: Workspace, camera_id: int | None = None) -> None:
        """Pull one camera's poses, or (None) refresh the cameras and pull every pose."""
        from mask_editor.sync.engine import pull_all, pull_camera
        from mask_editor.sync.refresh import refresh_cameras

        task = Task(self)  # a quit cancels the pull between requests

        def work(client: PyroClient) -> Any:
            if camera_id is not None:
                return pull_camera(client, workspace, camera_id, cancel=task.token)
            refresh_cameras(client, workspace)
            return pull_all(client, workspace, cancel=task.token)

        def done(result: Any) -> None:
            if camera_id is None:
                self.camerasRefreshed.emit(workspace)
            self._after_pull(workspace, None, result)
            from mask_editor.ui.session.sync_words import sync_summary

            self.message.emit(sync_summary(result))

        self.run(work, done, task=task)

    def _after_pull(self, workspace: Workspace, pose_id: int | None, result: Any) -> None:
        from mask_editor.sync.result import Outcome

        if result.outcome is Outcome.SIGN_IN_REQUIRED:
            self._set_state("expired", self.tr("Your session has expired: sign in again to sync."))
        elif result.outcome is Outcome.UNREACHABLE:
            self._set_state("offline", self.tr("The server cannot be reached: working offline."))
        else:
            self._set_state("online")
        self.poseRefreshed.emit(workspace, pose_id)

    def run(self, work: Callable[[PyroClient], Any], on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None, *, task: Task | None = None) -> None:
        """`work(client)` off the GUI thread. The session reacts to an expired session or an
        unreachable server itself; `on_error` then gets the failure in words for the caller's panel."""
        client = self.client
        if client is None or self.state == "expired":
            if on_error is not None:
                on_error(self.tr("Sign in (File › Sign in…) to fetch this from the server."))
            return

        def failed(error: BaseException) -> None:
            from mask_editor.api.errors import SignInRequired, Unreachable
            from mask_editor.ui.platform.messages import explain  # errors (and api records) load when one happens

            text = explain(error).text
            if isinstance(error, SignInRequired):
                self._set_state("expired", text)
            elif isinstance(error, Unreachable):
                self._set_state("offline", text)
            else:
                log.warning("server call failed: %s", type(error).__name__)
                self.message.emit(text)
            if on_error is not None:
                on_error(text)

        def done(value: Any) -> None:
            if self.state == "offline":
                self._set_state("online")
            on_done(value)

        run_task(lambda: work(client), done, failed, owner=self, task=task)

    # --- state --------------------------------------------------------------------------------

    def _set_state(self, state: str, detail: str = "", announce: bool = True) -> None:
        self.state, self.detail = state, detail
        if detail and announce:
            self.message.emit(detail)
        self.changed.emit()

    def _close_client(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self._credentials = None
        self.account = None

    def describe(self) -> str:
        """The status bar's words for the connection."""
        if self.account is None:
            return self.tr("Not signed in")
        where = self.account.server_url.split("//")[-1]
        if self.state == "expired" and self._credentials is None:
            return self.tr("Not signed in: sign in to sync")  # no stored session: nothing expired
        return {"online": self.tr("Online · %1").replace("%1", where),
                "offline": self.tr("Offline · %1").replace("%1", where),
                "expired": self.tr("Session expired: sign in to sync")}.get(self.state, self.tr("Not signed in"))
