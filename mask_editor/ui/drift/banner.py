"""The bar above the canvas that says a pose's view has moved since its masks were drawn."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.platform.theme import icon

if TYPE_CHECKING:
    from mask_editor.workspace.drift import PoseDrift


def day_text(when: datetime, now: datetime | None = None) -> str:
    """`3 Oct`, with the year when it is not this year's."""
    when, now = when.astimezone(UTC), (now or datetime.now(UTC))
    day = QDate(when.year, when.month, when.day)
    return QLocale().toString(day, "d MMM" if when.year == now.year else "d MMM yyyy")


def shift_text(dx: float, dy: float) -> str:
    """`2,1 % right and 0,4 % down` in the display language (workspace.drift.shift_words is English)."""
    translate = QCoreApplication.translate
    words = ((dx, translate("DriftBanner", "%1 % right"), translate("DriftBanner", "%1 % left")),
             (dy, translate("DriftBanner", "%1 % down"), translate("DriftBanner", "%1 % up")))
    parts = [(more if v > 0 else less).replace("%1", decimal(abs(v) * 100))
             for v, more, less in words if abs(v) >= 0.0005]
    if len(parts) == 2:
        return translate("DriftBanner", "%1 and %2").replace("%1", parts[0]).replace("%2", parts[1])
    return parts[0] if parts else translate("DriftBanner", "none", "no shift")


class DriftBanner(QFrame):
    compareToggled = Signal(bool)
    shiftRequested = Signal()
    confirmRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drift_banner")
        self.setAutoFillBackground(True)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        warm = QColor("#f4a62a")
        tint = QColor.fromRgbF(*(0.75 * b + 0.25 * w for b, w in zip(base.getRgbF()[:3], warm.getRgbF()[:3],
                                                                       strict=True)))
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(palette)
        mark = QLabel(self)
        mark.setPixmap(icon("warning").pixmap(16, 16))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compare = QPushButton(self.tr("Compare views"), self)
        self.compare.setCheckable(True)
        self.compare.setToolTip(self.tr("Show the two images blended or side by side, with the masks on each"))
        self.shift = QPushButton(self.tr("Shift masks"), self)
        self.shift.setToolTip(self.tr("Move these masks with the view, in one step you can undo"))
        self.confirm = QPushButton(self.tr("Masks are right"), self)
        self.confirm.setToolTip(self.tr("Keep the masks where they are and stop comparing with the older image"))
        # The sentence on its own row, the buttons under it: in French the buttons alone take most of the
        # canvas's width at 1366 px, and beside them the sentence was squeezed to a word per line.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setSpacing(4)
        text = QHBoxLayout()
        text.setSpacing(8)
        text.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        text.addWidget(self.label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.compare, self.shift, self.confirm):
            buttons.addWidget(button)
        layout.addLayout(text)
        layout.addLayout(buttons)
        self.compare.toggled.connect(self.compareToggled)
        self.shift.clicked.connect(lambda _checked=False: self.shiftRequested.emit())
        self.confirm.clicked.connect(lambda _checked=False: self.confirmRequested.emit())
        self.drift: PoseDrift | None = None
        self.hide()

    def sentence(self, drift: PoseDrift) -> str:
        group = drift.main
        assert group is not None
        dx, dy = group.shift.dx, group.shift.dy
        moved = shift_text(dx, dy)
        text = self.tr("The view has moved %1 since %2 (the image these masks were drawn on).")
        return text.replace("%1", moved).replace("%2", day_text(group.reference.taken_at))

    def show_drift(self, drift: PoseDrift | None, editable: bool) -> None:
        """Show the bar for a pose that moved, else hide it."""
        self.drift = drift if drift is not None and drift.exceeds else None
        if self.drift is None:
            self.compare.setChecked(False)
            self.hide()
            return
        others = sum(len(g.mask_ids) for g in self.drift.moved) - len(self.drift.main.mask_ids)
        text = self.sentence(self.drift)
        if others:
            text += " " + self.tr("%n other mask(s) were drawn on other images and move by their own shift.", "",
                                   others)
        self.label.setText(text)
        self.shift.setEnabled(editable)
        self.confirm.setEnabled(editable)
        self.show()

    def show_result(self, text: str) -> None:
        """After a shift: what happened (and which masks the edge cut), until the next pose."""
        self.drift = None
        self.compare.setChecked(False)
        self.label.setText(text)
        self.shift.setEnabled(False)
        self.confirm.setEnabled(False)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
