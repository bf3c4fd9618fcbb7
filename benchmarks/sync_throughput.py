"""Sync throughput against the fake server with added latency per request (50 ms by default).

Push: 1,000 new masks over 20 poses with `push_all` (SyncOptions(workers=8), PyroClient with 8
connections), against the same creates sent one at a time by one client. Pull: 100 poses of 20
masks each with `pull_all`, against one GET per pose in turn. The server runs in its own process
(benchmarks/fake_server.py) and is fresh for every run.

Floors, for K = 8 connections and latency L: ceil(requests / K) x L. The engine also lists each
pose before pushing it (one GET per pose: settles pushes whose answer was lost); it keeps one pose's
requests in order on one thread, and bounds the requests in flight (not the poses) to K.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.report import Row

ROOT = Path(__file__).resolve().parents[1]
K = 8
TARGET_RATIO = 1.3


@contextmanager
def fake_server(poses: int, masks: int, latency: float, per_camera: int = 10):
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.fake_server", str(poses), str(masks), str(latency),
                             str(per_camera)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        if not line.startswith("READY "):
            raise RuntimeError(f"fake server did not start: {line!r}")
        info = json.loads(line[len("READY "):])

        def count() -> dict[str, int]:
            proc.stdin.write("count\n")
            proc.stdin.flush()
            return json.loads(proc.stdout.readline()[len("COUNT "):])

        info["count"] = count
        yield info
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


def bench_client(info: dict):
    from mask_editor.api import PyroClient

    return PyroClient(info["url"], info["token"], max_connections=K)


def _workspace(tmp: Path, client, run: int):
    from mask_editor.sync import refresh_cameras
    from mask_editor.workspace import Workspace

    ws = Workspace(tmp / f"ws-{run}.sqlite")
    refresh_cameras(client, ws)
    return ws


def concurrency_check(latency: float, requests: int = 16) -> float:
    """Seconds for `requests` GETs from K threads: about ceil(requests / K) x latency if the server
    serves them in parallel, requests x latency if it serialises them."""
    with fake_server(1, 0, latency) as info, bench_client(info) as client:
        pose = info["poses"][0]
        client.pose_masks(pose)  # connect once
        start = time.perf_counter()
        threads = [threading.Thread(target=lambda: [client.pose_masks(pose) for _ in range(requests // K)])
                   for _ in range(K)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - start


def bench(poses: int = 20, per_pose: int = 50, pull_poses: int = 100, pull_masks: int = 20,
          latency: float = 0.05, runs: int = 3, sequential: bool = True) -> list[Row]:
    from mask_editor.core.geometry import Box
    from mask_editor.sync import SyncOptions, pull_all, push_all

    changes = poses * per_pose
    boxes = [Box.from_milli(((j % 20) * 45, (j // 20) * 45, (j % 20) * 45 + 40, (j // 20) * 45 + 40))
             for j in range(per_pose)]
    push, pull, push_requests, pull_requests = [], [], {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        for run in range(runs):
            with fake_server(poses, 0, latency) as info, bench_client(info) as client:
                ws = _workspace(tmp, client, run)
                for pose in info["poses"]:
                    ws.add_masks(pose, boxes)
                before = info["count"]()
                start = time.perf_counter()
                result = push_all(client, ws, options=SyncOptions(workers=K))
                push.append(time.perf_counter() - start)
                after = info["count"]()
                push_requests = {m: after.get(m, 0) - before.get(m, 0) for m in after}
                created = result.created
                ws.close()
                if created != changes:
                    raise RuntimeError(f"pushed {created} of {changes} masks: {result}")
            with fake_server(pull_poses, pull_masks, latency) as info, bench_client(info) as client:
                ws = _workspace(tmp, client, 100 + run)
                before = info["count"]()
                start = time.perf_counter()
                pull_all(client, ws, options=SyncOptions(workers=K))
                pull.append(time.perf_counter() - start)
                after = info["count"]()
                pull_requests = {m: after.get(m, 0) - before.get(m, 0) for m in after}
                held = sum(len(ws.masks(p)) for p in info["poses"])
                ws.close()
                if held != pull_poses * pull_masks:
                    raise RuntimeError(f"pulled {held} of {pull_poses * pull_masks} masks")
        one_by_one_push = one_by_one_pull = math.nan
        if sequential:
            with fake_server(poses, 0, latency) as info, bench_client(info) as client:
                start = time.perf_counter()
                for pose in info["poses"]:
                    for box in boxes:
                        client.create_mask(pose, box)
                one_by_one_push = time.perf_counter() - start
            with fake_server(pull_poses, pull_masks, latency) as info, bench_client(info) as client:
                start = time.perf_counter()
                for pose in info["poses"]:
                    client.pose_masks(pose)
                one_by_one_pull = time.perf_counter() - start
    floor_push = math.ceil(changes / K) * latency
    floor_push_gets = math.ceil((changes + poses) / K) * latency
    floor_pull = math.ceil(pull_poses / K) * latency
    check = concurrency_check(latency)
    ms = f"{latency * 1000:.0f} ms"
    return [
        Row(f"fake server: 16 GETs from 8 threads ({ms} each)", [check], "s",
            note=f"parallel floor {2 * latency:.2f} s, serialised would be {16 * latency:.2f} s"),
        Row(f"push {changes} masks / {poses} poses: push_all", push, "s",
            note=f"requests {push_requests}; floors: {floor_push:.2f} s (creates only), "
                 f"{floor_push_gets:.2f} s (+1 GET/pose)"),
        Row(f"push: push_all / floor {floor_push:.2f} s", [t / floor_push for t in push], "x", TARGET_RATIO),
        Row("push: one at a time (one client) / push_all", [one_by_one_push / t for t in push], "x",
            note=f"one at a time {one_by_one_push:.1f} s"),
        Row(f"pull {pull_poses} poses x {pull_masks} masks: pull_all", pull, "s",
            note=f"requests {pull_requests}; floor {floor_pull:.2f} s"),
        Row(f"pull: pull_all / floor {floor_pull:.2f} s", [t / floor_pull for t in pull], "x", TARGET_RATIO),
        Row("pull: one at a time (one client) / pull_all", [one_by_one_pull / t for t in pull], "x",
            note=f"one at a time {one_by_one_pull:.1f} s"),
    ]
