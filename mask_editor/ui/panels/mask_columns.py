"""The mask table's columns, their headers and tips, and the custom item roles: shared by the
model (mask_table.py), its proxy and the panel, and light enough to import anywhere."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from mask_editor.workspace import MaskState

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STALE_ROLE = Qt.ItemDataRole.UserRole + 3
DIMMED_ROLE = Qt.ItemDataRole.UserRole + 4
# What the proxy's filter matches: a row's flags, 'd' deleted here and 'm' dimmed by the timeline (or '').
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 5
STATE_ORDER = {s: i for i, s in enumerate((MaskState.CONFLICT, MaskState.NEW, MaskState.EDITED,
                                            MaskState.DELETED, MaskState.SYNCED))}


class Col(IntEnum):
    ID = 0
    X0 = 1
    Y0 = 2
    X1 = 3
    Y1 = 4
    SIZE = 5
    ADDED = 6
    STATE = 7


# The coordinate names are the server's and stay as they are; the other headers and the tips are
# English here, translated when shown (MaskTableModel.headerData).
HEADERS = {Col.ID: "id", Col.X0: "x0", Col.Y0: "y0", Col.X1: "x1", Col.Y1: "y1",
           Col.SIZE: QT_TRANSLATE_NOOP("MaskTableModel", "size"),
           Col.ADDED: QT_TRANSLATE_NOOP("MaskTableModel", "added"),
           Col.STATE: QT_TRANSLATE_NOOP("MaskTableModel", "state")}
HEADER_TIPS = {
    Col.X0: QT_TRANSLATE_NOOP("MaskTableModel", "Left edge, as a fraction of the image width"),
    Col.Y0: QT_TRANSLATE_NOOP("MaskTableModel", "Top edge, as a fraction of the image height"),
    Col.X1: QT_TRANSLATE_NOOP("MaskTableModel", "Right edge, as a fraction of the image width"),
    Col.Y1: QT_TRANSLATE_NOOP("MaskTableModel", "Bottom edge, as a fraction of the image height"),
    Col.SIZE: QT_TRANSLATE_NOOP("MaskTableModel", "Width × height in pixels of the pose image"),
    Col.ADDED: QT_TRANSLATE_NOOP("MaskTableModel", "When the mask was added (local time)"),
}
COORD_NAMES = (HEADERS[Col.X0], HEADERS[Col.Y0], HEADERS[Col.X1], HEADERS[Col.Y1])
