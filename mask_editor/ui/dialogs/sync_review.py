"""Review before push: per pose, what will be created, edited and deleted, and what waits for a
decision (conflicts). Push everything or one pose, or throw a pose's local changes away; progress
and Cancel while it runs; a summary at the end with each refusal in the server's own words.

The dialog never touches the network itself: jobs run in a SyncRunner (ui/session/sync_worker.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mask_editor.sync import Outcome, SyncOptions, SyncResult, discard_local_changes, plan, push_all, push_pose
from mask_editor.sync.plan import PosePlan
from mask_editor.ui.platform.messages import explain
from mask_editor.ui.session.sync_worker import SyncJob, SyncRunner
from mask_editor.workspace import Workspace

if TYPE_CHECKING:
    from mask_editor.api import PyroClient

COLUMNS = ("Pose", "New", "Edited", "Deleted", "Conflicts", "Refused")
POSE_ROLE = Qt.ItemDataRole.UserRole
Confirm = Callable[[QWidget, str, str], bool]
ClientJob = Callable[["PyroClient", object, object], SyncResult]  # (client, cancel, progress) -> result


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose default is No: throwing work away must take a deliberate click."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Discard
                                  | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


class SyncDialog(QDialog):
    """`client()` returns the signed-in PyroClient, or None when nobody is signed in."""

    syncFinished = Signal(object)  # SyncResult: the window reloads open poses and its counts
    signInRequired = Signal()  # ask to sign in, then call resume()
    poseDiscarded = Signal(int)  # pose id whose rows changed on disk: reload its document

    def __init__(self, workspace: Workspace, client: Callable[[], PyroClient | None], parent: QWidget | None = None,
                 *, options: SyncOptions | None = None, confirm: Confirm = ask) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review and push changes")
        self.setObjectName("sync_dialog")
        self.resize(720, 520)
        self.workspace, self._client, self._options, self._confirm = workspace, client, options, confirm
        self._last_job: ClientJob | None = None
        self.runner = SyncRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.runningChanged.connect(lambda _running: self._update_buttons())
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("sync_plan")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("sync_summary")
        self.summary.setReadOnly(True)
        self.summary.setVisible(False)
        self.summary.setMaximumHeight(140)
        self.push_all_button = QPushButton("Push all", self)
        self.push_pose_button = QPushButton("Push this pose", self)
        self.discard_button = QPushButton("Discard local changes of this pose…", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.push_all_button.setDefault(True)
        self.push_all_button.clicked.connect(self.push_all)
        self.push_pose_button.clicked.connect(self.push_selected_pose)
        self.discard_button.clicked.connect(self.discard_selected_pose)
        self.cancel_button.clicked.connect(self.runner.cancel)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_buttons = close
        actions = QHBoxLayout()
        for button in (self.push_all_button, self.push_pose_button, self.discard_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(close)

    # --- the plan -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the plan from the workspace (after a push, a discard, or edits in the window)."""
        selected = self.selected_pose()
        review = plan(self.workspace)
        self.tree.clear()
        silenced = 0
        for pose in review.poses:
            item = QTreeWidgetItem([pose.title, *(str(n) for n in _counts(pose))])
            item.setData(0, POSE_ROLE, pose.pose_id)
            for mask in pose.refused:
                child = QTreeWidgetItem([f"mask {mask.local_id}: refused: {mask.push_error}"])
                child.setToolTip(0, mask.push_error or "")
                item.addChild(child)
            if pose.conflicts:
                item.addChild(QTreeWidgetItem([f"{_count(len(pose.conflicts), 'conflict')} "
                                               f"{'waits' if len(pose.conflicts) == 1 else 'wait'} for your decision "
                                               "(keep mine / take theirs / keep both): they are not pushed"]))
            for warning in _wildfire_warnings(self.workspace, pose.pose_id):
                child = QTreeWidgetItem([f"⚠ {warning}"])
                child.setForeground(0, QColor(WARNING_RED))
                child.setToolTip(0, warning)
                item.addChild(child)
                item.setForeground(0, QColor(WARNING_RED))
                item.setExpanded(True)
                silenced += 1
            if pose.in_doubt:
                item.addChild(QTreeWidgetItem([f"{_count(pose.in_doubt, 'request')} whose answer was lost: "
                                               "checked against "
                                               "the server first, never sent twice"]))
            self.tree.addTopLevelItem(item)
            for k in range(item.childCount()):
                item.child(k).setFirstColumnSpanned(True)  # explanations read across the count columns
            if pose.pose_id == selected:
                self.tree.setCurrentItem(item)
        totals = review.totals()
        self.headline.setText(
            "Nothing to push: this workspace matches the server as of the last pull." if review.empty else
            f"{_count(review.operations, 'change')} to send: {totals['created']} new, {totals['edited']} edited, "
            f"{totals['deleted']} deleted. " + (
                "No conflict." if not totals["conflicts"] else
                f"{_count(totals['conflicts'], 'conflict')} {'waits' if totals['conflicts'] == 1 else 'wait'} "
                "for a decision."))
        if silenced:
            self.headline.setText(
                f"<b style='color:{WARNING_RED}'>⚠ {silenced} real wildfire detection(s) would be silenced by "
                "these masks (see the red lines). Check them before pushing.</b><br>" + self.headline.text())
        self._update_buttons()

    def selected_pose(self) -> int | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, POSE_ROLE) if item is not None else None

    def select_pose(self, pose_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, POSE_ROLE) == pose_id:
                self.tree.setCurrentItem(item)

    # --- actions ------------------------------------------------------------------------------

    def push_all(self) -> None:
        self._start(lambda client, cancel, progress: push_all(client, self.workspace, options=self._options,
                                                              cancel=cancel, progress=progress))

    def push_selected_pose(self) -> None:
        pose_id = self.selected_pose()
        if pose_id is not None:
            self._start(lambda client, cancel, progress: push_pose(client, self.workspace, pose_id,
                                                                   options=self._options, cancel=cancel,
                                                                   progress=progress))

    def resume(self) -> None:
        """After a sign-in: run the interrupted job again, with the new session's client; it picks
        up where the workspace stopped (requests in doubt are settled first)."""
        if self._last_job is not None and not self.runner.running:
            self._start(self._last_job)

    def discard_selected_pose(self) -> None:
        pose_id = self.selected_pose()
        if pose_id is None or self.runner.running:
            return
        pose = plan(self.workspace).pose(pose_id)
        title = pose.title if pose is not None else f"pose {pose_id}"
        text = (f"Throw away every local change of {title}?\n\nNew masks are removed, edited masks go back "
                "to the server's version, deleted masks come back, and conflicts take the server's side. "
                "This cannot be undone.")
        if not self._confirm(self, "Discard local changes", text):
            return
        changed = discard_local_changes(self.workspace, pose_id)
        self.summary.setVisible(True)
        self.summary.setPlainText(f"{changed} masks of {title} are back to the server's version.")
        self.poseDiscarded.emit(pose_id)
        self.refresh()

    def _start(self, job: ClientJob) -> None:
        self._last_job = job
        client = self._client()  # asked on the GUI thread, at each start: a sign-in replaces it
        if client is None:
            self.summary.setVisible(True)
            self.summary.setPlainText("Sign in to push: your changes are kept on this computer meanwhile.")
            self.signInRequired.emit()
            return
        runnable: SyncJob = lambda cancel, progress: job(client, cancel, progress)  # noqa: E731
        self.summary.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the engine knows its total
        self.runner.start(runnable)

    # --- the runner's answers ------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m · {message}")

    def _on_finished(self, result: SyncResult) -> None:
        self.summary.setVisible(True)
        self.summary.setPlainText(result.summary())
        self.refresh()
        self.syncFinished.emit(result)
        if result.outcome is Outcome.SIGN_IN_REQUIRED:
            self.signInRequired.emit()

    def _on_failed(self, error: BaseException) -> None:
        words = explain(error)
        self.summary.setVisible(True)
        self.summary.setPlainText(f"{words.title}: {words.text}")
        self.refresh()

    def _update_buttons(self) -> None:
        running = self.runner.running
        has_pose = self.selected_pose() is not None
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.push_all_button.setEnabled(not running and self.tree.topLevelItemCount() > 0)
        self.push_pose_button.setEnabled(not running and has_pose)
        self.discard_button.setEnabled(not running and has_pose)
        self.close_buttons.setEnabled(not running)

    def reject(self) -> None:
        if self.runner.running:  # Escape while pushing means "stop", not "close and lose track"
            self.runner.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.shutdown()  # cancels a running job and waits: what was sent is recorded
        super().closeEvent(event)


def _counts(pose: PosePlan) -> tuple[int, ...]:
    return (len(pose.created), len(pose.edited), len(pose.deleted), len(pose.conflicts), len(pose.refused))


WARNING_RED = "#d0342c"


def _wildfire_warnings(workspace: Workspace, pose_id: int) -> list[str]:
    """Past wildfire detections of the pose that its masks would drop, when they were loaded in the
    Past detections panel (mask_editor.sync.detections keeps the last load per pose in memory)."""
    module = sys.modules.get("mask_editor.sync.detections")
    return module.wildfire_warnings(workspace, pose_id) if module is not None else []


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
