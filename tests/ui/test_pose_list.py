"""The pose list tells the truth: a filter with no match says so."""

from __future__ import annotations

from PySide6.QtTest import QTest

pytest_plugins = ("tests.ui.window_fixtures",)


def test_a_filter_with_no_match_says_so(window):
    browser = window.browser
    assert browser.no_match.isHidden()
    QTest.keyClicks(browser.filter, "xyz")
    assert browser.proxy.rowCount() == 0
    assert browser.no_match.isVisible()
    assert browser.no_match.text() == "No pose matches “xyz”."
    browser.filter.clear()
    assert browser.no_match.isHidden() and browser.proxy.rowCount() == 1
