"""Clients wired to the fake server, with instant, recorded backoff sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mask_editor.api import PyroClient
from tests.api.clients import MakeClient
from tests.fake_pyro_api.fixtures import FakeApi


@pytest.fixture
def sleeps(client_sleeps: list[float]) -> list[float]:
    """Backoff delays the clients asked for (they do not really sleep)."""
    return client_sleeps


@pytest.fixture
def agent(make_client: MakeClient) -> PyroClient:
    return make_client("agent")


@pytest.fixture
def raw(fake_api: FakeApi) -> Iterator[httpx.Client]:
    """Plain httpx on /api/v1, for checking the fake server's own answers and sending what our
    client never would."""
    with httpx.Client(base_url=fake_api.url + "/api/v1", timeout=5.0) as client:
        yield client
