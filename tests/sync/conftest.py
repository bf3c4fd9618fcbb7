"""Fixtures of the sync tests: a real workspace file, clients of the fake server, instant backoff."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from mask_editor.api import PyroClient
from mask_editor.sync import SyncOptions, refresh_cameras
from mask_editor.workspace import Workspace
from tests.fake_pyro_api.fixtures import MakeClient

__all__ = ["MakeClient"]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace(tmp_path / "ws.sqlite")
    yield workspace
    workspace.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def options(sleeps: list[float]) -> SyncOptions:
    """Backoff sleeps are recorded, not slept."""
    return SyncOptions(sleep=sleeps.append, rng=random.Random(0))


@pytest.fixture
def client(make_client: MakeClient) -> PyroClient:
    return make_client("agent")


@pytest.fixture
def refreshed(client: PyroClient, ws: Workspace) -> Workspace:
    """The workspace with the agent's cameras and poses."""
    refresh_cameras(client, ws)
    return ws
