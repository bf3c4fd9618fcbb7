"""A bad network (5xx, resets, answers lost after the commit, POSTs delivered late, latency spikes):
repeated syncs converge to exactly the intended masks, with no duplicate."""

from __future__ import annotations

from collections import Counter

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import Outcome, SyncOptions, plan, pull_all, push_all, refresh_cameras
from mask_editor.workspace import MaskState, Workspace
from tests.fake_pyro_api.fixtures import FakeApi
from tests.sync.helpers import box, by_server_id, intended_texts, journal, server_texts


def test_repeated_syncs_converge_on_a_bad_network(fake_api: FakeApi, client: PyroClient, ws: Workspace) -> None:
    state = fake_api.state
    camera = state.add_camera(fake_api.seeded.org, "cam-faults-05")
    poses = [state.add_pose(camera.id, float(a), patrol_id=i).id for i, a in enumerate(range(0, 360, 36))]
    ids = {p: [state.add_mask(p, format_mask(box(p, j))).id for j in range(5)] for p in poses}
    options = SyncOptions(sleep=lambda _s: None)
    impatient = SyncOptions(sleep=lambda _s: None, max_retries=1)  # gives up early: several syncs needed
    refresh_cameras(client, ws)
    pull_all(client, ws, options=options)
    for p in poses:
        rows = by_server_id(ws, p)
        ws.add_masks(p, [box(p, 10 + j) for j in range(4)])
        ws.set_boxes({rows[ids[p][0]].local_id: box(p, 20), rows[ids[p][1]].local_id: box(p, 21)})
        ws.delete_masks([rows[ids[p][2]].local_id])
    intended = {p: intended_texts(ws, p) for p in poses}
    assert all(max(c.values()) == 1 for c in intended.values())  # distinct boxes: a duplicate would show

    fake_api.faults.configure(seed=3, error_rate=0.2, reset_rate=0.1, lose_response_rate=0.05, latency=0.002,
                              spike_rate=0.05, spike_latency=0.2)
    fake_api.faults.deliver_late(0.3, (0.05, 0.5))
    runs, outcomes = 0, Counter()
    while runs < 40 and not (plan(ws).empty and not journal(ws)):
        outcomes[push_all(client, ws, options=impatient).outcome] += 1
        runs += 1
    injected = dict(fake_api.faults.injected)
    fake_api.faults.clear()
    assert fake_api.server.wait_for_late()  # what the network held lands: one more sync settles it
    settled = push_all(client, ws, options=options)
    assert settled.outcome is Outcome.COMPLETED

    servers = {p: server_texts(state, p) for p in poses}
    duplicates = sum(n - 1 for c in servers.values() for n in c.values() if n > 1)
    lost = sum(len(intended[p] - servers[p]) for p in poses)
    extra = sum(len(servers[p] - intended[p]) for p in poses)
    print(f"\nfaults: {runs} syncs ({dict(outcomes)}) + 1, injected {injected}; late copies deleted "
          f"{settled.late_copies}; duplicates {duplicates}, lost {lost}, extra {extra}")
    assert all(injected.get(fault, 0) > 0 for fault in ("deliver_late", "lose_response", "reset", "error"))
    assert servers == intended and (duplicates, lost, extra) == (0, 0, 0)
    assert outcomes[Outcome.COMPLETED] >= 1
    for p in poses:
        listed = {m.id: m.mask for m in state.masks(p)}
        assert {m.server_id: format_mask(m.box) for m in ws.masks(p) if m.box} == listed
        assert all(m.state is MaskState.SYNCED for m in ws.masks(p))
