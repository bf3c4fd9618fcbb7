"""One table of error kinds and exit codes (cli.common.EXIT_CODES), and every kind reached through
the real `mask-editor` entry point: the code a script sees depends on the kind of error only."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mask_editor.cli.common import EXIT_CODES, ErrorKind
from mask_editor.core.geometry import Box
from mask_editor.workspace import Workspace
from mask_editor.workspace.paths import workspace_path
from tests.cli.helpers import LEGACY, REPO, build_workspace, cli_env, closed_port_url, one_json, run_cli
from tests.fake_pyro_api.fixtures import FakeApi

Trigger = Callable[[Path, FakeApi], subprocess.CompletedProcess]


def _login(api: FakeApi, home: Path, user: str = "agent") -> None:
    done = run_cli("login", "--server", api.url, "--username", user, "--password-stdin", home=home,
                   stdin=api.passwords[user] + "\n")
    assert done.returncode == 0, done.stderr


def _local(home: Path) -> Path:
    path = home.parent / "ws.sqlite"
    build_workspace(path).close()
    return path


def failed(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("--workspace", str(_local(home)), "import-legacy", "--json", str(LEGACY), home=home)  # bad files


def conflict(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    _login(api, home)
    pose = api.seeded.alpha_poses[1]
    theirs = api.state.add_mask(pose, "(0.1,0.1,0.2,0.2)")
    assert run_cli("pull", home=home).returncode == 0
    with Workspace(workspace_path(api.url, "agent")) as ws:
        mine = next(m for m in ws.masks(pose) if m.server_id == theirs.id)
        ws.set_boxes({mine.local_id: Box(0.1, 0.1, 0.3, 0.3)})
    api.state.patch_mask(theirs.id, "(0.5,0.5,0.6,0.6)")
    return run_cli("sync", "--json", home=home)


def server_refused(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    _login(api, home)
    api.faults.force("error", status=403)  # the session check of the pull
    return run_cli("pull", "--json", home=home)


def read_only(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    _login(api, home, "user")
    return run_cli("import-legacy", "--json", "--pose", str(api.seeded.alpha_poses[0]),
                   str(LEGACY / "moussy_7.json"), home=home)


def busy(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    path = _local(home)
    with Workspace(path, exclusive=True):  # as the window holds it
        return run_cli("--workspace", str(path), "import-legacy", "--json", str(LEGACY), home=home)


def usage(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("login", "--server", "not-a-url", "--username", "alice", "--json", "--password-stdin",
                   home=home, stdin="secret\n")


def no_such_pose_masks(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("--workspace", str(_local(home)), "masks", "99", "--json", home=home)


def no_such_pose_export(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("--workspace", str(_local(home)), "export", "--pose", "99", "--format", "json", "--json",
                   "--output", str(home.parent / "out.json"), home=home)


def no_such_pose_import(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("--workspace", str(_local(home)), "import-legacy", "--pose", "99", "--json",
                   str(LEGACY / "moussy_7.json"), home=home)


def no_display(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    env = {k: v for k, v in cli_env(home).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "mask_editor"], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60)


def sign_in(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("status", "--json", home=home)  # no workspace yet


def unreachable(home: Path, api: FakeApi) -> subprocess.CompletedProcess:
    return run_cli("login", "--server", closed_port_url(), "--username", "alice", "--json", "--password-stdin",
                   home=home, stdin="secret\n")


CASES: list[tuple[ErrorKind, Trigger]] = [
    (ErrorKind.FAILED, failed),
    (ErrorKind.CONFLICT, conflict),
    (ErrorKind.SERVER_REFUSED, server_refused),
    (ErrorKind.READ_ONLY, read_only),
    (ErrorKind.BUSY, busy),
    (ErrorKind.USAGE, usage),
    (ErrorKind.NOT_FOUND, no_such_pose_masks),
    (ErrorKind.NOT_FOUND, no_such_pose_export),
    (ErrorKind.NOT_FOUND, no_such_pose_import),
    (ErrorKind.NO_DISPLAY, no_display),
    (ErrorKind.SIGN_IN, sign_in),
    (ErrorKind.UNREACHABLE, unreachable),
]


def test_every_kind_has_a_code_and_a_case():
    assert set(EXIT_CODES) == set(ErrorKind)
    assert {kind for kind, _ in CASES} == set(ErrorKind)
    assert set(EXIT_CODES.values()) == {1, 2, 3, 4}


@pytest.mark.parametrize(("kind", "trigger"), CASES, ids=[t.__name__ for _, t in CASES])
def test_each_kind_of_error_exits_with_its_code(tmp_path, monkeypatch, fake_api, kind, trigger):
    home = tmp_path / "home"
    monkeypatch.setenv("MASK_EDITOR_HOME", str(home))  # workspace_path() here finds the subprocesses' files
    done = trigger(home, fake_api)
    assert done.returncode == EXIT_CODES[kind], (done.stdout, done.stderr)
    assert done.stderr.strip() and "Traceback" not in done.stderr
    if done.stdout.strip():  # --json: one document, naming the kind when the command was refused
        doc = one_json(done)
        assert doc.get("exit_code", done.returncode) == done.returncode
        if "kind" in doc:
            assert doc["kind"] == kind.value


def test_the_help_and_the_readme_list_the_same_codes(tmp_path):
    epilog = run_cli("--help", home=tmp_path).stdout.split("exit codes:")[1]
    text = (REPO / "README.md").read_text()
    readme = text[text.index("Exit codes:"):].split("\n\n")[0].replace("\n", " ")
    for code in sorted(set(EXIT_CODES.values())):
        assert f"  {code}  " in epilog and f" {code} " in readme
    for words in ("in conflict", "read-only", "no such", "no display", "not signed in", "unreachable"):
        assert words in readme
