"""The pose list tells the truth: a filter with no match says so."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtTest import QTest

from mask_editor.ui.panels.mask_table import Col

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


def _signed_in(qtbot, fake_api, app_settings):
    from tests.ui.test_signin import empty_window, fill_dialog_when_shown

    window, controller = empty_window(qtbot, app_settings)
    fill_dialog_when_shown(qtbot, fake_api.url, "agent", fake_api.passwords["agent"])
    assert controller.sign_in()
    return window, controller


def test_the_size_column_fills_in_the_first_time_a_pose_is_opened(qtbot, fake_api, app_settings):
    from tests.ui.test_signin import close

    pose = fake_api.seeded.alpha_poses[0]
    fake_api.state.add_mask(pose, "(0.1,0.2,0.25,0.35)", datetime(2026, 1, 1, 12, 0, 0))
    window, _controller = _signed_in(qtbot, fake_api, app_settings)
    model = window.mask_panel.model
    qtbot.waitUntil(lambda: window.canvas.image_size() == (640, 360) and model.rowCount() == 1, timeout=10_000)
    assert window.document.pose_id == pose  # opened for the first time: its image came with it
    assert model.index(0, Col.SIZE).data() == "96 × 54 px"
    close(window)
