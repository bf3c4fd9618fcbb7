"""The command line without a server: help, usage errors, headless commands on a demo copy, no Qt."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import LEGACY, REPO, build_workspace, cli_env, demo_copy, one_json, run_cli
from tests.test_no_qt_below_ui import imported_modules, qt_problems

COMMANDS = ["login", "logout", "status", "pull", "sync", "masks", "import-legacy", "export"]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(tmp_path)


def test_help_lists_every_command_and_the_exit_codes(tmp_path):
    done = run_cli("--help", home=tmp_path)
    assert done.returncode == 0, done.stderr
    for command in COMMANDS:
        assert command in done.stdout
    assert "exit codes:" in done.stdout and "3  not signed in" in done.stdout
    version = run_cli("--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("mask-editor ")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_with_an_example(tmp_path, command):
    done = run_cli(command, "--help", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: mask-editor {command}")
    assert "examples:\n  mask-editor " + command in done.stdout
    assert "--workspace PATH" in done.stdout


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["status", "--no-such-option"],
    ["export", "--pose", "1", "--camera", "1", "--format", "png", "--output", "x.png"],
    ["export", "--pose", "1", "--format", "gif", "--output", "x.gif"],
    ["masks", "not-a-number"],
    ["login", "--username", "alice"],  # no --server
])
def test_usage_errors_exit_2(tmp_path, args):
    done = run_cli(*args, home=tmp_path)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == "" and "usage:" in done.stderr


def test_a_missing_workspace_path_is_a_usage_error_and_no_workspace_means_sign_in(tmp_path):
    done = run_cli("--workspace", str(tmp_path / "nope.sqlite"), "status", home=tmp_path)
    assert done.returncode == 2 and "There is no workspace at" in done.stderr
    done = run_cli("status", "--json", home=tmp_path / "fresh")
    assert done.returncode == 3 and "mask-editor login --server" in done.stderr
    assert one_json(done)["exit_code"] == 3  # --json: still one document on stdout


def test_status_json_on_the_demo_copy(tmp_path, demo):
    done = run_cli("status", "--json", "--workspace", str(demo), home=tmp_path)
    assert done.returncode == 0, done.stderr
    doc = one_json(done)
    assert doc["account"] is None and doc["cameras"] == 2 and doc["poses"] == 6
    assert doc["totals"] == {"new": 1, "edited": 1, "deleted": 1, "conflict": 1}
    assert {r["pose_id"] for r in doc["pending"]} == {1, 3}
    text = run_cli("--workspace", str(demo), "status", home=tmp_path)
    assert text.returncode == 0 and "1 in conflict" in text.stdout


def test_masks_json_and_table(tmp_path, demo):
    done = run_cli("--workspace", str(demo), "masks", "3", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    doc = one_json(done)
    assert doc["camera"] == "brison-01" and [m["state"] for m in doc["masks"]] == ["deleted", "conflict"]
    assert doc["masks"][1]["server_id"] == 127 and doc["masks"][1]["added_at"].endswith("Z")
    table = run_cli("--workspace", str(demo), "masks", "1", home=tmp_path)
    assert "local id  server id  box" in table.stdout and "(0.62,0.18,0.7,0.24)" in table.stdout
    missing = run_cli("--workspace", str(demo), "masks", "99", home=tmp_path)
    assert missing.returncode == 2 and "no pose 99" in missing.stderr  # not found: as for pull and import


def test_import_legacy_dry_run_table_changes_nothing(tmp_path):
    path = tmp_path / "ws.sqlite"
    build_workspace(path).close()
    before = path.read_bytes()
    done = run_cli("--workspace", str(path), "import-legacy", "--dry-run", str(LEGACY), home=tmp_path)
    assert done.returncode == 1  # some fixture files cannot be imported, on purpose
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["file", "camera", "pose", "found", "to", "add", "skipped", "why", "skipped", "/",
                                "not", "imported"]
    row = next(line for line in lines if line.startswith("nemours_246.json"))
    assert row.split()[:9] == ["nemours_246.json", "nemours-01", "pose", "1", "·", "240°", "6", "4", "2"]
    assert "duplicate within the file" in row and "zero width" in row
    assert "Dry run: 14 boxes would be added to 7 poses" in done.stdout
    assert "Reading 1/14" in done.stderr  # plain progress lines when stderr is not a terminal
    assert path.read_bytes() == before
    ok = run_cli("--workspace", str(path), "import-legacy", "--dry-run", str(LEGACY / "moussy_7.json"), home=tmp_path)
    assert ok.returncode == 0


def test_import_legacy_then_again_adds_nothing(tmp_path):
    path = tmp_path / "ws.sqlite"
    build_workspace(path).close()
    first = run_cli("--workspace", str(path), "import-legacy", "--json", str(LEGACY), home=tmp_path)
    assert one_json(first)["added"] == 14
    second = run_cli("--workspace", str(path), "import-legacy", "--json", str(LEGACY), home=tmp_path)
    assert one_json(second)["added"] == 0 and one_json(second)["to_add"] == 0


def test_export_png_and_csv(tmp_path, demo):
    out = tmp_path / "p1.png"
    done = run_cli("--workspace", str(demo), "export", "--pose", "1", "--format", "png", "--scale", "25",
                   "--output", str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == (960, 540) and image.mode == "1"
    folder = tmp_path / "tables"
    done = run_cli("--workspace", str(demo), "export", "--camera", "1", "--format", "csv", "--output", str(folder),
                   "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [Path(f["path"]).name for f in one_json(done)["files"]] == ["brison-01_1.csv", "brison-01_2.csv",
                                                                        "brison-01_3.csv"]
    with open(folder / "brison-01_3.csv", newline="") as handle:
        assert [r["state"] for r in csv.DictReader(handle)] == ["conflict"]
    bad = run_cli("--workspace", str(demo), "export", "--pose", "1", "--format", "csv", "--scale", "50",
                  "--output", str(tmp_path / "x.csv"), home=tmp_path)
    assert bad.returncode == 2 and "--scale applies to --format png only" in bad.stderr


def test_headless_commands_never_import_qt(tmp_path, demo):
    """Each headless command, run through main() in one fresh interpreter: no PySide6 afterwards."""
    ws = str(demo)
    legacy = str(LEGACY / "moussy_7.json")
    commands = [
        ["--workspace", ws, "status", "--json"],
        ["--workspace", ws, "masks", "1"],
        ["--workspace", ws, "sync", "--dry-run"],
        ["--workspace", ws, "import-legacy", "--dry-run", legacy],
        ["--workspace", ws, "export", "--pose", "1", "--format", "png", "--output", str(tmp_path / "a.png")],
        ["--workspace", ws, "export", "--pose", "1", "--format", "json", "--output", str(tmp_path / "a.json")],
        ["--workspace", ws, "pull"],  # exits 3 (no account) after loading the sync engine
        ["--workspace", ws, "logout"],
    ]
    code = (
        "import contextlib, io, json, sys\n"
        "from mask_editor.cli.main import main\n"
        f"for args in {commands!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        main(args)\n"
        "    qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
        " or m.startswith('mask_editor.ui'))\n"
        "    print(json.dumps([args[2], qt]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env=cli_env(tmp_path), timeout=120)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(commands)
    assert all(qt == [] for _, qt in results), results


@pytest.mark.parametrize("name", ["cli/main.py", "cli/window_start.py", "cli/window.py", "cli/common.py",
                                  "cli/output.py", "cli/account.py", "cli/sync.py",
                                  "cli/transfer.py", "migrate/legacy.py", "migrate/export.py",
                                  "workspace/credentials.py"])
def test_headless_modules_have_no_qt_import(name):
    problems = [p for p in qt_problems(imported_modules(REPO / "mask_editor" / name))
                if not (name == "cli/window.py" and "mask_editor.ui.window.app" in p)]  # only for the window, lazily
    assert problems == []


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--smoke"], ["--demo", "--smoke"], ["--smoke", "--demo"],
                                  ["--workspace", "w.sqlite"], ["--workspace", "w.sqlite", "--smoke"]])
def test_the_window_start_is_read_as_the_full_parser_reads_it(argv):
    from mask_editor.cli.main import build_parser
    from mask_editor.cli.window_start import window_args

    fast, full = window_args(argv), build_parser().parse_args(argv)
    assert fast is not None
    assert vars(fast) == {key: getattr(full, key) for key in ("command", "workspace", "server", "demo", "smoke")}


@pytest.mark.parametrize("argv", [["status"], ["--demo", "status"], ["--server", "https://x"], ["--help"],
                                  ["--demo", "--demo"], ["--workspace"], ["--workspace", "--demo"],
                                  ["--demo", "--workspace", "w.sqlite"], ["--version"], ["--dmeo"]])
def test_anything_else_goes_to_the_full_parser(argv):
    from mask_editor.cli.window_start import window_args

    assert window_args(argv) is None


def test_the_window_start_imports_no_argparse_and_says_no_display_as_the_commands_do():
    import subprocess
    import sys

    from mask_editor.cli.common import EXIT_CODES, ErrorKind
    from mask_editor.cli.window import EXIT_NO_DISPLAY

    assert EXIT_CODES[ErrorKind.NO_DISPLAY] == EXIT_NO_DISPLAY
    code = ("import sys; from mask_editor.cli import window_start; print(sorted(m for m in "
            "('argparse', 'mask_editor.cli.main', 'mask_editor.cli.common') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
