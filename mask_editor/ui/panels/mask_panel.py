"""The Masks dock: the table view, whose selection and the document's follow each other, a count,
'Show deleted', and why the last cell edit was refused."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.panels.mask_columns import ID_ROLE, Col
from mask_editor.ui.panels.mask_filter import MaskFilterProxy
from mask_editor.ui.panels.mask_table import MaskTableModel, row_runs
from mask_editor.ui.platform import formatting as fmt


class MaskTableView(QTableView):
    """The table; its selection and the document's follow each other (with a guard against loops)."""

    revealRequested = Signal(object)  # frozenset[int]: masks a person picked here, to show on the canvas

    def __init__(self, model: MaskTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = MaskFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self._syncing = False
        self.setSortingEnabled(True)
        self.sortByColumn(Col.ID, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # Fixed widths from the font: ResizeToContents measures every row, slow at 2,000 masks.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Measured on the widest text each column shows (digits are wider than the average character).
        metrics = self.fontMetrics()
        widest = max((fmt.local_time(datetime(2026, month, 28, 20, 58, tzinfo=UTC)) for month in (1, 7)),
                     key=metrics.horizontalAdvance)  # winter and summer zone names (CET, CEST)
        for col, sample in ((Col.ID, "#88888 (server 888888)"), (Col.X0, "0.888"), (Col.Y0, "0.888"),
                            (Col.X1, "0.888"), (Col.Y1, "0.888"), (Col.SIZE, "8888 × 8888 px"),
                            (Col.ADDED, widest), (Col.STATE, "conflict, suspicious")):
            self.setColumnWidth(col, metrics.horizontalAdvance(sample) + 20)
        # The header paints each section's "selected" look by asking whether its whole column is
        # selected: flags() for every row, 16,000 calls into Python for 2,000 selected masks on
        # every selection change. Rows are what is selected here: the header gets an empty model.
        self._header_selection = QItemSelectionModel(self.proxy, self)
        header.setSelectionModel(self._header_selection)
        self.selectionModel().selectionChanged.connect(self._on_view_selection)

    def set_document(self, doc: PoseDocument | None) -> None:
        old = self.source.document()
        if old is not None:
            old.selectionChanged.disconnect(self.follow_document)
        self.source.set_document(doc)
        if doc is not None:
            doc.selectionChanged.connect(self.follow_document)
            self.follow_document(doc.selection)

    def selected_ids(self) -> frozenset[int]:
        rows = self.selectionModel().selectedRows()
        return frozenset(self.proxy.mapToSource(i).data(ID_ROLE) for i in rows)

    def _on_view_selection(self, *_args: object) -> None:
        doc = self.source.document()
        if self._syncing or doc is None:
            return
        ids = self.selected_ids()
        self._syncing = True
        try:
            doc.set_selection(ids)
        finally:
            self._syncing = False
        if ids:
            self.revealRequested.emit(ids)

    def follow_document(self, ids: frozenset[int]) -> None:
        if self._syncing:
            return
        rows = sorted(index.row() for local_id in ids if (row := self.source.row_of(local_id)) is not None
                      and (index := self.proxy.mapFromSource(self.source.index(row, 0))).isValid())
        # One range per run of adjacent rows (select-all of 2,000 masks is one range, not 2,000),
        # and no selection.indexes(): it builds an index per cell.
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for first, end in row_runs(rows):
            selection.select(self.proxy.index(first, 0), self.proxy.index(end, last))
        self._syncing = True
        try:
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if rows:
                self.scrollTo(self.proxy.index(rows[0], 0))
        finally:
            self._syncing = False


class MaskPanel(QWidget):
    """The Masks dock: a count, 'Show deleted', the table, and why the last cell edit was refused."""

    def __init__(self, stale_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MaskTableModel(self, stale_days=stale_days)
        self.view = MaskTableView(self.model, self)
        self.count = QLabel(self)
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setToolTip(
            self.tr("Also list the masks deleted here (the next sync deletes them on the server)"))
        self.show_deleted.toggled.connect(self.view.proxy.set_show_deleted)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setForegroundRole(QPalette.ColorRole.BrightText)
        self.error.hide()
        self.model.editRejected.connect(self._show_error)
        for signal in (self.view.proxy.rowsInserted, self.view.proxy.rowsRemoved, self.view.proxy.modelReset,
                       self.view.proxy.layoutChanged):
            signal.connect(self._update_count)
        # A row shown deleted: the table's own signal, once per run of rows, after the proxy has
        # handled it (connected first); the proxy's comes once per run of its sorted rows, dozens.
        self.model.dataChanged.connect(self._update_count)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count, 1)
        top.addWidget(self.show_deleted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self._update_count()

    def _show_error(self, text: str) -> None:
        self.error.setText(self.tr("Not changed: %1").replace("%1", text))
        self.error.show()
        QTimer.singleShot(10000, self.error.hide)

    def _update_count(self, *_args: object) -> None:
        doc = self.model.document()
        if doc is None:
            self.count.setText(self.tr("No pose open"))
            return
        # Counted from the document, not the rows: an undone add leaves a deleted row behind.
        masks = doc.masks()
        live = sum(not m.deleted for m in masks)
        deleted = len(masks) - live if self.view.proxy.show_deleted else 0
        shown = self.view.proxy.rowCount() - deleted
        if shown >= live:
            text = self.tr("%n mask(s)", "", live)
        else:
            text = self.tr("%1 of %n mask(s) shown", "", live).replace("%1", str(shown))
        self.count.setText(self.tr("%1, %n deleted", "", deleted).replace("%1", text) if deleted else text)
