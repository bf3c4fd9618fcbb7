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

from mask_editor.ui.panels.mask_columns import SHOWN_ROLE, SORT_ROLE, Col
from mask_editor.ui.panels.mask_table import MaskTableModel

# What the filter keeps, by (hide deleted, hide dimmed), matched against SHOWN_ROLE's flags.
_KEEP = {(False, False): "", (True, False): "^[^d]*$", (False, True): "^[^m]*$", (True, True): "^$"}


class MaskFilterProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; hides deleted masks unless asked, and timeline-filtered ones on request.

    The filter is Qt's own, a pattern over the id column's SHOWN_ROLE, and only while a row is to be
    hidden: with no pattern Qt keeps every row without asking the model, so a 2,000-mask move calls
    no Python per row here (a Python filterAcceptsRow was asked 2,000 times at each move)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(Col.ID)
        self.setFilterRole(SHOWN_ROLE)
        self.setDynamicSortFilter(True)
        self.hide_dimmed = False
        self.show_deleted = False
        self._table: MaskTableModel | None = None  # held here: asked for 2,000 rows at each move

    def set_hide_dimmed(self, hide: bool) -> None:
        self.hide_dimmed = hide
        self._follow_table()

    def set_show_deleted(self, show: bool) -> None:
        self.show_deleted = show
        self._follow_table()

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, MaskTableModel)
        if self._table is not None:
            self._table.hidingChanged.disconnect(self._follow_table)
        self._table = model
        super().setSourceModel(model)
        model.hidingChanged.connect(self._follow_table)
        self._follow_table()

    def _follow_table(self) -> None:
        deleted, dimmed = self._table.hides() if self._table is not None else (False, False)
        keep = _KEEP[(deleted and not self.show_deleted, dimmed and self.hide_dimmed)]
        if keep != self.filterRegularExpression().pattern():
            self.setFilterRegularExpression(keep)  # filters every row again

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        # QSortFilterProxyModel answers each role with a data() call of the table's: pass the whole
        # span on, so that a cell's paint calls into Python once (MaskTableModel.multiData).
        model = self._table
        if model is not None and index.isValid():
            model.multiData(self.mapToSource(index), roleDataSpan)
