"""Issue 13, items 11-15, through the real entry point: a read-only account cannot import, --demo
works with commands on the window's copy, login speaks like the other commands, no display is told
in words, long work shows progress on stderr."""

from __future__ import annotations

import hashlib
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from mask_editor.workspace import Workspace
from mask_editor.workspace.paths import workspace_path
from tests.cli.helpers import DEMO, LEGACY, REPO, build_workspace, cli_env, closed_port_url, one_json, run_cli
from tests.fake_pyro_api.fixtures import FakeApi


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def login(api: FakeApi, home: Path, user: str = "agent", *extra: str) -> subprocess.CompletedProcess:
    return run_cli("login", "--server", api.url, "--username", user, "--password-stdin", *extra, home=home,
                   stdin=api.passwords[user] + "\n")


# --- 11: a read-only account ----------------------------------------------------------------------


def test_a_read_only_account_cannot_import_legacy_masks(fake_api, home):
    assert login(fake_api, home, "user").returncode == 0
    pose = str(fake_api.seeded.alpha_poses[0])
    done = run_cli("import-legacy", "--pose", pose, str(LEGACY / "moussy_7.json"), home=home)
    assert done.returncode == 1, done.stderr
    assert "read-only account (role user)" in done.stderr and "agent or an admin" in done.stderr
    with Workspace(workspace_path(fake_api.url, "user"), read_only=True) as ws:
        assert ws.masks(int(pose)) == [] and ws.pending_counts() == {}  # nothing waits for a refused sync
    dry = run_cli("import-legacy", "--dry-run", "--pose", pose, str(LEGACY / "moussy_7.json"), home=home)
    assert dry.returncode == 0 and "read-only account" in dry.stderr  # the dry run shows, and warns


def test_an_agent_imports(fake_api, home):
    assert login(fake_api, home).returncode == 0
    pose = fake_api.seeded.alpha_poses[0]
    done = run_cli("import-legacy", "--pose", str(pose), str(LEGACY / "moussy_7.json"), home=home)
    assert done.returncode == 0, done.stderr
    with Workspace(workspace_path(fake_api.url, "agent"), read_only=True) as ws:
        assert len(ws.masks(pose)) == 2


# --- 12: --demo with a command --------------------------------------------------------------------


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_commands_work_on_the_windows_copy_and_leave_the_bundled_files_alone(home, monkeypatch):
    before = _tree_digest(DEMO)
    masks = one_json(run_cli("--demo", "masks", "1", "--json", home=home))["masks"]
    done = run_cli("--demo", "import-legacy", "--pose", "1", str(LEGACY / "moussy_7.json"), home=home)
    assert done.returncode == 0, done.stderr
    after = one_json(run_cli("--demo", "masks", "1", "--json", home=home))["masks"]
    assert len(after) == len(masks) + 2
    assert _tree_digest(DEMO) == before  # the tracked resources/demo files are byte-identical
    from mask_editor.ui.window.app import demo_copy

    copy = demo_copy()  # what the window's --demo opens: the same file, with the import in it
    assert copy == home / "demo" / "demo.sqlite"
    with Workspace(copy, read_only=True) as ws:
        assert len(ws.masks(1)) == len(after)


def test_write_commands_refuse_the_bundled_demo_file(home):
    before = _tree_digest(DEMO)
    done = run_cli("--workspace", str(DEMO / "demo.sqlite"), "import-legacy", "--pose", "1",
                   str(LEGACY / "moussy_7.json"), home=home)
    assert done.returncode == 1 and "mask-editor --demo COMMAND" in done.stderr, done.stderr
    assert _tree_digest(DEMO) == before


@pytest.mark.parametrize("args", [["--demo", "--workspace", "x.sqlite", "status"],
                                  ["--demo", "login", "--server", "https://api.example.org", "--username", "a"]])
def test_demo_refuses_what_it_cannot_mean(home, args):
    done = run_cli(*args, home=home)
    assert done.returncode == 2 and "--demo" in done.stderr, done.stderr


# --- 13: login like every command ------------------------------------------------------------------


def test_login_json_prints_one_document(fake_api, home):
    done = login(fake_api, home, "agent", "--json")
    assert done.returncode == 0, done.stderr
    doc = one_json(done)
    assert doc["ok"] is True and doc["username"] == "agent" and doc["role"] == "agent"
    assert doc["server"] == fake_api.url and doc["cameras"] == 2
    assert doc["workspace"] == str(workspace_path(fake_api.url, "agent"))
    assert fake_api.passwords["agent"] not in done.stdout + done.stderr


@pytest.mark.parametrize("url", ["not-a-url", "ftp://api.example.org", "https://", "https://host:port"])
def test_a_server_that_is_no_url_is_a_usage_error(home, url):
    done = run_cli("login", "--server", url, "--username", "alice", "--password-stdin", home=home, stdin="pw\n")
    assert done.returncode == 2, done.stderr
    assert "is not a server address" in done.stderr and "https://api.pyronear.org" in done.stderr
    status = run_cli("status", "--server", url, home=home)
    assert status.returncode == 2 and "is not a server address" in status.stderr


def test_a_first_login_to_an_unreachable_server_does_not_talk_of_kept_changes(home):
    done = run_cli("login", "--server", closed_port_url(), "--username", "alice", "--password-stdin",
                   home=home, stdin="pw\n")
    assert done.returncode == 4, done.stderr
    assert "could not be reached" in done.stderr
    assert "Nothing was lost" not in done.stderr and "workspace" not in done.stderr


def test_login_without_server_tells_logins_usage(home):
    done = run_cli("login", "--username", "alice", home=home)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: mask-editor login ") and "--server URL" in done.stderr
    assert "COMMAND" not in done.stderr  # not the top-level usage


def test_login_without_server_uses_the_remembered_one(fake_api, home):
    assert login(fake_api, home).returncode == 0
    again = run_cli("login", "--username", "agent", "--password-stdin", "--json", home=home,
                    stdin=fake_api.passwords["agent"] + "\n")
    assert again.returncode == 0, again.stderr
    assert one_json(again)["server"] == fake_api.url


# --- 14: no display --------------------------------------------------------------------------------


def test_the_window_without_a_display_says_so_instead_of_aborting(home):
    env = {k: v for k, v in cli_env(home).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "mask_editor"], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("No display found")
    assert "mask-editor --help" in done.stderr and "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "xcb" not in done.stderr and done.stdout == ""


def test_the_no_display_check_reads_the_environment():
    from mask_editor.ui.platform.display import display_problem

    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux")
    assert display_problem({}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "minimal"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}) is not None


# --- 15: progress ------------------------------------------------------------------------------------


def _run_with_a_terminal_on_stderr(args: list[str], home: Path) -> tuple[int, str, str]:
    """The real entry point with stderr on a pseudo-terminal (stdout stays a pipe)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "mask_editor", *args], stdout=subprocess.PIPE, stderr=slave,
                            stdin=subprocess.DEVNULL, env={**cli_env(home), "COLUMNS": "100"}, cwd=REPO)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError("the command did not finish")
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    return proc.wait(timeout=60), stdout, b"".join(chunks).decode()


def test_progress_is_a_bar_on_a_terminal(tmp_path, home):
    path = tmp_path / "ws.sqlite"
    build_workspace(path).close()
    code, stdout, terminal = _run_with_a_terminal_on_stderr(
        ["--workspace", str(path), "import-legacy", "--dry-run", "--json", str(LEGACY)], home)
    assert code == 1, terminal  # some fixture files cannot be imported, on purpose
    assert "\r" in terminal and "Reading 14/14 files ▕" in terminal and "▏ 100%" in terminal
    assert one_json(subprocess.CompletedProcess([], code, stdout, ""))["dry_run"] is True


def test_a_pull_shows_a_bar_of_poses_on_a_terminal(fake_api, home):
    assert login(fake_api, home).returncode == 0
    code, stdout, terminal = _run_with_a_terminal_on_stderr(["pull", "--json"], home)
    assert code == 0, terminal
    assert "\rPulling " in terminal and " poses ▕" in terminal and "▏ 100%" in terminal
    assert one_json(subprocess.CompletedProcess([], code, stdout, ""))["exit_code"] == 0


def test_progress_is_plain_lines_in_a_pipe(tmp_path, home):
    path = tmp_path / "ws.sqlite"
    build_workspace(path).close()
    done = run_cli("--workspace", str(path), "import-legacy", "--dry-run", "--json", str(LEGACY), home=home)
    assert "\r" not in done.stderr and "▕" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("Reading ")]
    assert lines[0] == "Reading 1/14 files (7%)" and lines[-1] == "Reading 14/14 files (100%)"
    assert len(lines) <= 11  # one every 10%, not one per file
    assert one_json(done)["dry_run"] is True  # stdout: the JSON document only
