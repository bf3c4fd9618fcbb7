"""`--smoke`: open the window on a pose, paint once, and check the pixels, so that a build missing
Qt's JPEG plugin (or with damaged demo images) fails instead of printing "smoke ok" over a blank frame.

Checks: the pose image decoded at the size the workspace recorded for it (images table), the
image region of the canvas is not one flat colour, and a mask's outline is painted in its state's
colour where the mask is.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from mask_editor.ui.platform import style
from mask_editor.workspace import Mask, MaskState

CHANNEL_TOLERANCE = 24  # antialiasing and the fill over the halo shift a line's colour a little
MIN_OUTLINE_SHARE = 0.4  # of the positions along the edges (dashed outlines cover about half)
MIN_IMAGE_COLOURS = 8  # distinct colours among the image samples: a photo has hundreds
EDGE_SEARCH = 2  # screen pixels either side of an edge's computed position


class SmokeFailure(Exception):
    """What the smoke run found wrong, in words for the person reading the build log."""


def check_window(app: QApplication, window) -> None:
    """Raise SmokeFailure unless the first pose with an image and masks painted as it should."""
    window.show()
    pose_id = _pose_to_show(window)
    window.show_pose(pose_id)
    canvas, document = window.canvas, window.document
    document.set_selection([])  # normal looks: outline in the state's colour
    document.set_dimmed(set())
    app.processEvents()
    _wait_for_image(app, canvas)
    canvas.zoom_to_fit()
    app.processEvents()
    if window.grab().isNull():
        raise SmokeFailure("the window did not paint")
    row = document.image()
    decoded = canvas.image_size()
    if decoded is None:
        raise SmokeFailure(f"the image of pose {pose_id} ({row.path}) did not decode: is Qt's JPEG plugin "
                           "(imageformats/libqjpeg) in this build, and is the image file intact?")
    if decoded != (row.width, row.height):
        raise SmokeFailure(f"the image of pose {pose_id} decoded at {decoded[0]}x{decoded[1]}, "
                           f"the workspace records {row.width}x{row.height}")
    shot = canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = shot.devicePixelRatio()
    masks = [m for m in document.masks() if m.state is not MaskState.DELETED]
    rects = [_screen_rect(canvas, m, row.width, row.height, ratio) for m in masks]
    _check_image_region(shot, _screen_rect_of(canvas, (0, 0, row.width, row.height), ratio), rects, pose_id)
    largest = max(range(len(masks)), key=lambda i: (rects[i][2] - rects[i][0]) * (rects[i][3] - rects[i][1]))
    _check_outline(shot, rects[largest], QColor(style.PALETTE[style.style_key(masks[largest])].color), pose_id)


def _wait_for_image(app: QApplication, canvas, timeout_s: float = 10.0) -> None:
    """A large image is decoded off the GUI thread (ui/canvas/preview.py): its pixels are what we check."""
    end = time.monotonic() + timeout_s
    while canvas.image_pending() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    if canvas.image_pending():
        raise SmokeFailure(f"the pose image was not decoded within {timeout_s:.0f} s")


def _pose_to_show(window) -> int:
    workspace = window.workspace
    if workspace is None:
        raise SmokeFailure("no workspace is open")
    for pose_id in window.browser.pose_ids():
        doc = window.poses.open(pose_id)
        if doc.image() is not None and any(m.state is not MaskState.DELETED for m in doc.masks()):
            return pose_id
    raise SmokeFailure("no pose of the workspace has both an image and a mask to paint")


Rect = tuple[int, int, int, int]  # x0, y0, x1, y1 in device pixels of the grab


def _screen_rect(canvas, mask: Mask, width: int, height: int, ratio: float) -> Rect:
    return _screen_rect_of(canvas, mask.box.to_pixels(width, height), ratio)


def _screen_rect_of(canvas, corners: tuple[float, float, float, float], ratio: float) -> Rect:
    x0, y0, x1, y1 = corners
    a, b = canvas.mapFromScene(QPointF(x0, y0)), canvas.mapFromScene(QPointF(x1, y1))
    return (round(a.x() * ratio), round(a.y() * ratio), round(b.x() * ratio), round(b.y() * ratio))


def _check_image_region(shot: QImage, image: Rect, masks: list[Rect], pose_id: int) -> None:
    x0, y0 = max(0, image[0]), max(0, image[1])
    x1, y1 = min(shot.width(), image[2]), min(shot.height(), image[3])
    if x1 - x0 < 20 or y1 - y0 < 20:
        raise SmokeFailure(f"the image of pose {pose_id} is not on screen (at {image} in a "
                           f"{shot.width()}x{shot.height()} view)")
    colours = set()
    for i in range(1, 20):
        for j in range(1, 20):
            x, y = x0 + (x1 - x0) * i // 20, y0 + (y1 - y0) * j // 20
            near_a_mask = any(m[0] - 4 <= x <= m[2] + 4 and m[1] - 4 <= y <= m[3] + 4 for m in masks)
            if not near_a_mask:
                colours.add(shot.pixel(x, y))
    if len(colours) < MIN_IMAGE_COLOURS:
        raise SmokeFailure(f"the image of pose {pose_id} painted as {len(colours)} flat colour(s), not a picture")


def _check_outline(shot: QImage, rect: Rect, colour: QColor, pose_id: int) -> None:
    x0, y0, x1, y1 = rect
    positions = [(x, y0, True) for x in range(x0 + 3, x1 - 3)] + [(x, y1, True) for x in range(x0 + 3, x1 - 3)]
    positions += [(x0, y, False) for y in range(y0 + 3, y1 - 3)] + [(x1, y, False) for y in range(y0 + 3, y1 - 3)]
    positions = [(x, y, h) for x, y, h in positions if 0 <= x < shot.width() and 0 <= y < shot.height()]
    if len(positions) < 20:
        raise SmokeFailure(f"the masks of pose {pose_id} are too small on screen to check ({rect})")
    found = sum(_colour_near(shot, x, y, across_y=h, colour=colour) for x, y, h in positions)
    if found < MIN_OUTLINE_SHARE * len(positions):
        raise SmokeFailure(f"a mask of pose {pose_id} was not painted: {found} of {len(positions)} points of "
                           f"its outline have its colour {colour.name()}")


def _colour_near(shot: QImage, x: int, y: int, across_y: bool, colour: QColor) -> bool:
    for d in range(-EDGE_SEARCH, EDGE_SEARCH + 1):
        px, py = (x, y + d) if across_y else (x + d, y)
        if 0 <= px < shot.width() and 0 <= py < shot.height():
            got = QColor(shot.pixel(px, py))
            if max(abs(got.red() - colour.red()), abs(got.green() - colour.green()),
                   abs(got.blue() - colour.blue())) <= CHANNEL_TOLERANCE:
                return True
    return False
