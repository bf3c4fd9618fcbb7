"""Fixtures of the sync tests: a real workspace file, clients of the fake server, instant backoff."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from mask_editor.api import PyroClient
from mask_editor.sync import SyncOptions, refresh_cameras
from mask_editor.workspace import Workspace
from tests.fake_pyro_api.fixtures import FakeApi

MakeClient = Callable[..., PyroClient]


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
def make_client(fake_api: FakeApi) -> Iterator[MakeClient]:
    clients: list[PyroClient] = []

    def make(user: str | None = "agent", **kwargs: object) -> PyroClient:
        kwargs.setdefault("sleep", lambda _s: None)
        kwargs.setdefault("rng", random.Random(0))
        kwargs.setdefault("timeout", httpx.Timeout(5.0))
        client = PyroClient(fake_api.url, fake_api.token_for(user) if user else None, **kwargs)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: MakeClient) -> PyroClient:
    return make_client("agent")


@pytest.fixture
def refreshed(client: PyroClient, ws: Workspace) -> Workspace:
    """The workspace with the agent's cameras and poses."""
    refresh_cameras(client, ws)
    return ws
