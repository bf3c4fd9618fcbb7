"""The command line against the fake pyro-api (real HTTP): login, status, logout, sync and its exit codes."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from mask_editor.core.geometry import Box
from mask_editor.workspace import Workspace
from mask_editor.workspace.credentials import token_path
from mask_editor.workspace.paths import workspace_path
from tests.cli.helpers import one_json, run_cli
from tests.fake_pyro_api.fixtures import FakeApi


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The subprocesses' app-data folder; also this process's, for token_path/workspace_path."""
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def login(fake_api: FakeApi, home: Path, user: str = "agent"):
    return run_cli("login", "--server", fake_api.url, "--username", user, "--password-stdin",
                   home=home, stdin=fake_api.passwords[user] + "\n")


def test_login_status_logout(fake_api, home):
    done = login(fake_api, home)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "Signed in to" in done.stderr and "as agent (role agent" in done.stderr
    assert fake_api.passwords["agent"] not in done.stderr + done.stdout

    path = token_path(fake_api.url, "agent")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    token = path.read_text()
    assert token.count(".") == 2 and token not in done.stderr  # a JWT, never printed

    status = run_cli("status", "--json", home=home)
    assert status.returncode == 0, status.stderr
    doc = one_json(status)
    assert doc["account"]["username"] == "agent" and doc["account"]["role"] == "agent"
    assert doc["account"]["server"] == fake_api.url and doc["session"] == "signed in"
    assert doc["cameras"] == 2  # cam-alpha-01 and cam-beta-02 (the untrusted one is not listed)
    assert doc["workspace"] == str(workspace_path(fake_api.url, "agent"))

    out = run_cli("logout", home=home)
    assert out.returncode == 0 and "Signed out" in out.stderr
    assert not path.exists()
    assert one_json(run_cli("status", "--json", home=home))["session"] == "signed out"
    assert run_cli("sync", home=home).returncode == 3


def test_wrong_password_exits_3(fake_api, home):
    done = run_cli("login", "--server", fake_api.url, "--username", "agent", "--password-stdin",
                   home=home, stdin="not-the-password\n")
    assert done.returncode == 3 and "refused the username or the password" in done.stderr
    assert not token_path(fake_api.url, "agent").exists()


def test_pull_then_sync_pushes_a_local_mask(fake_api, home):
    assert login(fake_api, home).returncode == 0
    pose = fake_api.seeded.alpha_poses[0]
    assert run_cli("pull", "--pose", str(pose), home=home).returncode == 0
    with Workspace(workspace_path(fake_api.url, "agent")) as ws:
        ws.add_mask(pose, Box(0.1, 0.2, 0.3, 0.4))
    plan = run_cli("sync", "--dry-run", "--json", home=home)
    assert plan.returncode == 0 and one_json(plan)["totals"]["created"] == 1
    assert fake_api.state.masks(pose) == []
    done = run_cli("sync", "--json", home=home)
    assert done.returncode == 0, done.stderr
    assert one_json(done)["created"] == 1
    assert [m.mask for m in fake_api.state.masks(pose)] == ["(0.1,0.2,0.3,0.4)"]
    assert one_json(run_cli("status", "--json", home=home))["last_sync_at"] is not None


def test_sync_against_a_dead_server_exits_4(fake_api, home, tmp_path):
    assert login(fake_api, home).returncode == 0
    fake_api.server.stop()
    done = run_cli("sync", home=home)
    assert done.returncode == 4, done.stderr
    assert "could not be reached" in done.stderr


def test_an_expired_session_exits_3(fake_api, home):
    assert login(fake_api, home).returncode == 0
    path = token_path(fake_api.url, "agent")
    path.write_text(fake_api.token_for("agent", lifetime=timedelta(hours=-1)))
    done = run_cli("sync", home=home)
    assert done.returncode == 3 and "expired" in done.stderr and "mask-editor login" in done.stderr
    assert one_json(run_cli("status", "--json", home=home))["session"] == "expired"


def test_a_token_the_server_refuses_exits_3(fake_api, home):
    assert login(fake_api, home).returncode == 0
    path = token_path(fake_api.url, "agent")
    header, payload, _signature = path.read_text().split(".")
    path.write_text(f"{header}.{payload}.bad-signature")
    done = run_cli("pull", home=home)
    assert done.returncode == 3 and "refused the session" in done.stderr
    status = run_cli("status", home=home)
    assert "signed in" not in status.stdout and "refused by the server" in status.stdout
    assert one_json(run_cli("status", "--json", home=home))["session"] == "refused"
    path.write_text("not-a-jwt")
    assert run_cli("sync", "--json", home=home).returncode == 3


def test_a_conflict_exits_1(fake_api, home):
    assert login(fake_api, home).returncode == 0
    pose = fake_api.seeded.alpha_poses[1]
    server_mask = fake_api.state.add_mask(pose, "(0.1,0.1,0.2,0.2)")
    assert run_cli("pull", home=home).returncode == 0
    with Workspace(workspace_path(fake_api.url, "agent")) as ws:
        mine = next(m for m in ws.masks(pose) if m.server_id == server_mask.id)
        ws.set_boxes({mine.local_id: Box(0.1, 0.1, 0.3, 0.3)})
    fake_api.state.patch_mask(server_mask.id, "(0.5,0.5,0.6,0.6)")
    done = run_cli("sync", "--json", home=home)
    assert done.returncode == 1, done.stderr
    doc = one_json(done)
    assert doc["conflicts"] == 1 and doc["exit_code"] == 1
    text = run_cli("sync", home=home)
    assert text.returncode == 1 and "in conflict" in text.stdout
    assert fake_api.state.masks(pose)[0].mask == "(0.5,0.5,0.6,0.6)"  # their version is left alone


def test_token_file_is_private_even_when_rewritten(fake_api, home):
    path = token_path(fake_api.url, "agent")
    path.parent.mkdir(parents=True)
    path.write_text("old")
    os.chmod(path, 0o644)
    assert login(fake_api, home).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() != "old"
