"""Request plumbing: the route table, FastAPI-like dispatch (404/405/307, auth before validation),
fault injection, and the stdlib HTTP handler that ties them to a socket."""

from __future__ import annotations

import json
import logging
import re
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fake_pyro_api import auth
from tests.fake_pyro_api.errors import MISSING, HttpError, field_error

if TYPE_CHECKING:
    from tests.fake_pyro_api.server import FakePyroApi
    from tests.fake_pyro_api.state import FakeState

log = logging.getLogger("tests.fake_pyro_api")


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: Message
    body: bytes
    base_url: str
    state: FakeState
    raw_query: str = ""
    params: dict[str, str] = field(default_factory=dict)
    token: dict[str, Any] = field(default_factory=dict)

    def q(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None

    def json_body(self) -> Any:
        """The JSON body, MISSING when empty, or FastAPI's 422 for malformed JSON."""
        if not self.body:
            return MISSING
        try:
            return json.loads(self.body)
        except ValueError as exc:
            error = field_error("json_invalid", ["body", 0], "JSON decode error", {}, error=str(exc))
            raise HttpError(422, [error]) from None

    def form_body(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True).items()}

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(value: Any, status: int = 200) -> Reply:
    return Reply(status, json.dumps(value).encode())


Handler = Callable[[Request], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # the OpenAPI path, e.g. /api/v1/poses/{pose_id}
    scopes: tuple[str, ...] | None  # None: no token needed
    handler: Handler
    in_openapi: bool = True  # False for the storage routes, which are not part of the API
    pattern: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.template))
        object.__setattr__(self, "pattern", re.compile(f"^{regex}$"))


@dataclass(frozen=True)
class RecordedRequest:
    """What a client sent, for the conformance test."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: bytes
    content_type: str
    has_authorization: bool
    user_agent: str
    route: str | None  # the matched template, None when nothing matched


class Dispatcher:
    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes

    def match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
        allowed = []
        for route in self.routes:
            found = route.pattern.match(path)
            if found is None:
                continue
            if route.method == method:
                return route, {k: unquote(v) for k, v in found.groupdict().items()}, []
            allowed.append(route.method)
        return None, {}, allowed

    def dispatch(self, request: Request) -> tuple[Reply, Route | None]:
        route, params, allowed = self.match(request.method, request.path)
        if route is None:
            if allowed:
                reply = json_reply({"detail": "Method Not Allowed"}, 405)
                reply.headers["Allow"] = ", ".join(sorted(set(allowed)))
                return reply, None
            return self._redirect_or_404(request), None
        request.params = params
        try:
            if route.scopes is not None:
                # FastAPI resolves the Security dependency before validating params and body.
                request.token = auth.read_bearer(request.headers.get("Authorization"), request.state.now())
                auth.require_scope(request.token, route.scopes)
            return route.handler(request), route
        except HttpError as exc:
            reply = json_reply({"detail": exc.detail}, exc.status)
            reply.headers.update(exc.headers)
            return reply, route

    def _redirect_or_404(self, request: Request) -> Reply:
        # Starlette's redirect_slashes: the other form of the path matches a route (any method).
        other = request.path[:-1] if request.path.endswith("/") else request.path + "/"
        if any(route.pattern.match(other) for route in self.routes):
            query = f"?{request.raw_query}" if request.raw_query else ""
            location = f"{request.base_url}{other}{query}"
            return Reply(307, b"", None, {"Location": location})
        return json_reply({"detail": "Not Found"}, 404)


class FakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's pool is exercised as in production
    # Without TCP_NODELAY each reply waits ~40 ms for the client's delayed ACK (Nagle): every test
    # request would pay it. Latency is a fault knob, not an accident of the socket.
    disable_nagle_algorithm = True
    server_version = "fake-pyro-api"
    sys_version = ""
    api: FakePyroApi  # set on the subclass made by FakePyroApi

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the default writes every request line (with query strings) to stderr

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_address[1]}"
        request = Request(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers=self.headers,
            body=body,
            base_url=f"http://{host}",
            state=self.api.state,
            raw_query=parts.query,
        )
        decision = self.api.faults.decide(request.method, request.path)
        if decision.delay and self.api.stopping.wait(decision.delay):
            return self._reset()
        if decision.action == "reset":
            self._record(request, None)
            return self._reset()
        if decision.action == "timeout":
            self._record(request, None)
            self.api.stopping.wait(self.api.faults.timeout_sleep)
            return self._reset()
        if decision.action == "error":
            self._record(request, None)
            text = f"fault injected: HTTP {decision.status}".encode()
            return self._write(Reply(decision.status, text, "text/plain; charset=utf-8"))
        if decision.action == "deliver_late":
            return self._deliver_late(request, decision.hold)
        reply, route = self.api.dispatcher.dispatch(request)
        self._record(request, route)
        log.debug("%s %s -> %s", request.method, request.path, reply.status)
        if decision.action == "lose_response":
            return self._reset()  # the change is committed; the client never hears of it
        self._write(reply)

    def _deliver_late(self, request: Request, hold: float) -> None:
        """Cut the client off as if the request had not reached the server yet; apply it `hold`
        seconds later, from another thread (the socket really closes only when this handler ends)."""

        def apply() -> None:
            reply, route = self.api.dispatcher.dispatch(request)
            self._record(request, route)
            log.debug("%s %s -> %s, delivered %.2f s late", request.method, request.path, reply.status, hold)

        self.api.deliver_later(hold, apply)  # counted before the reset: a client that saw it can wait
        self._reset()

    def _record(self, request: Request, route: Route | None) -> None:
        self.api.record(
            RecordedRequest(
                request.method,
                request.path,
                request.query,
                request.body,
                request.content_type,
                "Authorization" in request.headers,
                request.headers.get("User-Agent", ""),
                route.template if route else None,
            )
        )

    def _write(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        try:
            self.wfile.write(reply.body)
        except OSError:
            self.close_connection = True

    def _reset(self) -> None:
        """Close the socket with an RST, answering nothing."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
