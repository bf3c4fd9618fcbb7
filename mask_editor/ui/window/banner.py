"""A slim coloured bar above the canvas that says, in plain words, why the pose cannot be edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from mask_editor.ui.platform.theme import icon


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAutoFillBackground(True)
        self._icon = QLabel(self)  # its picture is drawn when a message first shows
        self._restyling = False
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setSpacing(8)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self._restyle()
        self.hide()

    def show_message(self, text: str | None) -> None:
        """Show `text`, or hide the bar when it is None."""
        if text and self._icon.pixmap().isNull():
            self._icon.setPixmap(icon("lock").pixmap(16, 16))
        self.label.setText(text or "")
        self.setVisible(bool(text))

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange and not self._restyling:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        # A tint of the highlight colour over the window colour reads well on light and dark themes;
        # mixed from the inherited palette, not our own (already tinted) one.
        parent = self.parentWidget()
        palette = QPalette(parent.palette() if parent is not None else QApplication.palette())
        base = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        mixed = base.toRgb()
        mixed.setRgbF(*(0.78 * b + 0.22 * a for b, a in zip(base.getRgbF()[:3], accent.getRgbF()[:3],
                                                             strict=True)))
        palette.setColor(QPalette.ColorRole.Window, mixed)
        self._restyling = True  # our own setPalette sends a PaletteChange: not one to answer
        try:
            self.setPalette(palette)
        finally:
            self._restyling = False
