"""The main window: pose browser (left), canvas (centre), masks and inspector (right), timeline
(bottom), status bar. It wires widgets to the active PoseDocument; the widgets never talk to each
other, they all follow the document (see ui/editing/document.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from mask_editor.ui.editing import clipboard
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.insight import Insight
from mask_editor.ui.panels.pose_order import pose_order
from mask_editor.ui.platform.actions import SPECS, build_actions, populate_menus, spec_text
from mask_editor.ui.platform.formatting import pose_name
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.window.dock_panel import is_filled
from mask_editor.ui.window.file_actions import attach_file_actions
from mask_editor.ui.window.first_paint import after_first_paint
from mask_editor.ui.window.open_poses import OpenPoses
from mask_editor.ui.window.reveal import reveal
from mask_editor.ui.window.status_bar import StatusBar
from mask_editor.ui.window.window_layout import NO_POSES, NOT_SIGNED_IN, WindowLayout
from mask_editor.workspace import Workspace

if TYPE_CHECKING:
    from mask_editor.ui.drift import DriftController


class MainWindow(WindowLayout):
    workspaceChanged = Signal(object)  # Workspace | None
    # PoseDocument | None: the one "a pose was opened" signal (the browser reflects it, the session
    # pulls the pose, insight and drift follow it); emitted once per pose opened.
    documentChanged = Signal(object)

    def __init__(self, workspace: Workspace | None, settings: AppSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.workspace: Workspace | None = None
        self.poses: OpenPoses | None = None
        self.document: PoseDocument | None = None
        self.actions = build_actions(self)
        self._build_central()
        self._build_docks()
        self.menus = populate_menus(self.menuBar(), self.actions)
        self._build_toolbar()
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._counts_timer = QTimer(self, singleShot=True, interval=120)  # coalesce bursts of edits
        self._counts_timer.timeout.connect(self._refresh_edited_counts)
        self._edited_poses: set[int] = set()  # poses edited since the counts were last read
        self._connect_actions()
        self._connect_widgets()
        attach_file_actions(self)
        after_first_paint(self, self.fill_docks)  # the docks' frames paint first (window_layout.py)
        self._attach_features()
        self.set_workspace(workspace)
        self._restore_layout()

    # --- building -----------------------------------------------------------------------------

    def _connect_actions(self) -> None:
        a, c = self.actions, self.canvas
        handlers = {
            "open_workspace": self.choose_workspace, "quit": self.close,
            "undo": lambda: self.poses and self.poses.group.undo(),
            "redo": lambda: self.poses and self.poses.group.redo(),
            "copy": lambda: self._with_doc(clipboard.copy_selection),
            "cut": self.cut, "paste": lambda: self._with_doc(clipboard.paste),
            "duplicate": lambda: self._with_doc(clipboard.duplicate_selection),
            "delete": lambda: self._with_doc(lambda d: d.delete(d.selection)),
            "select_all": lambda: self._with_doc(PoseDocument.select_all),
            "select_none": lambda: self._with_doc(lambda d: d.set_selection(())),
            "select_tool": lambda: c.set_tool("select"), "draw_tool": lambda: c.set_tool("draw"),
            "zoom_in": c.zoom_in, "zoom_out": c.zoom_out, "zoom_fit": c.zoom_to_fit,
            "zoom_actual": c.zoom_actual, "zoom_selection": c.zoom_to_selection,
            "next_pose": lambda: self.step_pose(1), "previous_pose": lambda: self.step_pose(-1),
            "reveal_selection": lambda: self.reveal(self.document.selection if self.document else ()),
            "shortcuts": self.show_shortcuts, "about": self.show_about,
        }
        for name, handler in handlers.items():
            a[name].triggered.connect(lambda _checked=False, h=handler: h())
        a["toggle_masks"].toggled.connect(c.set_masks_visible)
        # The dock's own toggleViewAction decides (tabified and floating docks included); the named
        # action, which carries the shortcut and the menu place, only asks it and shows its state.
        dock_toggle = self.undo_dock.toggleViewAction()
        a["show_undo_history"].triggered.connect(lambda _checked=False: dock_toggle.trigger())
        dock_toggle.toggled.connect(a["show_undo_history"].setChecked)
        for name in ("system", "light", "dark"):
            a[f"theme_{name}"].triggered.connect(lambda _checked=False, n=name: self.set_theme(n))
        self.addActions(list(a.values()))  # shortcuts work even when a menu is hidden
        view = self.menus["View"]
        view.addSeparator()
        panels = view.addMenu(self.tr("&Panels"))
        for dock in (self.poses_dock, self.masks_dock, self.inspector_dock, self.timeline_dock):
            panels.addAction(dock.toggleViewAction())
        panels.addAction(self.toolbar.toggleViewAction())

    def _attach_features(self) -> None:
        # Insight and drift get the parts they use, never the window; they follow the pose opened.
        self.insight = Insight(self.canvas, self.actions, lambda: self.mask_panel.model, self.toolbar,
                               self.place_beside_inspector, parent=self)
        self.documentChanged.connect(self.insight.set_document)
        self._drift: DriftController | None = None
        after_first_paint(self, lambda: self.drift)  # its first comparison waits 700 ms anyway

    @property
    def drift(self) -> DriftController:
        """Drift (its hidden banner, a Pose menu entry), built right after the first paint or when asked."""
        if self._drift is None:
            from mask_editor.ui.drift import DriftController

            drift = self._drift = DriftController(self.browser, self.menus["Pose"], self.settings,
                                                  self.place_under_banner, self.show_pose,
                                                  self.canvas.after_image_shown, parent=self)
            self.workspaceChanged.connect(drift.set_workspace)
            self.documentChanged.connect(drift.set_document)
            drift.set_workspace(self.workspace)
            drift.set_document(self.document)
        return self._drift

    def _connect_widgets(self) -> None:
        self.canvas.cursorMoved.connect(self.status.set_cursor)
        self.canvas.zoomChanged.connect(self.status.set_zoom)
        self.canvas.toolChanged.connect(lambda tool: self.actions[f"{tool}_tool"].setChecked(True))
        self.opacity.valueChanged.connect(self._on_opacity)
        self.canvas.set_mask_opacity(self.opacity.value() / 100)

    def panel_filled(self, name: str) -> None:
        """Connect a dock's panel just built and bring it to where it would be, had it been there
        from the start (window_layout.py builds them after the first paint, or when first read)."""
        doc = self.document
        if name == "browser":
            browser = self.browser
            browser.poseActivated.connect(self.show_pose)  # a request; documentChanged says it happened
            self.documentChanged.connect(lambda d: browser.select_pose(d.pose_id) if d else None)
            browser.set_workspace(self.workspace)
            browser.refresh_counts()
            if doc is not None:
                browser.select_pose(doc.pose_id)
        elif name == "mask_panel":
            self.table.revealRequested.connect(self.reveal)
            self.mask_panel.model.editRejected.connect(lambda text: self.status.showMessage(text, 8000))
            self.table.set_document(doc)
        elif name == "inspector":
            self.inspector.set_document(doc)
        elif name == "timeline":
            self.timeline.rangeChanged.connect(lambda _range: self.apply_time_filter())
            self.timeline.hideFilteredChanged.connect(self.table.proxy.set_hide_dimmed)
            self.timeline.set_document(doc)  # no range yet: nothing to filter

    # --- workspace and poses ------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._show_document(None)
        if self.poses is not None:
            self.poses.close_all()
        self.workspace = workspace
        self.poses = OpenPoses(workspace, parent=self) if workspace else None
        self.undo_dock.set_group(self.poses.group if self.poses else self._empty_group)
        if self.poses is not None:
            # They change the undo and redo actions only: not the ~60 others (twice per edit).
            self.poses.group.canUndoChanged.connect(lambda _can: self._update_undo_actions())
            self.poses.group.canRedoChanged.connect(lambda _can: self._update_undo_actions())
            self.poses.group.undoTextChanged.connect(lambda t: self.actions["undo"].setText(
                self.tr("&Undo %1").replace("%1", t) if t else spec_text(SPECS["undo"])))
            self.poses.group.redoTextChanged.connect(lambda t: self.actions["redo"].setText(
                self.tr("&Redo %1").replace("%1", t) if t else spec_text(SPECS["redo"])))
        self.banner.show_message(self.poses.read_only_reason if self.poses else None)
        browser = is_filled(self, "browser")
        if browser:
            self.browser.set_workspace(workspace)
        self.status.set_workspace(workspace)
        if workspace is not None:
            self.settings.set_last_workspace(workspace.path)
            ids = self.browser.pose_ids() if browser else pose_order(workspace)
            last = self.settings.last_pose(workspace.path)
            if ids:
                self.show_pose(last if last in ids else ids[0])
        self.empty.setText(NOT_SIGNED_IN if workspace is None else NO_POSES)
        self.workspaceChanged.emit(workspace)
        self.stack.setCurrentWidget(self.canvas if self.document else self.empty)
        self.refresh_counts()

    def show_pose(self, pose_id: int) -> None:
        if self.poses is None or (self.document is not None and self.document.pose_id == pose_id):
            return
        doc = self.poses.open(pose_id)
        self._show_document(doc)  # documentChanged: the browser reflects it, the session pulls it
        assert self.workspace is not None
        path = self.workspace.path  # saved after the image's paint: QSettings writes its file at the next turn
        self.canvas.after_image_shown(lambda: self.settings.set_last_pose(path, pose_id))
        self.stack.setCurrentWidget(self.canvas)

    def _show_document(self, doc: PoseDocument | None) -> None:
        old = self.document
        if old is not None:
            old.selectionChanged.disconnect(self._on_selection)
            old.masksChanged.disconnect(self._on_masks_changed)
            old.undo_stack.cleanChanged.disconnect(self._update_title)
        self.document = doc
        self.canvas.set_document(doc)
        if is_filled(self, "mask_panel"):  # a panel built later follows it then (panel_filled)
            self.table.set_document(doc)
        if is_filled(self, "inspector"):
            self.inspector.set_document(doc)
        if is_filled(self, "timeline"):
            self.timeline.set_document(doc)
        if doc is not None:
            doc.selectionChanged.connect(self._on_selection)
            doc.masksChanged.connect(self._on_masks_changed)
            doc.undo_stack.cleanChanged.connect(self._update_title)
            doc.undoNotice.connect(lambda text: self.status.showMessage(text, 15000))
        self.apply_time_filter()
        self._update_actions()
        self._update_title()
        self.documentChanged.emit(doc)

    def step_pose(self, step: int) -> None:
        ids = self.browser.visible_pose_ids() or self.browser.pose_ids()
        if not ids:
            return
        current = self.document.pose_id if self.document else None
        index = ids.index(current) + step if current in ids else 0
        self.show_pose(ids[index % len(ids)])

    def choose_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from mask_editor.ui.platform.messages import workspace_text
        from mask_editor.workspace import WorkspaceBusy, WorkspaceError

        start = str(self.workspace.path.parent) if self.workspace else ""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open a workspace"), start,
                                                    self.tr("Workspaces (*.sqlite);;All files (*)"))
        if not path:
            return
        try:
            workspace = Workspace(path, exclusive=True)
        except (WorkspaceBusy, WorkspaceError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open this workspace"), workspace_text(exc))
            return
        old = self.workspace
        self.set_workspace(workspace)
        if old is not None:
            old.close()

    # --- reacting to the document -------------------------------------------------------------

    def _on_selection(self, _ids: frozenset[int]) -> None:
        self._update_actions()

    def _on_masks_changed(self, _changed: set[int], _removed: set[int]) -> None:
        self._update_actions()  # a resolved conflict, a deleted selection
        if is_filled(self, "timeline") and self.timeline.current_range() is not None:
            self.apply_time_filter()  # new masks may fall outside the range
        if self.document is not None:
            self._edited_poses.add(self.document.pose_id)
        self._counts_timer.start()

    def apply_time_filter(self) -> None:
        if not is_filled(self, "timeline"):
            return  # no range before the timeline is built, and the table hides nothing
        if self.document is not None:  # the document holds it; the canvas and the table (its filter too) follow
            self.document.set_dimmed(self.timeline.outside())

    def refresh_counts(self, pose_ids: set[int] | None = None) -> None:
        """The browser's counts and badges (of `pose_ids`, or of every pose after a pull or a sync),
        the status bar's changes to sync and the title."""
        if is_filled(self, "browser"):
            self.browser.refresh_counts(pose_ids)  # else all of them, once it is built
        pending = self.workspace.pending_counts() if self.workspace else {}
        self.status.set_pending(sum(sum(c.values()) for c in pending.values()))
        self._update_title()

    def _refresh_edited_counts(self) -> None:
        edited, self._edited_poses = self._edited_poses, set()
        self.refresh_counts(edited)

    def _update_title(self, *_args: object) -> None:
        # Edits are saved to the workspace at once, so nothing is ever "unsaved": the [*] marker means
        # that this pose has changes the server has not had yet (made now or in an earlier session),
        # and the title says how many.
        doc = self.document
        if doc is None or self.workspace is None:
            self.setWindowTitle(self.tr("Mask editor"))
            self.setWindowModified(False)
            return
        pending = self.workspace.pending_total(doc.pose_id)
        pose = self.workspace.pose(doc.pose_id)
        camera = self.workspace.camera(pose.camera_id) if pose else None
        # core.labels.pose_label's name, as the tree shows it, with the azimuth in the window's language
        name = pose_name(camera.name if camera else None, doc.pose_id, pose.azimuth if pose else None)
        if pending:
            name = self.tr("%1 · %n to sync", "", pending).replace("%1", name)
        self.setWindowTitle(self.tr("%1[*] — Mask editor").replace("%1", name))
        self.setWindowModified(pending > 0)

    def _update_actions(self) -> None:
        doc = self.document
        editable = doc is not None and not doc.read_only
        selected = doc is not None and bool(doc.selection)
        conflicts = selected and doc.selection_has_conflict()
        for name, action in self.actions.items():
            spec = SPECS[name]
            if spec.needs_session:
                continue  # ui/window/session_controller.py decides
            enabled = (not spec.needs_edit or editable) and (not spec.needs_selection or selected)
            if spec.menu in ("Edit", "View") and name != "show_undo_history":
                enabled = enabled and doc is not None  # nothing to act on without a pose
            if name in ("undo", "redo"):
                continue  # below
            if name == "sync":
                enabled = self.workspace is not None
            elif name.startswith("conflict_"):
                enabled = enabled and conflicts
            action.setEnabled(enabled)
        self._update_undo_actions()
        if not editable and (self.actions["draw_tool"].isChecked() or self.actions["area_tool"].isChecked()):
            self.actions["select_tool"].trigger()

    def _update_undo_actions(self) -> None:
        editable = self.document is not None and not self.document.read_only
        group = self.poses.group if self.poses else None
        self.actions["undo"].setEnabled(editable and group is not None and group.canUndo())
        self.actions["redo"].setEnabled(editable and group is not None and group.canRedo())

    # --- commands -----------------------------------------------------------------------------

    def _with_doc(self, run) -> None:
        if self.document is not None:
            run(self.document)

    def cut(self) -> None:
        doc = self.document
        if doc is not None and not doc.read_only and clipboard.copy_selection(doc):
            doc.delete(doc.selection)

    def reveal(self, ids: frozenset[int] | set[int]) -> None:
        """Bring the masks into view: centre on them if they fit, else zoom to them."""
        reveal(self.canvas, self.document, ids)

    def _on_opacity(self, value: int) -> None:
        self.canvas.set_mask_opacity(value / 100)
        self.settings.set_mask_opacity(value / 100)

    def set_theme(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        from mask_editor.ui.platform.theme import apply_theme

        self.settings.set_theme(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)

    def show_shortcuts(self) -> None:
        from mask_editor.ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.shortcuts_dialog = dialog

    def about_text(self) -> str:
        from mask_editor import __version__

        # The device's rule (pyro-api CONTRACT.md): overlap measured as IoU, dropped above 0.1.
        return self.tr("<b>mask editor %1</b><p>Draw and sync the occlusion masks of Pyronear wildfire "
                       "cameras.</p><p>The camera drops a detection when its overlap with a mask (IoU: the "
                       "shared area divided by the area the two boxes cover together) is greater than 0.1. "
                       "A small detection inside a large mask overlaps it little and is kept, so a mask "
                       "works best when it is about the size of the detections it should stop.</p>"
                       ).replace("%1", __version__)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs' classes load when first used, not at start

        QMessageBox.about(self, self.tr("About mask editor"), self.about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        if is_filled(self, "inspector"):
            self.inspector.commit_pending()  # a value typed without Enter is kept, not lost with the window
        self.save_layout()
        self._counts_timer.stop()  # the workspace may be closed right after the window
        if is_filled(self, "browser"):
            self.browser.shutdown()
        super().closeEvent(event)
