"""The canvas: a pose image with its masks; zoom, pan, select, draw, move, resize, nudge.

Scene coordinates are image pixels. The PoseDocument is the only truth: the canvas shows its masks
and selection, and writes to it only when a gesture ends (one undo step per gesture).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui  # event types, for annotations
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QNativeGestureEvent, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from mask_editor.ui.canvas import grid
from mask_editor.ui.canvas.cursor import CursorReport
from mask_editor.ui.canvas.draft import DraftItem, milli_rect
from mask_editor.ui.canvas.handles import Handles
from mask_editor.ui.canvas.image_layer import ImageLayer, ImageSharpness, paint_message
from mask_editor.ui.canvas.items import MaskLayer
from mask_editor.ui.canvas.keys import key_event, nudge_selection, nudge_selection_edge
from mask_editor.ui.canvas.navigation import ZOOM_STEP, Navigator
from mask_editor.ui.canvas.overlays import Overlays
from mask_editor.ui.canvas.preview import PoseImage
from mask_editor.ui.canvas.tools import TOOLS, Interaction, PanInteraction, Tool, movable
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.platform import style

HIT_TOLERANCE = 3  # screen pixels: a box thinner than a pixel on screen can still be clicked
Z_IMAGE, Z_OVERLAY, Z_MASKS, Z_HANDLES, Z_DRAFT = 0, 50, 100, 200, 300


class CanvasView(QGraphicsView):
    cursorMoved = Signal(object)  # (x_px, y_px, rx, ry), or None when the cursor leaves the image
    zoomChanged = Signal(float)  # current scale, 1.0 = 100 %
    toolChanged = Signal(str)  # the tool's name: "select", "draw", or one added with add_tool ("area")
    interactionStarted = Signal(object)  # the Interaction just installed (set_interaction)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        # A handful of items (image, one mask layer, handles, overlays): a BSP index only re-indexes moved handles.
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.setBackgroundBrush(QColor(style.CANVAS_BACKGROUND))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # zoom anchors are ours
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewport(QWidget(self))  # made in Python: Qt's own made shiboken look through every widget class
        self.viewport().setMouseTracking(True)
        self._document: PoseDocument | None = None
        self._layer: MaskLayer | None = None
        self._handles = Handles(self._scene, Z_HANDLES)
        self._draft = DraftItem()
        self._draft.setZValue(Z_DRAFT)
        self._scene.addItem(self._draft)
        self._overlays = Overlays(self._scene, Z_OVERLAY)
        self._tools: dict[str, Tool] = dict(TOOLS)
        self._escape_takers: list[Callable[[], bool]] = []
        self._tool = self._tools["select"]
        self._interaction: Interaction | None = None
        self._interaction_button = Qt.MouseButton.NoButton
        self._space_held = False
        self._masks_visible = True
        self._opacity = 0.25
        self._nav = Navigator(self, lambda: self._image.rect if self._image else None, self._on_scale)
        self._cursor = CursorReport(self.cursorMoved.emit)
        self._sharpness = ImageSharpness(self, lambda: self._image)
        self._sharpness.paused.connect(lambda: self._layer is not None and self._layer.set_cached(True))
        self._pose_image = PoseImage(self, self._scene, Z_IMAGE, lambda: self._sharpness.scale_changed(False))
        self._pose_image.resized.connect(lambda: self.set_document(self._document))

    # --- document -----------------------------------------------------------------------------

    def document(self) -> PoseDocument | None:
        return self._document

    def set_document(self, document: PoseDocument | None) -> None:
        self.cancel_interaction()
        self._sharpness.decoder.cancel()  # the full image of the pose we leave is not needed any more
        # The image first: a large one's decode is under way during the rest (paints held until the end).
        image = self._pose_image.show(document.image()) if document is not None else self._pose_image.clear()
        if self._document is not None:
            self._document.masksChanged.disconnect(self._on_masks_changed)
            self._document.selectionChanged.disconnect(self._on_selection_changed)
            self._document.readOnlyChanged.disconnect(self._on_read_only_changed)
            self._document.dimmedChanged.disconnect(self._on_dimmed)
        if self._layer is not None:
            self._scene.removeItem(self._layer)
        self._document, self._layer = document, None
        if document is not None and image is not None:
            self._layer = MaskLayer(image.width, image.height)
            self._layer.setZValue(Z_MASKS)
            self._layer.setVisible(self._masks_visible)
            self._layer.set_fill_opacity(self._opacity)
            self._layer.set_masks(document.masks())
            self._layer.set_selection(document.selection)
            self._layer.set_dimmed(document.dimmed)
            self._scene.addItem(self._layer)
            document.masksChanged.connect(self._on_masks_changed)
            document.selectionChanged.connect(self._on_selection_changed)
            document.readOnlyChanged.connect(self._on_read_only_changed)
            document.dimmedChanged.connect(self._on_dimmed)
        self._sync_handles()
        self.zoom_to_fit()
        self._pose_image.paint_when_ready()

    @property
    def _image(self) -> ImageLayer | None:
        return self._pose_image.layer

    def image_pending(self) -> bool:
        """Whether the pose's image is still being decoded off the GUI thread (ui/canvas/preview.py)."""
        return self._pose_image.pending()

    def after_image_shown(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the pose's image is painted: work that need not delay that paint."""
        self._pose_image.after_paint.add(callback)

    def _on_masks_changed(self, changed: set[int], removed: set[int]) -> None:
        if self._layer is None or self._document is None:
            return
        if self._interaction is not None and not isinstance(self._interaction, PanInteraction):
            self.cancel_interaction()  # a sync or an undo changed masks under a drag
        self._layer.update_masks(self._document.masks_of(changed), removed)
        self._sync_handles()

    def _on_selection_changed(self, selection: frozenset[int]) -> None:
        if self._layer is not None:
            self._layer.set_selection(selection)
        self._sync_handles()

    def _on_read_only_changed(self, read_only: bool) -> None:
        if read_only:
            self.cancel_interaction()
        self._sync_handles()

    # --- state the tools read -----------------------------------------------------------------

    def editable(self) -> bool:
        return self._document is not None and not self._document.read_only and self._layer is not None

    def frame_size(self) -> tuple[int, int]:
        """The pixel size of what is shown: the image, or the placeholder frame standing in for it."""
        return (self._image.width, self._image.height) if self._image else (1, 1)

    def image_size(self) -> tuple[int, int] | None:
        image = self._image  # a frame standing in while the image is decoded counts: its size is known
        return (image.width, image.height) if image and (image.pixmap_item or image.pending) else None

    def scene_pos(self, pos: QPointF) -> QPointF:
        return self._nav.scene_pos(pos)

    def mask_at(self, pos: QPointF) -> int | None:
        if self._layer is None or not self._masks_visible:
            return None
        return self._layer.hit(self.scene_pos(pos), HIT_TOLERANCE / self.zoom())

    def layer_ids_in(self, rect: QRectF) -> list[int]:
        return self._layer.ids_in(rect) if self._layer is not None and self._masks_visible else []

    def handle_at(self, pos: QPointF) -> str | None:
        return self._handles.at(self.viewportTransform(), pos)

    def mask_rect(self, local_id: int) -> QRectF | None:
        """Where a mask is drawn, in image pixels (with a drag in progress, where it is dragged to)."""
        return self._layer.shown_rect(local_id) if self._layer is not None else None

    # --- live feedback the tools drive ----------------------------------------------------------

    def preview_move(self, boxes: dict[int, grid.Milli], offset: QPointF) -> None:
        if self._layer is not None:
            self._layer.set_moving(boxes, offset)
            self._sync_handles()

    def preview_resize(self, local_id: int, box: grid.Milli) -> None:
        if self._layer is not None:
            self._layer.set_override(local_id, milli_rect(box, *self.frame_size()))
            self._sync_handles()

    def end_preview(self) -> None:
        if self._layer is not None:
            self._layer.clear_preview()
        self._sync_handles()

    def show_draft(self, rect: QRectF | None, dashed: bool = False) -> None:
        """The rectangle being drawn, or the rubber band (dashed); None hides it."""
        self._draft.show_rect(rect, dashed, self._opacity)

    def _sync_handles(self) -> None:
        """Handles on the one selected editable mask; none for several (their outlines show them)."""
        rect = None
        if self._document is not None and self._masks_visible and self.editable():
            selection = self._document.selection
            if len(selection) == 1 and movable(self._document, selection):
                rect = self.mask_rect(next(iter(selection)))
        self._handles.show_at(rect)

    # --- tools --------------------------------------------------------------------------------

    def tool(self) -> str:
        return self._tool.name

    def add_tool(self, tool: Tool) -> None:
        """Make another mode available to set_tool (the area tool of ui/insight)."""
        self._tools[tool.name] = tool

    def add_escape_taker(self, taker: Callable[[], bool]) -> None:
        """Asked on Escape before the tool is left: True when it dropped pending work (a proposal)."""
        self._escape_takers.append(taker)

    def take_escape(self) -> bool:
        return any(taker() for taker in self._escape_takers)

    def set_tool(self, name: str) -> None:
        if name not in self._tools:
            raise ValueError(f"unknown tool {name!r}, expected one of {sorted(self._tools)}")
        if name != self._tool.name:
            self.cancel_interaction()
            self._tool = self._tools[name]
            self.viewport().unsetCursor()
            self.toolChanged.emit(name)

    def has_interaction(self) -> bool:
        return self._interaction is not None

    def set_interaction(self, interaction: Interaction,
                        button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        """The one way a gesture starts: any gesture in progress is canceled first; this one then
        gets the mouse until `button` is released (finished) or it is canceled."""
        self.cancel_interaction()
        self._interaction, self._interaction_button = interaction, button
        if interaction.cursor is not None:
            self.viewport().setCursor(interaction.cursor)
        interaction.started.emit()
        self.interactionStarted.emit(interaction)

    def cancel_interaction(self) -> None:
        """Escape: put back whatever the gesture in progress changed on screen."""
        if self._interaction is not None:
            interaction, self._interaction = self._interaction, None
            interaction.abort()
            self.viewport().unsetCursor()

    # --- display options ----------------------------------------------------------------------

    def set_masks_visible(self, visible: bool) -> None:
        self._masks_visible = visible
        self.cancel_interaction()
        if self._layer is not None:
            self._layer.setVisible(visible)
        self._sync_handles()

    def masks_visible(self) -> bool:
        return self._masks_visible

    def set_mask_opacity(self, opacity: float) -> None:
        self._opacity = max(0.0, min(1.0, opacity))
        if self._layer is not None:
            self._layer.set_fill_opacity(self._opacity)

    def _on_dimmed(self, local_ids: frozenset[int]) -> None:
        """The document's masks the timeline filters out, drawn faint."""
        if self._layer is not None:
            self._layer.set_dimmed(local_ids)

    def dimmed(self) -> frozenset[int]:
        return self._layer.dimmed if self._layer is not None else frozenset()

    def overlay(self, name: str) -> QGraphicsItem | None:
        return self._overlays.get(name)

    def set_overlay(self, name: str, item: QGraphicsItem | None) -> None:
        self._overlays.put(name, item)

    # --- keyboard edits -----------------------------------------------------------------------

    def nudge(self, dx: int, dy: int) -> None:
        """Move the selection by grid steps; consecutive nudges of the same masks are one undo step."""
        if self.editable() and self._interaction is None:
            nudge_selection(self, dx, dy)

    def nudge_edge(self, edge: str, d: int) -> None:
        """Move one edge of each selected mask by grid steps (positive = right / down)."""
        if self.editable() and self._interaction is None:
            nudge_selection_edge(self, edge, d)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QtGui.QKeyEvent) and key_event(self, event):
            return True
        if event.type() == QEvent.Type.FocusOut:
            self.set_space_held(False)
        return super().event(event)

    def set_space_held(self, held: bool) -> None:
        """Space held turns a left drag into a pan."""
        self._space_held = held
        if self._interaction is None:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor) if held else self.viewport().unsetCursor()

    # --- mouse --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._interaction is not None:
            event.accept()  # a second button during a gesture: ignore it
            return
        button, pos = event.button(), event.position()
        left = button == Qt.MouseButton.LeftButton
        if button == Qt.MouseButton.MiddleButton or (left and self._space_held):
            interaction: Interaction | None = PanInteraction(self, pos)
        elif left:
            interaction = self._tool.press(self, pos, event.modifiers())
        else:
            super().mousePressEvent(event)
            return
        if interaction is not None:
            self.set_interaction(interaction, button)
        event.accept()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        pos = event.position()
        if self._image is not None:  # the status bar's coordinates
            self._cursor.at(self.scene_pos(pos), self._image.width, self._image.height)
        if self._interaction is not None:
            self._interaction.move(pos, event.modifiers())
        elif self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif self._document is not None:
            self.viewport().setCursor(self._tool.hover_cursor(self, pos))
        event.accept()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._interaction is not None and event.button() == self._interaction_button:
            interaction, self._interaction = self._interaction, None
            interaction.release(event.position())
            self.viewport().unsetCursor()
        event.accept()

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:
        self.mousePressEvent(event)  # Qt sends press, release, double-click, release: treat it as a press

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._nav.zoom_by(1.0 + event.value(), event.position(), interactive=True)
                return True
        elif event.type() == QEvent.Type.Leave:
            self._cursor.left()
        return super().viewportEvent(event)

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        self._nav.wheel(event)

    # --- zoom and pan -------------------------------------------------------------------------

    def zoom(self) -> float:
        """The current scale, 1.0 = 100 %."""
        return self._nav.zoom()

    def pan_by(self, dx: float, dy: float) -> None:
        self._nav.pan_by(dx, dy)

    def zoom_in(self) -> None:
        self._nav.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._nav.zoom_by(1 / ZOOM_STEP)

    def zoom_actual(self) -> None:
        self._nav.set_scale(1.0)

    def zoom_to_fit(self) -> None:
        self._nav.fit()

    def zoom_to_selection(self) -> None:
        """Frame the selected masks with some room around them; the whole image when none."""
        rects = [r for i in (self._document.selection if self._document else ())
                 if (r := self.mask_rect(i)) is not None]
        self._nav.fit_rects(rects)

    def _on_scale(self, scale: float, changed: bool, interactive: bool) -> None:
        if self._layer is not None:
            self._layer.follow_scale(scale, self.viewport().size(), zooming=interactive)
        self._sharpness.scale_changed(interactive)
        if changed:
            self.zoomChanged.emit(scale)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._nav.resized()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        self._pose_image.painted()
        if self._image is not None and self._image.message:
            paint_message(painter, self.viewport().rect(), self._image.message)
