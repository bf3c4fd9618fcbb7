"""The pose list tells the truth: every pose's server count after sign-in, "not pulled yet" rather than a
false zero before, thumbnails without a pull, a filter with no match says so, sizes on first open."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtTest import QTest

from mask_editor.ui.panels.mask_columns import Col
from mask_editor.ui.panels.pose_rows import IMAGE_ROLE, SUBTITLE_ROLE
from tests.ui.window_data import POSE_C

pytest_plugins = ("tests.ui.window_fixtures",)


def test_a_filter_with_no_match_says_so(window):
    browser = window.browser
    assert browser.no_match.isHidden()
    QTest.keyClicks(browser.filter, "xyz")
    assert browser.model.rowCount() == 0
    assert browser.no_match.isVisible()
    assert browser.no_match.text() == "No pose matches “xyz”."
    browser.filter.clear()
    assert browser.no_match.isHidden() and browser.model.rowCount() == 6  # organization, 2 cameras, 3 poses


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


def _sub_line(browser, pose_id: int) -> str:
    return browser.index_of(pose_id).data(SUBTITLE_ROLE)


def test_before_any_pull_a_pose_says_not_pulled_yet_never_zero(window):
    # The window fixture's workspace was never pulled: no pose may claim "0 masks".
    browser = window.browser
    for pose_id in browser.pose_ids():
        assert "not pulled yet" in _sub_line(browser, pose_id)
    assert _sub_line(browser, POSE_C) == "not pulled yet"  # no masks here either: not "0 masks"


def test_after_sign_in_a_pose_never_opened_shows_its_server_count(qtbot, fake_api, app_settings):
    from tests.ui.test_signin import close

    other = fake_api.seeded.beta_poses[1]  # never opened: the window opens the first pose
    for i in range(3):
        fake_api.state.add_mask(other, f"(0.{i}1,0.1,0.{i}5,0.2)", datetime(2026, 1, 1, 12, 0, 0))
    window, _controller = _signed_in(qtbot, fake_api, app_settings)
    browser = window.browser
    qtbot.waitUntil(lambda: other in browser.pose_ids() and _sub_line(browser, other) == "3 masks",
                    timeout=10_000)
    assert window.document.pose_id != other
    # Thumbnails came with the listing: no row says "no image".
    qtbot.waitUntil(lambda: all(browser.index_of(p).data(IMAGE_ROLE) for p in browser.pose_ids()),
                    timeout=10_000)
    close(window)


def test_thumbnails_asked_during_a_paint_are_decoded_after_it(qtbot, window):
    from mask_editor.ui.panels.pose_rows import Thumbnails

    path = str(window.document.image().path)
    thumbnails = Thumbnails()
    assert thumbnails.get(path) is None
    assert not thumbnails._lane.busy()  # nothing started while the paint asking for it goes on
    with qtbot.waitSignal(thumbnails.ready, timeout=10_000) as ready:
        pass
    assert ready.args == [path] and thumbnails.get(path) is not None
    thumbnails.stop()
