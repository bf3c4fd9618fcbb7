"""FakePyroApi: the fake server over real HTTP on 127.0.0.1, in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Self

from tests.fake_pyro_api import auth
from tests.fake_pyro_api.app import Dispatcher, FakeHandler, RecordedRequest, Route
from tests.fake_pyro_api.faults import Faults
from tests.fake_pyro_api.routes import ROUTES
from tests.fake_pyro_api.state import FakeState


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler sleeping for a 'timeout' fault must not block shutdown
    allow_reuse_address = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:  # type: ignore[no-untyped-def]
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Cut kept-alive connections too: a stopped server must look down to clients that hold
        pooled connections, not keep answering on them from their handler threads."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class FakePyroApi:
    """`with FakePyroApi() as api:` serves on `api.url` (ephemeral port unless `port` is given)."""

    routes: list[Route] = ROUTES

    def __init__(
        self,
        state: FakeState | None = None,
        faults: Faults | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.state = state or FakeState()
        self.faults = faults or Faults()
        self.dispatcher = Dispatcher(self.routes)
        self.stopping = threading.Event()
        self._requests: list[RecordedRequest] = []
        self._requests_lock = threading.Lock()
        self._late = 0  # requests held by the "deliver_late" fault, not applied yet
        self._late_changed = threading.Condition()
        handler = type("BoundFakeHandler", (FakeHandler,), {"api": self})
        self._server = _Server((host, port), handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-pyro-api", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL without /api/v1, like "https://api.pyronear.org"."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # wakes handlers sleeping for latency or timeout faults
        self._server.shutdown()
        self._server.server_close()
        self._server.close_connections()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- what clients sent --------------------------------------------------------------------------

    def record(self, request: RecordedRequest) -> None:
        with self._requests_lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._requests_lock:
            return list(self._requests)

    def count(self, method: str, path: str) -> int:
        """How many requests reached the server with this method and exact path."""
        return sum(1 for r in self.requests if r.method == method and r.path == path)

    # --- requests delivered late ---------------------------------------------------------------------

    def deliver_later(self, hold: float, apply: Callable[[], None]) -> None:
        """Run `apply` (a held request) `hold` seconds from now, unless the server stops first."""
        with self._late_changed:
            self._late += 1

        def later() -> None:
            try:
                if not self.stopping.wait(hold):
                    apply()
            finally:
                with self._late_changed:
                    self._late -= 1
                    self._late_changed.notify_all()

        threading.Thread(target=later, name="fake-pyro-api-late", daemon=True).start()

    @property
    def late_pending(self) -> int:
        with self._late_changed:
            return self._late

    def wait_for_late(self, timeout: float = 10.0) -> bool:
        """Wait until every request held by "deliver_late" has been applied; False on timeout."""
        end = time.monotonic() + timeout
        with self._late_changed:
            while self._late and (left := end - time.monotonic()) > 0:
                self._late_changed.wait(left)
            return self._late == 0

    # --- tokens -------------------------------------------------------------------------------------

    def token_for(self, username: str, lifetime: timedelta = auth.TOKEN_LIFETIME) -> str:
        """A valid token for a seeded user (a negative lifetime gives an expired one)."""
        user = self.state.user(username)
        return auth.make_token(user.id, user.role, user.organization_id, self.state.now(), lifetime)

    def camera_token(self, camera_id: int) -> str:
        """A device token (role `camera`), as the devices use to list their masks."""
        camera = self.state.cameras[camera_id]
        return auth.make_token(camera.id, "camera", camera.organization_id, self.state.now())
