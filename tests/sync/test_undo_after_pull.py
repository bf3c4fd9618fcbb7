"""Undo never writes over a server change it did not see (issue 11, item 2; ADR 0001): when a pull
took someone else's version of a mask since the edit, undoing the edit makes a visible conflict
instead of a row that the next push would send over their change."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections import Counter

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box
from mask_editor.sync import Outcome, SyncOptions, pull_all, push_all
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.workspace import ConflictKind, MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.conftest import MakeClient
from tests.sync.helpers import box, by_server_id, server_texts


def t(i: int) -> str:
    return format_mask(box(i))


def other_agent(fake_api: FakeApi, make_client: MakeClient) -> PyroClient:
    fake_api.state.add_user("agent-b", "b-Pa55word!", "agent", fake_api.seeded.org)
    return make_client("agent-b")


def sync(client: PyroClient, ws: Workspace, options: SyncOptions, doc: PoseDocument) -> None:
    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.COMPLETED
    doc.reload()  # what the window does after a sync


def test_undo_of_a_move_after_a_pull_took_their_edit_is_a_conflict(
        qapp, fake_api: FakeApi, client: PyroClient, make_client: MakeClient, refreshed: Workspace,
        options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    server_id = fake_api.state.add_mask(pose, t(1)).id  # A
    pull_all(client, ws, options=options)
    doc = PoseDocument(ws, pose)
    notices: list[str] = []
    doc.undoNotice.connect(notices.append)
    local_id = by_server_id(ws, pose)[server_id].local_id
    doc.set_boxes({local_id: box(2)})  # A -> B
    sync(client, ws, options, doc)
    assert server_texts(fake_api.state, pose) == Counter([t(2)])

    other_agent(fake_api, make_client).patch_mask(server_id, box(3))  # an admin: B -> C
    pull_all(client, ws, options=options)
    doc.reload()
    assert ws.mask(local_id).box == box(3)  # the pull took C

    doc.undo_stack.undo()
    mask = ws.mask(local_id)
    assert mask.state is MaskState.CONFLICT and mask.conflict is ConflictKind.SERVER_EDITED
    assert (mask.box, mask.theirs_text) == (box(1), t(3))  # ours is the undone A, theirs is C
    assert doc.mask(local_id) == mask
    assert notices and f"#{local_id}" in notices[-1]

    sync(client, ws, options, doc)  # a push never sends A over C: the conflict waits for a decision
    assert server_texts(fake_api.state, pose) == Counter([t(3)])
    assert ws.mask(local_id).conflict is ConflictKind.SERVER_EDITED

    doc.undo_stack.redo()  # redo is guarded the same way: B over C is a conflict too
    mask = ws.mask(local_id)
    assert (mask.box, mask.conflict, mask.theirs_text) == (box(2), ConflictKind.SERVER_EDITED, t(3))
    sync(client, ws, options, doc)
    assert server_texts(fake_api.state, pose) == Counter([t(3)])


def test_undo_of_a_drag_after_a_pull_took_their_edit_is_a_conflict(
        qapp, fake_api: FakeApi, client: PyroClient, make_client: MakeClient, refreshed: Workspace,
        options: SyncOptions) -> None:
    """A drag is written as one shift, and its undo shifts back in one statement only when nothing
    was written since: after a pull, it goes step by step and finds their edit."""
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    a, b, c = (Box.from_milli((100 + d, 100, 150 + d, 140)) for d in (0, 30, 60))
    ids = [fake_api.state.add_mask(pose, format_mask(x)).id for x in (a, box(5))]
    pull_all(client, ws, options=options)
    doc = PoseDocument(ws, pose)
    local = [by_server_id(ws, pose)[i].local_id for i in ids]
    doc.move(local, 30, 0)  # A -> B, and the other mask along
    sync(client, ws, options, doc)
    other_agent(fake_api, make_client).patch_mask(ids[0], c)  # an admin: B -> C
    pull_all(client, ws, options=options)
    doc.reload()

    doc.undo_stack.undo()
    mask, along = ws.mask(local[0]), ws.mask(local[1])
    assert (mask.box, mask.conflict, mask.theirs_text) == (a, ConflictKind.SERVER_EDITED, format_mask(c))
    assert along.box == box(5) and along.conflict is None  # nobody else touched it: a plain undo
    assert [doc.mask(i) for i in local] == [mask, along]
    doc.undo_stack.redo()
    assert (ws.mask(local[0]).box, ws.mask(local[0]).conflict) == (b, ConflictKind.SERVER_EDITED)


def test_undo_and_redo_of_a_drag_with_nothing_written_between_just_shift_back_and_forth(
        qapp, refreshed: Workspace, fake_api: FakeApi) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    drawn = ws.add_masks(pose, [box(1), box(2)])
    before = ws.masks(pose)
    doc = PoseDocument(ws, pose)
    doc.move([m.local_id for m in drawn], 0, 40)
    moved = ws.masks(pose)
    assert [m.box.milli() for m in moved] == [(x0, y0 + 40, x1, y1 + 40) for x0, y0, x1, y1 in
                                              (m.box.milli() for m in before)]
    for _ in range(2):
        doc.undo_stack.undo()
        assert ws.masks(pose) == before and doc.masks() == before
        doc.undo_stack.redo()
        assert ws.masks(pose) == moved and doc.masks() == moved


def test_undo_of_a_move_after_the_server_deleted_the_mask_is_a_conflict(
        qapp, fake_api: FakeApi, client: PyroClient, make_client: MakeClient, refreshed: Workspace,
        options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    server_id = fake_api.state.add_mask(pose, t(1)).id
    pull_all(client, ws, options=options)
    doc = PoseDocument(ws, pose)
    local_id = by_server_id(ws, pose)[server_id].local_id
    doc.set_boxes({local_id: box(2)})
    sync(client, ws, options, doc)
    other_agent(fake_api, make_client).delete_mask(server_id)
    pull_all(client, ws, options=options)
    doc.reload()
    assert ws.mask(local_id) is None  # the pull removed the synced mask

    doc.undo_stack.undo()
    mask = ws.mask(local_id)
    assert mask is not None and mask.conflict is ConflictKind.SERVER_DELETED and mask.box == box(1)
    sync(client, ws, options, doc)
    assert server_texts(fake_api.state, pose) == Counter()  # not created again behind anyone's back


def test_undo_of_a_draw_after_someone_edited_the_new_mask_is_a_conflict(
        qapp, fake_api: FakeApi, client: PyroClient, make_client: MakeClient, refreshed: Workspace,
        options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    doc = PoseDocument(ws, pose)
    doc.add_boxes([box(1)], "Draw mask")
    sync(client, ws, options, doc)
    (mask,) = ws.masks(pose)
    other_agent(fake_api, make_client).patch_mask(mask.server_id, box(3))
    pull_all(client, ws, options=options)
    doc.reload()

    doc.undo_stack.undo()  # would delete their edited mask
    mask = ws.mask(mask.local_id)
    assert mask is not None and mask.conflict is ConflictKind.SERVER_EDITED and mask.deleted
    sync(client, ws, options, doc)
    assert server_texts(fake_api.state, pose) == Counter([t(3)])


def test_undo_after_our_own_push_still_just_undoes(
        qapp, fake_api: FakeApi, client: PyroClient, refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    server_id = fake_api.state.add_mask(pose, t(1)).id
    pull_all(client, ws, options=options)
    doc = PoseDocument(ws, pose)
    local_id = by_server_id(ws, pose)[server_id].local_id
    doc.set_boxes({local_id: box(2)})
    doc.add_boxes([box(4)], "Draw mask")
    sync(client, ws, options, doc)

    doc.undo_stack.undo()  # the draw: its mask, now on the server, is to be deleted
    doc.undo_stack.undo()  # the move: back to A, to be patched
    assert Counter(m.state for m in ws.masks(pose)) == Counter([MaskState.EDITED, MaskState.DELETED])
    sync(client, ws, options, doc)
    assert server_texts(fake_api.state, pose) == Counter([t(1)])
    assert [m.state for m in ws.masks(pose)] == [MaskState.SYNCED]
