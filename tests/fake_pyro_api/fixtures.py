"""Pytest fixtures for the fake pyro-api; tests/conftest.py imports them."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import timedelta

import httpx
import pytest

from mask_editor.api import PyroClient
from tests.fake_pyro_api.app import RecordedRequest
from tests.fake_pyro_api.auth import TOKEN_LIFETIME
from tests.fake_pyro_api.faults import Faults
from tests.fake_pyro_api.openapi_check import load_spec
from tests.fake_pyro_api.seed import PASSWORDS, Seeded, seed_default
from tests.fake_pyro_api.server import FakePyroApi
from tests.fake_pyro_api.state import FakeState

CLIENT_USER_AGENT = "mask-editor"


class FakeApi:
    """What the `fake_api` fixture yields: the running server plus the ids of the default data."""

    def __init__(self, server: FakePyroApi, seeded: Seeded) -> None:
        self.server = server
        self.seeded = seeded
        self.passwords = dict(PASSWORDS)
        self.check_conformance = True

    def allow_nonconforming(self) -> None:
        """For a test that makes our client send what the API does not document, on purpose."""
        self.check_conformance = False

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def state(self) -> FakeState:
        return self.server.state

    @property
    def faults(self) -> Faults:
        return self.server.faults

    def token_for(self, username: str, lifetime: timedelta = TOKEN_LIFETIME) -> str:
        return self.server.token_for(username, lifetime)

    def camera_token(self, camera_id: int) -> str:
        return self.server.camera_token(camera_id)

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.server.requests

    def client_requests(self) -> list[RecordedRequest]:
        """Requests sent by mask_editor's PyroClient (raw httpx calls in tests are left out)."""
        return [r for r in self.server.requests if r.user_agent.startswith(CLIENT_USER_AGENT)]


@pytest.fixture
def fake_api() -> Iterator[FakeApi]:
    """A fresh, seeded fake server per test, on an ephemeral 127.0.0.1 port."""
    state = FakeState(seed=1234)
    seeded = seed_default(state)
    with FakePyroApi(state, Faults()) as server:
        api = FakeApi(server, seeded)
        yield api
        # Every request our client made in the test must be one the real API documents.
        spec = load_spec()
        problems = [p for r in api.client_requests() if r.path.startswith("/api/") for p in spec.check(r)]
        if problems and api.check_conformance:
            pytest.fail("requests that do not conform to openapi.json:\n" + "\n".join(problems))


MakeClient = Callable[..., PyroClient]  # the `make_client` fixture: make_client("agent", retries=1)


@pytest.fixture
def client_sleeps() -> list[float]:
    """Backoff delays the clients of `make_client` asked for (they do not really sleep)."""
    return []


@pytest.fixture
def make_client(fake_api: FakeApi, client_sleeps: list[float]) -> Iterator[MakeClient]:
    """`make_client("agent")` -> a PyroClient of the fake server holding that seeded user's token
    (None: no token); its retries do not sleep, and it is closed after the test."""
    clients: list[PyroClient] = []

    def make(user: str | None = "agent", **options: object) -> PyroClient:
        options.setdefault("sleep", client_sleeps.append)
        options.setdefault("rng", random.Random(0))
        options.setdefault("timeout", httpx.Timeout(5.0))
        token = fake_api.token_for(user) if user else None
        client = PyroClient(fake_api.url, token, **options)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
