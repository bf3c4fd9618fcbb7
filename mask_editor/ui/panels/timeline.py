"""When the pose's masks were added: a histogram strip with a date axis, and a range filter.

Drag across the strip, or pick two dates, to keep only the masks added in that range; the window
dims the others on the canvas and in the table (or hides them from the table). Reset clears it.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.editing.document import PoseDocument

DAY = 86400.0
_MONTHS = (1, 3, 6, 12)


class TimelineStrip(QWidget):
    """Custom-painted histogram of added times; a drag selects a range."""

    rangeDragged = Signal(float, float)  # UTC timestamps, start <= end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(100, 44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("When the masks were added. Drag to keep only the masks of a period."))
        self._times: list[float] = []
        self._span = (0.0, DAY)
        self._range: tuple[float, float] | None = None
        self._drag: tuple[float, float] | None = None

    def set_times(self, times: list[float]) -> None:
        self._times = sorted(times)
        if self._times:
            lo, hi = self._times[0], self._times[-1]
            pad = max((hi - lo) * 0.03, DAY)
            self._span = (lo - pad, hi + pad)
        else:
            now = datetime.now(UTC).timestamp()
            self._span = (now - 30 * DAY, now)
        self.update()

    def span(self) -> tuple[float, float]:
        return self._span

    def set_range(self, selected: tuple[float, float] | None) -> None:
        self._range = selected
        self.update()

    # --- geometry -----------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        axis = self.fontMetrics().height() + 4
        return QRectF(6, 4, max(self.width() - 12, 1), max(self.height() - axis - 6, 1))

    def _x(self, t: float) -> float:
        plot = self._plot()
        lo, hi = self._span
        return plot.left() + (t - lo) / (hi - lo) * plot.width()

    def _t(self, x: float) -> float:
        plot = self._plot()
        lo, hi = self._span
        return lo + min(max((x - plot.left()) / plot.width(), 0.0), 1.0) * (hi - lo)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        plot = self._plot()
        painter.fillRect(plot, palette.color(QPalette.ColorRole.Base))
        selected = self._drag or self._range
        if selected:
            a, b = sorted(selected)
            band = QColor(palette.color(QPalette.ColorRole.Highlight))
            band.setAlpha(50)
            corners = QPointF(self._x(a), plot.top()), QPointF(self._x(b), plot.bottom())
            painter.fillRect(QRectF(*corners), band)
        self._paint_bins(painter, plot, selected)
        self._paint_axis(painter, plot)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(plot)
        if not self._times:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No masks on this pose"))

    def _paint_bins(self, painter: QPainter, plot: QRectF, selected: tuple[float, float] | None) -> None:
        if not self._times:
            return
        n = max(int(plot.width() // 5), 1)
        lo, hi = self._span
        counts = [0] * n
        for t in self._times:
            counts[min(int((t - lo) / (hi - lo) * n), n - 1)] += 1
        top = max(counts)
        width = plot.width() / n
        palette = self.palette()
        active = palette.color(QPalette.ColorRole.Highlight)
        inactive = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for i, count in enumerate(counts):
            if not count:
                continue
            # A square-root scale keeps a lone mask visible next to a bulk import of hundreds.
            height = max(3.0, (count / top) ** 0.5 * (plot.height() - 2))
            mid = lo + (i + 0.5) * (hi - lo) / n
            inside = selected is None or min(selected) <= mid <= max(selected)
            painter.fillRect(QRectF(plot.left() + i * width + 0.5, plot.bottom() - height, max(width - 1, 1),
                                    height), active if inside else inactive)

    def _paint_axis(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        metrics = self.fontMetrics()
        last_right = -1e9
        for when, label in axis_ticks(*self._span, max(int(plot.width() // 90), 2)):
            x = self._x(when)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, 0), self.width() - width)
            if left > last_right + 6:
                painter.drawText(QPointF(left, plot.bottom() + 3 + metrics.ascent()), label)
                last_right = left + width

    # --- dragging a range ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            t = self._t(event.position().x())
            self._drag = (t, t)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag:
            self._drag = (self._drag[0], self._t(event.position().x()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag and event.button() == Qt.MouseButton.LeftButton:
            a, b = sorted(self._drag)
            self._drag = None
            if abs(self._x(b) - self._x(a)) >= 3:  # a click is not a range
                self.rangeDragged.emit(a, b)
            self.update()


def axis_ticks(lo: float, hi: float, max_ticks: int) -> list[tuple[float, str]]:
    """Tick times and labels at a readable step: days, weeks, months or years."""
    span_days = (hi - lo) / DAY
    start = datetime.fromtimestamp(lo, UTC).astimezone()
    for step in (1, 7):
        if span_days / step <= max_ticks:
            day0 = datetime.combine(start.date() + timedelta(days=1), time(), start.tzinfo)
            out = []
            when = day0
            while when.timestamp() <= hi:
                out.append((when.timestamp(), _date_text(when, "dd MMM")))
                when += timedelta(days=step)
            return out
    months = next((m for m in _MONTHS if span_days / (30.4 * m) <= max_ticks), None)
    if months is None:  # several years per tick
        months = 12 * math.ceil(span_days / 365 / max_ticks)
    out = []
    index = start.year * 12 + start.month  # months since year 0, pointing at the next month start
    while True:
        year, month = divmod(index, 12)
        when = datetime(year, month + 1, 1, tzinfo=start.tzinfo)
        if when.timestamp() > hi:
            return out
        if index % months == 0:
            out.append((when.timestamp(), _date_text(when, "yyyy" if months >= 12 else "MMM yyyy")))
        index += 1


def _date_text(when: datetime, fmt: str) -> str:
    """A tick label in the display language (month names), from a QLocale pattern."""
    return QLocale().toString(QDate(when.year, when.month, when.day), fmt)


class Timeline(QWidget):
    """The strip plus 'Show only masks added between [date] and [date]', Reset and Hide filtered."""

    rangeChanged = Signal(object)  # (start, end) aware datetimes, or None for no filter
    hideFilteredChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: PoseDocument | None = None
        self._range: tuple[datetime, datetime] | None = None
        self.strip = TimelineStrip(self)
        self.strip.rangeDragged.connect(self._on_dragged)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_dates)
        self.reset = QPushButton(self.tr("Reset"), self)
        self.reset.setToolTip(self.tr("Show the masks of every date"))
        self.reset.clicked.connect(lambda: self.set_range(None))
        self.hide_filtered = QCheckBox(self.tr("Hide them in the table"), self)
        self.hide_filtered.setToolTip(self.tr("Leave the masks outside the dates out of the mask table"))
        self.hide_filtered.toggled.connect(self.hideFilteredChanged)
        self.summary = QLabel(self)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Controls beside the strip, not under it: the strip sits under the canvas only and must stay
        # narrow enough for the side panels at 1366 px.
        dates = QHBoxLayout()
        dates.setSpacing(4)
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("and", "between two dates"), self))
        dates.addWidget(self.end)
        dates.addWidget(self.reset)
        options = QHBoxLayout()
        options.addWidget(self.hide_filtered)
        options.addStretch(1)
        options.addWidget(self.summary)
        controls = QVBoxLayout()
        controls.setSpacing(2)
        controls.addWidget(QLabel(self.tr("Show only masks added between"), self))
        controls.addLayout(dates)
        controls.addLayout(options)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(10)
        layout.addWidget(self.strip, 1)
        layout.addLayout(controls)
        self._updating = False
        self._added: list[datetime] | None = None  # the live masks' added times the strip shows
        self._sync_controls()

    def set_document(self, doc: PoseDocument | None) -> None:
        if self._doc is not None:
            self._doc.masksChanged.disconnect(self.refresh)
        self._doc, self._added = doc, None
        if doc is not None:
            doc.masksChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        added = [m.added_at for m in self._doc.masks() if not m.deleted] if self._doc else []
        if added == self._added:  # a move or a resize: the same times (the same objects, compared at once)
            return
        self._added = added
        self.strip.set_times([when.timestamp() for when in added])
        self._sync_controls()

    def current_range(self) -> tuple[datetime, datetime] | None:
        return self._range

    def set_range(self, selected: tuple[datetime, datetime] | None) -> None:
        if selected is not None:
            selected = (min(selected), max(selected))
        if selected != self._range:
            self._range = selected
            self._sync_controls()
            self.rangeChanged.emit(selected)

    def set_dates(self, start: date, end: date) -> None:
        """Whole local days, from the start of `start` to the end of `end`."""
        tz = datetime.now().astimezone().tzinfo
        self.set_range((datetime.combine(start, time(), tz),
                        datetime.combine(end, time(), tz) + timedelta(days=1) - timedelta(microseconds=1)))

    def _on_dragged(self, a: float, b: float) -> None:
        self.set_range((datetime.fromtimestamp(a, UTC), datetime.fromtimestamp(b, UTC)))

    def _on_dates(self, _date: QDate) -> None:
        if not self._updating:
            self.set_dates(self.start.date().toPython(), self.end.date().toPython())

    def _sync_controls(self) -> None:
        lo, hi = self.strip.span()
        shown = self._range or (datetime.fromtimestamp(lo, UTC), datetime.fromtimestamp(hi, UTC))
        self._updating = True
        try:
            self.start.setDate(QDate(shown[0].astimezone().date()))
            self.end.setDate(QDate(shown[1].astimezone().date()))
        finally:
            self._updating = False
        self.strip.set_range((shown[0].timestamp(), shown[1].timestamp()) if self._range else None)
        self.reset.setEnabled(self._range is not None)
        masks = [m for m in self._doc.masks() if not m.deleted] if self._doc else []
        if self._range:
            inside = sum(1 for m in masks if self._range[0] <= m.added_at <= self._range[1])
            self.summary.setText(self.tr("%1 of %n mask(s) in range", "", len(masks)).replace("%1", str(inside)))
        else:
            self.summary.setText(self.tr("%n mask(s)", "", len(masks)) if masks else "")

    def outside(self) -> set[int]:
        """Local ids of the pose's masks added outside the range (empty without a filter)."""
        if self._range is None or self._doc is None:
            return set()
        a, b = self._range
        return {m.local_id for m in self._doc.masks() if not a <= m.added_at <= b}
