"""Show what masks really do: the suppression zone, the area tool, the sky helper and past false
positives. The window builds `Insight` once with the narrow parts it needs (the canvas, the action
table of ui/platform/actions.py, the mask table's model, the toolbar and a place for its docks) and
hands it each pose opened through `set_document`; insight holds no reference to the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.platform.tasks import run_task

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolBar

    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.ui.insight.area import AreaTool
    from mask_editor.ui.insight.false_positives import FalsePositives, FalsePositivesPanel
    from mask_editor.ui.insight.panel import InsightPanel
    from mask_editor.ui.insight.parts import InsightParts
    from mask_editor.ui.insight.sizes import DetectionSize
    from mask_editor.ui.insight.zone import ZoneOverlay
    from mask_editor.ui.panels.mask_table import MaskTableModel
    from mask_editor.ui.session.session import Session

__all__ = ["Insight"]


class Insight(QObject):
    """Its docks exist from the start (restoreState finds them by name) but stay empty, and its parts
    (ui/insight/parts.py) are built, on first use: a dock shown, an action, a part asked for."""

    def __init__(self, canvas: CanvasView, actions: dict[str, QAction], table: Callable[[], MaskTableModel],
                 toolbar: QToolBar, place_dock: Callable[[QDockWidget], None],
                 parent: QObject | None = None) -> None:
        """`table` gives the mask table's model (asked when the parts are built: the window fills its
        docks after the first paint); `place_dock` puts a new dock where the window keeps it (beside
        the inspector)."""
        super().__init__(parent)
        self.document: PoseDocument | None = None
        self.session: Session | None = None  # set by tests; else what use_session's source gives
        self._session_source: Callable[[], Session | None] = lambda: None
        self._canvas, self._actions, self._table = canvas, actions, table
        self._parts: InsightParts | None = None
        self._place_dock = place_dock
        self._past_detections_action = actions["past_detections"]
        self.dock = self._dock(self.tr("What masks do"), "insight_dock")
        self.fp_dock = self._dock(self.tr("Past detections"), "past_detections_dock")

        actions["show_zone"].toggled.connect(self._on_zone_toggled)
        # The canvas's tool is the truth: the action (in the window's exclusive group of tools) and
        # the panel's button ask for it and follow it.
        actions["area_tool"].toggled.connect(lambda on: on and self.area.set_active(True))
        actions["propose_sky"].triggered.connect(lambda _checked=False: self.propose_sky())
        actions["past_detections"].toggled.connect(lambda on: on and self._reveal(self.fp_dock))
        actions["past_detections"].triggered.connect(self._on_past_detections)
        self.fp_dock.visibilityChanged.connect(
            lambda visible: actions["past_detections"].setChecked(visible or not self.fp_dock.isHidden()))
        toolbar.addSeparator()
        for name in ("show_zone", "area_tool"):
            toolbar.addAction(actions[name])

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title)  # place_dock gives it to the window
        dock.setObjectName(name)  # saveState/restoreState find docks by object name
        dock.visibilityChanged.connect(lambda visible: visible and self._built())  # its panel, when shown
        self._place_dock(dock)
        dock.hide()
        return dock

    def _built(self) -> InsightParts:
        if self._parts is not None:
            return self._parts
        from mask_editor.ui.insight.parts import InsightParts

        parts = self._parts = InsightParts(self, self._canvas, self._table(), self.dock, self.fp_dock,
                                           self._current_session)
        p, area, actions = parts.panel, parts.area, self._actions
        p.sizeChanged.connect(self._on_size)
        p.show_zone.setChecked(actions["show_zone"].isChecked())
        p.show_zone.toggled.connect(actions["show_zone"].setChecked)
        parts.zone.changed.connect(lambda text: text and p.zone_text.setText(text))
        p.draw_area.toggled.connect(area.set_active)
        area.activeChanged.connect(self._on_area_active)
        p.sky.clicked.connect(self.propose_sky)
        p.apply.clicked.connect(area.apply)
        p.discard.clicked.connect(area.discard)
        area.message.connect(p.area_text.setText)
        area.proposalChanged.connect(lambda ready: p.apply.setEnabled(ready and self._editable()))
        area.proposalChanged.connect(lambda ready: p.discard.setEnabled(ready or area.area is not None))
        parts.set_document(self.document)
        return parts

    # The parts, built on first use (tests and the window's wiring ask for them by these names).
    @property
    def panel(self) -> InsightPanel:
        return self._built().panel

    @property
    def fp_panel(self) -> FalsePositivesPanel:
        return self._built().fp_panel

    @property
    def zone(self) -> ZoneOverlay:
        return self._built().zone

    @property
    def area(self) -> AreaTool:
        return self._built().area

    @property
    def false_positives(self) -> FalsePositives:
        return self._built().false_positives

    def use_session(self, source: Callable[[], Session | None]) -> None:
        """Where the signed-in session comes from (given by ui/window/assemble.build_window)."""
        self._session_source = source

    def _current_session(self) -> Session | None:
        return self.session if self.session is not None else self._session_source()

    def set_document(self, doc: PoseDocument | None) -> None:
        """The pose opened (the window's documentChanged)."""
        self.document = doc
        if self._parts is not None:
            self._parts.set_document(doc)

    def _editable(self) -> bool:
        doc = self.document
        return doc is not None and not doc.read_only

    def _on_size(self, size: DetectionSize) -> None:
        self.zone.set_size(size)
        if self.area.area is not None:
            self.area.plan()

    def _on_zone_toggled(self, on: bool) -> None:
        self.panel.show_zone.setChecked(on)
        if on:
            self._reveal(self.dock)
        self.zone.set_enabled(on)

    def _on_area_active(self, on: bool) -> None:
        self.panel.draw_area.setChecked(on)
        if on:
            self._reveal(self.dock)

    def _on_past_detections(self, checked: bool) -> None:
        """The key (Ctrl+Shift+D) brings the dock to the front when it is open behind another tab."""
        dock = self.fp_dock
        if checked:
            return
        if not dock.isHidden() and dock.visibleRegion().isEmpty():
            self._past_detections_action.setChecked(True)
            self._reveal(dock)
        else:
            dock.hide()

    def _reveal(self, dock: QDockWidget) -> None:
        self._built()
        dock.show()
        dock.raise_()

    def propose_sky(self) -> None:
        """Estimate the sky on the pose image (off the GUI thread) and hand it to the area tool."""
        doc = self.document
        image = doc.image() if doc is not None else None
        if doc is None or image is None:
            self.panel.area_text.setText(self.tr("This pose has no image yet: the sky cannot be estimated."))
            return
        from mask_editor.ui.insight.sky import NoSky, SkyArea, propose_sky

        self._reveal(self.dock)
        self.panel.area_text.setText(self.tr("Looking for the sky on the pose image…"))
        pose_id, path, w, h = doc.pose_id, image.path, image.width, image.height

        def done(sky: SkyArea) -> None:
            current = self.document
            if current is not None and current.pose_id == pose_id:
                self.area.set_area_raster(sky.raster, self.tr("the sky area (%1 % of the image)").replace(
                    "%1", decimal(sky.sky_fraction * 100, 0)))

        def failed(error: BaseException) -> None:
            self.panel.area_text.setText(str(error) if isinstance(error, NoSky)
                                         else self.tr("The sky could not be estimated: {error}").format(error=error))

        run_task(lambda: propose_sky(path, w, h), done, failed, owner=self)
