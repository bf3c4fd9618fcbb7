"""The image history against a plain model: images arrive, masks are drawn and edited, the cache is
pruned; a pose's current image and every image a live mask is drawn on always survive, and the
bounds hold for the rest."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mask_editor.core.geometry import Box
from mask_editor.workspace import CameraRow, PoseRow, Workspace

POSES = (1, 2)
T0 = datetime(2026, 1, 1, tzinfo=UTC)
SIZE = 100  # bytes per image


class HistoryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.ws = Workspace(Path(self.tmp.name) / "ws.sqlite")
        self.ws.save_cameras([CameraRow(1, 1, "c")], [PoseRow(p, 1, 10.0 * p) for p in POSES])
        self.images: dict[int, list[str]] = {p: [] for p in POSES}  # model: history, oldest first
        self.current: dict[int, str] = {}
        self.drawn: dict[int, str] = {}  # mask id -> image it was drawn on (masks drawn here only)
        self.mask_pose: dict[int, int] = {}
        self.counter = 0

    @rule(pose=st.sampled_from(POSES))
    def fetch(self, pose: int) -> None:
        self.counter += 1
        data = self.counter.to_bytes(4, "big") * (SIZE // 4)
        sha = self.ws.store_pose_image(pose, data, width=64, height=36,
                                       captured_at=T0 + timedelta(hours=self.counter)).sha256
        self.images[pose].append(sha)
        self.current[pose] = sha

    @precondition(lambda self: self.current)
    @rule(data=st.data())
    def draw(self, data) -> None:
        pose = data.draw(st.sampled_from(sorted(self.current)))
        mask = self.ws.add_mask(pose, Box(0.1, 0.1, 0.2, 0.2))
        self.drawn[mask.local_id] = self.current[pose]
        self.mask_pose[mask.local_id] = pose

    @precondition(lambda self: self.drawn)
    @rule(data=st.data())
    def edit(self, data) -> None:
        local_id = data.draw(st.sampled_from(sorted(self.drawn)))
        self.ws.set_boxes({local_id: Box(0.3, 0.1, 0.4, 0.2)})
        self.drawn[local_id] = self.current[self.mask_pose[local_id]]

    @rule(per_pose=st.integers(1, 4), total=st.integers(0, 8))
    def prune(self, per_pose: int, total: int) -> None:
        self.ws.prune_history(per_pose=per_pose, total_mb=total * SIZE / 1e6)
        keep = set(self.current.values()) | set(self.drawn.values())
        for pose in POSES:
            kept = [s for s in self.images[pose] if s in keep]
            others = [s for s in self.images[pose] if s not in keep]
            stored = {h.sha256 for h in self.ws.pose_history(pose)}
            assert set(kept) <= stored
            assert len(stored - set(kept)) <= per_pose  # the newest unprotected ones, at most per_pose
            self.images[pose] = [s for s in self.images[pose] if s in stored]
            assert set(others) >= stored - set(kept)
        # The total bound: protected images count first, the rest fill what is left.
        everything = sum(len(self.ws.pose_history(p)) for p in POSES)
        protected = len({s for p in POSES for s in self.images[p] if s in keep})
        assert everything <= max(total, protected)

    @invariant()
    def history_matches_the_model(self) -> None:
        for pose in POSES:
            assert [h.sha256 for h in self.ws.pose_history(pose)] == self.images[pose]
            if pose in self.current:
                assert self.ws.pose(pose).image_sha256 == self.current[pose]

    @invariant()
    def masks_know_their_image(self) -> None:
        for pose in POSES:
            resolved = self.ws.drawn_on(pose)
            for local_id, sha in self.drawn.items():
                if self.mask_pose[local_id] == pose:
                    assert resolved[local_id] == sha

    def teardown(self) -> None:
        self.ws.close()
        self.tmp.cleanup()


HistoryMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestHistory = HistoryMachine.TestCase
