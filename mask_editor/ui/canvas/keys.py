"""Keys the canvas handles itself when it has the focus: Escape, the arrow keys and Space. Delete,
zoom and tool keys are the window's actions (one table of shortcuts). The canvas claims its keys
through ShortcutOverride, so a window shortcut on the same key cannot take them from it.

    arrows               move the selection by one grid step (0.001 of the image: 3.84 px of a 3840 px image)
    Shift+arrows         by ten grid steps
    Alt+arrow            push that side's edge outward (Alt+Left grows the box to the left)
    Alt+Shift+arrow      pull that side's edge inward (Alt+Shift+Left shrinks it from the left)
    Escape               cancel the drag in progress; else discard an area or sky proposal; else leave the draw
                         or area tool; else clear the selection
    Space (held)         a left drag pans
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from mask_editor.core.geometry import Box
from mask_editor.ui.canvas import grid
from mask_editor.ui.canvas.tools import milli_boxes, movable

if TYPE_CHECKING:
    from mask_editor.ui.canvas.surface import Canvas

Key = Qt.Key
Mods = Qt.KeyboardModifier
NUDGE, NUDGE_BIG = 1, 10  # grid steps: boxes live on the server's grid, so a key moves whole steps

# arrow -> (direction x, direction y, the edge on that side, its outward sign)
ARROWS: dict[Qt.Key, tuple[int, int, str, int]] = {
    Key.Key_Left: (-1, 0, "left", -1),
    Key.Key_Right: (1, 0, "right", 1),
    Key.Key_Up: (0, -1, "top", -1),
    Key.Key_Down: (0, 1, "bottom", 1),
}

def key_event(view: Canvas, event: QKeyEvent) -> bool:
    """Called from the canvas's event(): True when the key is the canvas's and was handled. Claiming
    the ShortcutOverride keeps a window shortcut on the same key from firing; the KeyPress follows.
    (Not an event filter object: one outliving Python during teardown crashed the interpreter.)"""
    kind = event.type()
    if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        return False
    if event.key() == Key.Key_Space:
        if kind != QEvent.Type.ShortcutOverride and not event.isAutoRepeat():
            view.set_space_held(kind == QEvent.Type.KeyPress)
    elif not _is_ours(event):
        return False
    elif kind == QEvent.Type.KeyPress:
        handle_key(view, event)
    event.accept()
    return True


def _is_ours(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Mods.KeypadModifier  # arrows on the keypad are still arrows
    if event.key() == Key.Key_Escape:
        return mods == Mods.NoModifier
    return event.key() in ARROWS and not mods & (Mods.ControlModifier | Mods.MetaModifier)


def handle_key(view: Canvas, event: QKeyEvent) -> bool:
    """Act on a key press; False when the key is not the canvas's."""
    key = event.key()
    mods = event.modifiers() & ~Mods.KeypadModifier
    if not _is_ours(event):
        return False
    if key == Key.Key_Escape:
        if view.has_interaction():
            view.cancel_interaction()
        elif view.take_escape():
            pass  # a pending proposal was discarded; the next Escape leaves the tool
        elif view.tool() != "select":
            view.set_tool("select")
        elif (document := view.document()) is not None:
            document.set_selection(())
        return True
    dx, dy, edge, outward = ARROWS[key]
    shift = bool(mods & Mods.ShiftModifier)
    if mods & Mods.AltModifier:
        view.nudge_edge(edge, -outward if shift else outward)
    else:
        step = NUDGE_BIG if shift else NUDGE
        view.nudge(dx * step, dy * step)
    return True


translate = QCoreApplication.translate  # lupdate reads the literal calls below


def nudge_selection(view: Canvas, dx: int, dy: int) -> None:
    """Shift the movable selected masks together by grid steps, stopping at the image border."""
    document = view.document()
    if document is None:
        return
    boxes = milli_boxes(document, movable(document, document.selection))
    shift = grid.clamp_shift(boxes.values(), dx, dy)
    if boxes and shift != (0, 0):
        text = translate("CanvasKeys", "Nudge mask") if len(boxes) == 1 else translate(
            "CanvasKeys", "Nudge %1 masks").replace("%1", str(len(boxes)))
        document.move(boxes, *shift, text, merge_key="nudge")


def nudge_selection_edge(view: Canvas, edge: str, d: int) -> None:
    """Move one edge of each movable selected mask; it stops at the border and one step before the
    opposite edge."""
    if edge not in grid.EDGES:
        raise ValueError(f"unknown edge {edge!r}, expected one of {grid.EDGES}")
    document = view.document()
    if document is None:
        return
    boxes = milli_boxes(document, movable(document, document.selection))
    resized = {i: grid.edge_moved(b, edge, d) for i, b in boxes.items()}
    changed = {i: Box.from_milli(b) for i, b in resized.items() if b != boxes[i]}
    if changed:
        text = translate("CanvasKeys", "Resize mask") if len(changed) == 1 else translate(
            "CanvasKeys", "Resize %1 masks").replace("%1", str(len(changed)))
        document.set_boxes(changed, text, merge_key=f"edge-{edge}")
