"""The inspector: the selected mask's box in pixels and in relative coordinates, editable, plus its
state, added time, server id and notes.

Fields validate as you type (red border and a message naming the allowed range); Enter or leaving
the field applies the value as one undo step. The server keeps 3 decimals, so what is stored may
differ from what was typed by a fraction of a pixel: the fields then show the stored result.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mask_editor.core.geometry import GRID, Box, QuantizeError, pixels_grid, step_pixels
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.editing.typed_value import (
    TypedValueValidator,
    apply_typed_box,
    parse_number,
    relative_box,
    relative_problem,
)
from mask_editor.ui.platform import formatting as fmt
from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.session.conflict_words import describe_conflict, version_lines
from mask_editor.workspace import Mask
from mask_editor.workspace.conflict_view import versions

ERROR_COLOUR = "#e5484d"  # readable on light and dark windows
PIXEL_FIELDS = ("x", "y", "w", "h")
RELATIVE_FIELDS = ("xmin", "ymin", "xmax", "ymax")
class FieldEdit(QLineEdit):
    """A coordinate field; Escape gives back the stored value (`escaped`) instead of leaving a typo."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)




class Inspector(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: PoseDocument | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self._caption(self.tr("Pixels")), 0, 0, 1, 4)
        grid.addWidget(self._caption(self.tr("Relative (fraction of the image)")), 3, 0, 1, 4)
        for i, name in enumerate(PIXEL_FIELDS):
            self._add_field(grid, name, 1 + i // 2, (i % 2) * 2)
        for i, name in enumerate(RELATIVE_FIELDS):
            self._add_field(grid, name, 4 + i // 2, (i % 2) * 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.state = QLabel(self)
        self.added = QLabel(self)
        self.server = QLabel(self)
        self.notes = QLabel(self)
        self.conflict = QLabel(self)  # both versions of a conflict, to decide with Keep mine / Take theirs
        self.conflict.setObjectName("inspector_conflict")
        for label in (self.state, self.added, self.server, self.notes, self.conflict):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.addRow(self.tr("State"), self.state)
        self.details.addRow(self.tr("Added"), self.added)
        self.details.addRow(self.tr("Server id"), self.server)
        self.details.addRow(self.tr("Notes"), self.notes)
        self.details.addRow(self.tr("Conflict"), self.conflict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(self.details)
        layout.addStretch(1)
        self.refresh()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _add_field(self, grid: QGridLayout, name: str, row: int, col: int) -> None:
        edit = FieldEdit(self)
        edit.escaped.connect(self.refresh)  # every field back to the stored box, the message gone
        edit.setObjectName(f"field_{name}")
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setValidator(TypedValueValidator(lambda text, n=name: self.check(n, text), edit))
        edit.textEdited.connect(lambda _text, n=name: self._show_check(n))
        edit.editingFinished.connect(lambda n=name: self.apply(n))
        label = QLabel(name, self)
        label.setBuddy(edit)
        grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(edit, row, col + 1)
        self.edits[name] = edit

    # --- document -----------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Apply what was typed and not yet applied (Enter or leaving the field), before a pose switch
        or a quit takes the field away; an invalid value stays unapplied, as on leaving the field."""
        for name, edit in self.edits.items():
            if edit.isModified():
                self.apply(name)

    def set_document(self, doc: PoseDocument | None) -> None:
        self.commit_pending()
        if self._doc is not None:
            self._doc.selectionChanged.disconnect(self.refresh)
            self._doc.masksChanged.disconnect(self._on_masks_changed)
            self._doc.readOnlyChanged.disconnect(self.refresh)
        self._doc = doc
        if doc is not None:
            doc.selectionChanged.connect(self.refresh)
            doc.masksChanged.connect(self._on_masks_changed)
            doc.readOnlyChanged.connect(self.refresh)
        self.refresh()

    def _on_masks_changed(self, changed: set[int], removed: set[int]) -> None:
        if self._doc is not None and self._doc.selection & (changed | removed):
            self.refresh()

    def _single(self) -> Mask | None:
        # Asked by every field's validator on each refresh: no sorting of a 2,000-mask selection.
        doc = self._doc
        if doc is None or len(doc.selection) != 1:
            return None
        mask = doc.mask(next(iter(doc.selection)))
        return mask if mask is not None and mask.box is not None else None

    def _image_size(self) -> tuple[int, int] | None:
        image = self._doc.image() if self._doc else None
        return (image.width, image.height) if image else None

    # --- showing ------------------------------------------------------------------------------

    def refresh(self, *_args: object) -> None:
        doc = self._doc  # the selection unsorted: a count and a union (2,000 masks at each move)
        masks = doc.masks_of(doc.selection) if doc else []
        boxes = [b for m in masks if (b := m.box) is not None]
        single = self._single()
        # A mask deleted here (even in conflict with a server edit) is crossed out, not edited.
        editable = single is not None and self._doc is not None and not self._doc.read_only and not single.deleted
        size = self._image_size()
        if not masks:
            self.title.setText(self.tr("Select a mask to see its coordinates"))
        elif len(masks) == 1:
            self.title.setText(self.tr("Mask %1").replace("%1", fmt.mask_label(masks[0])))
        else:
            self.title.setText(self.tr("%n masks selected: their common bounding box (read-only)", "", len(masks)))
        box = None
        if boxes:
            xmins, ymins, xmaxs, ymaxs = zip(*boxes, strict=True)  # a Box is a tuple of its corners
            box = Box(min(xmins), min(ymins), max(xmaxs), max(ymaxs))
        for name, edit in self.edits.items():
            edit.setText(self._value_text(name, box, size) if box else "")
            edit.setReadOnly(not editable or (name in PIXEL_FIELDS and size is None))
            if name in PIXEL_FIELDS and size is not None:  # why a typed value may land a pixel or so away
                side = size[0] if name in ("x", "w") else size[1]
                edit.setToolTip(self.tr("Stored on the server's grid: one grid step is 0.001 of the image, "
                                        "%s px here.") % fmt.number_words(step_pixels(side)))
            edit.setEnabled(box is not None)
            self._mark(edit, False)
        self._set_message("")
        self._show_details(masks[0] if len(masks) == 1 else None)

    def _value_text(self, name: str, box: Box, size: tuple[int, int] | None) -> str:
        if name in RELATIVE_FIELDS:
            return decimal(box.as_tuple()[RELATIVE_FIELDS.index(name)], 3)
        if size is None:
            return "—"
        return str(self._pixels(box, size)[PIXEL_FIELDS.index(name)])

    @staticmethod
    def _pixels(box: Box, size: tuple[int, int]) -> tuple[int, int, int, int]:
        return box.pixel_rect(*size)  # the table's size column uses the same formula

    def _show_details(self, mask: Mask | None) -> None:
        for row in range(self.details.rowCount()):  # nothing to describe for several masks, or none
            self.details.setRowVisible(row, mask is not None)
        if mask is None:
            return
        colour = fmt.state_colour(fmt.style_key(mask))
        self.state.setText(f'<span style="color:{colour}">●</span> {fmt.state_label(mask)}')
        self.state.setToolTip(fmt.state_tooltip(mask))
        self.added.setText(f"{fmt.local_time(mask.added_at)} ({fmt.age_text(mask.added_at)})")
        self.added.setToolTip(fmt.added_tooltip(mask))
        self.server.setText(str(mask.server_id) if mask.server_id is not None else self.tr("not on the server yet"))
        refused = [self.tr("Last push refused: %1").replace("%1", mask.push_error)] if mask.push_error else []
        notes = [fmt.note_words(note) for note in mask.notes] + refused
        self.notes.setText("\n".join(notes) if notes else self.tr("none"))
        found = versions(mask)
        self.details.setRowVisible(self.conflict, found is not None)
        if found is not None:
            rows = "".join(f"<tr><td><b>{label}</b>&nbsp;</td><td>{text}</td></tr>"
                           for label, text in version_lines(found))
            self.conflict.setText(f"{describe_conflict(mask)}<table>{rows}</table>")

    def _mark(self, edit: QLineEdit, invalid: bool) -> None:
        rule = f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px; padding: 2px; }}"
        edit.setStyleSheet(rule if invalid else "")

    def _set_message(self, text: str, error: bool = True) -> None:
        palette = self.message.palette()
        colour = QColor(ERROR_COLOUR) if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.message.setPalette(palette)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- checking and applying ----------------------------------------------------------------

    def check(self, name: str, text: str) -> str | None:
        """Why `text` cannot be the new `name` of the selected mask, or None when it can."""
        mask = self._single()
        if mask is None or mask.box is None:
            return self.tr("Select one mask to edit its coordinates.")
        if name in RELATIVE_FIELDS:
            return relative_problem(mask.box, RELATIVE_FIELDS.index(name), text, RELATIVE_FIELDS)
        value = parse_number(text)
        size = self._image_size()
        if size is None:
            return self.tr("The pose image is not downloaded: edit the relative coordinates instead.")
        low, high = self._pixel_range(name, mask.box, size)
        if value is None or not low <= value <= high:
            text = self.tr("%1 must be between %2 and %3.")
            return text.replace("%1", name).replace("%2", str(low)).replace("%3", str(high))
        return None

    def _pixel_range(self, name: str, box: Box, size: tuple[int, int]) -> tuple[int, int]:
        x, y, w, h = self._pixels(box, size)
        # The thinnest box the 3-decimal grid holds is a thousandth of the image.
        min_w, min_h = math.ceil(size[0] / GRID), math.ceil(size[1] / GRID)
        return {"x": (0, size[0] - w), "y": (0, size[1] - h),  # x and y move the box, keeping its size
                "w": (min_w, size[0] - x), "h": (min_h, size[1] - y)}[name]  # w, h resize from the corner

    def _show_check(self, name: str) -> None:
        problem = self.check(name, self.edits[name].text())
        self._mark(self.edits[name], bool(problem))
        self._set_message(problem or "")

    def apply(self, name: str) -> None:
        edit = self.edits[name]
        mask = self._single()
        if mask is None or mask.box is None or self._doc is None or edit.isReadOnly():
            return
        if not edit.isModified():  # focus left an untouched field: nothing to apply
            return
        edit.setModified(False)
        if self.check(name, edit.text()) is not None:
            return
        value = parse_number(edit.text())
        assert value is not None
        try:
            box = self._new_box(name, value, mask.box)
            apply_typed_box(self._doc, mask.local_id, name, box)
        except ValueError as exc:  # QuantizeError included: too thin for the grid
            self._mark(edit, True)
            from mask_editor.ui.platform.messages import thin_box_text  # with its errors, off the first paint

            reason = thin_box_text(exc) if isinstance(exc, QuantizeError) else str(exc)
            self._set_message(self.tr("Not applied: %1.").replace("%1", reason))
            return
        stored = self._doc.mask(mask.local_id)
        self.refresh()
        size = self._image_size()
        step = (self.tr("one grid step is 0.001 of the image, %1 px wide here").replace(
            "%1", f"{step_pixels(size[0]):g}") if size else self.tr("one grid step is 0.001 of the image"))
        if stored is not None and stored.box == mask.box:
            self._set_message(self.tr("No change: boxes sit on the server's grid (%1).").replace("%1", step),
                              error=False)
        elif name in PIXEL_FIELDS and edit.text() != _plain(value):
            text = self.tr("%1 %2 px is stored as %3 px: boxes sit on the server's grid (%4).")
            for key, shown in (("%1", name), ("%2", _plain(value)), ("%3", edit.text()), ("%4", step)):
                text = text.replace(key, shown)
            self._set_message(text, error=False)

    def _new_box(self, name: str, value: float, box: Box) -> Box:
        if name in RELATIVE_FIELDS:
            return relative_box(box, RELATIVE_FIELDS.index(name), value)
        size = self._image_size()
        assert size is not None
        # In grid steps: x and y move the box keeping its size in steps (so in shown pixels too).
        x0, y0, x1, y1 = box.milli()
        if name == "x":
            width = x1 - x0
            x0 = min(max(pixels_grid(value, size[0]), 0), GRID - width)
            x1 = x0 + width
        elif name == "y":
            height = y1 - y0
            y0 = min(max(pixels_grid(value, size[1]), 0), GRID - height)
            y1 = y0 + height
        elif name == "w":
            x1 = min(x0 + max(pixels_grid(value, size[0]), 1), GRID)
        else:
            y1 = min(y0 + max(pixels_grid(value, size[1]), 1), GRID)
        return Box.from_milli((x0, y0, x1, y1))


def _plain(value: float) -> str:
    """A typed number as the field shows it: 1003, not 1003.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
