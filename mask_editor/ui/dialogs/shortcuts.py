"""Help > Keyboard shortcuts: a searchable table generated from the one action table."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.platform.actions import ACTIONS, shortcut_text

# What the canvas does with the mouse (its keys come from ui/canvas/keys.py): listed so the help is complete.
CANVAS_MOUSE = (
    ("Canvas", "Pan the image", "Drag with the middle button, or Space+drag"),
    ("Canvas", "Zoom at the cursor", "Ctrl+wheel"),
)


def canvas_rows() -> list[tuple[str, str, str]]:
    from mask_editor.ui.platform.actions import CANVAS_KEYS

    native = QKeySequence.SequenceFormat.NativeText
    rows = [("Canvas", what, ", ".join(QKeySequence(k).toString(native) for k in keys)) for what, keys in CANVAS_KEYS]
    return rows + list(CANVAS_MOUSE)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 560)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
        for spec in ACTIONS:
            self._add_row(spec.menu.replace("/", " › "), spec.text.replace("&", "").rstrip("…"),
                          shortcut_text(spec) or "—")
        for row in canvas_rows():
            self._add_row(*row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # match the menu, the action or the keys
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search actions or keys, e.g. zoom or Ctrl+J")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A long list of keys (the four arrows with modifiers) wraps instead of squeezing the actions out.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, min(self.table.sizeHintForColumn(2), 240))
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _add_row(self, *cells: str) -> None:
        items = [QStandardItem(c) for c in cells]
        for item in items:
            item.setEditable(False)
        self.model.appendRow(items)
