"""Colours of masks by sync state, shared by the canvas and the mask table (legend, swatches).

Outlines are light, saturated colours drawn over a dark halo, so a mask reads on a bright sky and on
a dark forest alike. Fills are the same colour, translucent; the canvas sets their opacity.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from mask_editor.workspace import Mask, MaskState

SUSPICIOUS = "suspicious"  # the server's text had to be normalised (or could not be read)

HALO = "#11161c"  # under every outline: keeps light colours readable on a bright sky
SELECTION = "#ffffff"  # the frame drawn around selected masks
HANDLE_FILL = "#ffffff"
HANDLE_EDGE = "#11161c"
CANVAS_BACKGROUND = "#2a2d31"  # around the image
PLACEHOLDER_FRAME = "#3b3f45"  # stands in for a missing or damaged image
PLACEHOLDER_TEXT = "#e8e8e8"
GHOST = "#8c9eff"  # the server's box of a conflict (ui/canvas/ghosts.py): a blue no mask state uses
DRAFT = "#ffffff"  # the rectangle being drawn, and the rubber band


class MaskStyle(NamedTuple):  # a NamedTuple: a fifth of a frozen dataclass's cost to make at import
    key: str  # a MaskState value, or SUSPICIOUS
    name: str  # what a legend shows
    color: str  # '#rrggbb', the outline; the fill is the same colour, translucent
    description: str
    dashed: bool = False  # "to be deleted" masks are drawn dashed and faint

    def qcolor(self, alpha: float = 1.0) -> QColor:
        color = QColor(self.color)
        color.setAlphaF(max(0.0, min(1.0, alpha)))
        return color


# In legend order. Colours are far apart in hue (cyan, green, yellow, magenta, red, orange).
PALETTE: dict[str, MaskStyle] = {
    s.key: s for s in (
        MaskStyle(MaskState.SYNCED.value, "Synced", "#4fc3f7", "Same as on the server"),
        MaskStyle(MaskState.NEW.value, "New", "#69f0ae", "Added here, not pushed yet"),
        MaskStyle(MaskState.EDITED.value, "Edited", "#ffe14d", "Changed here, not pushed yet"),
        MaskStyle(MaskState.CONFLICT.value, "Conflict", "#f06cff", "Changed here and on the server"),
        MaskStyle(MaskState.DELETED.value, "To be deleted", "#ff5a5a",
                  "Deleted here, removed from the server at the next push", dashed=True),
        MaskStyle(SUSPICIOUS, "Suspicious", "#ff9d2e", "The server's text had to be corrected"),
    )
}


def style_key(mask: Mask) -> str:
    """The palette entry of a mask: deletion and conflict come first, then suspicious, then the state.
    A mask deleted here stays crossed out even in conflict: it must not look like a box to edit."""
    if mask.deleted:
        return _DELETED_KEY
    state = mask.state
    if state is MaskState.CONFLICT:
        return _CONFLICT_KEY
    # _value_, not .value: the enum property costs more than the rest for 2,000 masks at each move.
    return SUSPICIOUS if mask.suspicious else state._value_


_DELETED_KEY, _CONFLICT_KEY = MaskState.DELETED.value, MaskState.CONFLICT.value


def swatch(key: str, size: int = 14, fill_alpha: float = 0.35) -> QPixmap:
    """A small square as the canvas draws the mask (fill, halo, outline), for legends and table cells."""
    style = PALETTE[key]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    rect = QRect(1, 1, size - 3, size - 3)
    painter.fillRect(rect, style.qcolor(fill_alpha))
    painter.setPen(QPen(QColor(HALO), 3))
    painter.drawRect(rect)
    line = QPen(style.qcolor(), 1)
    if style.dashed:
        line.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(line)
    painter.drawRect(rect)
    painter.end()
    return pixmap
