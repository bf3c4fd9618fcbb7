"""The masks of a pose as one scene item that paints them in batches.

Why not one QGraphicsItem per mask: with 2,000 masks, a Python paint() per item costs ~70 ms a frame,
and native rect items with a second item for the dark halo ~15 ms. Grouping the masks by look and
drawing each group with a few QPainter.drawRects calls takes a handful of Python calls per frame
whatever the count. Hit tests run over plain tuples (well under a millisecond for 2,000 masks), and
a drag of any number of masks only moves a cached pixmap of them until release.

Coordinates are scene coordinates, which are image pixels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from mask_editor.ui.canvas import grid
from mask_editor.ui.canvas.ghosts import GhostLayer
from mask_editor.ui.platform import style
from mask_editor.workspace import Mask, MaskState

_DELETED = MaskState.DELETED.value
_MARGIN_PX = 8  # screen pixels of stroke the bounding rect keeps around the image
# Draw order of looks: faint ones below, the selection on top.
_DIMMED, _DELETED_RANK, _NORMAL, _SELECTED = range(4)


def _pen(color: str | QColor, width: int, pattern: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, pattern, Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin)
    pen.setCosmetic(True)  # widths in screen pixels at any zoom
    return pen


@dataclass(frozen=True, slots=True)
class _Look:
    """How one group of masks is painted: strokes under (the dark halo), then the fill and the
    outline in one drawRects call. Strokes are opaque: translucent cosmetic lines cost several times
    more to rasterize."""

    under: tuple[QPen, ...]
    fill: QBrush
    line: QPen


def _look(key: str, rank: int, opacity: float, k: int) -> _Look:
    """`k`: device pixels per screen pixel (2 on a Retina display), so lines keep their weight
    while staying on whole device pixels."""
    s = style.PALETTE[key]
    line = _pen(s.color, k, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
    if rank == _SELECTED:
        # A white frame on a wide halo; the fill keeps the state's colour.
        return _Look((_pen(style.HALO, 4 * k),), QBrush(s.qcolor(min(1.0, opacity + 0.2))),
                     _pen(style.SELECTION, 2 * k, line.style()))
    if rank == _DIMMED:
        return _Look((), QBrush(s.qcolor(opacity * 0.25)), _pen(s.color, k, Qt.PenStyle.DotLine))
    if rank == _DELETED_RANK:
        # Light dashes over a dark line: a two-tone dashed outline, readable on any background.
        return _Look((_pen(style.HALO, k),), QBrush(s.qcolor(opacity * 0.35)), line)
    return _Look((_pen(style.HALO, 3 * k),), QBrush(s.qcolor(opacity)), line)


Group = tuple[_Look, list[QRectF]]


def milli_rect(box: grid.Milli, width: int, height: int) -> QRectF:
    """A box on the grid as a pixel rect on an image of `width` x `height`."""
    x0, y0, x1, y1 = (grid.to_px(v, s) for v, s in zip(box, (width, height, width, height), strict=True))
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class MaskLayer(QGraphicsItem):
    """All drawable masks of one pose (masks whose box is None are not drawn)."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._size = (width, height)
        self._rects: dict[int, QRectF] = {}
        self._spans: dict[int, tuple[float, float, float, float]] = {}  # fast hit tests
        self._keys: dict[int, str] = {}
        self._selection: frozenset[int] = frozenset()
        self._dimmed: frozenset[int] = frozenset()
        self._opacity = 0.25
        self._looks: dict[tuple[str, int, int], _Look] = {}
        self._k = 1  # device pixels per screen pixel of the last paint
        self._groups: list[Group] | None = None  # cached; None when a change needs a regroup
        self._moving_groups: list[Group] = []
        self._moving: frozenset[int] = frozenset()  # drawn with `_offset` (a drag in progress)
        self._offset = QPointF()
        self._overrides: dict[int, QRectF] = {}  # drawn at a live rect (a resize in progress)
        self._margin = 4.0  # scene units covering a few screen pixels of stroke around a box
        # Masks being dragged are painted by a child item.
        self._live = _LiveLayer(self)
        # Wide cosmetic pens (the halos, the selection frame) cost ~4 us a rect to stroke: a repaint
        # that changes no mask (a second paint after an edit, a pan, the rubber band, a drag over
        # static masks) blits this cache instead, while the whole layer is in view (follow_scale).
        self._fits = True
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.ghosts = GhostLayer(self, width, height)  # the server's side of each conflict

    # --- geometry ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        m = self._margin
        return QRectF(-m, -m, self._size[0] + 2 * m, self._size[1] + 2 * m)

    def follow_scale(self, scale: float, viewport: QSize, zooming: bool = False) -> None:
        """Strokes are in screen pixels: the margin covers a few of them at this scale. Cached only when
        the whole layer is in view and no zoom gesture streams frames: zoomed in, each pan exposes strips
        that are painted anyway, and the cache's scrolling and blending made pans slower (+15-45 % at a
        device pixel ratio of 2); while zooming, each frame would render the cache for one blit."""
        scene_units = _MARGIN_PX / scale
        if scene_units != self._margin:
            self.prepareGeometryChange()
            self._live.prepareGeometryChange()
            self._margin = scene_units
        self._fits = self._size[0] * scale <= viewport.width() and self._size[1] * scale <= viewport.height()
        self.set_cached(not zooming)

    def rect(self, local_id: int) -> QRectF | None:
        """The stored box of a mask in pixels (no live preview)."""
        r = self._rects.get(local_id)
        return QRectF(r) if r is not None else None

    def shown_rect(self, local_id: int) -> QRectF | None:
        """Where the mask is drawn now, with an in-progress drag or resize."""
        if local_id in self._overrides:
            return QRectF(self._overrides[local_id])
        r = self._rects.get(local_id)
        if r is None:
            return None
        return r.translated(self._offset) if local_id in self._moving else QRectF(r)

    def ids(self) -> list[int]:
        return list(self._rects)

    # --- content ----------------------------------------------------------------------------

    def set_masks(self, masks: Iterable[Mask]) -> None:
        self._rects.clear()
        self._spans.clear()
        self._keys.clear()
        masks = list(masks)
        for m in masks:
            self._put(m)
        self.ghosts.update_masks(masks, removed=list(self.ghosts.rects()))
        self._invalidate()

    def update_masks(self, masks: Iterable[Mask], removed: Iterable[int]) -> None:
        """Only the masks that changed: their old and new areas are repainted."""
        # One pass with the dicts in locals and the repaint area from plain numbers: a QRectF union,
        # a method call or a min() over a list per mask costs more than the rest when 2,000 move.
        masks, removed = list(masks), list(removed)
        self.ghosts.update_masks(masks, removed)
        rects, spans, keys, w, h = self._rects, self._spans, self._keys, *self._size
        areas = [old for i in removed if (old := spans.pop(i, None)) is not None]
        for i in removed:
            rects.pop(i, None)
            keys.pop(i, None)
        key_of = style.style_key
        for m in masks:
            i, box = m.local_id, m.box
            if (old := spans.get(i)) is not None:
                areas.append(old)
            if box is None:  # nothing to draw; the table lists it
                rects.pop(i, None)
                spans.pop(i, None)
                keys.pop(i, None)
                continue
            x0, y0, x1, y1 = box.xmin * w, box.ymin * h, box.xmax * w, box.ymax * h
            rects[i] = QRectF(x0, y0, x1 - x0, y1 - y0)
            spans[i] = span = (x0, y0, x1, y1)
            keys[i] = key_of(m)
            areas.append(span)
        if areas:  # plain comparisons: four min()/max() calls per mask cost twice as much
            ax0, ay0, ax1, ay1 = areas[0]
            for x0, y0, x1, y1 in areas:
                if x0 < ax0:
                    ax0 = x0
                if y0 < ay0:
                    ay0 = y0
                if x1 > ax1:
                    ax1 = x1
                if y1 > ay1:
                    ay1 = y1
        self._groups = None
        if areas:
            pad = self._margin
            self.update(QRectF(ax0 - pad, ay0 - pad, ax1 - ax0 + 2 * pad, ay1 - ay0 + 2 * pad))

    def _put(self, mask: Mask) -> QRectF | None:
        i = mask.local_id
        if mask.box is None:  # nothing to draw; the table lists it
            self._rects.pop(i, None)
            self._spans.pop(i, None)
            self._keys.pop(i, None)
            return None
        x0, y0, x1, y1 = mask.box.to_pixels(*self._size)
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._rects[i] = rect
        self._spans[i] = (x0, y0, x1, y1)
        self._keys[i] = style.style_key(mask)
        return rect

    def set_cached(self, cached: bool) -> None:
        """Off while a zoom gesture streams frames, and while the layer is larger than the view."""
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if cached and self._fits \
            else QGraphicsItem.CacheMode.NoCache
        if self.cacheMode() != mode:
            self.setCacheMode(mode)

    def set_selection(self, local_ids: Iterable[int]) -> None:
        self._selection = frozenset(local_ids)
        self._invalidate()

    @property
    def dimmed(self) -> frozenset[int]:
        return self._dimmed

    def set_dimmed(self, local_ids: Iterable[int]) -> None:
        self._dimmed = frozenset(local_ids)
        self._invalidate()

    def set_fill_opacity(self, opacity: float) -> None:
        self._opacity = max(0.0, min(1.0, opacity))
        self._looks.clear()
        self._invalidate()

    # --- live preview of a drag ---------------------------------------------------------------

    def set_moving(self, local_ids: Iterable[int], offset: QPointF) -> None:
        ids = frozenset(local_ids) & self._rects.keys()
        if ids != self._moving:
            self._moving = ids
            self._invalidate()
            # The dragged block is drawn once into a device-sized pixmap and then only moved: a
            # frame blits it instead of stroking every rect again (wide cosmetic pens are slow).
            self._live.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._offset = QPointF(offset)
        self._live.setPos(self._offset)

    def set_override(self, local_id: int, rect: QRectF) -> None:
        if local_id not in self._overrides:
            self._invalidate()
        self._overrides[local_id] = QRectF(rect)
        self._live.update()

    def clear_preview(self) -> None:
        if self._moving or self._overrides:
            self._moving = frozenset()
            self._overrides.clear()
            self._offset = QPointF()
            self._live.setPos(self._offset)
            self._live.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            self._invalidate()

    # --- hit tests ----------------------------------------------------------------------------

    def hit(self, point: QPointF, tolerance: float) -> int | None:
        """The mask under a point: a selected one first (so a selection can be dragged from under
        others), then live before deleted, then the smallest (a small mask inside a big one)."""
        x, y = point.x(), point.y()
        best: tuple[bool, bool, float] | None = None
        found = None
        for i, (x0, y0, x1, y1) in self._spans.items():
            if x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance:
                rank = (i not in self._selection, self._keys[i] == _DELETED, (x1 - x0) * (y1 - y0))
                if best is None or rank < best:
                    best, found = rank, i
        return found

    def ids_in(self, rect: QRectF) -> list[int]:
        """Masks touching a rectangle, deleted ones left out (they are selected by click only)."""
        rx0, ry0, rx1, ry1 = rect.left(), rect.top(), rect.right(), rect.bottom()
        return [i for i, (x0, y0, x1, y1) in self._spans.items()
                if x0 <= rx1 and x1 >= rx0 and y0 <= ry1 and y1 >= ry0 and self._keys[i] != _DELETED]

    # --- painting -----------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._groups = None
        self.update()
        self._live.update()

    def _look_for(self, key: str, rank: int) -> _Look:
        look = self._looks.get((key, rank, self._k))
        if look is None:
            look = self._looks[(key, rank, self._k)] = _look(key, rank, self._opacity, self._k)
        return look

    def _use_device(self, painter: QPainter) -> None:
        _reserve_pixmap_cache(painter)
        k = max(1, round(painter.device().devicePixelRatioF()))
        if k != self._k:
            self._k = k
            self._groups = None

    def _rank(self, i: int) -> int:
        if i in self._selection:
            return _SELECTED
        if i in self._dimmed:
            return _DIMMED
        return _DELETED_RANK if self._keys[i] == _DELETED else _NORMAL

    def _group(self, ids: Iterable[int], rects: dict[int, QRectF]) -> list[Group]:
        buckets: dict[tuple[int, str], list[QRectF]] = {}
        for i in ids:
            buckets.setdefault((self._rank(i), self._keys[i]), []).append(rects[i])
        return [(self._look_for(key, rank), buckets[(rank, key)]) for rank, key in sorted(buckets)]

    def _regroup(self) -> None:
        if self._groups is None:
            live = self._moving | self._overrides.keys()
            self._groups = self._group((i for i in self._rects if i not in live), self._rects)
            self._moving_groups = self._group(self._moving, self._rects)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._use_device(painter)
        self._regroup()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, pixel-aligned edges
        _draw(painter, self._groups or [])

    def paint_live(self, painter: QPainter) -> None:
        # Not _use_device: a cached live layer paints into a pixmap whose ratio says nothing of the
        # screen's; this layer's parent has painted first and set the looks for it.
        self._regroup()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self._moving_groups:  # the item itself sits at the drag's offset
            _draw(painter, self._moving_groups)
        if self._overrides:
            _draw(painter, self._group(self._overrides, self._overrides))


class _LiveLayer(QGraphicsItem):
    """The masks of a drag or resize in progress, drawn at their live position, uncached."""

    def __init__(self, layer: MaskLayer) -> None:
        super().__init__(layer)
        self._layer = layer

    def boundingRect(self) -> QRectF:
        return self._layer.boundingRect()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._layer.paint_live(painter)


_PIXMAP_CACHE_BASE_KB = 10240  # Qt's default limit, for what else the app caches


def _reserve_pixmap_cache(painter: QPainter) -> None:
    """Item caches live in QPixmapCache: the image's, this layer's and the dragged block's, each up to
    the viewport's size in device pixels (17 MB at 1218x882 on a 2x screen). Past Qt's 10 MB default
    they evict one another and every frame renders them again, slower than no cache at all."""
    device = painter.device()
    ratio = device.devicePixelRatioF()
    need_kb = _PIXMAP_CACHE_BASE_KB + 3 * int(device.width() * ratio * device.height() * ratio) * 4 // 1024
    if QPixmapCache.cacheLimit() < need_kb:
        QPixmapCache.setCacheLimit(need_kb)


def _draw(painter: QPainter, groups: list[Group]) -> None:
    for look, rects in groups:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen in look.under:
            painter.setPen(pen)
            painter.drawRects(rects)
        painter.setBrush(look.fill)
        painter.setPen(look.line)
        painter.drawRects(rects)


class DraftItem(QGraphicsRectItem):
    """The rectangle being drawn (in the colour of a new mask) or the rubber band (dashed)."""

    def __init__(self) -> None:
        super().__init__()
        self.setVisible(False)

    def show_rect(self, rect: QRectF | None, dashed: bool, opacity: float) -> None:
        if rect is None:
            self.setVisible(False)
            return
        color = QColor(style.DRAFT if dashed else style.PALETTE[MaskState.NEW.value].color)
        self.setPen(_pen(color, 1, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
        fill = QColor(color)
        fill.setAlphaF(0.12 if dashed else opacity)
        self.setBrush(QBrush(fill))
        self.setRect(rect)
        self.setVisible(True)
