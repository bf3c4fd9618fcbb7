"""Help > Keyboard shortcuts: a searchable table generated from the one action table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
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

from mask_editor.ui.platform.actions import ACTIONS, MENU_TITLES, shortcut_text, spec_text, translated

# What the canvas does with the mouse (its keys come from ui/canvas/keys.py): listed so the help is complete.
CANVAS_MOUSE = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Pan the image"),
     QT_TRANSLATE_NOOP("Shortcuts", "Drag with the middle button, or Space+drag")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Zoom at the cursor"), QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+wheel")),
)


def _tr(text: str) -> str:
    """A text of CANVAS_MOUSE (or "Canvas") in the language in use."""
    return QCoreApplication.translate("Shortcuts", text)


def menu_path(menu: str) -> str:
    """'View/Theme' -> 'View › Theme' in the language in use, as the menu bar says it."""
    parts = menu.split("/")
    titles = (MENU_TITLES.get("/".join(parts[:i + 1])) for i in range(len(parts)))
    return " › ".join((translated(t) if t else p).replace("&", "") for t, p in zip(titles, parts, strict=True))


def canvas_rows() -> list[tuple[str, str, str]]:
    from mask_editor.ui.platform.actions import CANVAS_KEYS

    native = QKeySequence.SequenceFormat.NativeText
    canvas = QCoreApplication.translate("Shortcuts", "Canvas")
    rows = [(canvas, translated(what), ", ".join(QKeySequence(k).toString(native) for k in keys))
            for what, keys in CANVAS_KEYS]
    return rows + [(canvas, _tr(what), _tr(how)) for what, how in CANVAS_MOUSE]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(860, 560)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        for spec in ACTIONS:
            self._add_row(menu_path(spec.menu), spec_text(spec).replace("&", "").rstrip("…"),
                          shortcut_text(spec) or "—")
        for row in canvas_rows():
            self._add_row(*row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # match the menu, the action or the keys
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search actions or keys, e.g. zoom or Ctrl+J"))
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
        # Keys wrap in a column of their own width: sized to contents, some (Paste: five keys, their names
        # in French) would squeeze the action's words to nothing.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 280)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
