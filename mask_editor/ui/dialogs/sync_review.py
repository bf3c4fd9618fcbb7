"""Review before push: per pose and per mask, what will be created, changed (from → to) and deleted,
and the conflicts with both versions (ui/dialogs/sync_review_tree.py). Untick a pose or a mask to
leave it out of this push; push everything ticked or one pose, or throw a pose's local changes away;
progress and Cancel while it runs; a summary at the end with each refusal in the server's own words.

The dialog never touches the network itself: jobs run in a SyncRunner (ui/session/sync_worker.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
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

from mask_editor.sync import (
    LeaveOut,
    Outcome,
    SyncOptions,
    SyncResult,
    discard_local_changes,
    plan,
    push_all,
    push_pose,
)
from mask_editor.sync.plan import PosePlan
from mask_editor.ui.dialogs.sync_review_tree import POSE_ROLE, WARNING_RED, leave_out, pose_item, span
from mask_editor.ui.platform.formatting import WildfireWords
from mask_editor.ui.platform.messages import explain
from mask_editor.ui.session.sync_words import sync_summary
from mask_editor.ui.session.sync_worker import SyncJob, SyncRunner
from mask_editor.workspace import Workspace

if TYPE_CHECKING:
    from mask_editor.api import PyroClient

COLUMNS = (QT_TRANSLATE_NOOP("SyncDialog", "Pose"), QT_TRANSLATE_NOOP("SyncDialog", "New"),
           QT_TRANSLATE_NOOP("SyncDialog", "Edited"), QT_TRANSLATE_NOOP("SyncDialog", "Deleted"),
           QT_TRANSLATE_NOOP("SyncDialog", "Conflicts"), QT_TRANSLATE_NOOP("SyncDialog", "Refused"))
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
        self.setWindowTitle(self.tr("Review and push changes"))
        self.setObjectName("sync_dialog")
        self.resize(720, 520)
        self.workspace, self._client, self._options, self._confirm = workspace, client, options, confirm
        self._last_job: ClientJob | None = None
        self._left_out = LeaveOut()  # the unticked rows, kept across refreshes
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
        self.tree.setHeaderLabels([QCoreApplication.translate("SyncDialog", c) for c in COLUMNS])
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
        self.push_all_button = QPushButton(self.tr("Push all ticked"), self)
        self.push_pose_button = QPushButton(self.tr("Push this pose"), self)
        self.discard_button = QPushButton(self.tr("Discard local changes of this pose…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
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
        if self.tree.topLevelItemCount():
            self._left_out = leave_out(self.tree)
        review = plan(self.workspace)
        self.tree.clear()
        silenced = 0
        for pose in review.poses:
            item = pose_item(pose, [str(n) for n in _counts(pose)], self._left_out)
            for warning in _wildfire_warnings(self.workspace, pose.pose_id):
                child = QTreeWidgetItem([f"⚠ {warning}"])
                child.setForeground(0, QColor(WARNING_RED))
                child.setToolTip(0, warning)
                item.addChild(child)
                item.setForeground(0, QColor(WARNING_RED))
                item.setExpanded(True)
                silenced += 1
            if pose.in_doubt:
                item.addChild(QTreeWidgetItem([self.tr("%n request(s) whose answer was lost: checked against "
                                                       "the server first, never sent twice.", "", pose.in_doubt)]))
            self.tree.addTopLevelItem(item)
            span(item)
            if pose.pose_id == selected:
                self.tree.setCurrentItem(item)
        totals = review.totals()
        self.headline.setText(
            self.tr("Nothing to push: this workspace matches the server as of the last pull.") if review.empty else
            self.tr("%n change(s) to send: {new} new, {edited} edited, {deleted} deleted.", "", review.operations)
            .format(new=totals["created"], edited=totals["edited"], deleted=totals["deleted"]) + " " + (
                self.tr("No conflict.") if not totals["conflicts"] else
                self.tr("%n conflict(s) wait for your decision (keep mine / take theirs / keep both): they are "
                        "not pushed.", "", totals["conflicts"])) + " " +
            self.tr("Untick a pose or a mask to leave it out of this push: it stays pending for a later one."))
        if silenced:
            self.headline.setText(
                f"<b style='color:{WARNING_RED}'>⚠ "
                + self.tr("%n real wildfire detection(s) would be silenced by these masks (see the red lines). "
                          "Check them before pushing.", "", silenced)
                + "</b><br>" + self.headline.text())
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
        left_out = self._left_out = leave_out(self.tree)
        self._start(lambda client, cancel, progress: push_all(client, self.workspace, options=self._options,
                                                              cancel=cancel, progress=progress, leave_out=left_out))

    def push_selected_pose(self) -> None:
        pose_id = self.selected_pose()
        if pose_id is not None:
            # The pose's own tick is overruled by asking for it; its unticked masks still stay out.
            left_out = self._left_out = leave_out(self.tree)
            masks_only = LeaveOut(masks=left_out.masks)
            self._start(lambda client, cancel, progress: push_pose(client, self.workspace, pose_id,
                                                                   options=self._options, cancel=cancel,
                                                                   progress=progress, leave_out=masks_only))

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
        title = pose.title if pose is not None else self.tr("pose {id}").format(id=pose_id)
        text = self.tr("Throw away every local change of {pose}?\n\nNew masks are removed, edited masks go back "
                       "to the server's version, deleted masks come back, and conflicts take the server's side. "
                       "This cannot be undone.").format(pose=title)
        if not self._confirm(self, self.tr("Discard local changes"), text):
            return
        changed = discard_local_changes(self.workspace, pose_id)
        self.summary.setVisible(True)
        self.summary.setPlainText(self.tr("%n mask(s) of {pose} are back to the server's version.", "", changed)
                                  .format(pose=title))
        self.poseDiscarded.emit(pose_id)
        self.refresh()

    def _start(self, job: ClientJob) -> None:
        self._last_job = job
        client = self._client()  # asked on the GUI thread, at each start: a sign-in replaces it
        if client is None:
            self.summary.setVisible(True)
            self.summary.setPlainText(self.tr("Sign in to push: your changes are kept on this computer meanwhile."))
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
        # The sync layer's step text ("pose 4: pulled") is for the command line (ADR 0004): the bar counts.
        self.progress.setFormat(self.tr("Step %v of %m"))

    def _on_finished(self, result: SyncResult) -> None:
        self.summary.setVisible(True)
        self.summary.setPlainText(sync_summary(result))
        self.refresh()
        self.syncFinished.emit(result)
        if result.outcome is Outcome.SIGN_IN_REQUIRED:
            self.signInRequired.emit()

    def _on_failed(self, error: BaseException) -> None:
        words = explain(error)
        self.summary.setVisible(True)
        self.summary.setPlainText(self.tr("{title}: {text}").format(title=words.title, text=words.text))
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


def _wildfire_warnings(workspace: Workspace, pose_id: int) -> list[str]:
    """Past wildfire detections of the pose that its masks would drop, when they were loaded in the
    Past detections panel (mask_editor.sync.detections keeps the last load per pose in memory)."""
    module = sys.modules.get("mask_editor.sync.detections")
    words = WildfireWords()
    return [words.sentence(hit) for hit in module.wildfire_hits(workspace, pose_id)] if module is not None else []

