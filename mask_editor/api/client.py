"""PyroClient: the one place that talks HTTP to a pyro-api server (CONTRACT.md).

Rules it keeps, because the devices and the sync engine depend on them:
- GETs are retried on network failures and 5xx, with exponential backoff and jitter; writes
  (POST/PATCH/DELETE) never are: a lost POST answer may still have created a mask.
- Mask writes take a core Box and send only `core.codec.format_mask(box)`.
- The token, the password and presigned URL query strings never reach a log line or an error text.
- One httpx.Client (one connection pool) per PyroClient, safe to share between worker threads.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from datetime import date
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from mask_editor.api.errors import (
    ApiError,
    Forbidden,
    InvalidCredentials,
    NotFound,
    ServerError,
    SignInRequired,
    UnexpectedResponse,
    Unreachable,
    error_for_status,
)
from mask_editor.api.records import Camera, Detection, Pose, Sequence, ServerMask, Token, TokenFormatError
from mask_editor.api.wire import (
    image_body,
    scrub,
    sent_before_failure,
    unreachable_reason,
    without_query,
)
from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box

log = logging.getLogger(__name__)

T = TypeVar("T")

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=30.0)
SEQUENCE_PAGE = 15  # the server's default page size for /sequences/all/fromdate
MAX_SEQUENCE_PAGES = 1000  # a guard against a server that ignores `offset`


class PyroClient:
    """A client for one pyro-api server and (optionally) one signed-in account."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        max_connections: int = 8,
        retries: int = 3,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        root = base_url.rstrip("/")
        if root.endswith(API_PREFIX):  # accept both "https://host" and "https://host/api/v1"
            root = root[: -len(API_PREFIX)]
        self.base_url = root
        self.retries = max(0, retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._raw_token: str | None = None
        self._token: Token | None = None
        self.set_token(token)
        # verify stays at its default (True): TLS is never turned off. No redirects are followed:
        # we call the slash forms the contract names, and a redirect means something is in the way.
        self._http = httpx.Client(
            base_url=root + API_PREFIX,
            timeout=timeout,
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            follow_redirects=False,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "mask-editor"},
        )

    # --- lifecycle and token ---------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PyroClient({self.base_url!r}, signed_in={self._raw_token is not None})"

    @property
    def token(self) -> Token | None:
        """The decoded token, or None when none is set or the string set is not a JWT."""
        return self._token

    def set_token(self, token: str | Token | None) -> None:
        if isinstance(token, Token):
            self._raw_token, self._token = token.raw, token
            return
        self._raw_token = token or None
        try:
            self._token = Token.decode(token) if token else None
        except TokenFormatError:
            self._token = None  # kept as given: the server will answer 406 and the UI asks to sign in

    # --- login -----------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> Token:
        """POST /login/creds (form-encoded). Stores and returns the token; not retried (a POST)."""
        try:
            response = self._send("POST", "/login/creds", data={"username": username, "password": password}, auth=False)
        except SignInRequired as exc:
            raise InvalidCredentials(exc.detail, exc.status) from None
        body = self._json(response)
        try:
            token = Token.decode(body["access_token"])
        except (KeyError, TypeError, TokenFormatError) as exc:
            raise UnexpectedResponse(f"the sign-in answer holds no usable token ({exc})", 200) from None
        self.set_token(token)
        log.info("signed in to %s as user %s (%s)", self.base_url, token.user_id, token.role)
        return token

    def validate(self) -> dict[str, Any]:
        """GET /login/validate: the token's payload as the server reads it (401/406 if unusable)."""
        body = self._json(self._get("/login/validate"))
        if not isinstance(body, dict):
            raise UnexpectedResponse("the token check did not answer an object", 200)
        return body

    # --- cameras and poses -----------------------------------------------------------------------

    def cameras(self, include_non_trustable: bool = False) -> list[Camera]:
        params = {"include_non_trustable": "true"} if include_non_trustable else None
        return self._records(self._get("/cameras/", params=params), Camera.from_json)

    def camera(self, camera_id: int) -> Camera:
        return self._record(self._get(f"/cameras/{int(camera_id)}"), Camera.from_json)

    def pose(self, pose_id: int) -> Pose:
        return self._record(self._get(f"/poses/{int(pose_id)}"), Pose.from_json)

    def download_pose_image(self, pose: int | Pose) -> bytes:
        """The pose's last image (JPEG or PNG bytes) from storage.

        The presigned URL expires: on a 403 from storage we ask the API for a fresh URL and try once
        more. A pose without an image raises NotFound.
        """
        current = pose if isinstance(pose, Pose) and pose.image_url else self.pose(_pose_id(pose))
        for attempt in (1, 2):
            if not current.image_url:
                raise NotFound(f"pose {current.id} has no image yet", None)
            try:
                return self._download(current.image_url, what=f"pose {current.id} image")
            except Forbidden:
                if attempt == 2:
                    raise
                log.info("image link of pose %s refused (expired?), asking for a fresh one", current.id)
                current = self.pose(current.id)
        raise AssertionError("unreachable")  # pragma: no cover

    def latest_image(self, camera_id: int, pose_index: int) -> bytes | None:
        """The device's cached image for a pose index (device proxy); None when it has none (204)."""
        response = self._get(
            f"/cameras/{int(camera_id)}/latest_image", params={"pose": int(pose_index)}, device_proxy=True
        )
        if response.status_code == 204:
            return None
        return image_body(response, f"latest image of camera {camera_id}")

    def capture(self, camera_id: int, patrol_id: int) -> bytes:
        """A fresh snapshot from the device at a patrol pose (device proxy: 409/502 when unavailable)."""
        response = self._get(
            f"/cameras/{int(camera_id)}/capture", params={"patrol_id": int(patrol_id)}, device_proxy=True
        )
        return image_body(response, f"capture of camera {camera_id}")

    # --- occlusion masks -------------------------------------------------------------------------

    def pose_masks(self, pose_id: int) -> list[ServerMask]:
        """The pose's masks, sorted by id (the server's order changes when a mask is patched)."""
        masks = self._records(self._get(f"/poses/{int(pose_id)}/occlusion_masks"), ServerMask.from_json)
        return sorted(masks, key=lambda m: m.id)

    def create_mask(self, pose_id: int, box: Box) -> ServerMask:
        body = {"pose_id": int(pose_id), "mask": format_mask(box)}
        return self._record(self._send("POST", "/occlusion_masks/", json=body), ServerMask.from_json)

    def get_mask(self, mask_id: int) -> ServerMask:
        return self._record(self._get(f"/occlusion_masks/{int(mask_id)}"), ServerMask.from_json)

    def patch_mask(self, mask_id: int, box: Box) -> ServerMask:
        body = {"mask": format_mask(box)}
        response = self._send("PATCH", f"/occlusion_masks/{int(mask_id)}", json=body)
        return self._record(response, ServerMask.from_json)

    def delete_mask(self, mask_id: int) -> None:
        """DELETE answers 200 with JSON null; a second DELETE of the same mask raises NotFound."""
        self._send("DELETE", f"/occlusion_masks/{int(mask_id)}")

    # --- sequences and detections ----------------------------------------------------------------

    def sequences_from(self, day: date, limit: int = SEQUENCE_PAGE, offset: int = 0) -> list[Sequence]:
        params = {"from_date": day.isoformat(), "limit": int(limit), "offset": int(offset)}
        return self._records(self._get("/sequences/all/fromdate", params=params), Sequence.from_json)

    def all_sequences_from(self, day: date, page_size: int = SEQUENCE_PAGE) -> list[Sequence]:
        """Every sequence of the day, page by page, each id once."""
        found: dict[int, Sequence] = {}
        for page in range(MAX_SEQUENCE_PAGES):
            batch = self.sequences_from(day, limit=page_size, offset=page * page_size)
            new = [s for s in batch if s.id not in found]
            found.update((s.id, s) for s in new)
            if len(batch) < page_size or not new:
                break
        return list(found.values())

    def sequence_detections(
        self, sequence_id: int, limit: int = 100, offset: int = 0, desc: bool = False
    ) -> list[Detection]:
        params = {"limit": int(limit), "offset": int(offset), "desc": "true" if desc else "false"}
        response = self._get(f"/sequences/{int(sequence_id)}/detections", params=params)
        return self._records(response, Detection.from_json)

    def detections(self) -> list[Detection]:
        """GET /detections/ (admin, agent): every detection, lone ones (no sequence) included; the API
        takes no filter nor paging (openapi.json)."""
        response = self._get("/detections/")
        return self._records(response, Detection.from_json)

    # --- plumbing --------------------------------------------------------------------------------

    def _get(self, path: str, params: Mapping[str, Any] | None = None, *, device_proxy: bool = False) -> httpx.Response:
        return self._send("GET", path, params=params, device_proxy=device_proxy)

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        auth: bool = True,
        device_proxy: bool = False,
    ) -> httpx.Response:
        headers = {}
        if auth and self._raw_token:
            headers["Authorization"] = f"Bearer {self._raw_token}"
        secrets = (data or {}).get("password", ""), self._raw_token or ""

        def once() -> httpx.Response:
            request = self._http.build_request(method, path, params=params, json=json, data=data, headers=headers)
            response = self._exchange(request, method == "GET")
            if response.status_code >= 300 or response.status_code < 200:
                raise self._error(response, secrets, device_proxy=device_proxy)
            return response

        return self._with_retries(once, method, path) if method == "GET" else once()

    def _download(self, url: str, what: str) -> bytes:
        """A storage GET: absolute URL, no Authorization header, retried like any GET."""
        shown = without_query(url)

        def once() -> httpx.Response:
            request = self._http.build_request("GET", url, headers={"Accept": "*/*"})
            request.headers.pop("Authorization", None)
            response = self._exchange(request, True)
            if response.status_code != 200:
                raise self._error(response, (self._raw_token or "",), storage=True)
            return response

        return image_body(self._with_retries(once, "GET", shown), what)

    def _exchange(self, request: httpx.Request, idempotent: bool) -> httpx.Response:
        started = time.monotonic()
        try:
            response = self._http.send(request)
        except httpx.TransportError as exc:
            reason = unreachable_reason(exc)
            log.debug("%s %s failed: %s", request.method, request.url.path, reason)
            raise Unreachable(reason, maybe_applied=not idempotent and sent_before_failure(exc)) from None
        log.debug(
            "%s %s -> %s in %.0f ms",
            request.method,
            request.url.path,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response

    def _with_retries(self, once: Callable[[], httpx.Response], method: str, what: str) -> httpx.Response:
        for attempt in range(self.retries + 1):
            try:
                return once()
            except (Unreachable, ServerError) as exc:
                if attempt >= self.retries:
                    raise
                delay = self._backoff(attempt)
                log.info("%s %s failed (%s), retry %d in %.2f s", method, what, exc, attempt + 1, delay)
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        """Exponential with "equal jitter": half the step fixed, half random, so that several
        workers hitting the same outage spread out but still wait at least half the step."""
        step = min(self.backoff_max, self.backoff_base * 2**attempt)
        return step / 2 + self._rng.uniform(0, step / 2)

    def _error(
        self,
        response: httpx.Response,
        secrets: tuple[str, ...],
        *,
        device_proxy: bool = False,
        storage: bool = False,
    ) -> ApiError:
        status = response.status_code
        if 300 <= status < 400:
            target = without_query(response.headers.get("location", "?"))
            return UnexpectedResponse(f"the server redirected the request to {target}", status)
        detail: Any = None
        try:
            body = response.json()
            detail = body.get("detail") if isinstance(body, dict) else None
        except ValueError:
            pass
        if storage and detail is None:
            detail = f"the image storage answered HTTP {status}"
        error = error_for_status(status, detail, device_proxy=device_proxy)
        error.detail = scrub(error.detail, secrets)
        error.args = (error.detail,)
        return error

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "no content type")
            raise UnexpectedResponse(f"expected JSON, got {kind}", response.status_code) from None

    def _record(self, response: httpx.Response, build: Callable[[dict[str, Any]], T]) -> T:
        body = self._json(response)
        try:
            return build(body)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UnexpectedResponse(f"unexpected answer shape ({type(exc).__name__}: {exc})", 200) from None

    def _records(self, response: httpx.Response, build: Callable[[dict[str, Any]], T]) -> list[T]:
        body = self._json(response)
        if not isinstance(body, list):
            raise UnexpectedResponse("expected a JSON list", response.status_code)
        try:
            return [build(item) for item in body]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UnexpectedResponse(f"unexpected answer shape ({type(exc).__name__}: {exc})", 200) from None


def _pose_id(pose: int | Pose) -> int:
    return pose.id if isinstance(pose, Pose) else int(pose)
