"""The timeline: masks by added time, a range filter that dims masks in the table and the canvas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QSignalSpy, QTest

from mask_editor.ui.panels.mask_columns import DIMMED_ROLE
from mask_editor.ui.panels.timeline import axis_ticks
from tests.ui.window_data import NOW

pytest_plugins = ("tests.ui.window_fixtures",)


def _dimmed_ids(window) -> set[int]:
    proxy = window.table.proxy
    return {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())
            if proxy.index(r, 0).data(DIMMED_ROLE)}


def test_range_dims_masks_in_table_and_image_view(window):
    spy = QSignalSpy(window.document.dimmedChanged)
    window.timeline.set_dates((NOW - timedelta(days=10)).date(), NOW.date())
    assert spy.count() == 1  # the document holds the dimming, once; both views follow it
    assert window.document.dimmed == {2, 3}  # added 200 and 230 days ago
    assert window.canvas.dimmed() == {2, 3}
    assert _dimmed_ids(window) == {2, 3}
    assert window.timeline.summary.text() == "1 of 3 masks in range"
    window.timeline.hide_filtered.setChecked(True)
    assert window.table.proxy.rowCount() == 1
    window.timeline.reset.click()
    assert window.canvas.dimmed() == set() and _dimmed_ids(window) == set()
    assert window.table.proxy.rowCount() == 3


def test_dragging_on_the_strip_selects_a_range(window, qtbot):
    strip = window.timeline.strip
    strip.resize(600, 60)
    _lo, hi = strip.span()
    recent = NOW - timedelta(days=3)
    x_start = int(strip._x((NOW - timedelta(days=20)).timestamp()))
    x_end = int(strip._x(hi))
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x_start, 20))
    QTest.mouseMove(strip, QPoint(x_end, 20))
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(x_end, 20))
    start, end = window.timeline.current_range()
    assert start <= recent <= end
    assert _dimmed_ids(window) == {2, 3}


def test_new_masks_outside_the_range_are_dimmed(window):
    from mask_editor.core.geometry import Box

    window.timeline.set_dates((NOW - timedelta(days=400)).date(), (NOW - timedelta(days=100)).date())
    assert _dimmed_ids(window) == {1}
    window.document.add_boxes([Box(0.6, 0.6, 0.7, 0.7)])  # added now: outside
    assert _dimmed_ids(window) == {1, 5}


def test_axis_ticks_are_readable_at_every_scale():
    start = datetime(2024, 3, 5, tzinfo=UTC).timestamp()
    days = [label for _, label in axis_ticks(start, start + 10 * 86400, 6)]
    assert len(days) <= 6 and all(len(label) <= 6 for label in days)
    months = [label for _, label in axis_ticks(start, start + 200 * 86400, 8)]
    assert months[0].endswith("2024") and len(months) <= 8
    years = [label for _, label in axis_ticks(start, start + 12 * 365 * 86400, 5)]
    assert all(label.isdigit() for label in years) and 2 <= len(years) <= 5
