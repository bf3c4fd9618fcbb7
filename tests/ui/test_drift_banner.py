"""Masks that follow the camera, in the window (issue 14): the banner, the comparison, the undoable
shift, the browser's marks and the fleet view, on a copy of the demo workspace (pose 6 drifted)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mask_editor.demo import drift as demo_drift
from mask_editor.resources import demo_dir
from mask_editor.workspace import MaskState, Workspace
from tests.ui.window_data import open_window

pytest_plugins = ("tests.ui.window_fixtures",)

POSE = demo_drift.POSE_ID
DX, DY = (round(v / s, 3) for v, s in zip(demo_drift.SHIFT_PX, demo_drift.SIZE, strict=True))


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, app_settings):
    shutil.copytree(demo_dir(), tmp_path / "demo")
    win, ws = open_window(qtbot, tmp_path / "demo" / "demo.sqlite", app_settings)
    yield win
    win.close()
    ws.close()


def _open(qtbot, window, pose_id: int) -> None:
    window.show_pose(pose_id)
    qtbot.waitUntil(lambda: window.drift.document is not None and window.drift.document.pose_id == pose_id)


def _banner_shown(qtbot, window):
    qtbot.waitUntil(lambda: window.drift.banner.isVisible(), timeout=10_000)
    return window.drift.banner


def test_the_drifted_pose_is_marked_and_its_banner_says_how_far(qtbot, demo_window):
    qtbot.waitUntil(lambda: demo_window.browser.drift_marks() != {}, timeout=20_000)
    assert list(demo_window.browser.drift_marks()) == [POSE]
    assert demo_window.browser.drift_marks()[POSE] == "moved 2.1 %"
    _open(qtbot, demo_window, POSE)
    banner = _banner_shown(qtbot, demo_window)
    assert banner.text().startswith("The view has moved 2.1 % right and 0.7 % down since 3 Oct")
    assert banner.text().endswith("(the image these masks were drawn on).")
    assert banner.shift.isEnabled() and banner.confirm.isEnabled()
    _open(qtbot, demo_window, 1)
    qtbot.waitUntil(lambda: not demo_window.drift.banner.isVisible())


def test_shift_masks_is_one_undo_step_and_flags_the_cut_ones(qtbot, demo_window):
    _open(qtbot, demo_window, POSE)
    banner = _banner_shown(qtbot, demo_window)
    doc = demo_window.document
    before = {m.local_id: m.box for m in doc.masks()}
    depth = doc.undo_stack.count()
    banner.shift.click()
    assert doc.undo_stack.count() == depth + 1
    assert doc.undo_stack.undoText().startswith("Shift 3 masks")
    cut = set()
    for mask in doc.masks():
        old = before[mask.local_id]
        assert mask.state is MaskState.EDITED  # an ordinary edit for the next sync
        if old.xmax + DX <= 1 and old.ymax + DY <= 1:
            assert (mask.box.xmin, mask.box.ymin) == pytest.approx((old.xmin + DX, old.ymin + DY), abs=1e-9)
            assert mask.box.width == pytest.approx(old.width) and mask.box.is_quantized()
        else:
            cut.add(mask.local_id)
            assert mask.box.xmax <= 1 and mask.box.ymax <= 1
    assert cut and doc.selection == cut  # the demo's road mask runs past the bottom edge
    assert "went past the image edge" in banner.text()
    latest = doc.workspace.pose(POSE).image_sha256
    assert set(doc.workspace.drawn_on(POSE).values()) == {latest}
    qtbot.waitUntil(lambda: POSE not in demo_window.browser.drift_marks(), timeout=20_000)

    doc.undo_stack.undo()
    assert {m.local_id: m.box for m in doc.masks()} == before
    assert latest not in doc.workspace.drawn_on(POSE).values()
    banner = _banner_shown(qtbot, demo_window)
    qtbot.waitUntil(lambda: banner.text().startswith("The view has moved"))
    doc.undo_stack.redo()
    assert all(m.box != before[m.local_id] for m in doc.masks())


def test_masks_are_right_stops_the_warning_until_undone(qtbot, demo_window):
    _open(qtbot, demo_window, POSE)
    banner = _banner_shown(qtbot, demo_window)
    doc = demo_window.document
    boxes = {m.local_id: m.box for m in doc.masks()}
    banner.confirm.click()
    assert not banner.isVisible()
    assert {m.local_id: m.box for m in doc.masks()} == boxes  # nothing moved
    doc.undo_stack.undo()
    _banner_shown(qtbot, demo_window)


def test_compare_blended_and_side_by_side(qtbot, demo_window):
    _open(qtbot, demo_window, POSE)
    banner = _banner_shown(qtbot, demo_window)
    banner.compare.click()
    dialog = demo_window.drift.compare
    qtbot.waitUntil(dialog.isVisible)
    blended = dialog.image.size()
    assert "3 Oct" in dialog.legend.text() and not dialog.view.pixmap().isNull()
    dialog.side.click()
    side = dialog.image.size()
    assert side.width() > 2 * blended.width() and side.height() == blended.height()
    image = dialog.image
    main = demo_window.drift.banner.drift.main
    box = demo_window.document.mask(main.mask_ids[0]).box
    # A mask outline (orange) is drawn on the left view at the box's top-left corner.
    x, y = int(box.xmin * 960), int(box.ymin * image.height())
    colours = {image.pixelColor(x + i, y + j).name() for i in range(-1, 3) for j in range(-1, 3)}
    assert "#ff9f1c" in colours
    banner.compare.click()
    assert not dialog.isVisible()


def test_fleet_view_lists_moved_poses_worst_first_and_opens_one(qtbot, demo_window):
    demo_window.drift.fleet_action.trigger()
    qtbot.waitUntil(lambda: demo_window.drift.fleet_dialog is not None
                    and demo_window.drift.fleet_dialog.isVisible(), timeout=20_000)
    dialog = demo_window.drift.fleet_dialog
    assert dialog.pose_ids() == [POSE]
    assert "1 of 6 poses" in dialog.summary.text() and "10 images per pose" in dialog.note.text()
    item = dialog.tree.topLevelItem(0)
    assert item.text(1) == "2.1 % right and 0.7 % down"
    dialog.tree.itemDoubleClicked.emit(item, 0)
    assert demo_window.document.pose_id == POSE


def test_a_read_only_user_sees_the_banner_but_cannot_shift(qtbot, tmp_path, app_settings):
    shutil.copytree(demo_dir(), tmp_path / "demo")
    path = tmp_path / "demo" / "demo.sqlite"
    with Workspace(path) as ws:
        from mask_editor.workspace import Account

        ws.set_account(Account("https://api.example.org", "bob", 9, "user", 1))
    window, ws = open_window(qtbot, path, app_settings)
    try:
        _open(qtbot, window, POSE)
        banner = _banner_shown(qtbot, window)
        assert not banner.shift.isEnabled() and not banner.confirm.isEnabled()
    finally:
        window.close()
        ws.close()


def test_the_threshold_setting_decides_what_counts_as_moved(qtbot, tmp_path, app_settings):
    app_settings.qsettings.setValue("drift/threshold_percent", 3)
    shutil.copytree(demo_dir(), tmp_path / "demo")
    window, ws = open_window(qtbot, tmp_path / "demo" / "demo.sqlite", app_settings)
    try:
        window.drift.fleet_action.trigger()
        qtbot.waitUntil(lambda: window.drift.fleet_dialog is not None and window.drift.fleet_dialog.isVisible(),
                        timeout=20_000)
        assert window.drift.fleet_dialog.pose_ids() == [] and window.browser.drift_marks() == {}
        _open(qtbot, window, POSE)
        qtbot.waitUntil(lambda: window.drift.last_drift is not None and window.drift.last_drift.pose_id == POSE,
                        timeout=10_000)
        assert window.drift.last_drift.main.shift.confident and not window.drift.last_drift.exceeds
        assert not window.drift.banner.isVisible()
    finally:
        window.close()
        ws.close()


def test_the_check_of_a_pose_opened_runs_after_its_image_is_painted(qtbot, demo_window):
    from PySide6.QtCore import QEvent, QObject

    qtbot.waitUntil(lambda: demo_window.browser.drift_marks() != {}, timeout=20_000)  # drift has started
    _open(qtbot, demo_window, 1)
    paints: list[int] = []

    class Count(QObject):
        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    counter = Count(demo_window.canvas)
    demo_window.canvas.viewport().installEventFilter(counter)
    checks: list[int] = []
    check = demo_window.drift.refresh_pose
    demo_window.drift.refresh_pose = lambda *args, **kwargs: (checks.append(len(paints)), check(*args, **kwargs))
    demo_window.show_pose(POSE)
    assert checks == []  # not on the way to the first paint (its thread would take the GIL)
    _banner_shown(qtbot, demo_window)
    assert checks and checks[0] >= 1  # after the canvas painted the pose


def test_the_fleet_check_at_start_waits_while_someone_types(qtbot, demo_window) -> None:
    """Its worker holds the GIL for a fraction of a second on a large fleet: each key typed into the
    pose browser's filter meanwhile came late (issue 16). It starts once the typing pauses."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mask_editor.ui.drift import START_DELAY_MS

    drift, field = demo_window.drift, demo_window.browser.filter
    end = time.monotonic() + 3 * START_DELAY_MS / 1000
    while time.monotonic() < end:
        QTest.keyClick(field, Qt.Key.Key_A)
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        qtbot.wait(50)
        assert not drift.started and demo_window.browser.drift_marks() == {}
    qtbot.waitUntil(lambda: demo_window.browser.drift_marks() != {}, timeout=20_000)
    assert drift.started and list(demo_window.browser.drift_marks()) == [POSE]


def test_a_fleet_check_under_way_waits_while_someone_types(qtbot, demo_window) -> None:
    """Its worker stops between its steps while keys come (ui/platform/input_pause.InputGate), and
    finishes once they pause."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mask_editor.ui.drift import FLEET_QUIET_MS

    drift, field = demo_window.drift, demo_window.browser.filter
    qtbot.waitUntil(lambda: demo_window.browser.drift_marks() != {}, timeout=20_000)  # drift has started
    answers: list[float] = []
    QTest.keyClick(field, Qt.Key.Key_A)
    drift.refresh_fleet(then=lambda reports: answers.append(time.monotonic()))
    end = time.monotonic() + 1.2  # under the gate's longest wait (2 s)
    while time.monotonic() < end:
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        QTest.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(50)
    stopped = time.monotonic()
    assert answers == []
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert answers[0] - stopped >= FLEET_QUIET_MS / 1000 * 0.8
