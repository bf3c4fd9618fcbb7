"""Sign-in and the token answers: 200, 401 (missing / not Bearer / expired / bad signature / bad
credentials), 406 (not a JWT), 403 scope, 422 on a JSON login body."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from mask_editor.api import Forbidden, InvalidCredentials, PyroClient, SignInRequired, Token
from tests.api.clients import MakeClient
from tests.fake_pyro_api import auth
from tests.fake_pyro_api.fixtures import FakeApi


def test_sign_in_stores_and_decodes_the_token(fake_api: FakeApi) -> None:
    with PyroClient(fake_api.url) as client:
        token = client.sign_in("agent", fake_api.passwords["agent"])
        assert client.token == token
        assert token.user_id == fake_api.state.user("agent").id
        assert token.scopes == ("agent",) and token.role == "agent" and token.can_write_masks
        assert token.organization_id == fake_api.seeded.org
        assert token.expires_at is not None and token.expires_at.tzinfo is not None
        assert timedelta(days=364) < token.expires_at - datetime.now(UTC) < timedelta(days=366)
        assert client.validate() == {"sub": token.user_id, "scopes": ["agent"], "organization_id": 1}
    login = [r for r in fake_api.requests if r.path.endswith("/login/creds")]
    assert login[0].content_type == "application/x-www-form-urlencoded"
    assert not login[0].has_authorization


def test_base_url_may_already_end_with_the_api_prefix(fake_api: FakeApi) -> None:
    with PyroClient(fake_api.url + "/api/v1/", fake_api.token_for("user")) as client:
        assert client.validate()["scopes"] == ["user"]


def test_wrong_password_is_invalid_credentials(fake_api: FakeApi) -> None:
    with PyroClient(fake_api.url) as client:
        with pytest.raises(InvalidCredentials) as caught:
            client.sign_in("agent", "wrong-password")
        assert caught.value.status == 401
        assert caught.value.detail == "Invalid credentials."
        assert client.token is None
    with PyroClient(fake_api.url) as client, pytest.raises(InvalidCredentials):
        client.sign_in("nobody", "x")


def test_json_login_body_is_a_422_list(raw: httpx.Client) -> None:
    response = raw.post("/login/creds", json={"username": "agent", "password": "x"})
    assert response.status_code == 422
    assert [item["loc"] for item in response.json()["detail"]] == [["body", "username"], ["body", "password"]]


def test_no_token_is_401_not_authenticated(make_client: MakeClient) -> None:
    with pytest.raises(SignInRequired) as caught:
        make_client(None).cameras()
    assert (caught.value.status, caught.value.detail) == (401, "Not authenticated")


@pytest.mark.parametrize("header", ["Basic YWdlbnQ6eA==", "Bearer", "token abc"])
def test_non_bearer_header_is_401(raw: httpx.Client, header: str) -> None:
    response = raw.get("/cameras/", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json() == {"detail": "Not authenticated"}


def test_expired_token_is_401(fake_api: FakeApi, make_client: MakeClient) -> None:
    expired = fake_api.token_for("agent", lifetime=timedelta(seconds=-5))
    client = make_client(None)
    client.set_token(expired)
    assert client.token is not None and client.token.is_expired()
    with pytest.raises(SignInRequired) as caught:
        client.pose_masks(fake_api.seeded.alpha_poses[0])
    assert (caught.value.status, caught.value.detail) == (401, "Token has expired.")


def test_token_expiring_as_the_server_clock_moves(fake_api: FakeApi, agent: PyroClient) -> None:
    agent.validate()
    fake_api.state.advance(timedelta(days=366))
    with pytest.raises(SignInRequired, match=re.escape("Token has expired.")):
        agent.validate()


def test_bad_signature_is_401_worded_as_expired(fake_api: FakeApi, make_client: MakeClient) -> None:
    forged = auth.encode({"sub": "1", "scopes": ["admin"], "organization_id": 1, "exp": 4102444800}, b"guess")
    client = make_client(None)
    client.set_token(forged)
    with pytest.raises(SignInRequired) as caught:
        client.cameras()
    assert (caught.value.status, caught.value.detail) == (401, "Token has expired.")


@pytest.mark.parametrize("junk", ["not-a-jwt", "a.b.c", "a.b"])
def test_not_a_jwt_is_406_and_means_sign_in_again(make_client: MakeClient, junk: str) -> None:
    client = make_client(None)
    client.set_token(junk)
    assert client.token is None  # undecodable, but still sent: the server decides
    with pytest.raises(SignInRequired) as caught:
        client.cameras()
    assert (caught.value.status, caught.value.detail) == (406, "Invalid token.")


def test_camera_token_is_403_scope_on_cameras(fake_api: FakeApi, make_client: MakeClient) -> None:
    client = make_client(None)
    client.set_token(fake_api.camera_token(fake_api.seeded.alpha))
    assert client.token is not None and client.token.role == "camera"
    with pytest.raises(Forbidden) as caught:
        client.cameras()
    assert (caught.value.status, caught.value.kind) == (403, "scope")
    assert caught.value.detail == "Incompatible token scope."
    assert client.validate()["scopes"] == ["camera"]


def test_token_repr_and_str_hide_the_raw_token(fake_api: FakeApi) -> None:
    raw_token = fake_api.token_for("admin")
    token = Token.decode(raw_token)
    assert token.raw == raw_token
    for text in (repr(token), str(token)):
        assert raw_token not in text
        assert not any(part in text for part in raw_token.split("."))
    with PyroClient(fake_api.url, raw_token) as client:
        assert raw_token not in repr(client)
