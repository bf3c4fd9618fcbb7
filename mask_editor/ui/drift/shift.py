"""Shifting a pose's masks with its view (issue 14), as one undo step, in the style of ui/editing/commands.py.

Redo writes the shifted boxes (Workspace.set_boxes: the masks become edits for the next sync) and
records the pose's latest image as the one they are now drawn on; undo puts both back.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from mask_editor.core.geometry import Box
from mask_editor.ui.editing.document import PoseDocument


class ShiftMasks(QUndoCommand):
    """Move masks by the view's estimated shift, or (no boxes) confirm them on the latest image."""

    def __init__(self, document: PoseDocument, boxes: dict[int, Box], confirmed: list[int], latest: str,
                 text: str, cut: set[int] | frozenset[int] = frozenset()) -> None:
        super().__init__(text)  # the caller words it
        self.document = document
        self.after = dict(boxes)
        self.before: dict[int, Box | None] = {i: m.box for i in boxes if (m := document.mask(i)) is not None}
        self.ids = sorted(set(boxes) | set(confirmed))
        self.latest = latest
        self.cut = frozenset(cut)
        self.drawn_before = document.workspace.raw_drawn_on(self.ids)

    def redo(self) -> None:
        if self.after:
            self.document.write_boxes(self.after)
        self.document.workspace.set_drawn_on({i: self.latest for i in self.ids})
        self.document.reload(self.ids)
        if self.cut:  # the ones the image edge cut: selected, to be looked at
            self.document.set_selection(self.cut)

    def undo(self) -> None:
        if self.before:
            self.document.write_boxes(self.before)
        self.document.workspace.set_drawn_on(self.drawn_before)
        self.document.reload(self.ids)
