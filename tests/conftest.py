"""Shared pytest fixtures."""

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import core, settings

from tests import hermetic

# Before anything resolves a folder: the run's HOME and XDG folders become a stand-in that every
# test must leave untouched (a path computed at import time lands here, not in the user's HOME).
_REAL_SNAPSHOT = hermetic.snapshot(hermetic.REAL_HOME, hermetic.REAL_XDG)
_STAND_IN = Path(tempfile.mkdtemp(prefix="mask-editor-tests-home-"))
os.environ.update(hermetic.home_env(_STAND_IN))
for _name in hermetic.CLEARED:
    os.environ.pop(_name, None)
_BASETEMP: Path | None = None  # this session's temp root, once a test asked for it

# The contract test server (tests/fake_pyro_api) and clients of it; imported after the line above
# so that nothing it loads resolves a folder in the real HOME.
from tests.fake_pyro_api.fixtures import client_sleeps, fake_api, make_client  # noqa: E402

__all__ = ["client_sleeps", "fake_api", "make_client"]

SEED_ENV = "HYPOTHESIS_SEED"
_SEED_KEY = pytest.StashKey[int]()

# Hypothesis loads its own "ci" profile when it sees CI, and that one is derandomized: the same
# examples every run, the seed ignored, so CI never looks further. Keep the rest of it, but explore.
settings.register_profile("ci-explore", settings.get_profile("ci"), derandomize=False)
if settings.get_current_profile_name() == "ci":
    settings.load_profile("ci-explore")


def _hypothesis_seed(config: pytest.Config) -> int:
    """Every run (CI included) explores new examples from a fresh seed, printed so that a failure
    replays: `HYPOTHESIS_SEED=N make test` or `pytest --hypothesis-seed=N`."""
    given = config.getoption("hypothesis_seed") or os.environ.get(SEED_ENV)
    return int(given) if given else random.SystemRandom().randrange(2**32)


def pytest_configure(config: pytest.Config) -> None:
    seed = _hypothesis_seed(config)
    config.stash[_SEED_KEY] = seed
    # The same two settings Hypothesis' own --hypothesis-seed option makes (its pytest plugin).
    config.option.hypothesis_seed = seed
    core.global_force_seed = seed


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis seed: {config.stash[_SEED_KEY]}"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The seed again at the end, where `make test` (pytest -q, no header) shows it."""
    seed = config.stash[_SEED_KEY]
    replay = f" (replay with {SEED_ENV}={seed} or --hypothesis-seed={seed})" if exitstatus != 0 else ""
    terminalreporter.write_line(f"hypothesis seed: {seed}{replay}")


@pytest.fixture(autouse=True)
def _own_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test, and every command it spawns, has its own HOME, XDG folders and QSettings paths,
    and no system keyring; afterwards the stand-in HOME must be as it was (else the test wrote
    outside its temp folders)."""
    global _BASETEMP
    _BASETEMP = tmp_path_factory.getbasetemp()
    home = tmp_path_factory.mktemp("home")
    for name, value in hermetic.home_env(home).items():
        monkeypatch.setenv(name, value)
    for name in hermetic.CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")  # tests that check the keyring path opt in
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    hermetic.redirect_qsettings(home)
    before = hermetic.snapshot_tree(_STAND_IN)
    yield home
    if written := hermetic.changes(before, hermetic.snapshot_tree(_STAND_IN)):
        pytest.fail("this test wrote outside its temp folders: " + ", ".join(written), pytrace=False)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(request):
    """Tests that use Qt collect cycles on the GUI thread only, as the app does
    (mask_editor/ui/platform/collector.py): a collection inside a Qt call crashed PySide6 here."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    import gc

    from mask_editor.ui.platform import collector

    collector.install(request.getfixturevalue("qapp"))
    from mask_editor.ui.platform.i18n import install_language

    install_language("en")  # as the app starts in English ("1 mask", "2 masks"); a French test sets its own
    yield
    gc.enable()  # tests without Qt (long hypothesis runs) keep the ordinary collector


def pytest_sessionfinish(session, exitstatus):
    """The real HOME's app folders are as they were (hard-coded paths, a child without our
    environment); then what the app does on quit."""
    written = hermetic.changes(_REAL_SNAPSHOT, hermetic.snapshot(hermetic.REAL_HOME, hermetic.REAL_XDG))
    shutil.rmtree(_STAND_IN, ignore_errors=True)
    others = hermetic.other_runs(written, _BASETEMP)
    writer = session.config.get_terminal_writer()
    if others:
        writer.line()
        writer.line("Changed in the real HOME by another test run on this machine (not counted): "
                    + ", ".join(f"{p} (names {', '.join(sorted(s))})" for p, s in others.items()), yellow=True)
    if ours := [p for p in written if p not in others]:
        writer.line()
        writer.line("A test wrote outside its temp folders, in the real HOME: " + ", ".join(ours), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    _hand_over_clipboard()


def _hand_over_clipboard() -> None:
    """What the app does on quit (ui/window/app.py): leave no QMimeData of ours on the clipboard, or PySide6
    crashes while the interpreter shuts down."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from mask_editor.ui.editing.clipboard import hand_over_as_text

        hand_over_as_text()
