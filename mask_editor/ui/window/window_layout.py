"""How the main window is laid out: the central stack (banner, canvas or a hint), the docks, the
toolbar, and the geometry and dock state kept between runs. MainWindow (main_window.py) builds on
it and wires the parts to the active pose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSlider,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.canvas import CanvasView
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.panels.undo_view import UndoHistoryDock
from mask_editor.ui.platform.settings import AppSettings
from mask_editor.ui.window.banner import Banner
from mask_editor.ui.window.dock_panel import DockPanel
from mask_editor.ui.window.language_menu import attach_language_menu
from mask_editor.workspace import Workspace

if TYPE_CHECKING:
    from mask_editor.ui.panels.inspector import Inspector
    from mask_editor.ui.panels.mask_panel import MaskPanel, MaskTableView
    from mask_editor.ui.panels.pose_browser import PoseBrowser
    from mask_editor.ui.panels.timeline import Timeline

NOT_SIGNED_IN = "Not signed in. Choose File › Sign in… to list your cameras, or File › Open workspace…"
NO_POSES = "This workspace has no cameras yet. Sync with the server to download them."


def _browser(window: WindowLayout) -> PoseBrowser:
    from mask_editor.ui.panels.pose_browser import PoseBrowser

    return PoseBrowser(window)


def _mask_panel(window: WindowLayout) -> MaskPanel:
    from mask_editor.ui.panels.mask_panel import MaskPanel

    return MaskPanel(window.settings.stale_days(), window)


def _inspector(window: WindowLayout) -> Inspector:
    from mask_editor.ui.panels.inspector import Inspector

    return Inspector(window)


def _timeline(window: WindowLayout) -> Timeline:
    from mask_editor.ui.panels.timeline import Timeline

    return Timeline(window)


class WindowLayout(QMainWindow):
    """The parts of the window and where they sit; no behaviour beyond showing and remembering."""

    settings: AppSettings
    actions: dict[str, QAction]
    workspace: Workspace | None
    document: PoseDocument | None
    # The docks' contents: their frames (title, place, size) exist from the start, so restoreState
    # and the first paint lay them out; each is built right after the first paint (fill_docks), or
    # when first read if that comes sooner (ui/window/dock_panel.py).
    browser = DockPanel(lambda w: w.poses_dock, _browser)
    mask_panel = DockPanel(lambda w: w.masks_dock, _mask_panel)
    inspector = DockPanel(lambda w: w.inspector_dock, _inspector)
    timeline = DockPanel(lambda w: w.timeline_dock, _timeline)
    PANELS = ("browser", "mask_panel", "inspector", "timeline")  # in the order fill_docks makes them

    @property
    def table(self) -> MaskTableView:
        return self.mask_panel.view

    def panel_filled(self, name: str) -> None:
        """A panel was just built and put in its dock: the window connects it (MainWindow)."""

    def fill_docks(self) -> None:
        for name in self.PANELS:
            getattr(self, name)

    def _build_central(self) -> None:
        self.canvas = CanvasView(self)
        self.banner = Banner(self)
        self.empty = QLabel(NOT_SIGNED_IN, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.empty)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by object name
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        # Side docks run the full height; the timeline sits under the canvas only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        left, right, bottom = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        self.poses_dock = self._dock(self.tr("Poses"), "poses_dock", left)
        self.masks_dock = self._dock(self.tr("Masks"), "masks_dock", right)
        self.inspector_dock = self._dock(self.tr("Inspector"), "inspector_dock", right)
        self.timeline_dock = self._dock(self.tr("Timeline"), "timeline_dock", bottom)
        self._empty_group = QUndoGroup(self)  # the history view's group before a workspace is open
        self.undo_dock = UndoHistoryDock(self._empty_group, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()

    def place_beside_inspector(self, dock: QDockWidget) -> None:
        """Where a feature's dock goes (insight's): a tab beside the inspector."""
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.tabifyDockWidget(self.inspector_dock, dock)

    def place_under_banner(self, widget: QWidget) -> None:
        """Where a feature's banner goes (drift's): right under the window's own, above the canvas."""
        layout = self.centralWidget().layout()
        layout.insertWidget(layout.indexOf(self.banner) + 1, widget)

    def _default_dock_sizes(self) -> None:
        """Without a saved layout: laid out at the window's size before the first show, so that the
        first paint has the docks' sizes. The inspector's height is given too (the rest of its column),
        or Qt would share the column by the docks' size hints, which the panels (made after the first
        paint) do not give yet."""
        self.layout().activate()
        self.resizeDocks([self.poses_dock, self.masks_dock], [260, 420], Qt.Orientation.Horizontal)
        column = self.masks_dock.height() + self.inspector_dock.height()
        masks = self.height() // 2
        self.resizeDocks([self.masks_dock, self.inspector_dock, self.timeline_dock], [masks, column - masks, 96],
                         Qt.Orientation.Vertical)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Tools", self)
        bar.setObjectName("main_toolbar")
        bar.setIconSize(QSize(20, 20))
        a = self.actions
        groups = (("select_tool", "draw_tool"), ("undo", "redo"), ("copy", "paste", "duplicate", "delete"),
                  ("zoom_in", "zoom_out", "zoom_fit", "zoom_actual", "zoom_selection"), ("toggle_masks",))
        for names in groups:
            for name in names:
                bar.addAction(a[name])
            bar.addSeparator()
        label = QLabel(" " + self.tr("Opacity") + " ", bar)
        self.opacity = QSlider(Qt.Orientation.Horizontal, bar)
        self.opacity.setObjectName("opacity_slider")
        self.opacity.setRange(0, 100)
        self.opacity.setFixedWidth(110)
        self.opacity.setToolTip(self.tr("Opacity of the masks' fill"))
        self.opacity.setValue(round(self.settings.mask_opacity() * 100))
        bar.addWidget(label)
        bar.addWidget(self.opacity)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        tools = QActionGroup(self)
        tools.addAction(a["select_tool"])
        tools.addAction(a["draw_tool"])
        tools.addAction(a["area_tool"])  # one exclusive group: the canvas has one tool at a time
        a["select_tool"].setChecked(True)
        a["toggle_masks"].setChecked(True)
        themes = QActionGroup(self)
        for name in ("theme_system", "theme_light", "theme_dark"):
            themes.addAction(a[name])
        a[f"theme_{self.settings.theme()}"].setChecked(True)
        attach_language_menu(self, a, self.settings)

    # --- layout persistence -------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() else None
            width, height = (1280, 760) if screen is None else (min(1280, screen.width() - 40),
                                                                min(800, screen.height() - 40))
            self.resize(width, height)
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            self._default_dock_sizes()
        self.actions["show_undo_history"].setChecked(not self.undo_dock.isHidden())

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        if self.workspace is not None and self.document is not None:
            self.settings.set_last_pose(self.workspace.path, self.document.pose_id)
        self.settings.sync()
