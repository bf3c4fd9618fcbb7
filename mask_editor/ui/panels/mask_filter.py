"""The table's proxy: sorts the masks by value and hides the deleted and the timeline-filtered ones."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QWidget

from mask_editor.ui.panels.mask_columns import SORT_ROLE
from mask_editor.ui.panels.mask_table import MaskTableModel


class MaskFilterProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; hides deleted masks unless asked, and timeline-filtered ones on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.hide_dimmed = False
        self.show_deleted = False
        self._table: MaskTableModel | None = None  # held here: asked for 2,000 rows at each move

    def set_hide_dimmed(self, hide: bool) -> None:
        self.beginFilterChange()
        self.hide_dimmed = hide
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_deleted(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_deleted = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, MaskTableModel)
        self._table = model
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self._table
        return True if model is None else model.row_shown(source_row, self.hide_dimmed, self.show_deleted)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        # QSortFilterProxyModel answers each role with a data() call of the table's: pass the whole
        # span on, so that a cell's paint calls into Python once (MaskTableModel.multiData).
        model = self._table
        if model is not None and index.isValid():
            model.multiData(self.mapToSource(index), roleDataSpan)
