"""Bringing masks into view on the canvas (the table's pick, Pose › Reveal selection)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from mask_editor.ui.canvas import CanvasView
from mask_editor.ui.editing.document import PoseDocument


def reveal(canvas: CanvasView, doc: PoseDocument | None, ids: frozenset[int] | set[int]) -> None:
    """Centre on the masks if they fit in the view, else zoom to them; nothing when they are in view."""
    size = canvas.image_size() if doc else None
    masks = [doc.mask(i) for i in ids] if doc else []
    boxes = [m.box for m in masks if m is not None and m.box is not None]
    if not boxes or not size:
        return
    w, h = (size.width(), size.height()) if hasattr(size, "width") else size
    rect = QRectF()
    for box in boxes:
        x0, y0, x1, y1 = box.to_pixels(w, h)
        rect = rect.united(QRectF(x0, y0, x1 - x0, y1 - y0))
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    if visible.contains(rect):
        return
    if rect.width() <= visible.width() and rect.height() <= visible.height():
        canvas.centerOn(rect.center())
    else:
        canvas.zoom_to_selection()
