"""Clients wired to the fake server, with instant, recorded backoff sleeps."""

from __future__ import annotations

import random
from collections.abc import Iterator

import httpx
import pytest

from mask_editor.api import PyroClient
from tests.api.clients import MakeClient
from tests.fake_pyro_api.fixtures import FakeApi


@pytest.fixture
def sleeps() -> list[float]:
    """Backoff delays the clients asked for (they do not really sleep)."""
    return []


@pytest.fixture
def make_client(fake_api: FakeApi, sleeps: list[float]) -> Iterator[MakeClient]:
    """`make_client("agent")` -> a PyroClient holding that seeded user's token (None: no token)."""
    clients: list[PyroClient] = []

    def make(user: str | None = "agent", **options: object) -> PyroClient:
        options.setdefault("sleep", sleeps.append)
        options.setdefault("rng", random.Random(0))
        options.setdefault("timeout", httpx.Timeout(5.0))
        token = fake_api.token_for(user) if user else None
        client = PyroClient(fake_api.url, token, **options)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def agent(make_client: MakeClient) -> PyroClient:
    return make_client("agent")


@pytest.fixture
def raw(fake_api: FakeApi) -> Iterator[httpx.Client]:
    """Plain httpx on /api/v1, for checking the fake server's own answers and sending what our
    client never would."""
    with httpx.Client(base_url=fake_api.url + "/api/v1", timeout=5.0) as client:
        yield client
