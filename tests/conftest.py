"""Shared pytest fixtures."""

# --- fake pyro-api server (tests/fake_pyro_api) ---------------------------------------------------
from tests.fake_pyro_api.fixtures import fake_api

__all__ = ["fake_api"]


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
