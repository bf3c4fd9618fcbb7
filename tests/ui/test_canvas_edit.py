"""Editing masks on the canvas with real mouse and keyboard events: draw, select, move, resize,
nudge, clamping, the grid, Escape, undo/redo, read-only."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from mask_editor.core.geometry import GRID, Box, quantize
from mask_editor.ui.editing.document import PoseDocument

W, H = 1280, 720
Left = Qt.MouseButton.LeftButton
NoMod = Qt.KeyboardModifier.NoModifier


def at(view, x: float, y: float) -> QPoint:
    """The viewport point over image pixel (x, y)."""
    return view.mapFromScene(QPointF(x, y))


def center(view, document, local_id: int) -> QPoint:
    x0, y0, x1, y1 = document.mask(local_id).box.to_pixels(W, H)
    return at(view, (x0 + x1) / 2, (y0 + y1) / 2)


def drag(qtbot, view, a: QPoint, b: QPoint, modifiers=NoMod, steps: int = 6) -> None:
    vp = view.viewport()
    qtbot.mousePress(vp, Left, modifiers, a)
    for i in range(1, steps + 1):
        qtbot.mouseMove(vp, a + (b - a) * i / steps)
    qtbot.mouseRelease(vp, Left, modifiers, b)


def click(qtbot, view, p: QPoint, modifiers=NoMod) -> None:
    qtbot.mouseClick(view.viewport(), Left, modifiers, p)


def milli(document, local_id: int) -> tuple[int, int, int, int]:
    return document.mask(local_id).box.milli()


# --- drawing ----------------------------------------------------------------------------------


def test_draw_mode_drag_adds_one_box_undo_redo(qtbot, canvas, document):
    before = {m.local_id for m in document.masks()}
    canvas.set_tool("draw")
    drag(qtbot, canvas, at(canvas, 200, 400), at(canvas, 500, 600))
    (new_id,) = {m.local_id for m in document.masks()} - before
    box = document.mask(new_id).box
    assert box.is_quantized()
    assert abs(box.xmin * W - 200) < 3 and abs(box.xmax * W - 500) < 3
    assert abs(box.ymin * H - 400) < 3 and abs(box.ymax * H - 600) < 3
    assert document.selection == {new_id}
    assert document.undo_stack.undoText() == "Draw mask"
    assert canvas.tool() == "draw"  # stays in draw mode for the next box

    document.undo_stack.undo()
    assert document.mask(new_id) is None and canvas.mask_rect(new_id) is None
    document.undo_stack.redo()
    assert document.mask(new_id).box == box
    assert canvas.mask_rect(new_id) is not None


def test_alt_drag_on_empty_image_draws_in_select_mode(qtbot, canvas, document):
    n = len(document.masks())
    drag(qtbot, canvas, at(canvas, 600, 350), at(canvas, 700, 420), Qt.KeyboardModifier.AltModifier)
    assert len(document.masks()) == n + 1
    assert canvas.tool() == "select"


def test_a_click_in_draw_mode_adds_nothing_and_a_flat_drag_is_one_step_high(qtbot, canvas, document):
    canvas.set_tool("draw")
    before = {m.local_id for m in document.masks()}
    click(qtbot, canvas, at(canvas, 600, 350))
    assert {m.local_id for m in document.masks()} == before
    drag(qtbot, canvas, at(canvas, 600, 350), at(canvas, 700, 350))
    (new_id,) = {m.local_id for m in document.masks()} - before
    assert document.mask(new_id).box.milli()[3] - document.mask(new_id).box.milli()[1] == 1  # one step


def test_tool_changes_are_signalled(qtbot, canvas):
    with qtbot.waitSignal(canvas.toolChanged) as blocker:
        canvas.set_tool("draw")
    assert blocker.args == ["draw"]
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)  # Escape leaves draw mode
    assert canvas.tool() == "select"


# --- selection ----------------------------------------------------------------------------------


def test_click_selects_ctrl_and_shift_toggle_empty_click_clears(qtbot, canvas, document, seeded):
    ids = seeded.ids
    click(qtbot, canvas, center(canvas, document, ids["new"]))
    assert document.selection == {ids["new"]}
    click(qtbot, canvas, center(canvas, document, ids["edited"]), Qt.KeyboardModifier.ControlModifier)
    assert document.selection == {ids["new"], ids["edited"]}
    click(qtbot, canvas, center(canvas, document, ids["synced"]), Qt.KeyboardModifier.ShiftModifier)
    assert document.selection == {ids["new"], ids["edited"], ids["synced"]}
    click(qtbot, canvas, center(canvas, document, ids["new"]), Qt.KeyboardModifier.ControlModifier)
    assert document.selection == {ids["edited"], ids["synced"]}
    click(qtbot, canvas, center(canvas, document, ids["edited"]))  # a plain click narrows to one
    assert document.selection == {ids["edited"]}
    click(qtbot, canvas, at(canvas, 640, 300))  # empty sky
    assert document.selection == frozenset()


def test_rubber_band_selects_touched_masks_but_not_deleted_ones(qtbot, canvas, document, seeded):
    ids = seeded.ids
    drag(qtbot, canvas, at(canvas, 5, 5), at(canvas, W - 5, 250))  # the top row
    assert document.selection == {ids[k] for k in ("synced", "new", "edited", "conflict")}
    drag(qtbot, canvas, at(canvas, 5, 480), at(canvas, W - 5, H - 5), Qt.KeyboardModifier.ShiftModifier)
    bottom = {ids[k] for k in ("suspicious", "forest_synced", "forest_new")}
    assert document.selection == {ids[k] for k in ("synced", "new", "edited", "conflict")} | bottom
    assert ids["deleted"] not in document.selection
    click(qtbot, canvas, center(canvas, document, ids["deleted"]))  # deleted: selectable by click
    assert document.selection == {ids["deleted"]}


def test_selection_syncs_both_ways(qtbot, canvas, document, seeded):
    ids = seeded.ids
    document.set_selection({ids["new"]})  # document -> canvas: handles on the one selected mask
    rect = canvas.mask_rect(ids["new"])
    assert canvas.handle_at(QPointF(canvas.mapFromScene(rect.bottomRight()))) == "bottom-right"
    document.set_selection({ids["new"], ids["edited"]})  # several: outlines only, no handles
    assert canvas.handle_at(QPointF(canvas.mapFromScene(rect.bottomRight()))) is None
    with qtbot.waitSignal(document.selectionChanged) as blocker:  # canvas -> document, once
        click(qtbot, canvas, center(canvas, document, ids["synced"]))
    assert blocker.args == [frozenset({ids["synced"]})]


def test_hidden_masks_cannot_be_clicked(qtbot, canvas, document, seeded):
    canvas.set_masks_visible(False)
    assert not canvas.masks_visible()
    click(qtbot, canvas, center(canvas, document, seeded.ids["new"]))
    assert document.selection == frozenset()


# --- moving and resizing ----------------------------------------------------------------------


def test_drag_moves_on_release_as_one_undo_step(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    before = milli(document, i)
    start = center(canvas, document, i)
    vp = canvas.viewport()
    qtbot.mousePress(vp, Left, NoMod, start)
    for k in range(1, 6):
        qtbot.mouseMove(vp, start + QPoint(8 * k, 4 * k))
        assert milli(document, i) == before  # live feedback only: the document waits for release
    assert canvas.mask_rect(i).left() > before[0] * W / GRID  # ... but the mask follows the mouse
    qtbot.mouseRelease(vp, Left, NoMod, start + QPoint(40, 20))
    after = milli(document, i)
    assert after != before
    assert (after[2] - after[0], after[3] - after[1]) == (before[2] - before[0], before[3] - before[1])
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Move mask"
    document.undo_stack.undo()
    assert milli(document, i) == before
    document.undo_stack.redo()
    assert milli(document, i) == after


def test_dragging_a_multi_selection_moves_all_together(qtbot, canvas, document, seeded):
    a, b = seeded.ids["new"], seeded.ids["edited"]
    document.set_selection({a, b})
    ma, mb = milli(document, a), milli(document, b)
    drag(qtbot, canvas, center(canvas, document, a), center(canvas, document, a) + QPoint(0, 60))
    da, db = milli(document, a)[1] - ma[1], milli(document, b)[1] - mb[1]
    assert da == db > 0 and document.undo_stack.undoText() == "Move 2 masks"


def test_move_stops_at_the_image_border_keeping_the_size(qtbot, canvas, document, seeded):
    i = seeded.ids["conflict"]  # near the right edge
    before = milli(document, i)
    drag(qtbot, canvas, center(canvas, document, i), center(canvas, document, i) + QPoint(400, -300))
    after = milli(document, i)
    assert after[2] == GRID and after[1] == 0
    assert (after[2] - after[0], after[3] - after[1]) == (before[2] - before[0], before[3] - before[1])


def test_resize_by_handle_undo_redo(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    before = milli(document, i)
    corner = canvas.mapFromScene(canvas.mask_rect(i).bottomRight())
    drag(qtbot, canvas, corner, corner + QPoint(60, 30))
    after = milli(document, i)
    assert after[:2] == before[:2] and after[2] > before[2] and after[3] > before[3]
    assert document.undo_stack.undoText() == "Resize mask"
    document.undo_stack.undo()
    assert milli(document, i) == before
    document.undo_stack.redo()
    assert milli(document, i) == after


def test_resize_clamps_to_the_image_and_never_below_one_step(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    left_mid = canvas.mapFromScene(QPointF(canvas.mask_rect(i).left(), canvas.mask_rect(i).center().y()))
    drag(qtbot, canvas, left_mid, left_mid + QPoint(2000, 0))  # far past the right edge
    x0, _, x1, _ = milli(document, i)
    assert x1 - x0 == 1  # one grid step, no flip
    right_mid = canvas.mapFromScene(QPointF(canvas.mask_rect(i).right(), canvas.mask_rect(i).center().y()))
    drag(qtbot, canvas, right_mid, right_mid + QPoint(3000, 0))
    assert milli(document, i)[2] == GRID


def test_escape_cancels_a_drag_and_restores(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    rect = canvas.mask_rect(i)
    start = center(canvas, document, i)
    vp = canvas.viewport()
    qtbot.mousePress(vp, Left, NoMod, start)
    qtbot.mouseMove(vp, start + QPoint(30, 30))
    qtbot.mouseMove(vp, start + QPoint(60, 40))
    assert canvas.mask_rect(i) != rect
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.mask_rect(i) == rect
    qtbot.mouseMove(vp, start + QPoint(90, 50))
    qtbot.mouseRelease(vp, Left, NoMod, start + QPoint(90, 50))
    assert canvas.mask_rect(i) == rect and document.undo_stack.count() == 0


def test_escape_cancels_drawing(qtbot, canvas, document):
    canvas.set_tool("draw")
    n = len(document.masks())
    vp = canvas.viewport()
    qtbot.mousePress(vp, Left, NoMod, at(canvas, 100, 100))
    qtbot.mouseMove(vp, at(canvas, 300, 300))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Left, NoMod, at(canvas, 300, 300))
    assert len(document.masks()) == n and canvas.tool() == "draw"


def test_a_drag_is_stored_on_the_grid_and_reads_back_the_same(qtbot, canvas, document, seeded):
    i = seeded.ids["synced"]
    start = center(canvas, document, i)
    drag(qtbot, canvas, start, start + QPoint(37, 23))  # not a whole number of grid steps
    box = document.mask(i).box
    assert box.is_quantized() and quantize(box) == box
    x0, y0, x1, y1 = box.to_pixels(W, H)
    rect = canvas.mask_rect(i)  # what is drawn is what is stored
    assert (rect.left(), rect.top(), rect.right(), rect.bottom()) == (x0, y0, x1, y1)
    reopened = PoseDocument(seeded.workspace, document.pose_id)
    assert {m.local_id: m.box for m in reopened.masks()} == {m.local_id: m.box for m in document.masks()}


# --- keyboard -----------------------------------------------------------------------------------


def test_arrow_nudges_merge_into_one_undo_step(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    before = milli(document, i)
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    after = milli(document, i)
    # One grid step a press; ten with Shift (pixels do not come into it).
    assert after == (before[0] + 3, before[1] + 10, before[2] + 3, before[3] + 10)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert milli(document, i) == before


def test_nudge_on_a_big_image_still_moves_one_step(canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    before = milli(document, i)
    canvas.nudge(-1, 0)
    assert milli(document, i)[0] == before[0] - 1


def test_keyboard_edge_resize(qtbot, canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    x0, y0, x1, y1 = milli(document, i)
    alt = Qt.KeyboardModifier.AltModifier
    alt_shift = alt | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(canvas, Qt.Key.Key_Left, alt)  # grow to the left
    qtbot.keyClick(canvas, Qt.Key.Key_Left, alt)
    assert milli(document, i) == (x0 - 2, y0, x1, y1)
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Resize mask"
    qtbot.keyClick(canvas, Qt.Key.Key_Down, alt)  # grow downward
    qtbot.keyClick(canvas, Qt.Key.Key_Right, alt_shift)  # pull the right edge in
    qtbot.keyClick(canvas, Qt.Key.Key_Up, alt_shift)  # pull the top edge in
    assert milli(document, i) == (x0 - 2, y0 + 1, x1 - 1, y1 + 1)
    assert document.undo_stack.count() == 4  # one step per edge run


def test_keyboard_edits_stop_at_the_border_and_at_one_step(canvas, document, seeded):
    i = seeded.ids["new"]
    document.set_selection({i})
    for _ in range(400):
        canvas.nudge_edge("right", -10)
    x0, _, x1, _ = milli(document, i)
    assert x1 - x0 == 1
    for _ in range(200):
        canvas.nudge(0, -10)
    assert milli(document, i)[1] == 0


def test_read_only_blocks_edits_but_not_selection(qtbot, canvas, document, seeded):
    document.set_read_only("signed in as a viewer")
    i = seeded.ids["new"]
    before = {m.local_id: m.box for m in document.masks()}
    click(qtbot, canvas, center(canvas, document, i))
    assert document.selection == {i}
    assert canvas.handle_at(QPointF(canvas.mapFromScene(canvas.mask_rect(i).bottomRight()))) is None
    drag(qtbot, canvas, center(canvas, document, i), center(canvas, document, i) + QPoint(50, 50))
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    canvas.nudge_edge("left", -5)
    canvas.set_tool("draw")
    drag(qtbot, canvas, at(canvas, 600, 300), at(canvas, 800, 400))
    drag(qtbot, canvas, at(canvas, 600, 300), at(canvas, 800, 400), Qt.KeyboardModifier.AltModifier)
    assert {m.local_id: m.box for m in document.masks()} == before
    assert document.undo_stack.count() == 0


def test_only_changed_masks_are_updated(canvas, document, seeded):
    (new,) = document.workspace.add_masks(document.pose_id, [Box(0.4, 0.4, 0.5, 0.5)])
    document.reload([new.local_id])
    assert canvas.mask_rect(new.local_id) is not None
    with document.workspace.transaction() as conn:  # a box the server sent that cannot be read
        conn.execute("UPDATE masks SET x0=NULL, y0=NULL, x1=NULL, y1=NULL WHERE local_id=?", (new.local_id,))
    document.reload([new.local_id])
    assert canvas.mask_rect(new.local_id) is None  # not drawn
    document.delete([seeded.ids["new"]])
    assert canvas.mask_rect(seeded.ids["new"]) is None  # a local-only mask is gone at once


def test_canvas_keys_win_over_window_shortcuts_while_it_has_the_focus(qtbot, canvas, document, seeded):
    window = QWidget()
    fired = []
    for key in ("Right", "Esc", "Space"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, key=key: fired.append(key))
        window.addAction(action)
    canvas.setParent(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        canvas.setFocus()
        i = seeded.ids["new"]
        document.set_selection({i})
        before = milli(document, i)
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
        assert milli(document, i)[0] == before[0] + 1
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
        assert document.selection == frozenset()
        qtbot.keyClick(canvas, Qt.Key.Key_Space)
        assert fired == []
    finally:
        canvas.setParent(None)  # the canvas fixture owns it; the window must not delete it
        window.close()
