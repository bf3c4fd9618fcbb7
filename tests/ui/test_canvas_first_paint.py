"""The app's first pose: the window paints first (a frame of the image's size), then the image."""

from __future__ import annotations

from mask_editor.ui.canvas import CanvasView
from mask_editor.ui.canvas.image_layer import defer_next_decode


def test_the_first_image_is_decoded_after_the_first_paint_and_only_once(qtbot, document):
    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(800, 450)
    defer_next_decode()
    view.set_document(document)
    row = document.image()
    assert view.image_size() is None  # not decoded before the window is painted
    assert view.frame_size() == (row.width, row.height)  # but the masks have their frame already
    view.show()
    qtbot.waitUntil(lambda: view.image_size() == (row.width, row.height))
    shot = view.viewport().grab().toImage()
    assert len({shot.pixel(x, shot.height() // 2) for x in range(0, shot.width(), 8)}) > 8  # a picture, not a frame
    view.set_document(None)
    view.set_document(document)
    assert view.image_size() == (row.width, row.height)  # the next ones decode at once


def test_a_pose_left_before_the_paint_is_not_decoded_over_the_next(qtbot, document):
    view = CanvasView()
    qtbot.addWidget(view)
    defer_next_decode()
    view.set_document(document)
    view.set_document(None)  # another pose (none) before the first paint
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert view.image_size() is None and view.frame_size() == (1, 1)
