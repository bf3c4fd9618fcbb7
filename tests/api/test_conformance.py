"""Every request PyroClient sends is one the real API documents (tests/fake_pyro_api/openapi.json,
the repository's copy of the server's document, the only one the tests read), and every fake API
route exists there too.

The `fake_api` fixture runs the same check on the client's requests at the end of every test that
uses it; this module drives every public client method once and checks the checker itself.
"""

from __future__ import annotations

import ast
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from mask_editor.api import PyroClient
from mask_editor.core.geometry import Box
from tests.api.clients import MakeClient
from tests.fake_pyro_api.app import RecordedRequest
from tests.fake_pyro_api.fixtures import CLIENT_USER_AGENT, FakeApi
from tests.fake_pyro_api.images import make_jpeg
from tests.fake_pyro_api.openapi_check import SPEC_PATH, load_spec
from tests.fake_pyro_api.server import FakePyroApi


def _exercise_every_method(fake_api: FakeApi, client: PyroClient) -> None:
    seeded, state = fake_api.seeded, fake_api.state
    client.sign_in("agent", fake_api.passwords["agent"])
    client.validate()
    client.cameras()
    client.cameras(include_non_trustable=True)
    client.camera(seeded.alpha)
    pose = client.pose(seeded.alpha_poses[0])
    client.download_pose_image(pose)
    state.set_device(seeded.alpha, latest={0: make_jpeg()})
    client.latest_image(seeded.alpha, 0)
    client.capture(seeded.alpha, 1)
    created = client.create_mask(pose.id, Box(0.1, 0.2, 0.3, 0.4))
    client.get_mask(created.id)
    client.patch_mask(created.id, Box(0.1, 0.2, 0.3, 0.5))
    client.pose_masks(pose.id)
    client.delete_mask(created.id)
    seq = state.add_sequence(seeded.alpha, pose.id, datetime(2026, 11, 20, 10, 0))
    state.add_detection(seq.id, "[(0.1,0.1,0.2,0.2,0.5)]")
    client.sequences_from(date(2026, 11, 20), limit=5, offset=0)
    client.all_sequences_from(date(2026, 11, 20))
    client.sequence_detections(seq.id, limit=100, offset=0, desc=True)
    client.sequence_detections(seq.id)
    client.detections()


def test_every_client_request_conforms(fake_api: FakeApi, make_client: MakeClient) -> None:
    _exercise_every_method(fake_api, make_client(None))
    sent = fake_api.client_requests()
    api_requests = [r for r in sent if r.path.startswith("/api/")]
    spec = load_spec()
    assert [problem for r in api_requests for problem in spec.check(r)] == []
    # Every route the client knows was exercised, through its slash form, never a redirect.
    assert {r.route for r in api_requests} == {route.template for route in FakePyroApi.routes if route.in_openapi}
    assert all(r.route is not None for r in sent)
    assert all(r.user_agent.startswith(CLIENT_USER_AGENT) for r in sent)


def test_every_fake_route_exists_in_openapi() -> None:
    spec = load_spec()
    for route in FakePyroApi.routes:
        if route.in_openapi:
            assert spec.has(route.method, route.template), f"{route.method} {route.template}"


def _request(
    method: str,
    path: str,
    query: dict[str, list[str]] | None = None,
    body: bytes = b"",
    content_type: str = "",
) -> RecordedRequest:
    return RecordedRequest(method, path, query or {}, body, content_type, True, CLIENT_USER_AGENT, None)


@pytest.mark.parametrize(
    ("request_", "problem"),
    [
        (_request("GET", "/api/v1/cameras"), "no such path"),
        (_request("PUT", "/api/v1/occlusion_masks/3"), "method not declared"),
        (_request("GET", "/api/v1/occlusion_masks/0"), "less than or equal to the minimum"),
        (_request("GET", "/api/v1/cameras/", {"trustable": ["true"]}), "'trustable' is not declared"),
        (_request("GET", "/api/v1/cameras/1/latest_image"), "'pose' missing"),
        (_request("GET", "/api/v1/sequences/all/fromdate", {"from_date": ["20/11/2026"]}), "is not a 'date'"),
        (_request("GET", "/api/v1/sequences/1/detections", {"limit": ["500"]}), "maximum"),
        (
            _request(
                "POST",
                "/api/v1/occlusion_masks/",
                body=b'{"pose_id": 1, "mask": "x"}',
                content_type="application/json",
            ),
            "too short",
        ),
        (
            _request("POST", "/api/v1/occlusion_masks/", body=b'{"pose_id": 1}', content_type="application/json"),
            "'mask' is a required property",
        ),
        (
            _request(
                "PATCH",
                "/api/v1/occlusion_masks/1",
                body=b"mask=(0,0,1,1)",
                content_type="application/x-www-form-urlencoded",
            ),
            "content type",
        ),
        (
            _request(
                "POST",
                "/api/v1/login/creds",
                body=b"username=a&password=b&otp=1",
                content_type="application/x-www-form-urlencoded",
            ),
            "'otp' is not declared",
        ),
        (
            _request(
                "POST",
                "/api/v1/login/creds",
                body=b"username=a",
                content_type="application/x-www-form-urlencoded",
            ),
            "'password' is a required property",
        ),
        (
            _request("DELETE", "/api/v1/occlusion_masks/1", body=b"{}", content_type="application/json"),
            "takes none",
        ),
    ],
)
def test_the_checker_catches_departures(request_: RecordedRequest, problem: str) -> None:
    problems = load_spec().check(request_)
    assert any(problem in p for p in problems), problems


def test_the_checker_accepts_good_requests() -> None:
    spec = load_spec()
    good = [
        _request(
            "POST",
            "/api/v1/login/creds",
            body=b"username=a&password=b",
            content_type="application/x-www-form-urlencoded",
        ),
        _request(
            "PATCH",
            "/api/v1/occlusion_masks/1",
            body=b'{"mask": "(0,0,1,1)"}',
            content_type="application/json",
        ),
        _request("GET", "/api/v1/sequences/all/fromdate", {"from_date": ["2026-11-20"], "limit": ["15"]}),
        _request("GET", "/api/v1/cameras/2/latest_image", {"pose": ["0"]}),
    ]
    assert [p for r in good for p in spec.check(r)] == []


ROOT = Path(__file__).resolve().parents[2]
OUTSIDE = re.compile(r"^(/work/|/home/|/srv/|~/|\.\./)|/shared/pyro-api")


def _path_literals(source: Path) -> list[str]:
    """String constants (docstrings aside) that name a place outside the repository."""
    tree = ast.parse(source.read_text())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and OUTSIDE.search(node.value) and node.value != OUTSIDE.pattern]


def test_the_spec_is_the_repository_copy_only() -> None:
    assert SPEC_PATH.resolve().is_relative_to(ROOT) and SPEC_PATH.is_file()
    found = {str(p.relative_to(ROOT)): hits for p in sorted((ROOT / "tests").rglob("*.py"))
             if (hits := _path_literals(p))}
    assert found == {}, "tests must not read outside the repository"
