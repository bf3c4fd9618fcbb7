"""Review before push (the plan) and throwing a pose's local changes away."""

from __future__ import annotations

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import SyncOptions, discard_local_changes, plan, pull_all, push_all
from mask_editor.workspace import ConflictKind, MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id, server_texts


def test_plan_lists_per_pose_then_discard_returns_to_the_server(fake_api: FakeApi, client: PyroClient,
                                                                refreshed: Workspace, options: SyncOptions) -> None:
    ws, (pose, other_pose, _) = refreshed, fake_api.seeded.alpha_poses
    ids = [fake_api.state.add_mask(pose, format_mask(box(i))).id for i in range(4)]
    pull_all(client, ws, options=options)
    assert plan(ws).empty and "Nothing to push" in plan(ws).describe()
    rows = by_server_id(ws, pose)
    ws.add_mask(pose, box(10))
    ws.set_boxes({rows[ids[0]].local_id: box(11), rows[ids[3]].local_id: box(13)})
    ws.delete_masks([rows[ids[1]].local_id])
    ws.add_mask(other_pose, box(12))
    fake_api.state.patch_mask(ids[3], format_mask(box(14)))
    pull_all(client, ws, options=options)  # mask 3: a conflict

    review = plan(ws)
    here = review.pose(pose)
    assert here is not None and review.pose(other_pose) is not None
    assert (len(here.created), len(here.edited), len(here.deleted), len(here.conflicts)) == (1, 1, 1, 1)
    assert here.operations == 3 and review.operations == 4
    assert review.totals() == {"created": 2, "edited": 1, "deleted": 1, "conflicts": 1, "refused": 0}
    assert "cam-alpha-01" in review.describe() and "1 conflicts" in review.describe()

    assert discard_local_changes(ws, pose) == 4
    assert all(m.state is MaskState.SYNCED for m in ws.masks(pose))
    after = by_server_id(ws, pose)
    assert after[ids[0]].box == box(0) and not after[ids[1]].deleted and after[ids[3]].box == box(14)
    assert after[ids[3]].conflict is not ConflictKind.SERVER_EDITED
    assert [p.pose_id for p in plan(ws).poses] == [other_pose]

    writes_before = [r for r in fake_api.requests if r.method != "GET"]
    result = push_all(client, ws, options=options)
    assert result.created == 1 and result.remaining == 0  # only the other pose's new mask
    assert len([r for r in fake_api.requests if r.method != "GET"]) == len(writes_before) + 1
    assert server_texts(fake_api.state, pose) == {format_mask(box(i)): 1 for i in (0, 1, 2, 14)}
