"""The sync GUI pieces: the worker thread, the review dialog, and conflict decisions as undo steps."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, SyncResult, pull_all, push_all
from mask_editor.ui.dialogs.sync_review import SyncDialog
from mask_editor.ui.editing.document import PoseDocument
from mask_editor.ui.session.conflicts import (
    describe_conflict,
    resolve_keep_both,
    resolve_keep_mine,
    resolve_take_theirs,
)
from mask_editor.ui.session.sync_worker import SyncRunner
from mask_editor.workspace import ConflictKind, MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.conftest import MakeClient
from tests.sync.helpers import box, by_server_id, intended_texts, server_texts


def test_the_runner_runs_the_job_off_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = SyncRunner()
    threads: list[int] = []
    seen: list[tuple[int, int, str]] = []
    runner.progress.connect(lambda *args: seen.append(args))

    def job(cancel: threading.Event, progress) -> SyncResult:  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        progress(1, 2, "half")
        return SyncResult(Outcome.COMPLETED)

    with qtbot.waitSignal(runner.finished, timeout=5000) as finished:
        assert runner.start(job)
        assert not runner.start(job)  # one at a time
    assert finished.args[0].outcome is Outcome.COMPLETED
    assert threads and threads[0] != threading.get_ident()
    assert seen == [(1, 2, "half")] and not runner.running
    assert runner.shutdown()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        assert runner.start(job)  # a new thread after a shutdown
    assert runner.shutdown() and len(threads) == 2 and threading.get_ident() not in threads


def test_a_failing_job_is_reported_not_lost(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = SyncRunner()

    def job(cancel, progress):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.start(job)
    assert str(failed.args[0]) == "boom" and not runner.running
    assert runner.shutdown()


def dialog(qtbot, ws: Workspace, client: PyroClient | None, **kwargs) -> SyncDialog:  # type: ignore[no-untyped-def]
    d = SyncDialog(ws, lambda: client, options=SyncOptions(sleep=lambda _s: None), **kwargs)
    qtbot.addWidget(d)
    return d


def test_review_then_push_all(qtbot, fake_api: FakeApi, client: PyroClient,  # type: ignore[no-untyped-def]
                              refreshed: Workspace) -> None:
    ws = refreshed
    for pose in fake_api.seeded.alpha_poses:
        ws.add_masks(pose, [box(pose), box(pose + 1)])
    d = dialog(qtbot, ws, client)
    assert d.tree.topLevelItemCount() == 3 and "6 changes to send" in d.headline.text()
    assert d.tree.topLevelItem(0).text(1) == "2"
    with qtbot.waitSignal(d.syncFinished, timeout=20000) as done:
        d.push_all_button.click()
        assert d.cancel_button.isVisibleTo(d) and not d.push_all_button.isEnabled()
    assert done.args[0].outcome is Outcome.COMPLETED and done.args[0].created == 6
    assert d.tree.topLevelItemCount() == 0 and "Sync finished." in d.summary.toPlainText()
    assert not d.cancel_button.isVisibleTo(d) and d.close_buttons.isEnabled()
    for pose in fake_api.seeded.alpha_poses:
        assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)


def test_push_one_pose_and_cancel(qtbot, fake_api: FakeApi, client: PyroClient,  # type: ignore[no-untyped-def]
                                  refreshed: Workspace) -> None:
    ws, (first, second, _) = refreshed, fake_api.seeded.alpha_poses
    ws.add_masks(first, [box(i) for i in range(3)])
    ws.add_masks(second, [box(i) for i in range(20)])
    d = dialog(qtbot, ws, client)
    d.select_pose(first)
    with qtbot.waitSignal(d.syncFinished, timeout=20000) as done:
        d.push_pose_button.click()
    assert done.args[0].created == 3 and fake_api.state.masks(second) == []
    fake_api.faults.configure(latency=0.05)
    with qtbot.waitSignal(d.syncFinished, timeout=20000) as done:
        d.push_all_button.click()
        qtbot.waitUntil(lambda: d.progress.value() >= 3, timeout=10000)
        d.cancel_button.click()
    assert done.args[0].outcome is Outcome.CANCELLED and "cancelled" in d.summary.toPlainText()
    assert 0 < done.args[0].remaining < 20 and d.tree.topLevelItemCount() == 1


def test_refusals_are_shown_in_the_servers_words(qtbot, fake_api: FakeApi, make_client: MakeClient,  # type: ignore[no-untyped-def]
                                                 refreshed: Workspace) -> None:
    refreshed.add_mask(fake_api.seeded.alpha_poses[0], box(1))
    d = dialog(qtbot, refreshed, make_client("user"))
    with qtbot.waitSignal(d.syncFinished, timeout=20000):
        d.push_all_button.click()
    assert "Incompatible token scope." in d.summary.toPlainText()
    pose_item = d.tree.topLevelItem(0)
    assert pose_item.text(5) == "1" and "Incompatible token scope." in pose_item.child(0).text(0)


def test_sign_in_pause_then_resume(qtbot, fake_api: FakeApi, make_client: MakeClient,  # type: ignore[no-untyped-def]
                                   refreshed: Workspace) -> None:
    from datetime import timedelta

    refreshed.add_mask(fake_api.seeded.alpha_poses[0], box(1))
    session = {"client": make_client()}
    session["client"].set_token(fake_api.token_for("agent", lifetime=timedelta(seconds=-5)))
    d = SyncDialog(refreshed, lambda: session["client"], options=SyncOptions(sleep=lambda _s: None))
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.signInRequired, timeout=20000):
        d.push_all_button.click()
    session["client"] = make_client()  # the window's sign-in makes a new client with a fresh token
    with qtbot.waitSignal(d.syncFinished, timeout=20000) as done:
        d.resume()
    assert done.args[0].outcome is Outcome.COMPLETED and len(fake_api.state.masks()) == 1


def test_no_client_asks_to_sign_in(qtbot, refreshed: Workspace) -> None:  # type: ignore[no-untyped-def]
    refreshed.add_mask(1, box(1))
    d = dialog(qtbot, refreshed, None)
    with qtbot.waitSignal(d.signInRequired, timeout=1000):
        d.push_all_button.click()
    assert "Sign in to push" in d.summary.toPlainText()


def test_discard_asks_first(qtbot, fake_api: FakeApi, refreshed: Workspace) -> None:  # type: ignore[no-untyped-def]
    pose = fake_api.seeded.alpha_poses[0]
    refreshed.add_masks(pose, [box(1), box(2)])
    answers: list[bool] = [False, True]
    d = dialog(qtbot, refreshed, None, confirm=lambda _parent, _title, _text: answers.pop(0))
    d.select_pose(pose)
    d.discard_button.click()  # "Cancel"
    assert len(refreshed.masks(pose)) == 2
    with qtbot.waitSignal(d.poseDiscarded, timeout=1000) as discarded:
        d.discard_button.click()  # "Discard"
    assert discarded.args == [pose] and refreshed.masks(pose) == [] and d.tree.topLevelItemCount() == 0


def test_conflict_decisions_are_undo_steps(qtbot, fake_api: FakeApi, client: PyroClient,  # type: ignore[no-untyped-def]
                                           refreshed: Workspace, options: SyncOptions) -> None:
    ws, pose = refreshed, fake_api.seeded.alpha_poses[0]
    ids = [fake_api.state.add_mask(pose, format_mask(box(i))).id for i in range(3)]
    pull_all(client, ws, options=options)
    rows = by_server_id(ws, pose)
    ws.set_boxes({rows[i].local_id: box(10 + n) for n, i in enumerate(ids)})
    for n, i in enumerate(ids):
        fake_api.state.patch_mask(i, format_mask(box(20 + n)))
    push_all(client, ws, options=options)
    doc = PoseDocument(ws, pose)
    conflicts = [m.local_id for m in doc.masks() if m.conflict is ConflictKind.SERVER_EDITED]
    assert len(conflicts) == 3 and "changed this mask on the server" in describe_conflict(doc.mask(conflicts[0]))
    doc.set_selection([conflicts[0]])
    assert resolve_keep_mine(doc) == 1
    doc.set_selection([conflicts[1]])
    assert resolve_take_theirs(doc) == 1
    doc.set_selection([conflicts[2]])
    assert resolve_keep_both(doc) == 1
    assert doc.undo_stack.count() == 3 and len(doc.masks()) == 4
    assert all(m.conflict is None for m in doc.masks())
    doc.undo_stack.undo()
    assert len(doc.masks()) == 3 and doc.mask(conflicts[2]).conflict is ConflictKind.SERVER_EDITED  # type: ignore[union-attr]
    doc.undo_stack.redo()
    assert push_all(client, ws, options=options).outcome is Outcome.COMPLETED
    assert server_texts(fake_api.state, pose) == intended_texts(ws, pose)
    assert all(m.state is MaskState.SYNCED for m in ws.masks(pose))
    assert {m.box for m in ws.masks(pose)} == {box(10), box(21), box(22), box(12)}
