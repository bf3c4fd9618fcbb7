"""Fixtures for the window tests: the workspace file, a throwaway settings file, and the window.

Test modules load them with `pytest_plugins = ("tests.ui.window_fixtures",)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.window_data import make_workspace, open_window


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws.sqlite")


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def app_settings(settings_path: Path):
    from mask_editor.ui.platform.settings import AppSettings

    return AppSettings(settings_path)


@pytest.fixture
def window(qtbot, ws_path: Path, app_settings) -> Iterator:
    win, ws = open_window(qtbot, ws_path, app_settings)
    yield win
    win.close()
    ws.close()


@pytest.fixture
def user_window(qtbot, tmp_path: Path, app_settings) -> Iterator:
    path = make_workspace(tmp_path / "user.sqlite", role="user")
    win, ws = open_window(qtbot, path, app_settings)
    yield win
    win.close()
    ws.close()
