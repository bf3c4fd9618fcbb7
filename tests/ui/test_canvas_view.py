"""Canvas navigation and display: zoom (buttons, Ctrl+wheel, pinch), pan, fit, cursor reports,
overlays, placeholders for missing or damaged images, the size a large image is decoded at."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from mask_editor.ui.canvas import CanvasView
from mask_editor.ui.canvas.image_layer import NO_IMAGE, reduction_for
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.workspace import PoseRow

W, H = 1280, 720


def scene_at(view, p: QPointF) -> QPointF:
    return view.viewportTransform().inverted()[0].map(p)


def wheel(view, pos: QPointF, dy: int, modifiers=Qt.KeyboardModifier.NoModifier, dx: int = 0) -> None:
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(dx, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_opens_fitted_and_zoom_actions_change_the_scale(canvas):
    fit = canvas.zoom()
    assert fit == pytest.approx(min(784 / W, 434 / H))
    assert canvas.image_size() == (W, H)
    canvas.zoom_in()
    assert canvas.zoom() == pytest.approx(fit * 1.25)
    canvas.zoom_out()
    canvas.zoom_out()
    assert canvas.zoom() == pytest.approx(fit / 1.25)
    canvas.zoom_actual()
    assert canvas.zoom() == 1.0
    canvas.zoom_to_fit()
    assert canvas.zoom() == pytest.approx(fit)
    for _ in range(60):
        canvas.zoom_in()
    assert canvas.zoom() == 32.0  # 3200 % at most
    for _ in range(60):
        canvas.zoom_out()
    assert canvas.zoom() == 0.02


def test_zoom_changes_are_signalled(qtbot, canvas):
    with qtbot.waitSignal(canvas.zoomChanged) as blocker:
        canvas.zoom_actual()
    assert blocker.args == [1.0]


def test_zoom_to_selection_frames_the_selected_masks(canvas, document, seeded):
    document.set_selection({seeded.ids["new"]})
    canvas.zoom_to_selection()
    rect = canvas.mask_rect(seeded.ids["new"])
    shown = canvas.mapFromScene(rect).boundingRect()
    assert canvas.viewport().rect().contains(shown)
    assert shown.width() > canvas.viewport().width() * 0.5  # it fills the view, with room around
    assert abs(shown.center().x() - canvas.viewport().rect().center().x()) <= 2
    document.set_selection(())
    canvas.zoom_to_selection()  # nothing selected: the whole image
    assert canvas.zoom() == pytest.approx(min(784 / W, 434 / H))


def test_ctrl_wheel_zooms_around_the_cursor(canvas):
    pos = QPointF(250, 140)
    before = scene_at(canvas, pos)
    fit = canvas.zoom()
    wheel(canvas, pos, 240, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom() > fit * 1.3
    after = scene_at(canvas, pos)
    tolerance = 1.5 / canvas.zoom()  # scroll positions are whole screen pixels
    assert abs(after.x() - before.x()) <= tolerance and abs(after.y() - before.y()) <= tolerance
    wheel(canvas, pos, -240, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom() == pytest.approx(fit)


def test_pinch_zooms_around_the_fingers(canvas):
    pos = QPointF(600, 300)
    before = scene_at(canvas, pos)
    fit = canvas.zoom()
    device = QPointingDevice.primaryPointingDevice()
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, device, 2, pos, pos,
                                canvas.viewport().mapToGlobal(pos), 0.5, QPointF(), 0)
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom() == pytest.approx(fit * 1.5)
    after = scene_at(canvas, pos)
    assert abs(after.x() - before.x()) <= 1.5 / canvas.zoom()


def test_wheel_pans_and_shift_wheel_pans_sideways(canvas):
    canvas.zoom_actual()
    origin = scene_at(canvas, QPointF(0, 0))
    wheel(canvas, QPointF(100, 100), -120)
    moved = scene_at(canvas, QPointF(0, 0))
    assert moved.y() == pytest.approx(origin.y() + 120) and moved.x() == pytest.approx(origin.x())
    wheel(canvas, QPointF(100, 100), -120, Qt.KeyboardModifier.ShiftModifier)
    assert scene_at(canvas, QPointF(0, 0)).x() == pytest.approx(origin.x() + 120)


def test_middle_drag_and_space_drag_pan(qtbot, canvas, document):
    canvas.zoom_actual()
    vp = canvas.viewport()
    origin = scene_at(canvas, QPointF(0, 0))
    qtbot.mousePress(vp, Qt.MouseButton.MiddleButton, pos=QPoint(400, 200))
    qtbot.mouseMove(vp, QPoint(350, 170))
    qtbot.mouseRelease(vp, Qt.MouseButton.MiddleButton, pos=QPoint(350, 170))
    moved = scene_at(canvas, QPointF(0, 0))
    assert (moved.x() - origin.x(), moved.y() - origin.y()) == pytest.approx((50, 30))
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(400, 200))
    qtbot.mouseMove(vp, QPoint(420, 200))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(420, 200))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    assert scene_at(canvas, QPointF(0, 0)).x() == pytest.approx(moved.x() - 20)
    assert document.selection == frozenset() and document.undo_stack.count() == 0


def test_window_resize_keeps_the_image_fitted_until_the_user_zooms(qtbot, canvas):
    canvas.resize(1000, 600)
    assert canvas.zoom() == pytest.approx(min(984 / W, 584 / H))
    canvas.zoom_in()
    z = canvas.zoom()
    canvas.resize(800, 450)
    assert canvas.zoom() == z


def test_cursor_reports_image_pixels_and_leaving(qtbot, canvas):
    reports = []
    canvas.cursorMoved.connect(reports.append)
    inside = canvas.mapFromScene(QPointF(640, 360))
    qtbot.mouseMove(canvas.viewport(), inside)
    x, y, rx, ry = reports[-1]
    assert abs(x - 640) < 2 and abs(y - 360) < 2 and abs(rx - 0.5) < 0.002 and abs(ry - 0.5) < 0.003
    qtbot.mouseMove(canvas.viewport(), QPoint(2, 2))  # the margin around the image
    assert reports[-1] is None


def test_overlays_sit_between_image_and_masks_and_replace_by_name(canvas):
    first, second = QGraphicsRectItem(0, 0, 100, 100), QGraphicsRectItem(0, 0, 50, 50)
    canvas.set_overlay("suppression", first)
    assert first.scene() is canvas.scene() and 0 < first.zValue() < 100
    canvas.set_overlay("suppression", second)
    assert first.scene() is None and second.scene() is canvas.scene()
    canvas.set_overlay("suppression", None)
    assert second.scene() is None


def test_switching_documents_shows_the_other_pose(qtbot, canvas, seeded):
    canvas.set_document(PoseDocument(seeded.workspace, seeded.pose_b))
    assert canvas.image_size() == (640, 360)
    assert canvas.mask_rect(seeded.ids["pose_b"]) is not None
    assert canvas.mask_rect(seeded.ids["new"]) is None
    canvas.set_document(None)
    assert canvas.document() is None and canvas.image_size() is None


def test_placeholder_when_no_image_is_cached(qtbot, seeded):
    seeded.workspace.save_cameras([], [], complete=False)
    with seeded.workspace.transaction() as conn:
        conn.execute("UPDATE poses SET image_sha256 = NULL WHERE id = ?", (seeded.pose_b,))
    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_document(PoseDocument(seeded.workspace, seeded.pose_b))
    assert view.image_size() is None
    assert view._image.message == NO_IMAGE
    assert view.mask_rect(seeded.ids["pose_b"]) is not None  # masks still shown on a plain frame


def test_placeholder_names_a_damaged_image(qtbot, seeded):
    document = PoseDocument(seeded.workspace, seeded.pose_b)
    document.image().path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    view = CanvasView()
    qtbot.addWidget(view)
    view.set_document(document)
    assert view.image_size() is None
    assert view._image.message.startswith("The image file is damaged: ")
    assert (view._image.width, view._image.height) == (640, 360)  # the known size holds the masks


def test_a_large_image_is_decoded_at_the_size_it_is_shown_then_in_full_when_zoomed_in(qtbot, seeded):
    # A 3840x2160 pose fitted in a 976x640 view shows at 960x540 (8 px of padding): the first decode
    # needs 1/4 of the pixels per side, not the 1/2 that would cover the view's height.
    pose = 103
    seeded.workspace.save_cameras([], [PoseRow(pose, 1, 225.0)], complete=False)
    out = io.BytesIO()
    Image.new("RGB", (3840, 2160), (90, 140, 200)).save(out, "JPEG")
    seeded.workspace.store_pose_image(pose, out.getvalue(), width=3840, height=2160)
    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(976, 640)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(PoseDocument(seeded.workspace, pose))
    qtbot.waitUntil(lambda: not view.image_pending())  # decoded off the GUI thread (preview.py)
    pixmap = view._image.pixmap_item.pixmap()
    assert (pixmap.width(), pixmap.height()) == (960, 540)
    assert view.image_size() == (3840, 2160) and not view._image.full_resolution()
    view.zoom_actual()
    qtbot.waitUntil(view._image.full_resolution)
    assert view._image.pixmap_item.pixmap().size() == QSize(3840, 2160)


def test_reduction_covers_the_fitted_image_in_device_pixels():
    full = QSize(3840, 2160)
    assert reduction_for(full, QSize(960, 624)) == 4  # fitted at 960x540: 1/4 exactly
    assert reduction_for(full, QSize(960, 2000)) == 4  # a tall view: the width decides
    assert reduction_for(full, QSize(961, 624)) == 2  # 1/4 would be magnified by a pixel
    assert reduction_for(full, QSize(1920, 1248)) == 2  # the same view at a device pixel ratio of 2
    assert reduction_for(QSize(7680, 4320), QSize(960, 624)) == 8
    assert reduction_for(full, QSize(200, 100)) == 8  # never below libjpeg's 1/8
    assert reduction_for(full, None) == 1
