"""Shared by the CLI, legacy import and export tests: the camera layout the legacy fixture files map
to, workspaces built from it (locally, or on the fake server), the demo copy, and running the real
`mask-editor` entry point in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mask_editor.workspace import CameraRow, PoseRow, Workspace

REPO = Path(__file__).resolve().parents[2]
LEGACY = REPO / "tests" / "fixtures" / "legacy"
DEMO = REPO / "resources" / "demo"

# (camera name, [(azimuth, active), ...]); camera ids 1.. and pose ids 1.. in this order, both here
# and on the fake server (a fresh FakeState numbers them the same way). Each site (the name minus
# `-NN`, the legacy files' prefix) has two cameras looking different ways.
LAYOUT: list[tuple[str, list[tuple[float, bool]]]] = [
    ("nemours-01", [(240.0, True), (358.0, True), (100.0, True), (120.0, True), (246.0, False)]),  # poses 1-5
    ("moussy-02", [(90.0, True), (270.0, True), (180.0, True)]),  # poses 6-8
    ("brison-03", [(12.0, True), (200.0, True)]),  # poses 9-10
    ("nemours-02", [(302.0, True), (16.0, True)]),  # poses 11-12
    ("moussy-01", [(45.0, True), (315.0, True)]),  # poses 13-14
    ("brison-01", [(45.0, True), (130.0, False)]),  # poses 15-16
]
ON_SERVER = (6, "(0.25,0.25,0.5,0.5)")  # a mask pose 6 already has; moussy_90.json holds the same box

# file -> (pose it maps to or None, boxes to add, entries skipped)
EXPECTED: dict[str, tuple[int | None, int, int]] = {
    "brison_200.json": (None, 0, 0),  # corrupt JSON
    "brison_9.json": (9, 1, 0),  # 9 is both an azimuth near pose 9 (12°) and pose 9's id
    "brison_10.json": (None, 0, 0),  # azimuth 10 -> pose 9, pose id 10 -> pose 10: ambiguous
    "brison_12.json": (9, 1, 1),  # azimuth 12 -> pose 9 (pose 12 is nemours-02's); one box brison_9 adds
    "moussy_270.json": (None, 0, 0),  # empty file
    "moussy_7.json": (7, 2, 0),  # pose id scheme (no pose near azimuth 7)
    "moussy_90.json": (6, 1, 1),  # one box already on the pose
    "moussy_14.json": (14, 1, 0),  # pose id of the site's other camera, moussy-01 (no pose near 14°)
    "nemours_110.json": (None, 0, 0),  # poses at 100° and 120° equally near
    "nemours_246.json": (1, 4, 2),  # 240° active (246° is inactive); a duplicate and a zero-width box
    "nemours_5.json": (2, 2, 0),  # 5° is 7° from 358° (circular); pose 5 is inactive; 16° (pose 12) is 11° off
    "nemours_300.json": (11, 2, 0),  # the azimuth picks the camera: nemours-02's 302°
    "nemours_7.json": (None, 0, 0),  # 9° from 358° (nemours-01) and from 16° (nemours-02): ambiguous
    "unknown_45.json": (None, 0, 0),  # no such camera
}


def build_workspace(path: Path) -> Workspace:
    """A workspace holding LAYOUT (no server), with the ON_SERVER box as a local mask."""
    from mask_editor.core.codec import parse_mask

    ws = Workspace(path)
    cameras, poses = [], []
    pose_id = 0
    for camera_id, (name, azimuths) in enumerate(LAYOUT, start=1):
        cameras.append(CameraRow(camera_id, 1, name))
        for azimuth, active in azimuths:
            pose_id += 1
            poses.append(PoseRow(pose_id, camera_id, azimuth, patrol_id=pose_id, active=active))
    ws.save_cameras(cameras, poses)
    box = parse_mask(ON_SERVER[1]).box
    assert box is not None
    ws.add_mask(ON_SERVER[0], box)
    return ws


@dataclass
class LegacyServer:
    org: int
    agent: str
    password: str


def seed_layout(state) -> LegacyServer:  # state: tests.fake_pyro_api.FakeState (fresh)
    from tests.fake_pyro_api.images import make_jpeg

    org = state.add_organization("Legacy Test")
    state.add_user("agent", "agent-Pa55word!", "agent", org.id)
    for name, azimuths in LAYOUT:
        camera = state.add_camera(org.id, name)
        for i, (azimuth, active) in enumerate(azimuths):
            state.add_pose(camera.id, azimuth, patrol_id=i, active=active, image=make_jpeg(64, 36, seed=i))
    state.add_mask(ON_SERVER[0], ON_SERVER[1])
    return LegacyServer(org.id, "agent", "agent-Pa55word!")


def demo_copy(tmp_path: Path) -> Path:
    """The demo workspace copied into tmp_path: the bundled files are never touched."""
    target = tmp_path / "demo"
    target.mkdir()
    shutil.copyfile(DEMO / "demo.sqlite", target / "demo.sqlite")
    shutil.copytree(DEMO / "demo.sqlite.images", target / "demo.sqlite.images")
    return target / "demo.sqlite"


def closed_port_url() -> str:
    """A loopback URL where no server listens (a first login that cannot reach its server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the socket is closed


def cli_env(home: Path) -> dict[str, str]:
    """An environment whose app-data folder is `home` and that never touches a real keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(MASK_EDITOR_HOME=str(home), MASK_EDITOR_KEYRING="0", PYTHONPATH=str(REPO),
               QT_QPA_PLATFORM="offscreen")
    return env


def run_cli(*args: str, home: Path, stdin: str | None = None, timeout: float = 60,
            keyring: str | None = None) -> subprocess.CompletedProcess:
    """`mask-editor ARGS` through the real entry point (python -m mask_editor), in a subprocess;
    `keyring` names a backend of tests/keyring_backends.py to use instead of none."""
    env = cli_env(home)
    if keyring is not None:
        env.pop("MASK_EDITOR_KEYRING")
        env["PYTHON_KEYRING_BACKEND"] = f"tests.keyring_backends.{keyring}"
    return subprocess.run([sys.executable, "-m", "mask_editor", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=timeout)


def one_json(done: subprocess.CompletedProcess) -> object:
    """stdout holds exactly one JSON document (json.loads fails on anything else)."""
    return json.loads(done.stdout)
