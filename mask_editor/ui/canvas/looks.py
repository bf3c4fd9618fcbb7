"""How masks are painted: the pens and fills of each look, the batched drawRects that paint a group of
masks of one look (ui/canvas/items.py and ui/canvas/top_items.py share them), and what to repaint."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmapCache

from mask_editor.ui.platform import style
from mask_editor.workspace import MaskState

DELETED = MaskState.DELETED.value
# Draw order of looks: faint ones below, the selection on top.
DIMMED, DELETED_RANK, NORMAL, SELECTED = range(4)


def bucket(ids: Iterable[int], rects: Mapping[int, QRectF], keys: Mapping[int, str], selection: Container[int],
           dimmed: Container[int]) -> dict[tuple[int, str], list[QRectF]]:
    """The rects of these masks by (rank, palette key): each bucket is painted with one look. The
    rank inline and no list made per mask (setdefault's): regrouped after each change of 2,000."""
    buckets: dict[tuple[int, str], list[QRectF]] = {}
    for i in ids:
        key = keys[i]
        rank = SELECTED if i in selection else DIMMED if i in dimmed else DELETED_RANK if key == DELETED else NORMAL
        found = buckets.get((rank, key))
        if found is None:
            found = buckets[(rank, key)] = []
        found.append(rects[i])
    return buckets


def pen(color: str | QColor, width: int, pattern: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(QColor(color), width, pattern, Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin)
    p.setCosmetic(True)  # widths in screen pixels at any zoom
    return p


@dataclass(frozen=True, slots=True)
class Look:
    """How one group of masks is painted: strokes under (the dark halo), then the fill and the
    outline in one drawRects call. Strokes are opaque: translucent cosmetic lines cost several times
    more to rasterize."""

    under: tuple[QPen, ...]
    fill: QBrush
    line: QPen


def look(key: str, rank: int, opacity: float, k: int) -> Look:
    """`k`: device pixels per screen pixel (2 on a Retina display), so lines keep their weight
    while staying on whole device pixels."""
    s = style.PALETTE[key]
    line = pen(s.color, k, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
    if rank == SELECTED:
        # A white frame on a wide halo; the fill keeps the state's colour.
        return Look((pen(style.HALO, 4 * k),), QBrush(s.qcolor(min(1.0, opacity + 0.2))),
                    pen(style.SELECTION, 2 * k, line.style()))
    if rank == DIMMED:
        return Look((), QBrush(s.qcolor(opacity * 0.25)), pen(s.color, k, Qt.PenStyle.DotLine))
    if rank == DELETED_RANK:
        # Light dashes over a dark line: a two-tone dashed outline, readable on any background.
        return Look((pen(style.HALO, k),), QBrush(s.qcolor(opacity * 0.35)), line)
    return Look((pen(style.HALO, 3 * k),), QBrush(s.qcolor(opacity)), line)


Group = tuple[Look, list[QRectF]]


def draw(painter: QPainter, groups: list[Group]) -> None:
    for lk, rects in groups:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for p in lk.under:
            painter.setPen(p)
            painter.drawRects(rects)
        painter.setBrush(lk.fill)
        painter.setPen(lk.line)
        painter.drawRects(rects)


def draw_fills(painter: QPainter, groups: list[Group]) -> None:
    """The fills alone (no pen): ~0.3 us a rect, against ~4 us for the wide strokes."""
    painter.setPen(Qt.PenStyle.NoPen)
    for lk, rects in groups:
        painter.setBrush(lk.fill)
        painter.drawRects(rects)


def draw_frames(painter: QPainter, groups: list[Group]) -> None:
    """The strokes alone: every halo first, then every outline, so no fill covers an outline."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for lk, rects in groups:
        for p in lk.under:
            painter.setPen(p)
            painter.drawRects(rects)
    for lk, rects in groups:
        painter.setPen(lk.line)
        painter.drawRects(rects)


_PIXMAP_CACHE_BASE_KB = 10240  # Qt's default limit, for what else the app caches


def repaint_area(spans: list[tuple[float, float, float, float]], pad: float) -> QRectF:
    """The rect covering `spans` (x0, y0, x1, y1) and `pad` around them for the strokes."""
    ax0, ay0, ax1, ay1 = spans[0]
    for x0, y0, x1, y1 in spans:  # plain comparisons: four min()/max() calls per mask cost twice as much
        if x0 < ax0:
            ax0 = x0
        if y0 < ay0:
            ay0 = y0
        if x1 > ax1:
            ax1 = x1
        if y1 > ay1:
            ay1 = y1
    return QRectF(ax0 - pad, ay0 - pad, ax1 - ax0 + 2 * pad, ay1 - ay0 + 2 * pad)


def reserve_pixmap_cache(painter: QPainter) -> None:
    """Item caches live in QPixmapCache: the image's, this layer's and the dragged block's, each up to
    the viewport's size in device pixels (17 MB at 1218x882 on a 2x screen). Past Qt's 10 MB default
    they evict one another and every frame renders them again, slower than no cache at all."""
    device = painter.device()
    ratio = device.devicePixelRatioF()
    need_kb = _PIXMAP_CACHE_BASE_KB + 3 * int(device.width() * ratio * device.height() * ratio) * 4 // 1024
    if QPixmapCache.cacheLimit() < need_kb:
        QPixmapCache.setCacheLimit(need_kb)
