"""The masks of a pose as one scene item that paints them in batches.

Why not one QGraphicsItem per mask: with 2,000 masks, a Python paint() per item costs ~70 ms a frame,
and native rect items with a second item for the dark halo ~15 ms. Grouping the masks by look and
drawing each group with a few QPainter.drawRects calls takes a handful of Python calls per frame
whatever the count. Hit tests run over plain tuples (well under a millisecond for 2,000 masks), and
a drag of any number of selected masks, its commit, undo and redo only move a cached pixmap of their
frames (ui/canvas/top_items.py).

Coordinates are scene coordinates, which are image pixels.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QSize, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from mask_editor.ui.canvas import looks
from mask_editor.ui.canvas.ghosts import GhostLayer
from mask_editor.ui.canvas.looks import DELETED, Group, Look
from mask_editor.ui.canvas.top_items import LiveLayer, TopFills, TopFrames
from mask_editor.ui.platform import style
from mask_editor.workspace import Mask

_MARGIN_PX = 8  # screen pixels of stroke the bounding rect keeps around the image
_REBASE_MS = 300  # after a block move, how long the canvas stays idle before the frames are drawn afresh
# Past this many old and new boxes, a change repaints the whole layer: scanning 4,000 boxes for the area
# (~1 ms) costs more than painting the little the area would leave out of a change that big.
_AREA_SCAN_MAX = 512
_EPS = 1e-6  # pixels: a block move shifts every box by the same grid steps, so by the same pixels


class MaskLayer(QGraphicsItem):
    """All drawable masks of one pose (masks whose box is None are not drawn). The layer paints those
    not selected; its children paint the selection (ui/canvas/top_items.py), a resize in progress,
    and the ghosts of conflicts."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._size = (width, height)
        self._rects: dict[int, QRectF] = {}
        self._spans: dict[int, tuple[float, float, float, float]] = {}  # fast hit tests
        self._keys: dict[int, str] = {}
        self._selection: frozenset[int] = frozenset()
        self._dimmed: frozenset[int] = frozenset()
        self._opacity = 0.25
        self._looks: dict[tuple[str, int, int], Look] = {}
        self._k = 1  # device pixels per screen pixel of the last paint
        self._groups: list[Group] | None = None  # cached; None when a change needs a regroup
        self._top: frozenset[int] = frozenset()  # drawn by the children: the selection and a drag's masks
        self._top_groups: list[Group] | None = None
        self._moving: frozenset[int] = frozenset()  # drawn with `_offset` (a drag in progress)
        self._offset = QPointF()
        self._overrides: dict[int, QRectF] = {}  # drawn at a live rect (a resize in progress)
        self._margin = 4.0  # scene units covering a few screen pixels of stroke around a box
        self._fills = TopFills(self)
        self._frames = TopFrames(self)
        self._live = LiveLayer(self)
        self._rebase_timer = QTimer()
        self._rebase_timer.setSingleShot(True)
        self._rebase_timer.setInterval(_REBASE_MS)
        self._rebase_timer.timeout.connect(self._rebase)
        # Wide cosmetic pens (the halos, the selection frame) cost ~4 us a rect to stroke: a repaint
        # that changes no mask (a second paint after an edit, a pan, the rubber band, a drag over
        # static masks) blits this cache instead, while the whole layer is in view (follow_scale).
        self._fits = True
        self.set_cached(True)
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
            for item in (self, self._fills, self._frames, self._live):
                item.prepareGeometryChange()
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
        self._retop()
        self._invalidate()

    def update_masks(self, masks: Iterable[Mask], removed: Iterable[int]) -> None:
        """Only the masks that changed: their old and new areas are repainted. When the selection
        moved as one block (every selected mask by the same pixels, nothing else), its frames are
        only moved (top_items.py)."""
        # One pass with the dicts in locals and the repaint area from plain numbers: a QRectF union,
        # a method call or a min() over a list per mask costs more than the rest when 2,000 move.
        masks, removed = list(masks), list(removed)
        self.ghosts.update_masks(masks, removed)
        rects, spans, keys, top, w, h = self._rects, self._spans, self._keys, self._top, *self._size
        areas = [old for i in removed if (old := spans.pop(i, None)) is not None]
        for i in removed:
            rects.pop(i, None)
            keys.pop(i, None)
        # Past the scan bound the whole layer repaints: the boxes' areas need not be gathered.
        scan = 2 * len(masks) + len(areas) <= _AREA_SCAN_MAX
        changed_any = bool(areas)
        key_of = style.style_key
        # A block move: as many masks as the top holds, all of them in it, each moved by (dx, dy).
        block = not removed and len(masks) == len(top) and not self._moving and not self._overrides
        dx = dy = None
        static = False  # whether a mask the layer itself paints changed
        top_changed = dropped = any(i in top for i in removed)  # a mask the children paint (dropped: gone)
        for m in masks:
            i, box = m.local_id, m.box
            old = spans.get(i)
            if old is not None:
                changed_any = True  # (its old place repaints, whatever comes next)
                if scan:
                    areas.append(old)
            if i in top:
                top_changed = True
            else:
                static, block = True, False
            if box is None:  # nothing to draw; the table lists it
                rects.pop(i, None)
                spans.pop(i, None)
                keys.pop(i, None)
                block, dropped = False, dropped or i in top
                continue
            bx0, by0, bx1, by1 = box
            x0, y0, x1, y1 = bx0 * w, by0 * h, bx1 * w, by1 * h
            rects[i] = QRectF(x0, y0, x1 - x0, y1 - y0)
            spans[i] = span = (x0, y0, x1, y1)
            key = key_of(m)
            if block:
                if old is None or (keys[i] == DELETED) != (key == DELETED):  # the frame's dashes change
                    block = False
                elif dx is None:
                    dx, dy = x0 - old[0], y0 - old[1]
                else:  # chained comparisons: four abs() calls a mask cost more than the rest of the check
                    ox0, oy0, ox1, oy1 = old
                    block = (-_EPS < x0 - ox0 - dx < _EPS and -_EPS < y0 - oy0 - dy < _EPS  # type: ignore[operator]
                             and -_EPS < x1 - ox1 - dx < _EPS and -_EPS < y1 - oy1 - dy < _EPS)
            keys[i] = key
            changed_any = True
            if scan:
                areas.append(span)
        if dropped:
            self._retop()
        if not changed_any:
            return
        area = looks.repaint_area(areas, self._margin) if scan else self.boundingRect()
        if top_changed:  # a change of other masks leaves the selection's layers as they are
            self._top_groups = None
            self._fills.update(area)
            if block and dx is not None:
                if dx or dy:  # (a state change alone leaves the frames as they are)
                    self._shift_frames(QPointF(dx, dy))
            else:
                self._redraw_frames()
        if static or removed:
            self._groups = None
            self.update(area)

    def _put(self, mask: Mask) -> None:
        i = mask.local_id
        if mask.box is None:  # nothing to draw; the table lists it
            self._rects.pop(i, None)
            self._spans.pop(i, None)
            self._keys.pop(i, None)
            return
        x0, y0, x1, y1 = mask.box.to_pixels(*self._size)
        self._rects[i] = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._spans[i] = (x0, y0, x1, y1)
        self._keys[i] = style.style_key(mask)

    def set_cached(self, cached: bool) -> None:
        """Off while a zoom gesture streams frames, and while the layer is larger than the view."""
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if cached and self._fits \
            else QGraphicsItem.CacheMode.NoCache
        if self.cacheMode() != mode:
            self.setCacheMode(mode)
        self._cache_frames()

    def _cache_frames(self) -> None:
        # The frames follow the layer, and stay cached through a drag of the block (only moved).
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if self.block_offset() is not None else self.cacheMode()
        if self._frames.cacheMode() != mode:
            self._frames.setCacheMode(mode)

    def set_selection(self, local_ids: Iterable[int]) -> None:
        self._selection = frozenset(local_ids)
        self._retop()
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
            joined = self._retop()  # masks dragged that were not selected join the top
            if joined:
                self._groups = None
                self.update()
            self._cache_frames()
            if joined or self.block_offset() is None:  # a drag of the selection draws nothing new
                self._redraw_frames()
        self._offset = QPointF(offset)
        self._place_top()

    def set_override(self, local_id: int, rect: QRectF) -> None:
        starting = local_id not in self._overrides
        self._overrides[local_id] = QRectF(rect)
        if starting:  # the mask leaves the layer (or the selection's) for the live layer
            if self._retop():
                self._fills.update()
                self._redraw_frames()
            self._groups = None
            self.update()
        self._live.update()

    def clear_preview(self) -> None:
        if self._moving or self._overrides:
            block = self._moving == self._top
            self._moving = frozenset()
            self._overrides.clear()
            self._offset = QPointF()
            if self._retop() or not block:
                self._groups = None
                self.update()
                self._redraw_frames()
            self._cache_frames()
            self._live.update()
            self._place_top()

    # --- the children's positions ----------------------------------------------------------------

    def _retop(self) -> bool:
        """Recompute which masks the children draw; whether that changed."""
        top = (self._selection | self._moving) & self._rects.keys()
        if self._overrides:
            top -= self._overrides.keys()
        if top == self._top:
            return False
        self._top = top
        self._top_groups = None
        return True

    def block_offset(self) -> QPointF | None:
        """The drag's offset when the whole top moves with it (else each dragged rect carries it)."""
        return self._offset if self._moving and self._moving == self._top else None

    def _place_top(self) -> None:
        """After the drag's offset changed: the frames' place, and the fills drawn there."""
        self._place_frames()
        if self._moving and self.block_offset() is None:
            self._top_groups = None  # the dragged rects are placed one by one
            self._frames.update()
        self._fills.update()

    def _place_frames(self) -> None:
        offset = self.block_offset()
        self._frames.setPos(self._frames.shift + offset if offset is not None else self._frames.shift)

    def _shift_frames(self, d: QPointF) -> None:
        """The block moved by `d`: move the frames' pixmap; draw them afresh once idle."""
        self._frames.shift += d
        self._place_frames()
        self._rebase_timer.start()

    def _redraw_frames(self) -> None:
        if not self._frames.shift.isNull():
            self._frames.shift = QPointF()
            self._rebase_timer.stop()
        self._place_frames()
        self._frames.update()

    def _rebase(self) -> None:
        # A moved pixmap sits on whole device pixels; drawn afresh, each edge rounds on its own.
        if not shiboken6.isValid(self):
            return
        if self._moving:
            self._rebase_timer.start()
        elif not self._frames.shift.isNull():
            self._redraw_frames()

    # --- hit tests ----------------------------------------------------------------------------

    def hit(self, point: QPointF, tolerance: float) -> int | None:
        """The mask under a point: a selected one first (so a selection can be dragged from under
        others), then live before deleted, then the smallest (a small mask inside a big one)."""
        x, y = point.x(), point.y()
        best: tuple[bool, bool, float] | None = None
        found = None
        for i, (x0, y0, x1, y1) in self._spans.items():
            if x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance:
                rank = (i not in self._selection, self._keys[i] == DELETED, (x1 - x0) * (y1 - y0))
                if best is None or rank < best:
                    best, found = rank, i
        return found

    def ids_in(self, rect: QRectF) -> list[int]:
        """Masks touching a rectangle, deleted ones left out (they are selected by click only)."""
        rx0, ry0, rx1, ry1 = rect.left(), rect.top(), rect.right(), rect.bottom()
        return [i for i, (x0, y0, x1, y1) in self._spans.items()
                if x0 <= rx1 and x1 >= rx0 and y0 <= ry1 and y1 >= ry0 and self._keys[i] != DELETED]

    # --- painting -----------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._groups = None
        self._top_groups = None
        self.update()
        self._fills.update()
        self._redraw_frames()
        self._live.update()

    def _look_for(self, key: str, rank: int) -> Look:
        found = self._looks.get((key, rank, self._k))
        if found is None:
            found = self._looks[(key, rank, self._k)] = looks.look(key, rank, self._opacity, self._k)
        return found

    def _use_device(self, painter: QPainter) -> None:
        looks.reserve_pixmap_cache(painter)
        k = max(1, round(painter.device().devicePixelRatioF()))
        if k != self._k:
            self._k = k
            self._groups = self._top_groups = None

    def _group(self, ids: Iterable[int], rects: dict[int, QRectF]) -> list[Group]:
        buckets = looks.bucket(ids, rects, self._keys, self._selection, self._dimmed)
        return [(self._look_for(key, rank), buckets[(rank, key)]) for rank, key in sorted(buckets)]

    def top_groups(self) -> list[Group]:
        if self._top_groups is None:
            rects = self._rects
            if self._moving and self.block_offset() is None:  # part of the top dragged: place it
                rects = {**rects, **{i: rects[i].translated(self._offset) for i in self._moving}}
            self._top_groups = self._group(self._top, rects)
        return self._top_groups

    def live_groups(self) -> list[Group]:
        return self._group(self._overrides, self._overrides) if self._overrides else []

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._use_device(painter)
        if self._groups is None:
            drawn_above = self._top | self._overrides.keys()
            self._groups = self._group((i for i in self._rects if i not in drawn_above), self._rects)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, pixel-aligned edges
        looks.draw(painter, self._groups)
