"""A coordinate typed by hand, in the inspector's fields or the table's cells: one parser, one rule
and one undo step, so both places accept, refuse and word the same input the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QValidator

from mask_editor.core.geometry import GRID, Box, QuantizeError, snap
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.platform.i18n import decimal

_STEP = 1 / GRID
_TYPABLE = frozenset("0123456789.,-+ ")


def parse_number(text: str) -> float | None:
    """A typed number: a comma is a decimal point too (French keyboards), spaces are ignored."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def relative_range(box: Box, index: int) -> tuple[float, float]:
    """Where edge `index` (xmin, ymin, xmax, ymax) may go: inside the image, one grid step from the
    opposite edge (the thinnest box the 3-decimal grid holds)."""
    xmin, ymin, xmax, ymax = box.as_tuple()
    return ((0.0, xmax - _STEP), (0.0, ymax - _STEP), (xmin + _STEP, 1.0), (ymin + _STEP, 1.0))[index]


def relative_problem(box: Box, index: int, text: str, names: tuple[str, str, str, str]) -> str | None:
    """Why `text` cannot be edge `index` of `box` (edges named `names`), or None when it can."""
    low, high = relative_range(box, index)
    name, other = names[index], names[(index + 2) % 4]
    where = (QCoreApplication.translate("TypedValue", "left of %1"),
             QCoreApplication.translate("TypedValue", "above %1"),
             QCoreApplication.translate("TypedValue", "right of %1"),
             QCoreApplication.translate("TypedValue", "below %1"))[index].replace("%1", other)
    value = parse_number(text)
    if value is None:
        shown = QCoreApplication.translate("TypedValue", "%1 must be a number between %2 and %3 (%4).")
    elif not low - 1e-9 <= value <= high + 1e-9:
        shown = QCoreApplication.translate("TypedValue", "%1 must be between %2 and %3 (%4).")
    else:
        return None
    return shown.replace("%1", name).replace("%2", decimal(low, 3)).replace("%3", decimal(high, 3)).replace("%4", where)


def relative_box(box: Box, index: int, value: float) -> Box:
    """`box` with edge `index` at `value`, on the grid (check relative_problem first)."""
    coords = list(box.as_tuple())
    coords[index] = snap(value)
    return Box(*coords)


def typed_edge(box: Box, index: int, text: str, names: tuple[str, str, str, str]) -> Box | str:
    """The box with edge `index` replaced by `text`, or why that cannot be (the rule of both views)."""
    problem = relative_problem(box, index, text, names)
    if problem is not None:
        return problem
    value = parse_number(text)
    assert value is not None
    try:
        return relative_box(box, index, value)
    except QuantizeError as exc:
        from mask_editor.ui.platform.messages import thin_box_text  # worded when needed: off the first paint

        return thin_box_text(exc)
    except ValueError as exc:
        return str(exc)


def apply_typed_box(doc: PoseDocument, local_id: int, name: str, box: Box) -> None:
    """The one undo step of a typed value, whichever view it was typed in."""
    text = QCoreApplication.translate("TypedValue", "Edit %1 of mask #%2")
    doc.set_boxes({local_id: box}, text=text.replace("%1", name).replace("%2", str(local_id)))


class TypedValueValidator(QValidator):
    """Refuses what is not number-like; what `problem` refuses is Intermediate (typing goes on)."""

    def __init__(self, problem: Callable[[str], str | None], parent: QObject) -> None:
        super().__init__(parent)
        self.problem = problem

    def validate(self, text: str, pos: int) -> QValidator.State:
        if any(c not in _TYPABLE for c in text):
            return QValidator.State.Invalid
        return QValidator.State.Intermediate if self.problem(text) else QValidator.State.Acceptable
