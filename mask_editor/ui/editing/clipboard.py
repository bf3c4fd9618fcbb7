"""Copy, paste and duplicate masks through the system clipboard.

Copy writes a small JSON under our own MIME type (boxes in relative coordinates, so a paste into
another pose of another camera lands at the same place in the picture) plus the API mask strings
as text for a chat or a bug report. Paste is one undo step.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box, QuantizeError, quantize
from mask_editor.ui.editing.document import PoseDocument

translate = QCoreApplication.translate  # lupdate reads the literal calls below

MIME_TYPE = "application/x-mask-editor-masks"
DUPLICATE_OFFSET_PX = 8  # far enough to see the copy, near enough to drag it where it belongs


def mime_for(boxes: list[Box], pose_id: int | None = None) -> QMimeData:
    data = QMimeData()
    payload = {"version": 1, "pose_id": pose_id, "boxes": [list(b.milli()) for b in boxes]}
    data.setData(MIME_TYPE, json.dumps(payload).encode())
    data.setText("\n".join(format_mask(b) for b in boxes))
    return data


def boxes_from(data: QMimeData | None) -> list[Box]:
    """The boxes on the clipboard: ours first, else mask strings in the text (one per line)."""
    if data is None:
        return []
    if data.hasFormat(MIME_TYPE):
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            return [Box.from_milli(tuple(int(v) for v in b)) for b in payload["boxes"]]
        except (ValueError, KeyError, TypeError):
            return []
    if data.hasText():
        from mask_editor.core.codec import parse_mask

        readings = [parse_mask(line.strip()) for line in data.text().splitlines() if line.strip()]
        return [r.box for r in readings if r.box is not None]
    return []


def copy_selection(document: PoseDocument) -> int:
    """Put the selected masks on the clipboard; returns how many."""
    boxes = [m.box for m in document.selected_masks() if m.box is not None]
    if boxes:
        QGuiApplication.clipboard().setMimeData(mime_for(boxes, document.pose_id))
    return len(boxes)


def paste(document: PoseDocument) -> int:
    """Add the clipboard's boxes to the pose as one undo step; returns how many were added."""
    boxes = boxes_from(QGuiApplication.clipboard().mimeData())
    return _add(document, boxes, translate("Clipboard", "Paste mask"),
                lambda n: translate("Clipboard", "Paste %1 masks").replace("%1", str(n)))


def duplicate_selection(document: PoseDocument) -> int:
    """Copy the selection a few pixels down and right (stopped at the image border), one undo step."""
    boxes = [m.box for m in document.selected_masks() if m.box is not None]
    image = document.image()
    width, height = (image.width, image.height) if image else (1000, 1000)
    dx, dy = DUPLICATE_OFFSET_PX / width, DUPLICATE_OFFSET_PX / height
    return _add(document, [b.translated(dx, dy) for b in boxes], translate("Clipboard", "Duplicate mask"),
                lambda n: translate("Clipboard", "Duplicate %1 masks").replace("%1", str(n)))


def _add(document: PoseDocument, boxes: list[Box], one: str, many: Callable[[int], str]) -> int:
    """`one`: the undo step's title for one mask; `many(n)`: for n > 1 masks."""
    kept = []
    for box in boxes:
        try:
            kept.append(quantize(box))
        except QuantizeError:
            continue
    if not kept or document.read_only:
        return 0
    n = len(kept)
    document.add_boxes(kept, text=one if n == 1 else many(n))
    return n


def hand_over_as_text() -> None:
    """Replace our clipboard data with its plain-text form. PySide6 6.11 crashes at exit when the
    clipboard still owns a QMimeData we created; the mask strings stay pasteable (here and in chats)."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.setText(data.text())
