"""A conflict seen in the window: the server's box as a ghost on the canvas (never selectable), the
inspector listing mine / theirs / the base, and the decision as one undo step. Conflicts are made
for real: edits here and on the fake server, then a pull over HTTP."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from PySide6.QtCore import QPointF

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import SyncOptions, pull_all
from mask_editor.ui.canvas import CanvasView
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.panels.inspector import Inspector
from mask_editor.ui.platform import style
from mask_editor.ui.session.conflicts import resolve_keep_mine
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id


@pytest.fixture
def conflicts(fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions) -> dict[str, int]:
    """Three conflicts on one pose, by case: local ids."""
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    both, there, here = (fake_api.state.add_mask(pose, format_mask(box(i))).id for i in range(3))
    pull_all(client, ws, options=options)
    rows = by_server_id(ws, pose)
    ws.set_boxes({rows[both].local_id: box(10), rows[there].local_id: box(11)})
    ws.delete_masks([rows[here].local_id])
    fake_api.state.patch_mask(both, format_mask(box(20)))
    fake_api.state.delete_mask(there)
    fake_api.state.patch_mask(here, format_mask(box(22)))
    pull_all(client, ws, options=options)
    assert all(m.state is MaskState.CONFLICT for m in ws.masks(pose))
    return {"both": rows[both].local_id, "there": rows[there].local_id, "here": rows[here].local_id,
            "pose": pose}


def shown(qtbot, document: PoseDocument) -> tuple[CanvasView, Inspector]:  # type: ignore[no-untyped-def]
    view, inspector = CanvasView(), Inspector()
    for widget in (view, inspector):
        qtbot.addWidget(widget)
    view.resize(800, 450)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document)
    inspector.set_document(document)
    return view, inspector


def test_the_servers_box_is_a_ghost_that_cannot_be_selected(qtbot, refreshed: Workspace,  # type: ignore[no-untyped-def]
                                                            conflicts: dict[str, int]) -> None:
    document = PoseDocument(refreshed, conflicts["pose"])
    view, _ = shown(qtbot, document)
    ghosts = view._layer.ghosts.rects()  # type: ignore[union-attr]
    width, height = view.frame_size()
    # Changed on both sides and deleted here: the server's box; deleted there: nothing to show.
    assert set(ghosts) == {conflicts["both"], conflicts["here"]}
    x0, y0, x1, y1 = box(20).to_pixels(width, height)
    assert ghosts[conflicts["both"]].getCoords() == (x0, y0, x1, y1)
    # Clicking inside the ghost (away from our box) selects nothing.
    centre = ghosts[conflicts["both"]].center()
    point = view.mapFromScene(centre)
    assert view.mask_at(QPointF(point)) is None
    # The mask deleted here stays crossed out, never a box to edit.
    assert style.style_key(document.mask(conflicts["here"])) == MaskState.DELETED.value  # type: ignore[arg-type]


def test_the_inspector_lists_both_versions_and_the_base(qtbot, refreshed: Workspace,  # type: ignore[no-untyped-def]
                                                       conflicts: dict[str, int]) -> None:
    document = PoseDocument(refreshed, conflicts["pose"])
    _, inspector = shown(qtbot, document)
    document.set_selection([conflicts["both"]])
    text = inspector.conflict.text()
    assert inspector.details.isRowVisible(inspector.conflict)
    assert "changed this mask on the server" in text
    assert f"Mine</b>&nbsp;</td><td>{format_mask(box(10))}" in text
    assert f"Theirs (server)</b>&nbsp;</td><td>{format_mask(box(20))}" in text
    assert f"As last pulled</b>&nbsp;</td><td>{format_mask(box(0))}" in text
    assert "keeps no author and no time of change" in text
    document.set_selection([conflicts["there"]])
    assert "deleted this mask on the server" in inspector.conflict.text()
    assert "Theirs (server)</b>&nbsp;</td><td>deleted" in inspector.conflict.text()


def test_a_mask_deleted_here_in_conflict_is_not_editable(qtbot, refreshed: Workspace,  # type: ignore[no-untyped-def]
                                                         conflicts: dict[str, int]) -> None:
    document = PoseDocument(refreshed, conflicts["pose"])
    _, inspector = shown(qtbot, document)
    document.set_selection([conflicts["here"]])  # a click on a crossed-out mask selects it, to decide it
    assert "You deleted this mask" in inspector.conflict.text()
    assert all(edit.isReadOnly() for edit in inspector.edits.values())


def test_keep_mine_removes_the_ghost_in_one_undo_step(qtbot, refreshed: Workspace,  # type: ignore[no-untyped-def]
                                                      conflicts: dict[str, int]) -> None:
    document = PoseDocument(refreshed, conflicts["pose"])
    view, _ = shown(qtbot, document)
    document.set_selection([conflicts["both"]])
    assert resolve_keep_mine(document) == 1 and document.undo_stack.count() == 1
    assert conflicts["both"] not in view._layer.ghosts.rects()  # type: ignore[union-attr]
    document.undo_stack.undo()
    assert conflicts["both"] in view._layer.ghosts.rects()  # type: ignore[union-attr]
