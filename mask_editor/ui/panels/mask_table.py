"""The masks of the active pose as a table: a QAbstractTableModel over the PoseDocument, sorted and
filtered by a proxy (mask_filter.py), and a view whose selection follows the document's (and the
other way round).

The model updates row by row on `masksChanged` (a pose can hold thousands of masks, so no reset
per edit). Coordinate cells are editable; an edit goes through `document.set_boxes` (one undo step)
after validation, and a refused value leaves the mask as it was and says why.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.editing.typed_value import apply_typed_box, typed_edge
from mask_editor.ui.panels.mask_columns import (
    COORD_NAMES,
    DIMMED_ROLE,
    HEADER_TIPS,
    HEADERS,
    ID_ROLE,
    SHOWN_ROLE,
    SORT_ROLE,
    STALE_ROLE,
    STATE_ORDER,
    Col,
)
from mask_editor.ui.platform import formatting as fmt
from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.platform.style import HALO
from mask_editor.workspace import Mask

_COORD = {Col.X0: 0, Col.Y0: 1, Col.X1: 2, Col.Y1: 3}

_COLUMNS = len(Col)  # columnCount() is asked ~800 times a paint: no enum length each time
_CELLS = list(Col)  # Col by column number, without the enum's call
_DISPLAY, _EDIT, _TOOLTIP, _DECORATION, _FOREGROUND, _FONT, _ALIGNMENT = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole)
# The roles data() answers; a paint asks for others too (background, check state, size hint).
_ANSWERED = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _DECORATION, _FOREGROUND, _FONT, _ALIGNMENT,
                       SORT_ROLE, ID_ROLE, STALE_ROLE, DIMMED_ROLE, SHOWN_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_DELETED = 1  # in an id cell: (server id, deleted, push error)


def _id_cell(mask: Mask | None) -> tuple[object, ...]:
    """What the id cell shows beyond the local id (label, icon, strike-out); its tooltip is asked
    for on hover, so it needs no notice. The proxy's filter reads its deleted flag: no mask lookup
    for each of the 2,000 rows it re-checks at each move."""
    return () if mask is None else (mask.server_id, mask.deleted, mask.push_error is not None)


class MaskTableModel(QAbstractTableModel):
    editRejected = Signal(str)  # a person-readable reason a cell edit was refused
    # Whether some row is deleted or dimmed may have changed: the proxy's filter follows (mask_filter.py).
    hidingChanged = Signal()

    def __init__(self, parent: QWidget | None = None, stale_days: int = 120) -> None:
        super().__init__(parent)
        self._doc: PoseDocument | None = None
        self._ids: list[int] = []  # rows in local_id order; the proxy sorts
        self._row: dict[int, int] = {}
        self._id_cells: dict[int, tuple[object, ...]] = {}
        self._deleted: set[int] = set()  # the ids whose cell says deleted
        self._dimmed: frozenset[int] = frozenset()
        self._image_size: tuple[int, int] | None = None
        self._dots: dict[str, QIcon] = {}
        self.stale_days = stale_days
        self._warn: Callable[[Mask], str | None] | None = None  # see set_warning_provider

    # --- document -----------------------------------------------------------------------------

    def document(self) -> PoseDocument | None:
        return self._doc

    def set_document(self, doc: PoseDocument | None) -> None:
        self.beginResetModel()
        if self._doc is not None:
            self._doc.masksChanged.disconnect(self._on_masks_changed)
            self._doc.readOnlyChanged.disconnect(self._on_read_only_changed)
            self._doc.dimmedChanged.disconnect(self._on_dimmed)
        self._doc = doc
        self._dimmed = doc.dimmed if doc else frozenset()
        self._ids = sorted(m.local_id for m in doc.masks()) if doc else []
        self._id_cells = {m.local_id: _id_cell(m) for m in doc.masks()} if doc else {}
        self._deleted = {i for i, cell in self._id_cells.items() if cell[_DELETED]}
        self._reindex()
        image = doc.image() if doc else None
        self._image_size = (image.width, image.height) if image else None
        if doc is not None:
            doc.masksChanged.connect(self._on_masks_changed)
            doc.readOnlyChanged.connect(self._on_read_only_changed)
            doc.dimmedChanged.connect(self._on_dimmed)
        self.endResetModel()
        self.hidingChanged.emit()

    def image_arrived(self) -> None:
        """The pose's image reached the workspace after the pose was opened: the sizes in pixels
        can be shown now (they were '—' without it)."""
        image = self._doc.image() if self._doc else None
        size = (image.width, image.height) if image else None
        if size != self._image_size:
            self._image_size = size
            if self._ids:
                self.dataChanged.emit(self.index(0, Col.SIZE), self.index(len(self._ids) - 1, Col.SIZE))

    def _reindex(self) -> None:
        self._row = {local_id: row for row, local_id in enumerate(self._ids)}

    def row_of(self, local_id: int) -> int | None:
        return self._row.get(local_id)

    def _on_masks_changed(self, changed: set[int], removed: set[int]) -> None:
        doc = self._doc
        if doc is None:
            return
        gone = sorted(self._row[i] for i in removed if i in self._row)
        for i in removed:
            self._id_cells.pop(i, None)
            self._deleted.discard(i)
        for first, last in reversed(row_runs(gone)):  # the last run first: earlier rows keep their numbers
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        if gone:
            self._reindex()
        # The id cells first: they hold the deleted flag the proxy's filter reads (SHOWN_ROLE).
        relabelled, cells, rows, deleted = [], self._id_cells, self._row, self._deleted
        for mask in doc.masks_of(changed):  # locals: 2,000 rows at each move
            i, cell = mask.local_id, _id_cell(mask)
            if cells.get(i) != cell:
                cells[i] = cell
                if cell and cell[_DELETED]:
                    deleted.add(i)
                else:
                    deleted.discard(i)
                if i in rows:
                    relabelled.append(rows[i])
        if rows and len(rows) <= len(changed) and rows.keys() <= changed:  # every row (a select-all move)
            known = [(0, len(self._ids) - 1)]
        else:
            known = row_runs(sorted(rows[i] for i in changed if i in rows))
        for first, last in known:
            self.dataChanged.emit(self.index(first, Col.X0), self.index(last, len(Col) - 1))
        # The id column only when its cell changed: any change there makes the proxy sorted by id
        # re-sort (a layout change remapping every selected cell, ~50 ms for 2,000 masks), and a
        # move changes nothing in it.
        for first, last in row_runs(sorted(relabelled)):
            self.dataChanged.emit(self.index(first, Col.ID), self.index(last, Col.ID))
        fresh = sorted(i for i in changed.difference(rows) if doc.mask(i) is not None)
        if fresh and (not self._ids or fresh[0] > self._ids[-1]):  # the usual case: new ids at the end
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(fresh) - 1)
            self._ids.extend(fresh)
            self.endInsertRows()
        else:
            for local_id in fresh:  # ids put back by an undo land in their old place
                row = bisect.bisect_left(self._ids, local_id)
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, local_id)
                self.endInsertRows()
        if fresh:
            self._reindex()
        if gone or fresh or relabelled:
            self.hidingChanged.emit()

    def _on_read_only_changed(self, _read_only: bool) -> None:
        if self._ids:  # flags() changed for every coordinate cell
            self.dataChanged.emit(self.index(0, Col.X0), self.index(len(self._ids) - 1, Col.Y1))

    # --- dimming (timeline filter) ------------------------------------------------------------

    def set_warning_provider(self, provider: Callable[[Mask], str | None] | None) -> None:
        """Another tool (the suppression zone) may flag masks: its text goes into the state cell's
        tooltip, with a warning icon. Call again whenever its answers changed."""
        self._warn = provider
        if self._ids:
            self.dataChanged.emit(self.index(0, Col.STATE), self.index(len(self._ids) - 1, Col.STATE),
                                  [Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole])

    def _on_dimmed(self, local_ids: frozenset[int]) -> None:
        """The document's dimming changed (it holds it; the canvas follows it too)."""
        self._dimmed = local_ids
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Col) - 1),
                                  [Qt.ItemDataRole.ForegroundRole, DIMMED_ROLE, SHOWN_ROLE])
        self.hidingChanged.emit()

    def hides(self) -> tuple[bool, bool]:
        """Whether some row is deleted here, and whether some row is dimmed: when neither, the proxy
        filters nothing and asks no row (2,000 changed rows at each move)."""
        return bool(self._deleted), not self._dimmed.isdisjoint(self._row)

    # --- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MaskTableModel", HEADERS[Col(section)])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(Col(section))
            return QCoreApplication.translate("MaskTableModel", tip) if tip else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Called for every selected cell when a selection changes (the header checks whole
        # columns): constants, no call into the base class, for all but the coordinate cells.
        if not index.isValid():
            return _NO_FLAGS
        if index.column() in _COORD and self._doc and not self._doc.read_only:
            mask = self._doc.mask(self._ids[index.row()])
            if mask is not None and mask.box is not None and not mask.deleted:
                return _EDITABLE_FLAGS
        return _CELL_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The roles not answered leave first, no enum is built.
        if role not in _ANSWERED or self._doc is None or not index.isValid():
            return None
        local_id = self._ids[index.row()]
        mask = self._doc.mask(local_id)
        return None if mask is None else self._value(mask, local_id, _CELLS[index.column()], role)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        """All the roles a cell's paint asks for in one call (Qt's delegate asks for seven at once):
        one call from C++ into Python per cell instead of one per role, ~1/4 of a table's repaint."""
        if self._doc is None or not index.isValid():
            return
        local_id = self._ids[index.row()]
        mask = self._doc.mask(local_id)
        if mask is None:
            return
        col = _CELLS[index.column()]
        for role_data in roleDataSpan:
            if (role := role_data.role()) in _ANSWERED:
                role_data.setData(self._value(mask, local_id, col, role))

    def _value(self, mask: Mask, local_id: int, col: Col, role: int) -> object:
        if role in (_DISPLAY, _EDIT):
            return self._display(mask, col)
        if role == _ALIGNMENT:
            return _RIGHT if col in _COORD or col == Col.SIZE else None
        if role == _FOREGROUND:
            if local_id in self._dimmed or mask.deleted:
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == _DECORATION:
            return self._decoration(mask, col)
        if role == _FONT:
            if not mask.deleted:
                return None
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == SORT_ROLE:
            return self._sort_key(mask, col)
        if role == ID_ROLE:
            return local_id
        if role == DIMMED_ROLE:
            return local_id in self._dimmed
        if role == SHOWN_ROLE:
            return ("d" if local_id in self._deleted else "") + ("m" if local_id in self._dimmed else "")
        if role == STALE_ROLE:
            return fmt.is_stale(mask, self.stale_days)
        return self._tooltip(mask, col)  # _TOOLTIP, the last one answered

    def _display(self, mask: Mask, col: Col) -> str:
        if col == Col.ID:
            return fmt.mask_label(mask)
        if col in _COORD:
            return decimal(mask.box.as_tuple()[_COORD[col]], 3) if mask.box else "—"
        if col == Col.SIZE:
            size = self._pixel_size(mask)
            return self.tr("%1 × %2 px").replace("%1", str(size[0])).replace("%2", str(size[1])) if size else "—"
        if col == Col.ADDED:
            return fmt.local_time(mask.added_at)
        return fmt.state_label(mask)

    def _pixel_size(self, mask: Mask) -> tuple[int, int] | None:
        if mask.box is None or self._image_size is None:
            return None
        return mask.box.pixel_rect(*self._image_size)[2:]

    def _sort_key(self, mask: Mask, col: Col) -> object:
        # Numbers sort as numbers and times as times: the proxy compares these, not the display text.
        if col == Col.ID:
            return mask.local_id
        if col in _COORD:
            return mask.box.as_tuple()[_COORD[col]] if mask.box else -1.0
        if col == Col.SIZE:
            size = self._pixel_size(mask)
            return size[0] * size[1] if size else (mask.box.area if mask.box else -1.0)
        if col == Col.ADDED:
            return mask.added_at.timestamp()
        return STATE_ORDER[mask.state] - (0.5 if mask.suspicious else 0.0)

    def _tooltip(self, mask: Mask, col: Col) -> str | None:
        if col == Col.ADDED:
            tip = fmt.added_tooltip(mask)
            return f"{fmt.stale_text(mask)}\n{tip}" if fmt.is_stale(mask, self.stale_days) else tip
        if col == Col.STATE:
            warning = self._warn(mask) if self._warn else None
            return f"{fmt.state_tooltip(mask)}\n⚠ {warning}" if warning else fmt.state_tooltip(mask)
        if col == Col.ID and mask.text:
            return self.tr("Mask string: %1").replace("%1", mask.text)
        return None

    def _decoration(self, mask: Mask, col: Col) -> QIcon | None:
        if col == Col.STATE:
            if self._warn is not None and self._warn(mask):
                from mask_editor.ui.platform.theme import icon

                return icon("warning")
            return self._dot(fmt.style_key(mask))
        if col == Col.ADDED and fmt.is_stale(mask, self.stale_days):
            from mask_editor.ui.platform.theme import icon

            return icon("stale")
        if col == Col.ID and mask.push_error:
            from mask_editor.ui.platform.theme import icon

            return icon("warning")
        return None

    def _dot(self, key: str) -> QIcon:
        colour = fmt.state_colour(key)
        if colour not in self._dots:
            pixmap = QPixmap(24, 24)
            pixmap.setDevicePixelRatio(2.0)  # crisp on high-DPI screens, 12 logical pixels
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # The canvas's light outline colours need the same dark halo to read on a light table.
            painter.setPen(QPen(QColor(HALO), 1.5))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(1.5, 1.5, 9, 9))
            painter.end()
            self._dots[colour] = QIcon(pixmap)
        return self._dots[colour]

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self._doc is None or index.column() not in _COORD:
            return False
        mask = self._doc.mask(self._ids[index.row()])
        if mask is None or mask.box is None:
            return False
        result = typed_edge(mask.box, _COORD[Col(index.column())], str(value), COORD_NAMES)
        if isinstance(result, str):
            self.editRejected.emit(result)
            return False
        apply_typed_box(self._doc, mask.local_id, HEADERS[Col(index.column())], result)
        return True


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Runs (first, last) of consecutive numbers in ascending `rows`: one model signal per run."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
