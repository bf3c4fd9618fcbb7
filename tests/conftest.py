"""Shared pytest fixtures."""

import os

import pytest
from hypothesis import settings

# The contract test server (tests/fake_pyro_api) and clients of it.
from tests.fake_pyro_api.fixtures import client_sleeps, fake_api, make_client

# CI runs the same examples every time (a property failure there is reproducible, never a coin toss);
# local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

__all__ = ["client_sleeps", "fake_api", "make_client"]


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
    yield
    gc.enable()  # tests without Qt (long hypothesis runs) keep the ordinary collector


def pytest_sessionfinish(session, exitstatus):
    """What the app does on quit (ui/window/app.py): leave no QMimeData of ours on the clipboard, or PySide6
    crashes while the interpreter shuts down."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from mask_editor.ui.editing.clipboard import hand_over_as_text

        hand_over_as_text()
