"""The fake pyro-api (tests/fake_pyro_api) in its own process for the sync benchmark, so that its
threads do not share the client's GIL: `python -m benchmarks.fake_server POSES MASKS LATENCY [PER_CAMERA]`.

Prints one `READY {json}` line (url, token, pose ids), then answers commands on stdin:
`count` prints `COUNT {json}` (requests served, by method); end of input stops the server.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime


def serve(poses: int, masks_per_pose: int, latency: float, per_camera: int = 10) -> None:
    from tests.fake_pyro_api.app import FakeHandler
    from tests.fake_pyro_api.server import FakePyroApi
    from tests.fake_pyro_api.state import FakeState

    # http.server leaves Nagle's algorithm on: the body, written after the headers, waits for the
    # client's delayed ACK, ~40 ms on Linux, on every answer. A real server (uvicorn) sets
    # TCP_NODELAY; without it the benchmark would measure that stall, not the client.
    FakeHandler.disable_nagle_algorithm = True

    state = FakeState(seed=1)
    state.shuffle_mask_lists = False
    org = state.add_organization("Bench")
    state.add_user("agent", "agent-Pa55word!", "agent", org.id)
    pose_ids = []
    cameras = [state.add_camera(org.id, f"cam-{c:02d}").id for c in range(-(-poses // per_camera))]
    for i in range(poses):
        pose = state.add_pose(cameras[i // per_camera], (i % per_camera) * 360.0 / per_camera,
                              patrol_id=i % per_camera)
        pose_ids.append(pose.id)
        for j in range(masks_per_pose):
            x, y = (j % 10) * 90, (j // 10) * 90
            state.add_mask(pose.id, f"({x / 1000},{y / 1000},{(x + 50) / 1000},{(y + 50) / 1000})",
                           datetime(2026, 1, 1, 12, 0, 0))
    with FakePyroApi(state) as server:
        server.faults.configure(latency=latency, seed=1)
        print("READY " + json.dumps({"url": server.url, "token": server.token_for("agent"), "poses": pose_ids}),
              flush=True)
        for line in sys.stdin:
            if line.strip() == "count":
                print("COUNT " + json.dumps(Counter(r.method for r in server.requests)), flush=True)


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), *(int(a) for a in sys.argv[4:5]))
