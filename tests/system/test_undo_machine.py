"""The proof of issue 11, item 12: a Hypothesis state machine over the real PoseDocuments and undo
stacks, a real workspace file and the fake server over real HTTP, against the plain model of
reference_model.py. After every step each pose holds what the model says, no row changed that
the step did not aim at, and after a sync with no fault the workspace equals the server.

`make soak` runs it 20 times longer (UNDO_MACHINE_SOAK=20).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json
import random
import shutil
from pathlib import Path

import httpx
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask, parse_mask
from mask_editor.core.geometry import Box
from mask_editor.migrate.legacy import apply_import, plan_import
from mask_editor.sync import SyncOptions, refresh_cameras, run
from mask_editor.ui.window.open_poses import OpenPoses
from mask_editor.workspace import Mask, Workspace
from mask_editor.workspace.records import ConflictKind
from tests.fake_pyro_api.faults import Faults
from tests.fake_pyro_api.seed import seed_default
from tests.fake_pyro_api.server import FakePyroApi
from tests.fake_pyro_api.state import FakeState
from tests.system.reference_model import DELETED, EDITED, Model, Row

# The faults a sync may meet. One more kind (e.g. late delivery) is one more name here.
FAULTS: tuple[str, ...] = ("reset", "lose_response", "error", "deliver_late")
FAULT_METHODS = ("GET", "POST", "PATCH", "DELETE")
SOAK = int(os.environ.get("UNDO_MACHINE_SOAK", "1"))

cells = st.tuples(st.integers(0, 12), st.integers(0, 12))


def cell_box(cell: tuple[int, int]) -> Box:
    """A box on the grid; few cells, so that boxes collide (imports skip them, merges rebase)."""
    x, y = cell[0] * 70, cell[1] * 70
    return Box.from_milli((x, y, x + 50, y + 40))


def server_boxes(state: FakeState, pose: int) -> dict[int, Box]:
    return {m.id: parse_mask(m.mask).box for m in state.masks(pose)}  # type: ignore[misc]


class World:
    """What examples share, to keep each one cheap: the fake server (restarted every
    SERVER_EXAMPLES examples, so that its record of requests stays small; its masks are emptied
    between examples) and a workspace file that already knows its cameras and poses."""

    SERVER_EXAMPLES = 50

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._start()
        self.template = folder / "template.sqlite"
        with Workspace(self.template) as ws:
            refresh_cameras(self.client, ws)

    def _start(self) -> None:
        self.state = FakeState(seed=1)  # the same cameras and poses, with the same ids, each time
        self.pose_ids = list(seed_default(self.state).alpha_poses[:2])
        self.server = FakePyroApi(self.state, Faults())
        self.server.__enter__()
        self.client = PyroClient(self.server.url, self.server.token_for("agent"), sleep=lambda _s: None,
                                 rng=random.Random(0), timeout=httpx.Timeout(5.0))

    def fresh_workspace(self, n: int) -> Path:
        if n % self.SERVER_EXAMPLES == 0:
            self.close()
            self._start()
        for mask in self.state.masks():
            self.state.delete_mask(mask.id)
        self.server.faults.clear()
        path = self.folder / f"ws-{n}.sqlite"
        shutil.copy(self.template, path)
        if (images := self.folder / "template.sqlite.images").is_dir():
            shutil.copytree(images, self.folder / f"ws-{n}.sqlite.images")
        return path

    def close(self) -> None:
        self.client.close()
        self.server.__exit__(None, None, None)


class UndoMachine(RuleBasedStateMachine):
    world: World
    examples = 0

    def __init__(self) -> None:
        super().__init__()
        UndoMachine.examples += 1
        world = self.world
        self.path = world.fresh_workspace(self.examples)
        self.state, self.server, self.client, self.pose_ids = world.state, world.server, world.client, world.pose_ids
        self.options = SyncOptions(sleep=lambda _s: None, rng=random.Random(0))
        self.ws = Workspace(self.path)
        self.model = Model()
        self.poses = OpenPoses(self.ws)
        self.pose = self.pose_ids[0]
        self.aimed: set[int] | None = set()  # what the step may change (None: anything)
        self.snapshot = self._rows()

    def teardown(self) -> None:
        self.poses.close_all()
        self.ws.close()
        self.path.unlink()
        shutil.rmtree(self.path.with_name(self.path.name + ".images"), ignore_errors=True)

    # --- helpers --------------------------------------------------------------------------------

    @property
    def doc(self):  # type: ignore[no-untyped-def]
        return self.poses.open(self.pose)

    def _rows(self) -> dict[int, Mask]:
        return {m.local_id: m for p in self.pose_ids for m in self.ws.masks(p)}

    def _new_ids(self, before: dict[int, Mask]) -> dict[int, Box]:
        return {i: m.box for i, m in self._rows().items() if i not in before}  # type: ignore[misc]

    def _present(self, pose: int | None = None) -> list[int]:
        return sorted(self.model.present(self.pose if pose is None else pose))

    def _begin(self, aimed: set[int] | None) -> None:
        self.snapshot, self.aimed = self._rows(), aimed

    # --- edits ----------------------------------------------------------------------------------

    @rule(found=st.lists(cells, min_size=1, max_size=3))
    def draw(self, found: list[tuple[int, int]]) -> None:
        self._begin(None)
        before = self._rows()
        self.doc.add_boxes([cell_box(c) for c in found], "Draw mask")
        new = self._new_ids(before)
        self.model.added(self.pose, new)
        self.aimed = set(new)

    @precondition(lambda self: self._present())
    @rule(data=st.data(), to_other=st.booleans())
    def paste(self, data: st.DataObject, to_other: bool) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._present()), min_size=1, max_size=3, unique=True))
        copied = [self.model.rows[i].ours for i in ids]
        if to_other:
            self.pose = next(p for p in self.pose_ids if p != self.pose)
        self._begin(None)
        before = self._rows()
        self.doc.add_boxes(copied, "Paste masks")  # type: ignore[arg-type]
        new = self._new_ids(before)
        self.model.added(self.pose, new)
        self.aimed = set(new)

    @precondition(lambda self: self._present())
    @rule(data=st.data(), cell=cells, resize=st.booleans())
    def move(self, data: st.DataObject, cell: tuple[int, int], resize: bool) -> None:
        local_id = data.draw(st.sampled_from(self._present()))
        new = cell_box(cell)
        if resize:
            old = self.model.rows[local_id].ours
            assert old is not None
            new = Box.from_milli((*old.milli()[:2], max(new.milli()[2], old.milli()[0] + 10),
                                  max(new.milli()[3], old.milli()[1] + 10)))
        self._begin({local_id})
        if new != self.model.rows[local_id].ours:
            self.doc.set_boxes({local_id: new}, "Resize mask" if resize else "Move mask")
            self.model.moved(self.pose, {local_id: new})

    @precondition(lambda self: self._present())
    @rule(data=st.data())
    def nudge(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._present()), min_size=1, max_size=2, unique=True))
        boxes = {}
        for i in ids:
            x0, y0, x1, y1 = self.model.rows[i].ours.milli()  # type: ignore[union-attr]
            if x1 < 1000:
                boxes[i] = Box.from_milli((x0 + 1, y0, x1 + 1, y1))
        self._begin(set(boxes))
        if boxes:
            self.doc.set_boxes(boxes, "Nudge", merge_key="nudge")
            self.model.moved(self.pose, boxes, nudge=True)

    @precondition(lambda self: self._present())
    @rule(data=st.data(), shift=st.tuples(st.integers(-80, 80), st.integers(-80, 80)), nudge=st.booleans())
    def drag(self, data: st.DataObject, shift: tuple[int, int], nudge: bool) -> None:
        """A drag (or arrow-key nudges, which merge) of several masks: one shift, written as one statement."""
        ids = data.draw(st.lists(st.sampled_from(self._present()), min_size=1, max_size=3, unique=True))
        milli = [self.model.rows[i].ours.milli() for i in ids]  # type: ignore[union-attr]
        dx = max(-min(b[0] for b in milli), min(shift[0], 1000 - max(b[2] for b in milli)))
        dy = max(-min(b[1] for b in milli), min(shift[1], 1000 - max(b[3] for b in milli)))
        self._begin(set(ids))
        if (dx, dy) != (0, 0):
            self.doc.move(ids, dx, dy, "Move masks", merge_key="nudge" if nudge else None)
            self.model.moved(self.pose, {i: Box.from_milli((x0 + dx, y0 + dy, x1 + dx, y1 + dy))
                                         for i, (x0, y0, x1, y1) in zip(ids, milli, strict=True)}, nudge=nudge)

    @precondition(lambda self: self._present())
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._present()), min_size=1, max_size=3, unique=True))
        self._begin(set(ids))
        self.doc.delete(ids)
        self.model.deleted(self.pose, ids)

    @rule(found=st.lists(cells, min_size=1, max_size=3), other=st.booleans())
    def import_legacy(self, found: list[tuple[int, int]], other: bool) -> None:
        pose = next(p for p in self.pose_ids if p != self.pose) if other else self.pose
        self._begin(None)
        before = self._rows()
        taken = {m.box for m in before.values() if m.pose_id == pose}
        file = self.world.folder / f"legacy_{pose}.json"
        file.write_text(json.dumps({f"2025-06-{i + 1:02d} 12:00:00": [*cell_box(c).as_tuple(), 0.5]
                                    for i, c in enumerate(found)}), encoding="utf-8")
        apply_import(self.ws, plan_import(self.ws, [file], pose_id=pose))
        for doc in self.poses.documents():
            doc.reload()  # an import is not an undo step: open documents re-read (window_files.py)
        new = self._new_ids(before)
        assert sorted(b.milli() for b in new.values()) == sorted(
            {cell_box(c).milli() for c in found if cell_box(c) not in taken})
        self.model.added(pose, new, undoable=False)
        self.aimed = set(new)

    @rule()
    def undo(self) -> None:
        self._begin(set(self.model.stack(self.pose).commands[self.model.stack(self.pose).index - 1].after)
                    if self.model.stack(self.pose).index else set())
        self.poses.group.undo()
        self._note_conflicts(self.model.undo(self.pose))

    @rule()
    def redo(self) -> None:
        stack = self.model.stack(self.pose)
        self._begin(set(stack.commands[stack.index].after) if stack.index < len(stack.commands) else set())
        self.poses.group.redo()
        self._note_conflicts(self.model.redo(self.pose))

    def _note_conflicts(self, ids: list[int]) -> None:
        if any(self.snapshot.get(i) is None or self.snapshot[i].conflict is None for i in ids
               if (m := self.ws.mask(i)) is not None and m.conflict is not None):
            event("an undo or redo became a conflict")

    @rule(index=st.integers(0, 1))
    def switch_pose(self, index: int) -> None:
        self._begin(set())
        self.pose = self.pose_ids[index]
        self.poses.open(self.pose)

    @rule()
    def crash_and_reopen(self) -> None:
        self._begin(set())
        self.poses.close_all()
        self.ws.close()  # every edit was its own committed transaction: this is what a kill leaves
        self.ws = Workspace(self.path)
        self.poses = OpenPoses(self.ws)
        self.model.clear_history()

    # --- the server and sync --------------------------------------------------------------------

    @rule(data=st.data(), cell=cells, delete=st.booleans())
    def someone_else_edits(self, data: st.DataObject, cell: tuple[int, int], delete: bool) -> None:
        self._begin(set())  # nothing here changes until a pull
        self._their_edit(data, cell, delete, ours_only=False)

    def _their_edit(self, data: st.DataObject, cell: tuple[int, int], delete: bool, *, ours_only: bool) -> None:
        """Another account patches or deletes a server mask; with `ours_only`, one that a step of
        our undo history holds (the interleaving that matters most)."""
        listed = sorted(m.id for p in self.pose_ids for m in self.state.masks(p))
        if ours_only:
            ids = {i for c in self.model.stack(self.pose).commands for i in c.after}
            listed = sorted({r.server_id for i, r in self.model.rows.items() if i in ids} & set(listed))
        if not listed:
            return
        target = data.draw(st.sampled_from(listed))
        if delete:
            self.state.delete_mask(target)
        else:
            self.state.patch_mask(target, format_mask(cell_box(cell)))

    @rule(data=st.data(), theirs=st.none() | st.tuples(cells, st.booleans()))
    def pull(self, data: st.DataObject, theirs: tuple[tuple[int, int], bool] | None) -> None:
        """A pull, often right after another account changed one of the masks we edited."""
        if theirs is not None:
            self._their_edit(data, *theirs, ours_only=True)
        self._sync(clean=True, pull_only=True)

    @rule(data=st.data(), theirs=st.none() | st.tuples(cells, st.booleans()))
    def sync(self, data: st.DataObject, theirs: tuple[tuple[int, int], bool] | None) -> None:
        """A sync with no fault, after which another account may change one of the masks we edited."""
        self._sync(clean=True)
        if theirs is not None:
            self._their_edit(data, *theirs, ours_only=True)

    @rule(fault=st.sampled_from(FAULTS), method=st.sampled_from(FAULT_METHODS))
    def sync_with_fault(self, fault: str, method: str) -> None:
        if fault == "deliver_late":  # the request lands while this sync goes on, or just after it
            self.server.faults.configure(late_delay_min=0.01, late_delay_max=0.15)
        self.server.faults.force(fault, methods={method})  # type: ignore[arg-type]
        self._sync(clean=False)
        self.server.faults.clear()
        assert self.server.wait_for_late(10), "a held request never landed"

    def _sync(self, *, clean: bool, pull_only: bool = False) -> None:
        self._begin(None)
        servers = {p: server_boxes(self.state, p) for p in self.pose_ids}
        # Creates sent again whose first send may still land (ADR 1): a server copy of such a box that
        # no row holds is a late copy of ours, which the pull deletes instead of taking it in.
        in_doubt = {(d.pose_id, parse_mask(d.sent_text).box) for d in self.ws.creates_in_doubt()}
        for pose in self.pose_ids:  # one pose after the other: a forced fault hits the same request each run
            run(self.client, self.ws, [pose], push=not pull_only, options=self.options)
        for doc in self.poses.documents():
            doc.reload()  # what the window does after a sync
        rows = self._rows()
        for pose, server in servers.items():
            for server_id in self.model.pulled(pose, server):
                late_copy = (pose, server[server_id]) in in_doubt
                local_id = next((i for i, m in rows.items() if m.server_id == server_id), None)
                if local_id is None:  # taken in and deleted by this same sync: only a late copy may be
                    assert late_copy and server_id not in server_boxes(self.state, pose), server_id
                    continue
                ours = None if late_copy and rows[local_id].deleted else server[server_id]
                self.model.rows[local_id] = Row(pose, ours, server_id, server[server_id])
        if clean and not pull_only:
            for pose in self.pose_ids:
                self.model.pushed(pose)
        if not clean:  # which requests landed is the journal's business: learn it, check the rest later
            self.model.rows = {i: r for i, r in self.model.rows.items() if i in rows or r.ours is not None}
            for i, m in rows.items():
                row = self.model.rows.setdefault(i, Row(m.pose_id, None if m.deleted else m.box))
                row.server_id, row.base = m.server_id, m.base
        for i, r in self.model.rows.items():
            if r.server_id is None and r.ours is not None and i in rows:
                r.server_id = rows[i].server_id  # created by this push
        self.model.highest_id = max([self.model.highest_id, *rows])
        if clean and not pull_only:
            self._check_equals_server(servers)

    def _check_equals_server(self, before: dict[int, dict[int, Box]]) -> None:
        for pose in self.pose_ids:
            server = server_boxes(self.state, pose)
            rows = self.ws.masks(pose)
            held = [m.server_id for m in rows if m.server_id is not None]
            assert len(held) == len(set(held)), "two rows hold one server mask"
            assert set(server) == {m.server_id for m in rows if m.server_id is not None
                                   and m.conflict is not ConflictKind.SERVER_DELETED}, "duplicate or lost"
            for m in rows:
                if m.conflict is None:
                    assert not m.deleted and m.server_id is not None and server[m.server_id] == m.box
                elif m.server_id in server:  # a conflict waits for a decision: theirs is untouched
                    assert server[m.server_id] == before[pose].get(m.server_id, server[m.server_id])

    # --- invariants -----------------------------------------------------------------------------

    @invariant()
    def each_pose_holds_what_the_model_says(self) -> None:
        rows = self._rows()
        assert set(rows) == set(self.model.rows)
        for i, m in rows.items():
            r = self.model.rows[i]
            kind = {ConflictKind.SERVER_EDITED: EDITED, ConflictKind.SERVER_DELETED: DELETED}.get(m.conflict)
            assert (m.pose_id, None if m.deleted else m.box, kind) == (r.pose, r.ours, r.conflict), i
            assert (m.server_id, m.base) == (r.server_id, r.base), i
        for doc in self.poses.documents():
            assert sorted(doc.masks(), key=lambda m: m.local_id) == self.ws.masks(doc.pose_id)

    @invariant()
    def nothing_changed_that_the_step_did_not_aim_at(self) -> None:
        if self.aimed is None:
            return
        after = self._rows()
        for i in set(self.snapshot) | set(after):
            if i not in self.aimed:
                assert self.snapshot.get(i) == after.get(i), f"mask #{i} changed without being aimed at"


def test_undo_redo_sync_and_crashes_keep_every_pose_as_the_model_says(qapp, tmp_path: Path) -> None:
    UndoMachine.world = World(tmp_path)
    try:
        run_state_machine_as_test(UndoMachine, settings=settings(
            max_examples=200 * SOAK, stateful_step_count=30, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    finally:
        UndoMachine.world.close()
