"""Shared pytest fixtures."""

import os
import random

import pytest
from hypothesis import core, settings

# The contract test server (tests/fake_pyro_api) and clients of it.
from tests.fake_pyro_api.fixtures import client_sleeps, fake_api, make_client

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
def _collect_on_the_gui_thread(request):
    """Tests that use Qt collect cycles on the GUI thread only, as the app does
    (mask_editor/ui/collector.py): a collection inside a Qt call crashed PySide6 here."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    import gc

    from mask_editor.ui import collector

    collector.install(request.getfixturevalue("qapp"))
    yield
    gc.enable()  # tests without Qt (long hypothesis runs) keep the ordinary collector


def pytest_sessionfinish(session, exitstatus):
    """What the app does on quit (ui/app.py): leave no QMimeData of ours on the clipboard, or PySide6
    crashes while the interpreter shuts down."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from mask_editor.ui.clipboard import hand_over_as_text

        hand_over_as_text()
