"""A sync killed with SIGKILL at 100 random points, restarted each time, finally completes: the
server then holds exactly the intended masks, with no duplicate and no lost edit.

The sync runs as `mask-editor sync` (`python -m mask_editor --workspace PATH sync`) in a subprocess,
signed in as a user would be (the account in the workspace, the token in the credential store),
against the fake server in this process with 20-50 ms per request, so kills land before the first
request, mid-request (a write journaled, its answer never recorded), and between requests.

The network is bad too: a few connections reset, a few answers lost after the server committed, and
15% of the POSTs delivered late (the client is cut off at once, the create lands 0.5-2 s later, often
after the sync gave up on it and sent it again). Once the kills are over and every held request has
landed, one more sync must leave exactly the intended masks. The seed of the kills and the faults is
printed; set MASK_EDITOR_CRASH_SEED to replay one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.sync import SyncOptions, pull_all, refresh_cameras
from mask_editor.workspace import Account, MaskState, Workspace
from mask_editor.workspace.credentials import save_token
from tests.fake_pyro_api.fixtures import FakeApi
from tests.fake_pyro_api.openapi_check import load_spec
from tests.sync.helpers import box, by_server_id, intended_texts

REPO = Path(__file__).resolve().parents[2]
KILLS = 100
POSES = 20
PER_POSE = {"create": 7, "edit": 5, "delete": 3}  # x 20 poses = 300 changes
SEED = int(os.environ.get("MASK_EDITOR_CRASH_SEED", "2024"))


def prepare(fake_api: FakeApi, path: Path) -> dict[int, Counter[str]]:
    """20 poses with 8 server masks each, pulled; then 300 local changes. Returns the intended state."""
    state = fake_api.state
    camera = state.add_camera(fake_api.seeded.org, "cam-crash-06")
    poses = [state.add_pose(camera.id, i * 18.0, patrol_id=i).id for i in range(POSES)]
    ids = {p: [state.add_mask(p, format_mask(box(p, j))).id for j in range(8)] for p in poses}
    ws = Workspace(path)
    token = fake_api.token_for("agent")
    ws.set_account(Account(fake_api.url, "agent", None, "agent", fake_api.seeded.org))
    save_token(fake_api.url, "agent", token)  # under MASK_EDITOR_HOME, which the runs inherit
    with PyroClient(fake_api.url, token) as client:
        refresh_cameras(client, ws)
        pull_all(client, ws, options=SyncOptions(sleep=lambda _s: None))
    for p in poses:
        rows = by_server_id(ws, p)
        ws.add_masks(p, [box(p, 10 + j) for j in range(PER_POSE["create"])])
        ws.set_boxes({rows[ids[p][j]].local_id: box(p, 20 + j) for j in range(PER_POSE["edit"])})
        ws.delete_masks([rows[ids[p][5 + j]].local_id for j in range(PER_POSE["delete"])])
    assert sum(sum(c.values()) for c in ws.pending_counts().values()) == 300
    intended = {p: intended_texts(ws, p) for p in poses}
    ws.close()
    return intended


def spawn(fake_api: FakeApi, path: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mask_editor", "--workspace", str(path), "sync"]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def outbox(path: Path) -> tuple[set[tuple[int, str]], int]:
    """(the journal: requests in doubt, operations still to push) as the killed process left them."""
    with Workspace(path) as ws:
        doubt = {(r[0], r[1]) for r in ws.query("SELECT local_id, attempted_at FROM push_attempts")}
        return doubt, sum(sum(c.values()) for c in ws.pending_counts().values())


def time_to_first_request(fake_api: FakeApi, seen: int, delay: float) -> float | None:
    """Wait `delay` seconds from now; returns when the server got a new request, None if it did not."""
    t0 = time.monotonic()
    reached = None
    while (elapsed := time.monotonic() - t0) < delay:
        if reached is None and len(fake_api.requests) > seen:
            reached = elapsed
        time.sleep(0.002)
    return reached


def check_conformance_of_whole_requests(fake_api: FakeApi) -> None:
    """A process killed while sending leaves a request with a truncated body on the server (it
    answers 422, nothing is stored). Those are not ours to conform; every whole request still is."""
    spec = load_spec()
    whole = [r for r in fake_api.client_requests() if r.path.startswith("/api/") and
             (r.method in ("GET", "DELETE") or r.body)]
    assert [p for r in whole for p in spec.check(r)] == []
    fake_api.allow_nonconforming()


@pytest.mark.slow
def test_sync_killed_100_times_converges_exactly(fake_api: FakeApi, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")
    path = tmp_path / "crash.sqlite"
    intended = prepare(fake_api, path)
    fake_api.faults.configure(latency=0.02, spike_rate=0.3, spike_latency=0.03, reset_rate=0.01,
                              lose_response_rate=0.03, seed=SEED)
    fake_api.faults.deliver_late(0.15, (0.5, 2.0))
    created_ids: list[int] = []  # every mask the runs made on the server
    add_mask = fake_api.state.add_mask

    def counting_add_mask(*args, **kwargs):  # type: ignore[no-untyped-def]
        mask = add_mask(*args, **kwargs)
        created_ids.append(mask.id)
        return mask

    fake_api.state.add_mask = counting_add_mask  # type: ignore[method-assign]
    rng = random.Random(SEED)
    started = time.monotonic()

    # Calibrate: how long until a fresh process sends its first request.
    before = len(fake_api.requests)
    proc = spawn(fake_api, path)
    t0 = time.monotonic()
    while len(fake_api.requests) == before and time.monotonic() - t0 < 10:
        time.sleep(0.002)
    first_request = time.monotonic() - t0
    proc.kill()
    proc.wait()

    # Kill delays adapt to the machine's speed so that the 100 kills spread over the whole push (a
    # fixed window either finishes the work in the first kills or never lets a run get anywhere).
    killed_early = killed_in_doubt = finished_before_kill = 0
    emptied_at, journal, pending = None, set(), 300
    window, target = 0.03, 300 / (0.9 * KILLS)
    for kill in range(1, KILLS + 1):
        seen, before = len(fake_api.requests), pending
        delay = rng.uniform(0.3, 1.0) * first_request + rng.uniform(0, 2 * window)
        proc = spawn(fake_api, path)
        reached = time_to_first_request(fake_api, seen, delay)
        # Follow the machine's speed (other jobs share it): a run that reached the server tells how
        # long a start takes now; one that did not in longer than our estimate, that it takes longer.
        if reached is not None:
            first_request = 0.8 * first_request + 0.2 * reached
        elif delay > first_request:
            first_request = delay
        if proc.poll() is not None:
            finished_before_kill += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_early += len(fake_api.requests) == seen
        doubt, pending = outbox(path)
        killed_in_doubt += bool(doubt - journal)  # this run left a request of its own in doubt
        journal = doubt
        if before:  # once the outbox is empty, longer runs would only pull: keep the window as it is
            window = min(0.5, max(0.0, window + (-0.01 if before - pending > target else 0.005)))
        if emptied_at is None and not doubt and pending == 0:
            emptied_at = kill

    final_runs, code = 0, None
    while code != 0 and final_runs < 5:
        final = spawn(fake_api, path)
        out, err = final.communicate(timeout=120)
        code, final_runs = final.returncode, final_runs + 1
    assert code == 0, (out + err).decode()
    # The network calms down and every request it held lands; one more sync settles what they made.
    injected = dict(fake_api.faults.injected)
    fake_api.faults.clear()
    assert fake_api.server.wait_for_late(timeout=10)
    settle = spawn(fake_api, path)
    out, err = settle.communicate(timeout=120)
    assert settle.returncode == 0, (out + err).decode()

    servers = {p: Counter(m.mask for m in fake_api.state.masks(p)) for p in intended}
    duplicates = sum(n - 1 for c in servers.values() for n in c.values() if n > 1)
    lost = sum(sum((intended[p] - servers[p]).values()) for p in intended)
    extra = sum(sum((servers[p] - intended[p]).values()) for p in intended)
    listed = {m.id for p in intended for m in fake_api.state.masks(p)}
    copies_deleted = sum(i not in listed for i in created_ids)
    with Workspace(path) as ws:
        in_doubt = len(ws.creates_in_doubt())
    print(f"\ncrash test (seed {SEED}): {KILLS} SIGKILLs ({killed_early} before any request, "
          f"{killed_in_doubt} with a request in doubt, {finished_before_kill} after finishing; "
          f"outbox empty after kill {emptied_at}, else {pending} operations left), "
          f"{final_runs} final run(s) + 1 after the held requests landed, {time.monotonic() - started:.0f} s; "
          f"faults {injected}; server holds "
          f"{sum(sum(c.values()) for c in servers.values())} masks, intended "
          f"{sum(sum(c.values()) for c in intended.values())}: duplicates {duplicates}, lost {lost}, extra {extra}; "
          f"masks created on the server {len(created_ids)} for {POSES * PER_POSE['create']} creates "
          f"({copies_deleted} late copies deleted); creates still in doubt {in_doubt}")
    print(out.decode().strip())
    assert servers == intended and (duplicates, lost, extra) == (0, 0, 0)
    # Every mask the runs made is one of the creates, or a late copy of one that a pull deleted.
    assert len(created_ids) - copies_deleted == POSES * PER_POSE["create"]
    assert killed_in_doubt > 0 and killed_early > 0 and injected.get("deliver_late", 0) > 0
    check_conformance_of_whole_requests(fake_api)
    with Workspace(path) as ws:
        assert ws.query("SELECT COUNT(*) FROM push_attempts")[0][0] == 0
        for p in intended:
            assert all(m.state is MaskState.SYNCED for m in ws.masks(p))
            assert {m.server_id: format_mask(m.box) for m in ws.masks(p) if m.box} == {
                m.id: m.mask for m in fake_api.state.masks(p)}
