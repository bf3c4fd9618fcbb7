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


def test_a_first_image_not_of_its_recorded_size_lays_the_masks_out_again(qtbot, seeded):
    """The frame painted first takes the size the workspace recorded; the file decides in the end."""
    from PySide6.QtCore import QPointF

    from mask_editor.ui.editing.document import PoseDocument
    from tests.ui.conftest import POSE_A

    row = seeded.workspace.pose_image(POSE_A)
    with seeded.workspace.transaction() as conn:
        conn.execute("UPDATE images SET width=?, height=? WHERE sha256=?", (row.width * 2, row.height, row.sha256))
    document = PoseDocument(seeded.workspace, POSE_A)
    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(800, 450)
    defer_next_decode()
    view.set_document(document)
    assert view.frame_size() == (row.width * 2, row.height)
    view.show()
    qtbot.waitUntil(lambda: view.image_size() == (row.width, row.height))
    assert view.frame_size() == (row.width, row.height)
    mask = max((m for m in document.masks() if not m.deleted), key=lambda m: m.box.xmin)  # off a 2x layout
    x0, y0, x1, y1 = mask.box.to_pixels(row.width, row.height)
    assert view.mask_at(QPointF(view.mapFromScene((x0 + x1) / 2, (y0 + y1) / 2))) == mask.local_id
