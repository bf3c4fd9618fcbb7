"""Tests never touch the user's real settings, data, cache or keyring (issue 11, item 6).

tests/conftest.py gives every test its own HOME, XDG folders and QSettings paths, and guards the
real HOME's app folders (tests/hermetic.py). These tests check both, and prove once that the guard
fails a run whose test writes to the real ~/.config.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import hermetic
from tests.cli.helpers import REPO, cli_env


def _inside(path: Path | str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def test_every_test_has_its_own_home_and_xdg_folders():
    home = Path(os.environ["HOME"])
    assert not _inside(home, hermetic.REAL_HOME) and home != hermetic.REAL_HOME
    assert Path.home() == home
    for name in hermetic.XDG_NAMES:
        assert _inside(os.environ[name], home), name
    assert "MASK_EDITOR_HOME" not in os.environ and "MASK_EDITOR_SETTINGS" not in os.environ


def test_app_folders_and_default_settings_are_the_tests():
    from PySide6.QtCore import QSettings

    from mask_editor.ui.platform.settings import AppSettings
    from mask_editor.workspace.paths import app_data_dir, last_signed_in_file

    home = Path(os.environ["HOME"])
    assert _inside(app_data_dir(), home) and _inside(last_signed_in_file(), home)
    assert _inside(AppSettings().qsettings.fileName(), home)  # the app's own default (no ini given)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            assert _inside(QSettings(fmt, scope, "Pyronear", "mask_editor").fileName(), home), (fmt, scope)


_SEEN_HOMES: list[str] = []  # kept between the two tests below (the pytest cache may be off)


def test_homes_differ_between_tests_first():
    _SEEN_HOMES.append(os.environ["HOME"])


def test_homes_differ_between_tests_second():
    if not _SEEN_HOMES:
        pytest.skip("compares with test_homes_differ_between_tests_first, which did not run")
    assert _SEEN_HOMES[-1] != os.environ["HOME"]


def test_the_commands_spawned_by_tests_inherit_the_tests_home():
    """CLI tests spawn `mask-editor`: the child's app folder and QSettings file are the test's too."""
    code = ("import json; from PySide6.QtCore import QSettings; "
            "from mask_editor.workspace.paths import app_data_dir; "
            "s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, 'Pyronear', 'mask_editor'); "
            "print(json.dumps([str(app_data_dir()), s.fileName()]))")
    env = cli_env(Path(os.environ["HOME"]) / "unused")
    env.pop("MASK_EDITOR_HOME")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=60, check=True)
    data_dir, settings_file = json.loads(done.stdout)
    home = Path(os.environ["HOME"])
    assert not _inside(home, hermetic.REAL_HOME)
    assert _inside(data_dir, home) and _inside(settings_file, home)


def test_snapshot_sees_new_changed_and_removed_files(tmp_path: Path):
    (tmp_path / ".config" / "Pyronear").mkdir(parents=True)
    ini = tmp_path / ".config" / "Pyronear" / "mask_editor.ini"
    ini.write_text("[window]\n")
    before = hermetic.snapshot(tmp_path)
    assert hermetic.changes(before, hermetic.snapshot(tmp_path)) == []
    ini.write_text("[window]\ngeometry=1\n")
    (tmp_path / ".local" / "share" / "mask_editor").mkdir(parents=True)
    after = hermetic.snapshot(tmp_path)
    changed = hermetic.changes(before, after)
    assert str(ini) in changed and str(tmp_path / ".local" / "share" / "mask_editor") in changed
    ini.unlink()
    assert str(ini) in hermetic.changes(before, hermetic.snapshot(tmp_path))


def test_writes_that_name_only_another_run_are_that_runs(tmp_path: Path):
    """A teammate's run on the same machine may still write the real settings; its file names its own
    temp root. Only such files (and their folder) are excused: ours, or unattributable ones, are not."""
    folder = tmp_path / ".config" / "Pyronear"
    folder.mkdir(parents=True)
    ini = folder / "mask_editor.ini"
    ini.write_text("[workspace]\nlast=/tmp/pytest-of-root/pytest-103/test_x0/home/demo.sqlite\n")
    written = [str(folder), str(ini)]
    assert hermetic.other_runs(written, Path("/tmp/pytest-of-root/pytest-106")) == {
        str(folder): {"pytest-103"}, str(ini): {"pytest-103"}}
    assert hermetic.other_runs(written, Path("/tmp/pytest-of-root/pytest-103")) == {}  # our own run
    ini.write_text("[window]\ngeometry=1\n")  # nothing says who wrote it: ours to answer for
    assert hermetic.other_runs(written, Path("/tmp/pytest-of-root/pytest-106")) == {}
    (folder / "other.ini").write_text("x")
    ini.write_text("last=/tmp/pytest-of-root/pytest-103/a\n")
    assert str(folder) not in hermetic.other_runs([*written, str(folder / "other.ini")], None)


ESCAPING_TESTS = """
    from pathlib import Path

    def test_writes_the_real_config():
        target = Path({real!r}) / ".config" / "Pyronear" / "mask_editor.ini"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("[workspace]\\nlast=/tmp/pytest-of-someone/gone.sqlite\\n")

    def test_writes_where_an_import_time_path_points():
        from tests.conftest import _STAND_IN  # the HOME a module-level Path.home() would have seen

        (_STAND_IN / "escaped.txt").write_text("x")
"""


@pytest.mark.slow
def test_the_guard_fails_a_run_that_writes_the_real_config(tmp_path: Path):
    """An inner pytest run, with this conftest, whose "real" HOME is a folder of ours: one test
    writes that HOME's ~/.config/Pyronear/mask_editor.ini (the session check must fail the run,
    naming it), another the HOME a path computed at import time would use (the per-test check
    must fail that test)."""
    real = tmp_path / "real-home"
    real.mkdir()
    inner = tmp_path / "inner"
    (inner / "tests").mkdir(parents=True)
    (inner / "tests" / "test_escape.py").write_text(textwrap.dedent(ESCAPING_TESTS.format(real=str(real))))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MASK_EDITOR_"))}
    env.update(HOME=str(real), PYTHONPATH=str(REPO))
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(REPO),
            "-c", str(REPO / "pyproject.toml"), "--confcutdir", str(REPO / "tests"),
            "--override-ini", "testpaths=", str(inner / "tests"), "-p", "tests.conftest"]
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=inner, timeout=120)
    written = real / ".config" / "Pyronear" / "mask_editor.ini"
    assert written.exists()
    assert done.returncode != 0, done.stdout + done.stderr
    out = done.stdout + done.stderr
    assert f"A test wrote outside its temp folders, in the real HOME: {written.parent}, {written}" in out
    assert "ERROR at teardown of test_writes_where_an_import_time_path_points" in out
    assert "this test wrote outside its temp folders: " in out and "escaped.txt" in out
    assert "2 passed, 1 error" in out  # the first write is caught by the session check only
