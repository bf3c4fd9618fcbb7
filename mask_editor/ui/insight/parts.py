"""Insight's parts, built when first needed (ui/insight/__init__.Insight): the two panels in their
docks, the suppression zone, the area tool and past detections. Kept out of the window's start:
their docks are hidden until asked for, so the window paints without them (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from mask_editor.ui.insight.area import AreaTool
from mask_editor.ui.insight.false_positives import FalsePositives, FalsePositivesPanel
from mask_editor.ui.insight.panel import InsightPanel
from mask_editor.ui.insight.zone import ZoneOverlay

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.ui.panels.mask_table import MaskTableModel
    from mask_editor.ui.session.session import Session


class InsightParts:
    """What Insight shows and does once built; `owner` (the Insight) parents the non-widgets."""

    def __init__(self, owner: QObject, canvas: CanvasView, table: MaskTableModel, dock: QDockWidget,
                 fp_dock: QDockWidget, session: Callable[[], Session | None]) -> None:
        self.panel = InsightPanel()
        self.fp_panel = FalsePositivesPanel()
        fill_dock(dock, self.panel)
        fill_dock(fp_dock, self.fp_panel)
        self.zone = ZoneOverlay(canvas, owner)
        self.area = AreaTool(canvas, self.zone.detection_size, owner)
        self.false_positives = FalsePositives(canvas, self.fp_panel, session, owner)
        table.set_warning_provider(self.zone.warning)
        self.zone.warningsChanged.connect(lambda: table.set_warning_provider(self.zone.warning))

    def set_document(self, doc: PoseDocument | None) -> None:
        self.area.set_active(False)
        self.zone.set_document(doc)
        self.area.set_document(doc)
        self.false_positives.set_document(doc)


def fill_dock(dock: QDockWidget, widget: QWidget) -> None:
    scroll = QScrollArea(dock)  # a short dock scrolls instead of squeezing the wrapped texts
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    dock.setWidget(scroll)
