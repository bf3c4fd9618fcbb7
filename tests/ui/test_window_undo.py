"""The issue's demo path through the window: draw and delete on Pose 1, draw on Pose 2 (PgDown),
back (PgUp), Ctrl+Z. Pose 2 keeps its mask, in the workspace, the tree and the badge."""

from __future__ import annotations

from mask_editor.core.geometry import Box
from tests.ui.window_data import POSE_A, POSE_B

pytest_plugins = ("tests.ui.window_fixtures",)


def test_undo_on_pose_1_keeps_the_mask_drawn_on_pose_2(window) -> None:
    ws = window.workspace
    window.show_pose(POSE_A)
    before = {m.local_id for m in ws.masks(POSE_A)}
    window.document.add_boxes([Box(0.6, 0.4, 0.7, 0.5)], "Draw mask")
    (drawn,) = {m.local_id for m in ws.masks(POSE_A)} - before
    window.document.delete([drawn])
    window.step_pose(1)  # PgDown
    assert window.document.pose_id == POSE_B
    before = {m.local_id for m in ws.masks(POSE_B)}
    window.document.add_boxes([Box(0.2, 0.5, 0.3, 0.6)], "Draw mask")
    (other,) = {m.local_id for m in ws.masks(POSE_B)} - before
    window.step_pose(-1)  # PgUp
    window.actions["undo"].trigger()  # Ctrl+Z

    assert ws.mask(drawn).pose_id == POSE_A and ws.mask(other).box == Box(0.2, 0.5, 0.3, 0.6)
    assert ws.mask_counts()[POSE_B] == 2 and ws.pending_counts()[POSE_B]
    window.refresh_counts()
    window.show_pose(POSE_B)
    assert {m.local_id for m in window.document.masks()} == {m.local_id for m in ws.masks(POSE_B)}
    assert " · 2 to sync" in window.windowTitle()


def test_an_undo_notice_shows_in_the_status_bar(window) -> None:
    window.document.undoNotice.emit("Someone changed or deleted mask #3 on the server since this edit")
    assert "mask #3" in window.status.currentMessage()
