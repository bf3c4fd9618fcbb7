"""Occlusion masks through the client: CRUD, permissions, both 422 shapes, 404s, order of checks,
created_at forms, list order, and suspicious masks already on the server."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import httpx
import pytest

from mask_editor.api import Forbidden, NotFound, PyroClient, Rejected, ServerMask
from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box, QuantizeError
from tests.api.clients import MakeClient, bearer
from tests.fake_pyro_api.fixtures import FakeApi
from tests.fake_pyro_api.routes_masks import INVALID_MASK

BOX = Box(0.1, 0.2, 0.3, 0.4)


def test_create_get_patch_delete(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    created = agent.create_mask(pose, BOX)
    assert isinstance(created, ServerMask)
    assert (created.pose_id, created.text, created.box, created.suspicious) == (
        pose,
        "(0.1,0.2,0.3,0.4)",
        BOX,
        False,
    )
    assert created.created_at.tzinfo is UTC
    assert [m.mask for m in fake_api.state.masks(pose)] == ["(0.1,0.2,0.3,0.4)"]
    assert agent.get_mask(created.id) == created

    patched = agent.patch_mask(created.id, Box(0.1, 0.2, 0.5, 0.45))
    assert patched.text == "(0.1,0.2,0.5,0.45)"
    assert patched.created_at == created.created_at  # PATCH keeps created_at; there is no updated_at

    assert agent.delete_mask(created.id) is None
    assert fake_api.state.masks(pose) == []
    with pytest.raises(NotFound) as caught:
        agent.delete_mask(created.id)  # a second DELETE
    assert (caught.value.status, caught.value.detail) == (
        404,
        "Table OcclusionMask has no corresponding entry.",
    )
    with pytest.raises(NotFound):
        agent.get_mask(created.id)


def test_status_codes_and_delete_body_on_the_wire(fake_api: FakeApi, raw: httpx.Client) -> None:
    headers = bearer(fake_api.token_for("agent"))
    pose = fake_api.seeded.alpha_poses[0]
    created = raw.post("/occlusion_masks/", json={"pose_id": pose, "mask": "(0,0,1,0.4)"}, headers=headers)
    assert created.status_code == 201
    deleted = raw.delete(f"/occlusion_masks/{created.json()['id']}", headers=headers)
    assert (deleted.status_code, deleted.content, deleted.headers["content-type"]) == (
        200,
        b"null",
        "application/json",
    )


def test_client_sends_only_the_codec_string(fake_api: FakeApi, agent: PyroClient) -> None:
    box = Box(0.12345, 0.2, 0.99999, 0.4004)
    created = agent.create_mask(fake_api.seeded.alpha_poses[1], box)
    assert created.text == format_mask(box) == "(0.123,0.2,1,0.4)"
    bodies = [json.loads(r.body) for r in fake_api.requests if r.method == "POST" and "occlusion" in r.path]
    assert bodies == [{"pose_id": fake_api.seeded.alpha_poses[1], "mask": "(0.123,0.2,1,0.4)"}]


def test_a_box_too_thin_for_the_grid_never_leaves_the_client(fake_api: FakeApi, agent: PyroClient) -> None:
    with pytest.raises(QuantizeError):
        agent.create_mask(fake_api.seeded.alpha_poses[0], Box(0.1, 0.2, 0.1004, 0.4))
    assert not [r for r in fake_api.requests if r.method == "POST"]


def test_pose_masks_sorted_by_id_whatever_the_server_order(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    fake_api.state.shuffle_mask_lists = False  # the real server's rule: a patched mask moves to the end
    ids = [agent.create_mask(pose, Box(0.1 * i, 0.1, 0.1 * i + 0.05, 0.2)).id for i in range(1, 6)]
    agent.patch_mask(ids[0], Box(0.0, 0.0, 0.05, 0.05))
    wire = [m.id for m in fake_api.state.listing_order(pose)]
    assert wire[-1] == ids[0] and wire != sorted(wire)
    assert [m.id for m in agent.pose_masks(pose)] == ids
    fake_api.state.shuffle_mask_lists = True
    assert [m.id for m in agent.pose_masks(pose)] == ids


def test_created_at_with_and_without_fraction(fake_api: FakeApi, agent: PyroClient, raw: httpx.Client) -> None:
    pose = fake_api.seeded.beta_poses[0]
    whole = fake_api.state.add_mask(pose, "(0.1,0.1,0.2,0.2)", datetime(2026, 1, 1, 12, 0, 0))
    fraction = fake_api.state.add_mask(pose, "(0.3,0.1,0.4,0.2)", datetime(2026, 11, 21, 7, 25, 43, 27730))
    on_wire = {
        m["id"]: m["created_at"]
        for m in raw.get(f"/poses/{pose}/occlusion_masks", headers=bearer(fake_api.token_for("agent"))).json()
    }
    assert on_wire == {whole.id: "2026-01-01T12:00:00", fraction.id: "2026-11-21T07:25:43.027730"}
    read = {m.id: m.created_at for m in agent.pose_masks(pose)}
    assert read == {
        whole.id: datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC),
        fraction.id: datetime(2026, 11, 21, 7, 25, 43, 27730, tzinfo=UTC),
    }


def test_suspicious_server_masks_are_flagged_not_fatal(fake_api: FakeApi, make_client: MakeClient) -> None:
    pose = fake_api.seeded.alpha_poses[2]
    newline = fake_api.state.add_mask(pose, "(0.1,0.2,0.3,0.4)\n")
    swapped = fake_api.state.add_mask(pose, "(0.3,0.4,0.1,0.2)")
    zero = fake_api.state.add_mask(pose, "(0.1,0.2,0.1,0.4)")
    legacy = fake_api.state.add_mask(pose, "[0.1, 0.2, 0.3, 0.4, 0.9]")
    good = fake_api.state.add_mask(pose, "(0.5,0.5,0.6,0.6)")
    masks = {m.id: m for m in make_client("user").pose_masks(pose)}
    assert masks[newline.id].suspicious and masks[newline.id].box == BOX
    assert masks[swapped.id].suspicious and masks[swapped.id].box == BOX
    assert "swapped" in " ".join(masks[swapped.id].reading.notes)
    assert masks[zero.id].box is None and not masks[zero.id].reading.usable
    assert masks[legacy.id].suspicious and masks[legacy.id].box == BOX
    assert not masks[good.id].suspicious
    assert masks[newline.id].text == "(0.1,0.2,0.3,0.4)\n"  # kept verbatim, as the server holds it


# --- permissions ------------------------------------------------------------------------------------


def test_user_gets_scope_403_on_every_write_and_get_but_may_list(fake_api: FakeApi, make_client: MakeClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    mask = fake_api.state.add_mask(pose, "(0.1,0.2,0.3,0.4)")
    user = make_client("user")
    for call in (
        lambda: user.create_mask(pose, BOX),
        lambda: user.get_mask(mask.id),
        lambda: user.patch_mask(mask.id, BOX),
        lambda: user.delete_mask(mask.id),
    ):
        with pytest.raises(Forbidden) as caught:
            call()
        assert (caught.value.status, caught.value.kind, caught.value.detail) == (
            403,
            "scope",
            "Incompatible token scope.",
        )
    assert [m.id for m in user.pose_masks(pose)] == [mask.id]
    assert len(fake_api.state.masks(pose)) == 1


def test_camera_token_may_list_but_not_write(fake_api: FakeApi, make_client: MakeClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    mask = fake_api.state.add_mask(pose, "(0.1,0.2,0.3,0.4)")
    device = make_client(None)
    device.set_token(fake_api.camera_token(fake_api.seeded.alpha))
    assert [m.id for m in device.pose_masks(pose)] == [mask.id]
    with pytest.raises(Forbidden) as caught:
        device.create_mask(pose, BOX)
    assert caught.value.kind == "scope"


def test_agent_of_another_org_is_forbidden_on_every_mask_route(fake_api: FakeApi, make_client: MakeClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    mask = fake_api.state.add_mask(pose, "(0.1,0.2,0.3,0.4)")
    outsider = make_client("agent2")
    for call in (
        lambda: outsider.create_mask(pose, BOX),
        lambda: outsider.get_mask(mask.id),
        lambda: outsider.patch_mask(mask.id, BOX),
        lambda: outsider.delete_mask(mask.id),
        lambda: outsider.pose_masks(pose),
    ):
        with pytest.raises(Forbidden) as caught:
            call()
        assert (caught.value.kind, caught.value.detail) == ("organization", "Access forbidden.")
    assert fake_api.state.masks(pose)[0].mask == "(0.1,0.2,0.3,0.4)"


def test_admin_writes_in_any_organization(fake_api: FakeApi, make_client: MakeClient) -> None:
    admin = make_client("admin")
    created = admin.create_mask(fake_api.seeded.other_pose, BOX)
    assert admin.get_mask(created.id).pose_id == fake_api.seeded.other_pose


# --- 404 and 422 -----------------------------------------------------------------------------------


def test_unknown_pose_and_mask_are_404(agent: PyroClient) -> None:
    with pytest.raises(NotFound, match=re.escape("Table Pose has no corresponding entry.")):
        agent.create_mask(999, BOX)
    with pytest.raises(NotFound, match=re.escape("Table Pose has no corresponding entry.")):
        agent.pose_masks(999)
    with pytest.raises(NotFound, match=re.escape("Table OcclusionMask has no corresponding entry.")):
        agent.patch_mask(999, BOX)
    with pytest.raises(NotFound, match=re.escape("Table OcclusionMask has no corresponding entry.")):
        agent.get_mask(999)


def test_schema_422_list_is_made_readable(fake_api: FakeApi, agent: PyroClient) -> None:
    fake_api.allow_nonconforming()
    with pytest.raises(Rejected) as caught:
        agent.create_mask(0, BOX)  # pose_id must be > 0: FastAPI's list shape
    assert caught.value.status == 422
    assert caught.value.problems == ("body.pose_id: Input should be greater than 0",)
    assert str(caught.value) == "422: body.pose_id: Input should be greater than 0"


def test_both_422_shapes_through_the_client_plumbing(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    fake_api.allow_nonconforming()
    # Our public methods cannot send these; the private sender checks the error mapping of both shapes.
    with pytest.raises(Rejected) as short:
        agent._send("POST", "/occlusion_masks/", json={"pose_id": pose, "mask": "("})
    assert short.value.detail == "body.mask: String should have at least 2 characters"
    with pytest.raises(Rejected) as both:
        agent._send("POST", "/occlusion_masks/", json={"mask": 3})
    assert both.value.problems == (
        "body.pose_id: Field required",
        "body.mask: Input should be a valid string",
    )
    with pytest.raises(Rejected) as fmt:
        agent._send("POST", "/occlusion_masks/", json={"pose_id": pose, "mask": "(0.1,0.2,0.3,1.0)"})
    assert fmt.value.detail == INVALID_MASK and fmt.value.problems == (INVALID_MASK,)


@pytest.mark.parametrize(
    "text",
    [
        "(0.1, 0.2, 0.3, 0.4)",  # spaces
        "(0.1,0.2,0.3,1.0)",  # only a bare 1
        "(0.1234,0.2,0.3,0.4)",  # four decimals
        "(0.1,0.2,0.3,0.4,0.9)",  # the legacy confidence
        "[0.1,0.2,0.3,0.4]",  # square brackets
        "(-0.1,0.2,0.3,0.4)",  # negative
        "(0.1,0.2,0.3,1.5)",  # above 1
    ],
)
def test_server_format_check_rejects(fake_api: FakeApi, raw: httpx.Client, text: str) -> None:
    response = raw.post(
        "/occlusion_masks/",
        json={"pose_id": fake_api.seeded.alpha_poses[0], "mask": text},
        headers=bearer(fake_api.token_for("agent")),
    )
    assert (response.status_code, response.json()) == (422, {"detail": INVALID_MASK})


@pytest.mark.parametrize(
    "text",
    ["(0.3,0.4,0.1,0.2)", "(0.1,0.2,0.1,0.2)", "(0.1,0.2,0.3,0.4)\n", "(.1,0,1,.999)"],
)
def test_server_stores_what_it_does_not_check(fake_api: FakeApi, raw: httpx.Client, text: str) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    headers = bearer(fake_api.token_for("agent"))
    for _ in range(2):  # duplicates are accepted too
        response = raw.post("/occlusion_masks/", json={"pose_id": pose, "mask": text}, headers=headers)
        assert response.status_code == 201 and response.json()["mask"] == text
    assert [m.mask for m in fake_api.state.masks(pose)] == [text, text]


def test_order_of_checks(fake_api: FakeApi, raw: httpx.Client) -> None:
    own, other = fake_api.seeded.alpha_poses[0], fake_api.seeded.other_pose

    def post(user: str | None, body: object) -> tuple[int, object]:
        headers = bearer(fake_api.token_for(user)) if user else {}
        response = raw.post("/occlusion_masks/", json=body, headers=headers)
        return response.status_code, response.json().get("detail")

    assert post(None, {}) == (401, "Not authenticated")
    assert post("user", {}) == (403, "Incompatible token scope.")  # role before body
    status, detail = post("agent", {"pose_id": 999, "mask": "x"})  # schema before format and existence
    assert status == 422 and isinstance(detail, list)
    assert post("agent", {"pose_id": 999, "mask": "bad"}) == (422, INVALID_MASK)  # format before existence
    assert post("agent2", {"pose_id": 999, "mask": "(0,0,1,1)"})[0] == 404  # existence before organization
    assert post("agent2", {"pose_id": own, "mask": "(0,0,1,1)"}) == (403, "Access forbidden.")
    assert post("agent2", {"pose_id": other, "mask": "(0,0,1,1)"})[0] == 201


def test_patch_ignores_pose_id(fake_api: FakeApi, raw: httpx.Client) -> None:
    mask = fake_api.state.add_mask(fake_api.seeded.alpha_poses[0], "(0.1,0.2,0.3,0.4)")
    response = raw.patch(
        f"/occlusion_masks/{mask.id}",
        json={"mask": "(0,0,1,1)", "pose_id": 2},
        headers=bearer(fake_api.token_for("agent")),
    )
    assert response.status_code == 200
    assert response.json()["pose_id"] == fake_api.seeded.alpha_poses[0]


# --- routes that do not exist -----------------------------------------------------------------------


def test_no_put_and_no_collection_get(fake_api: FakeApi, raw: httpx.Client) -> None:
    headers = bearer(fake_api.token_for("admin"))
    mask = fake_api.state.add_mask(fake_api.seeded.alpha_poses[0], "(0.1,0.2,0.3,0.4)")
    put = raw.put(f"/occlusion_masks/{mask.id}", json={"mask": "(0,0,1,1)"}, headers=headers)
    assert (put.status_code, put.json()) == (405, {"detail": "Method Not Allowed"})
    listing = raw.get("/occlusion_masks/", headers=headers)
    assert listing.status_code == 405


@pytest.mark.parametrize(("path", "target"), [("/cameras", "/cameras/"), ("/occlusion_masks", "/occlusion_masks/")])
def test_missing_trailing_slash_redirects_absolutely(
    fake_api: FakeApi, raw: httpx.Client, path: str, target: str
) -> None:
    response = raw.get(path, params={"include_non_trustable": "true"})
    assert response.status_code == 307
    assert response.headers["location"] == f"{fake_api.url}/api/v1{target}?include_non_trustable=true"


def test_client_never_follows_a_redirect(fake_api: FakeApi, agent: PyroClient) -> None:
    from mask_editor.api import UnexpectedResponse

    fake_api.allow_nonconforming()  # the slash-less path is not in openapi.json: that is the point
    with pytest.raises(UnexpectedResponse) as caught:
        agent._send("GET", "/cameras")
    assert caught.value.status == 307
    assert "/api/v1/cameras/" in caught.value.detail
    assert fake_api.server.count("GET", "/api/v1/cameras/") == 0
