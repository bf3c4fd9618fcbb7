"""A large pose image decoded off the GUI thread (ui/canvas/preview.py): the viewport paints only once
the pose's own pixels are there, a pose left before its image arrives is never shown over the next,
and work posted with after_image_shown waits for that paint."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading

from PySide6.QtCore import QEvent, QObject

from mask_editor.ui.canvas import CanvasView, preview
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.workspace import PoseRow
from tests.ui.conftest import landscape

BIG_A, BIG_B = 201, 202  # 2560x1440 (3.7 Mpx: decoded off the GUI thread)


class Paints(QObject):
    """What the canvas showed at each Paint event of its viewport: the pose, and whether its image
    was still on its way."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.view, self.seen = view, []
        view.viewport().installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            doc = self.view.document()
            self.seen.append((doc.pose_id if doc else None, self.view.image_pending()))
        return False


def big_poses(seeded) -> None:
    seeded.workspace.save_cameras([], [PoseRow(BIG_A, 1, 200.0), PoseRow(BIG_B, 1, 250.0)], complete=False)
    for pose, seed in ((BIG_A, 1), (BIG_B, 2)):
        seeded.workspace.store_pose_image(pose, landscape(2560, 1440, seed=seed), width=2560, height=1440)


def shown_view(qtbot) -> CanvasView:
    view = CanvasView()
    qtbot.addWidget(view)
    view.resize(800, 450)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_large_image_is_decoded_off_the_gui_thread_and_painted_only_once_it_is_there(qtbot, seeded):
    big_poses(seeded)
    view = shown_view(qtbot)
    paints = Paints(view)
    threads: list[str] = []
    decode = preview.decode_reduced
    preview.decode_reduced = lambda *a, **k: threads.append(threading.current_thread().name) or decode(*a, **k)
    try:
        view.set_document(PoseDocument(seeded.workspace, BIG_A))
        assert view.image_pending() and view.image_size() == (2560, 1440)  # the frame holds the masks at once
        qtbot.waitUntil(lambda: not view.image_pending())
    finally:
        preview.decode_reduced = decode
    assert threads and threads[0] != threading.main_thread().name
    qtbot.waitUntil(lambda: (BIG_A, False) in paints.seen)
    assert (BIG_A, True) not in paints.seen  # no paint of the empty frame before the image
    pixmap = view._image.pixmap_item.pixmap()
    assert (pixmap.width(), pixmap.height()) == (1280, 720)  # shown at 772x434: 1/4 would not cover it
    shot = view.viewport().grab().toImage()
    assert len({shot.pixel(x, shot.height() * 4 // 5) for x in range(0, shot.width(), 8)}) > 8  # a picture


def test_a_pose_left_before_its_image_arrives_is_not_shown_over_the_next(qtbot, seeded):
    big_poses(seeded)
    view = shown_view(qtbot)
    paints = Paints(view)
    view.set_document(PoseDocument(seeded.workspace, BIG_A))
    view.set_document(PoseDocument(seeded.workspace, BIG_B))  # before A's image is there
    qtbot.waitUntil(lambda: not view.image_pending())
    qtbot.wait(100)  # A's decode, if it ran, has answered by now
    assert view._image.path == str(seeded.workspace.pose_image(BIG_B).path)
    assert {pose for pose, _pending in paints.seen} <= {BIG_B, None}
    view.set_document(PoseDocument(seeded.workspace, BIG_A))
    view.set_document(PoseDocument(seeded.workspace, seeded.pose_b))  # a small one, decoded at once
    assert not view.image_pending() and view.image_size() == (640, 360)
    qtbot.wait(150)
    assert view._image.path == str(seeded.workspace.pose_image(seeded.pose_b).path)


def test_work_after_the_image_is_shown_waits_for_its_paint(qtbot, seeded):
    big_poses(seeded)
    view = shown_view(qtbot)
    paints = Paints(view)
    ran: list[list] = []
    view.set_document(PoseDocument(seeded.workspace, BIG_A))
    view.after_image_shown(lambda: ran.append(list(paints.seen)))
    qtbot.waitUntil(lambda: bool(ran))
    assert (BIG_A, False) in ran[0]  # the pose's image was painted before it ran


def test_the_decode_has_a_core_to_itself_and_gives_it_back(qtbot, seeded):
    """Linux with two cores or more: while the worker decodes, the GUI thread is kept off its core
    (ui/platform/cores.py); once the image is there, both may run anywhere again."""
    allowed = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if len(allowed) < 2:
        import pytest

        pytest.skip("needs sched_setaffinity and two cores or more")
    big_poses(seeded)
    view = shown_view(qtbot)
    gui = threading.get_native_id()
    during: list[tuple[set[int], set[int]]] = []
    decode = preview.decode_reduced
    preview.decode_reduced = lambda *a, **k: during.append((os.sched_getaffinity(0), os.sched_getaffinity(gui))) \
        or decode(*a, **k)
    try:
        view.set_document(PoseDocument(seeded.workspace, BIG_A))
        qtbot.waitUntil(lambda: not view.image_pending())
    finally:
        preview.decode_reduced = decode
    (worker, gui_mask), = during
    assert len(worker) == 1 and gui_mask == allowed - worker
    assert os.sched_getaffinity(0) == allowed
