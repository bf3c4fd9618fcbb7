"""Past false positives: the detections of the last days on the open pose, drawn on the canvas
(colour = label; filled = the current masks drop it, outlined = the camera keeps it), a heat map
of recurring spots, a list grouped by spot, and "Mask this", which proposes masks for a detection
or a whole spot in one undo step. A red banner warns when a mask would drop a real wildfire.

Fetching goes through the session, off the GUI thread (mask_editor.sync.detections does the work).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.insight.items import DetectionMark, DetectionsItem, heat_image, raster_item
from mask_editor.ui.insight.zone import Z_ABOVE_MASKS
from mask_editor.ui.platform import formatting as fmt
from mask_editor.ui.platform.i18n import decimal

if TYPE_CHECKING:
    import numpy as np

    from mask_editor.core.geometry import Box
    from mask_editor.sync.detections import Cluster, PastDetection
    from mask_editor.ui.canvas import CanvasView
    from mask_editor.ui.editing.document import PoseDocument
    from mask_editor.ui.session.session import Session

DETECTIONS_OVERLAY, HEAT_OVERLAY = "detections", "heat"
HEAT_WIDTH = 96  # cells across the image for the density of detection centres
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # ("spot", cluster index) or ("detection", index)
# A sequence's label (the server's is_wildfire), in words; sync.detections.LABELS is the command line's.
LABEL_WORDS = {
    "wildfire_smoke": QT_TRANSLATE_NOOP("FalsePositives", "Wildfire"),
    "other_smoke": QT_TRANSLATE_NOOP("FalsePositives", "Other smoke"),
    "other": QT_TRANSLATE_NOOP("FalsePositives", "Not smoke"),
    None: QT_TRANSLATE_NOOP("FalsePositives", "Unlabelled"),
}


def label_words(label: str | None) -> str:
    known = LABEL_WORDS.get(label)
    return QCoreApplication.translate("FalsePositives", known) if known else str(label)


NO_SESSION = QT_TRANSLATE_NOOP("FalsePositives", "Past detections come from the server: sign in (File › Sign in…) "
                               "to load them. The masks themselves work offline.")
BANNER_STYLE = "background:#b71c1c; color:white; padding:6px; border-radius:3px; font-weight:bold;"


class FalsePositivesPanel(QWidget):
    """The dock's widget; FalsePositives fills it and reacts to its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("How far back to look for detections on this pose"))
        self.load = QPushButton(self.tr("Load"), self)
        self.load.setObjectName("load_detections")
        self.heat = QCheckBox(self.tr("Heat map of recurring spots"), self)
        self.heat.setChecked(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("wildfire_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.status = QLabel(QCoreApplication.translate("FalsePositives", NO_SESSION), self)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("When (%1)").replace("%1", fmt.zone_name()), self.tr("Label"),
                                   self.tr("Conf."), self.tr("Masks")])
        self.tree.headerItem().setToolTip(0, self.tr("Month-day hour:minute, local time (%1); the year is in the "
                                                     "tooltip").replace("%1", fmt.zone_name()))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(140)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mask_this = QPushButton(self.tr("Mask this"), self)
        self.mask_this.setObjectName("mask_this")
        self.mask_this.setToolTip(self.tr("Add masks (the detection box grown by 10 %) that drop the selected "
                                          "detection or every detection of the selected spot: one undo step"))
        self.mask_this.setEnabled(False)
        legend = QLabel(self.tr("Filled: the masks drop it. Outlined: the camera keeps it (would alert). "
                                "Red wildfire · violet other smoke · amber not smoke · grey unlabelled."), self)
        legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Last", "before a number of days"), self))
        top.addWidget(self.days)
        top.addWidget(self.load)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(self.heat)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.mask_this)
        layout.addWidget(legend)


class FalsePositives(QObject):
    loaded = Signal(int)  # number of detection boxes for the open pose

    def __init__(self, canvas: CanvasView, panel: FalsePositivesPanel,
                 session: Callable[[], Session | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.panel, self._session = canvas, panel, session
        self._doc: PoseDocument | None = None
        self.detections: list[PastDetection] = []
        self.flags: list[bool] = []
        self.spots: list[Cluster] = []
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        panel.load.clicked.connect(self.load)
        panel.mask_this.clicked.connect(self.mask_selected)
        panel.heat.toggled.connect(lambda _on: self._draw())
        panel.tree.itemSelectionChanged.connect(self._on_selection)

    # --- document and data ---------------------------------------------------------------------

    def set_document(self, doc: PoseDocument | None) -> None:
        if self._doc is not None:
            self._doc.masksChanged.disconnect(self._on_masks_changed)
        self._doc = doc
        if doc is not None:
            doc.masksChanged.connect(self._on_masks_changed)
        known = _cached(doc) if doc is not None else None
        self.set_detections(known or [], remember=False)
        if doc is not None and known is None:
            self.panel.status.setText(self.tr("Press Load to see this pose's detections of the last days."))

    def set_detections(self, detections: list[PastDetection], remember: bool = True) -> None:
        """Show these detections for the open pose (and keep them for the sync warning)."""
        self.detections = list(detections)
        if self.detections or remember:  # nothing to group: no need to load numpy for it
            from mask_editor.sync.detections import clusters
            from mask_editor.sync.detections import remember as keep

            if remember and self._doc is not None:
                keep(self._doc.workspace, self._doc.pose_id, self.detections)
            self.spots = clusters(self.detections)
        else:
            self.spots = []
        self.refresh()
        self.loaded.emit(len(self.detections))

    def load(self) -> None:
        doc = self._doc
        session = self._session()
        if doc is None:
            return
        pose = doc.workspace.pose(doc.pose_id)
        if (session is None or session.client is None) and pose is not None and doc.workspace.get_meta("demo"):
            from mask_editor.demo.detections import demo_past_detections

            days = self.panel.days.value()  # the demo's own detections, read from disk: no server
            found = demo_past_detections(doc.pose_id, days)
            self._fetched(doc.pose_id, days, found)
            if found:
                self.panel.status.setText(self.tr("Demo detections, made up for this workspace (%n shown): with an "
                                                  "account, Load reads the server's.", "", len(found)))
            return
        if session is None or session.client is None or pose is None:
            self.panel.status.setText(self.tr(NO_SESSION))
            return
        if session.state == "expired":
            self.panel.status.setText(self.tr("Your session has expired: sign in again to load past detections."))
            return
        from mask_editor.sync.detections import fetch_past_detections

        days, pose_id = self.panel.days.value(), doc.pose_id
        self.panel.status.setText(self.tr("Loading the detections of the last %n day(s)…", "", days))
        self.panel.load.setEnabled(False)
        session.run(lambda client: fetch_past_detections(client, pose, days),
                    lambda found: self._fetched(pose_id, days, found), self._fetch_failed)

    def _fetched(self, pose_id: int, days: int, found: list[PastDetection]) -> None:
        self._end_fetch()
        if self._doc is None or self._doc.pose_id != pose_id:
            return  # the user moved on to another pose
        self.set_detections(found)
        if not found:
            self.panel.status.setText(self.tr("No detection on this pose in the last %n day(s).", "", days))

    def _fetch_failed(self, text: str) -> None:
        self._end_fetch()
        self.panel.status.setText(self.tr("Could not load past detections. {reason}").format(reason=text))

    def _end_fetch(self) -> None:
        self.panel.load.setEnabled(True)

    def _on_masks_changed(self, _changed: object, _removed: object) -> None:
        if self.detections:
            self._timer.start()

    # --- what the masks do ---------------------------------------------------------------------

    def masks(self) -> list[Box]:
        doc = self._doc
        return [m.box for m in doc.masks() if m.box is not None and not m.deleted] if doc else []

    def status_of(self, index: int) -> str:
        return self.tr("dropped") if self.flags[index] else self.tr("kept")

    def refresh(self) -> None:
        """Re-judge every detection against the current masks; redraw list, overlay and banner."""
        self._timer.stop()
        warnings: list[str] = []
        self.flags = []
        if self.detections:  # numpy (through mask_editor.sync.detections) only once there is something to judge
            from mask_editor.sync.detections import dropped_flags, wildfire_hits

            self.flags = [bool(f) for f in dropped_flags(self.detections, self.masks())]
            if self._doc is not None:
                words = fmt.WildfireWords()
                warnings = [words.sentence(hit) for hit in wildfire_hits(self._doc.workspace, self._doc.pose_id)]
        self._fill_tree()
        self._draw()
        kept = self.flags.count(False)
        if self.detections:
            self.panel.status.setText(
                self.tr("%n detection(s): {dropped} dropped by the current masks, {kept} kept (the camera would "
                        "alert).", "", len(self.detections)).format(dropped=len(self.detections) - kept, kept=kept)
                + " " + self.tr("%n recurring spot(s).", "", len(self.spots)))
        self.panel.banner.setText(self.tr("⚠ Real wildfire would be silenced.") + " " + " ".join(warnings)
                                  if warnings else "")
        self.panel.banner.setVisible(bool(warnings))

    def _fill_tree(self) -> None:
        tree = self.panel.tree
        selected = self._selected_key()
        tree.clear()
        in_spot: set[int] = set()
        for s, spot in enumerate(self.spots):
            gone = sum(self.flags[i] for i in spot.members)
            kept = len(spot.members) - gone
            verdict = (self.tr("all dropped") if not kept else self.tr("all kept") if not gone
                       else self.tr("%n kept", "", kept))
            labels = {label_words(self.detections[i].label) for i in spot.members}
            title = self.tr("Spot ×%1").replace("%1", str(len(spot.members)))
            item = QTreeWidgetItem([title, " / ".join(sorted(labels)), "", verdict])
            item.setData(0, ITEM_ROLE, ("spot", s))
            tree.addTopLevelItem(item)
            for i in spot.members:
                item.addChild(self._detection_item(i))
                in_spot.add(i)
        for i in range(len(self.detections)):
            if i not in in_spot:
                tree.addTopLevelItem(self._detection_item(i))
        if selected is not None:
            self._select_key(selected)

    def _detection_item(self, i: int) -> QTreeWidgetItem:
        det = self.detections[i]
        item = QTreeWidgetItem([fmt.short_local_time(det.seen_at), label_words(det.label), decimal(det.confidence, 2),
                                self.status_of(i)])
        item.setData(0, ITEM_ROLE, ("detection", i))
        item.setToolTip(0, self.tr("{when}, sequence {sequence}").format(
            when=fmt.full_local_time(det.seen_at), sequence=det.sequence_id) if det.sequence_id is not None
            else self.tr("{when}, a lone detection (it joined no sequence)").format(
                when=fmt.full_local_time(det.seen_at)))
        item.setToolTip(3, self.tr("The current masks drop this detection: its IoU with one of them is above 0.1.")
                        if self.flags[i] else
                        self.tr("No mask overlaps it enough (IoU above 0.1): the camera would alert."))
        return item

    def _draw(self) -> None:
        size = self.canvas.image_size()
        if size is None or not self.detections:
            self.canvas.set_overlay(DETECTIONS_OVERLAY, None)
            self.canvas.set_overlay(HEAT_OVERLAY, None)
            return
        marks = [DetectionMark(d.box, d.label, f) for d, f in zip(self.detections, self.flags, strict=True)]
        highlight = self._highlighted()
        boxes = DetectionsItem(marks, *size, highlight)
        self.canvas.set_overlay(DETECTIONS_OVERLAY, boxes)
        boxes.setZValue(Z_ABOVE_MASKS)  # a detection inside a mask must still be seen, and its colour
        if self.panel.heat.isChecked():
            item = raster_item(heat_image(_density(self.detections, *size)), *size, smooth=True)
            self.canvas.set_overlay(HEAT_OVERLAY, item)
            item.setZValue(item.zValue() - 1)  # under the boxes
        else:
            self.canvas.set_overlay(HEAT_OVERLAY, None)

    # --- selection and "Mask this" -------------------------------------------------------------

    def _selected_key(self) -> tuple[str, int] | None:
        items = self.panel.tree.selectedItems()
        return tuple(items[0].data(0, ITEM_ROLE)) if items else None  # type: ignore[return-value]

    def _select_key(self, key: tuple[str, int]) -> None:
        tree = self.panel.tree
        for item in _walk(tree):
            if tuple(item.data(0, ITEM_ROLE)) == key:
                tree.setCurrentItem(item)
                return

    def _highlighted(self) -> list[int]:
        key = self._selected_key()
        if key is None:
            return []
        kind, index = key
        return list(self.spots[index].members) if kind == "spot" else [index]

    def _on_selection(self) -> None:
        doc = self._doc
        self.panel.mask_this.setEnabled(bool(self._highlighted()) and doc is not None and not doc.read_only)
        self._draw()

    def select(self, kind: str, index: int) -> None:
        """Select a spot or a detection in the list (as a click would)."""
        self._select_key((kind, index))

    def mask_selected(self) -> int:
        """Add masks dropping the selected detection(s); one undo step. Returns how many."""
        from mask_editor.sync.detections import propose_masks

        doc, members = self._doc, self._highlighted()
        if doc is None or doc.read_only or not members:
            return 0
        boxes = propose_masks([self.detections[i] for i in members], self.masks())
        if not boxes:
            self.panel.status.setText(self.tr("The current masks already drop these detections."))
            return 0
        doc.add_boxes(boxes, self.tr("Mask past spot") if len(members) > 1 else self.tr("Mask past detection"))
        self.refresh()  # at once: the list should say "dropped" without waiting for the debounce
        return len(boxes)


def _walk(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        yield top
        for j in range(top.childCount()):
            yield top.child(j)


def _density(detections: list[PastDetection], width: int, height: int) -> np.ndarray:
    """Detection centres binned on a coarse grid and blurred (a few cells), scaled to [0, 1]."""
    import numpy as np

    gw = HEAT_WIDTH
    gh = max(1, round(gw * height / width))
    cx = np.array([(d.box.xmin + d.box.xmax) / 2 for d in detections])
    cy = np.array([(d.box.ymin + d.box.ymax) / 2 for d in detections])
    counts, _, _ = np.histogram2d(cy, cx, bins=(gh, gw), range=((0, 1), (0, 1)))
    kernel = np.exp(-0.5 * (np.arange(-6, 7) / 2.0) ** 2)
    kernel /= kernel.sum()
    blurred = np.apply_along_axis(lambda r: np.convolve(r, kernel, mode="same"), 1, counts)
    blurred = np.apply_along_axis(lambda c: np.convolve(c, kernel, mode="same"), 0, blurred)
    top = blurred.max()
    return blurred / top if top > 0 else blurred


def _cached(doc: PoseDocument) -> list[PastDetection] | None:
    """Detections loaded earlier for this pose. Until a first load, mask_editor.sync.detections (and numpy
    with it) is not imported at all, which keeps them off the path to the window's first paint."""
    module = sys.modules.get("mask_editor.sync.detections")
    return module.cached(doc.workspace, doc.pose_id) if module is not None else None
