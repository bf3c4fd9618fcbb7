"""A sync killed with SIGKILL at 100 random points, restarted each time, finally completes: the
server then holds exactly the intended masks, with no duplicate and no lost edit.

The sync runs as `mask-editor sync` (`python -m mask_editor --workspace PATH sync`) in a subprocess,
signed in as a user would be (the account in the workspace, the token in the credential store),
against the fake server in this process with 20-50 ms per request, so kills land before the first
request, mid-request (a write journaled, its answer never recorded), and between requests.
"""

from __future__ import annotations

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
    fake_api.faults.configure(latency=0.02, spike_rate=0.3, spike_latency=0.03, seed=11)
    created_on_server = 0
    add_mask = fake_api.state.add_mask

    def counting_add_mask(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal created_on_server
        created_on_server += 1
        return add_mask(*args, **kwargs)

    fake_api.state.add_mask = counting_add_mask  # type: ignore[method-assign]
    rng = random.Random(2024)
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
        proc = spawn(fake_api, path)
        time.sleep(rng.uniform(0.3, 1.0) * first_request + rng.uniform(0, 2 * window))
        if proc.poll() is not None:
            finished_before_kill += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_early += len(fake_api.requests) == seen
        doubt, pending = outbox(path)
        killed_in_doubt += bool(doubt - journal)  # this run left a request of its own in doubt
        journal = doubt
        window = min(0.5, max(0.0, window + (-0.01 if before - pending > target else 0.005)))
        if emptied_at is None and not doubt and pending == 0:
            emptied_at = kill

    final_runs, code = 0, None
    while code != 0 and final_runs < 5:
        final = spawn(fake_api, path)
        out, err = final.communicate(timeout=120)
        code, final_runs = final.returncode, final_runs + 1
    assert code == 0, (out + err).decode()

    servers = {p: Counter(m.mask for m in fake_api.state.masks(p)) for p in intended}
    duplicates = sum(n - 1 for c in servers.values() for n in c.values() if n > 1)
    lost = sum(sum((intended[p] - servers[p]).values()) for p in intended)
    extra = sum(sum((servers[p] - intended[p]).values()) for p in intended)
    print(f"\ncrash test: {KILLS} SIGKILLs ({killed_early} before any request, {killed_in_doubt} with a request "
          f"in doubt, {finished_before_kill} after finishing; outbox empty after kill {emptied_at}, "
          f"else {pending} operations left), "
          f"{final_runs} final run(s), {time.monotonic() - started:.0f} s; server holds "
          f"{sum(sum(c.values()) for c in servers.values())} masks, intended "
          f"{sum(sum(c.values()) for c in intended.values())}: duplicates {duplicates}, lost {lost}, extra {extra}; "
          f"masks ever created on the server {created_on_server} for {POSES * PER_POSE['create']} creates")
    print(out.decode().strip())
    assert servers == intended and (duplicates, lost, extra) == (0, 0, 0)
    assert created_on_server == POSES * PER_POSE["create"]  # not even a duplicate deleted afterwards
    assert killed_in_doubt > 0 and killed_early > 0
    check_conformance_of_whole_requests(fake_api)
    with Workspace(path) as ws:
        assert ws.query("SELECT COUNT(*) FROM push_attempts")[0][0] == 0
        for p in intended:
            assert all(m.state is MaskState.SYNCED for m in ws.masks(p))
            assert {m.server_id: format_mask(m.box) for m in ws.masks(p) if m.box} == {
                m.id: m.mask for m in fake_api.state.masks(p)}
