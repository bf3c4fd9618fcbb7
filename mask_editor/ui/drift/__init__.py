"""Masks that follow the camera (issue 14). The window builds `DriftController` once with the narrow
parts it needs (the pose browser's drift marks, the Pose menu, the settings, a place for the banner,
`show_pose`) and hands it each workspace and pose opened; drift holds no reference to the window.

On a workspace: trim the image history to the settings' bounds, compare every pose in the background
and mark the moved ones in the pose browser. On a pose: the banner, the comparison of the two
views, "Shift masks" and "Masks are right" (each one undo step). Pose › Poses whose view moved…
lists them all, worst first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from mask_editor.ui.drift.banner import DriftBanner, day_text, shift_text
from mask_editor.ui.drift.shift import ShiftMasks
from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.platform.input_pause import AfterInputPause, InputGate
from mask_editor.ui.platform.tasks import Task, run_task

# The first comparisons run after the window's first paint, once 700 ms have passed with no key, click or
# drag: numpy and Pillow (pose_drift, core.drift) load only then, so the cold start stays free of heavy
# modules (tests/ui/test_window_app.py).
START_DELAY_MS = 700
# An edit's check waits for the edits to pause: its worker holds the workspace's lock and the GIL
# (2-5 ms taken from the frame of a 2,000-mask move), and a burst of nudges needs one check, not one each.
EDIT_CHECK_DELAY_MS = 250
FLEET_QUIET_MS = 400  # the fleet's check goes on once the keys have paused this long


class Stopped(Exception):
    """The fleet's check was asked to stop (the app is closing)."""

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from mask_editor.ui.drift.compare import CompareDialog
    from mask_editor.ui.drift.fleet import FleetDialog
    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.ui.platform.settings import AppSettings
    from mask_editor.workspace import Workspace
    from mask_editor.workspace.drift import PoseDrift


class DriftMarks(Protocol):
    """The pose browser's part in drift (ui/panels/pose_browser.PoseBrowser): its poses and marks."""

    def set_drift(self, marks: dict[int, str]) -> None: ...
    def pose_text(self, pose_id: int) -> str: ...
    def pose_ids(self) -> list[int]: ...


class DriftController(QObject):
    def __init__(self, marks: DriftMarks, pose_menu: QMenu, settings: AppSettings,
                 place_banner: Callable[[QWidget], None], show_pose: Callable[[int], None],
                 after_paint: Callable[[Callable[[], None]], None] | None = None,
                 parent: QObject | None = None) -> None:
        """`place_banner` puts the banner in the window (under its own); `show_pose` opens a pose;
        `after_paint(callback)` runs callback once the pose opened is painted (at once if not given)."""
        super().__init__(parent)
        self.marks, self.settings, self._show_pose = marks, settings, show_pose
        self._after_paint = after_paint
        self._check_posted = False
        self.banner = DriftBanner()
        place_banner(self.banner)
        self.compare: CompareDialog | None = None  # the dialogs sit over the banner's window
        self.fleet_dialog: FleetDialog | None = None
        self.workspace: Workspace | None = None
        self.document: PoseDocument | None = None
        self._followed: PoseDocument | None = None  # the document whose undo stack we listen to
        self.last_drift: PoseDrift | None = None  # the open pose's last comparison (tests wait for it)
        self.fleet_action = QAction(self.tr("Poses whose view &moved…"), self)
        self.fleet_action.setObjectName("drift_fleet_action")
        self.fleet_action.setStatusTip(self.tr("Every pose whose masks look out of place, worst first"))
        self.fleet_action.triggered.connect(lambda _checked=False: self.show_fleet())
        pose_menu.addSeparator()
        pose_menu.addAction(self.fleet_action)
        self.banner.shiftRequested.connect(self.shift)
        self.banner.confirmRequested.connect(self.confirm)
        self.banner.compareToggled.connect(self._on_compare)
        self._started = False
        # The fleet's check runs Python on a worker for a fraction of a second at 16,000 poses: it waits
        # until the person stops typing or dragging (ui/platform/input_pause.py).
        self._start_pause = AfterInputPause(START_DELAY_MS, self._start, self)
        self._edit_timer = QTimer(self, singleShot=True, interval=EDIT_CHECK_DELAY_MS)
        self._edit_timer.timeout.connect(lambda: self.refresh_pose(keep_result=True))

    @property
    def started(self) -> bool:
        """The first comparisons ran (they wait for the window's first paint and a pause in the input)."""
        return self._started

    def _start(self) -> None:
        self._started = True
        self.set_workspace(self.workspace)
        self.set_document(self.document)

    # --- workspace: the whole fleet ------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """The workspace opened (the window's workspaceChanged)."""
        self.workspace = workspace
        self.marks.set_drift({})
        if workspace is None or workspace.closed or not self._started:
            return
        self.refresh_fleet(prune=None if workspace.read_only else self.settings.history_bounds())

    def refresh_fleet(self, then=None, prune: tuple[int, float] | None = None) -> None:
        """Compare every pose on a worker, after pruning the image history to `prune` if given."""
        workspace = self.workspace
        if workspace is None or workspace.closed:
            return

        def done(reports: list[PoseDrift]) -> None:
            if self.workspace is not workspace:
                return  # another workspace meanwhile
            self.marks.set_drift({r.pose_id: self._mark(r) for r in reports if r.exceeds})
            if then is not None:
                then(reports)

        threshold = self.settings.drift_threshold()
        # Its steps wait while someone types or drags: 16,000 poses are ~0.3 s of Python on the worker.
        gate, task = InputGate(FLEET_QUIET_MS, self), Task(self)

        def pause() -> None:
            if gate.wait(task.token):
                raise Stopped  # the app is closing

        def check() -> list[PoseDrift]:
            # On the worker, both: drift's import (numpy, ~140 ms) and a fleet's pruning (~90 ms) on
            # the GUI thread stopped the window 700 ms after its start, as a person began to type.
            pause()
            from mask_editor.workspace.drift import fleet

            if prune is not None:
                workspace.prune_history(*prune)
            return fleet(workspace, threshold=threshold, between=pause)

        def finished(reports: list[PoseDrift]) -> None:
            gate.close()
            done(reports)

        run_task(check, finished, lambda _exc: gate.close(), task=task)

    def _mark(self, report: PoseDrift) -> str:
        return self.tr("moved %1 %").replace("%1", decimal(report.worst * 100))

    def show_fleet(self) -> None:
        from mask_editor.ui.drift.fleet import FleetDialog

        if self.fleet_dialog is None:
            self.fleet_dialog = FleetDialog(self.banner)
            self.fleet_dialog.poseChosen.connect(self._show_pose)

        def fill(reports: list[PoseDrift]) -> None:
            assert self.fleet_dialog is not None
            titles = {p: self.marks.pose_text(p)
                      for p in self.marks.pose_ids()}
            self.fleet_dialog.set_reports(reports, titles, self.settings.history_bounds(),
                                          self.settings.drift_threshold())
            self.fleet_dialog.show()
            self.fleet_dialog.raise_()

        self.refresh_fleet(then=fill)

    # --- one pose -------------------------------------------------------------------------------

    def set_document(self, document: PoseDocument | None) -> None:
        """The pose opened (the window's documentChanged)."""
        if self._followed is not None:
            self._followed.undo_stack.indexChanged.disconnect(self._on_undo_index)
            self._followed = None
        self._edit_timer.stop()  # the check of the pose left is not wanted any more
        self.document = document
        self.banner.show_drift(None, editable=False)
        if document is not None and self._started:
            document.undo_stack.indexChanged.connect(self._on_undo_index)
            self._followed = document
            self._check_after_paint()

    def _check_after_paint(self) -> None:
        """The new pose's check once its image is on screen: the check's thread takes the GIL from the
        GUI thread (up to a 5 ms switch interval) and a core from the image's decode."""
        if self._after_paint is None:
            self.refresh_pose()
        elif not self._check_posted:  # poses stepped through quickly: one check, of the last one
            self._check_posted = True
            self._after_paint(self._posted_check)

    def _posted_check(self) -> None:
        self._check_posted = False
        self.refresh_pose()

    def _on_undo_index(self, _index: int) -> None:
        self._edit_timer.start()

    def refresh_pose(self, keep_result: bool = False) -> None:
        document = self.document
        if document is None or document.workspace.closed:
            return

        def done(drift: PoseDrift | None) -> None:
            if self.document is not document:
                return
            self.last_drift = drift
            if drift is not None and drift.exceeds:
                self.banner.show_drift(drift, editable=not document.read_only)
            elif not (keep_result and self.banner.drift is None and self.banner.isVisible()):
                self.banner.show_drift(None, editable=False)
            self._update_compare()

        def check() -> PoseDrift | None:
            from mask_editor.workspace.drift import pose_drift  # on the worker, as in refresh_fleet

            return pose_drift(document.workspace, document.pose_id, threshold)

        threshold = self.settings.drift_threshold()
        run_task(check, done, lambda _exc: None, owner=self)

    def shift(self) -> None:
        document, drift = self.document, self.banner.drift
        if document is None or drift is None or document.read_only:
            return
        from mask_editor.workspace.drift import shifted_boxes

        boxes, cut = shifted_boxes(document.workspace, drift)
        ids = [i for g in drift.moved for i in g.mask_ids]
        main = drift.main
        assert main is not None
        words = shift_text(main.shift.dx, main.shift.dy)
        text = self.tr("Shift %n mask(s) with the view", "", len(boxes))
        document.undo_stack.push(ShiftMasks(document, boxes, ids, drift.latest.sha256, text, cut))
        result = self.tr("Shifted %n mask(s) %1 with the view; they will be sent at the next sync.", "",
                         len(boxes)).replace("%1", words)
        if cut:
            result += " " + self.tr("%n of them went past the image edge and were cut to it: they are selected, "
                                    "check them.", "", len(cut))
        self.banner.show_result(result)
        self.refresh_fleet()

    def confirm(self) -> None:
        document, drift = self.document, self.banner.drift
        if document is None or drift is None or document.read_only:
            return
        ids = [i for g in drift.moved for i in g.mask_ids]
        text = self.tr("Keep %n mask(s) where they are", "", len(ids))
        document.undo_stack.push(ShiftMasks(document, {}, ids, drift.latest.sha256, text))
        self.banner.show_drift(None, editable=False)
        self.refresh_fleet()

    # --- comparing the views ------------------------------------------------------------------

    def _on_compare(self, on: bool) -> None:
        if on:
            from mask_editor.ui.drift.compare import CompareDialog

            if self.compare is None:
                self.compare = CompareDialog(self.banner)
                self.compare.finished.connect(lambda _result: self.banner.compare.setChecked(False))
            self._update_compare()
            self.compare.show()
        elif self.compare is not None:
            self.compare.hide()

    def _update_compare(self) -> None:
        drift, document = self.banner.drift, self.document
        if self.compare is None or drift is None or document is None or drift.main is None:
            return
        from mask_editor.core.drift import follow

        main = drift.main
        boxes = [m.box for i in main.mask_ids if (m := document.mask(i)) is not None and m.box is not None]
        moved = [follow(b, main.shift.dx, main.shift.dy)[0] for b in boxes]
        self.compare.set_views(str(main.reference.path), str(drift.latest.path), boxes, moved,
                               day_text(main.reference.taken_at), day_text(drift.latest.taken_at))
