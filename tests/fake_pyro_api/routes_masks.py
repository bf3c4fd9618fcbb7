"""Occlusion mask routes, mirroring pyro-api's endpoint (app/api/api_v1/endpoints/occlusion_masks.py).

Order on POST/PATCH: token, role (dispatcher), body schema (422 list), mask format (422 string),
existence (404), organization (403). The server does NOT check xmin < xmax, zero size, duplicates
or a trailing newline: neither do we.
"""

from __future__ import annotations

import re
from typing import Any

from tests.fake_pyro_api import auth
from tests.fake_pyro_api.app import Reply, Request, Route, json_reply
from tests.fake_pyro_api.errors import MISSING, HttpError, check_int, check_str, field_error
from tests.fake_pyro_api.state import Mask, Pose

V1 = "/api/v1"
WRITERS = ("admin", "agent")
LISTERS = ("admin", "agent", "user", "camera")

# Verbatim from pyro-api.
FLOAT_PATTERN = r"(0?\.[0-9]{1,3}|0|1)"
MASK_PATTERN = rf"^\({FLOAT_PATTERN},{FLOAT_PATTERN},{FLOAT_PATTERN},{FLOAT_PATTERN}\)$"
mask_regex = re.compile(MASK_PATTERN)
INVALID_MASK = "Invalid mask format. Expected: (xmin, ymin, xmax, ymax) with float values in [0,1]."
NO_POSE = "Table Pose has no corresponding entry."
NO_MASK = "Table OcclusionMask has no corresponding entry."


def mask_json(mask: Mask) -> dict[str, Any]:
    return {
        "id": mask.id,
        "pose_id": mask.pose_id,
        "mask": mask.mask,
        "created_at": mask.created_at.isoformat(),
    }


def pose_or_404(request: Request, pose_id: int) -> Pose:
    pose = request.state.poses.get(pose_id)
    if pose is None:
        raise HttpError(404, NO_POSE)
    return pose


def _mask_id(request: Request) -> int:
    value, errors = check_int(request.params["mask_id"], ["path", "mask_id"], gt=0)
    if errors:
        raise HttpError(422, errors)
    assert value is not None
    return value


def _body_object(request: Request) -> dict[str, Any]:
    body = request.json_body() if request.content_type in ("application/json", "") else MISSING
    if body is MISSING:
        raise HttpError(422, [field_error("missing", ["body"], "Field required", None)])
    if not isinstance(body, dict):
        msg = "Input should be a valid dictionary or object to extract fields from"
        raise HttpError(422, [field_error("model_attributes_type", ["body"], msg, body)])
    return body


def _mask_text(body: dict[str, Any], errors: list[dict[str, Any]]) -> str | None:
    text, problems = check_str(body.get("mask", MISSING), ["body", "mask"], min_length=2, max_length=255)
    errors.extend(problems)
    return text


def _validate_format(text: str) -> None:
    if not mask_regex.match(text):
        raise HttpError(422, INVALID_MASK)


def _check_organization(request: Request, pose: Pose) -> None:
    auth.require_organization(request.token, request.state.cameras[pose.camera_id].organization_id)


def _existing(request: Request, mask_id: int) -> Mask:
    mask = request.state.masks_by_id.get(mask_id)
    if mask is None:
        raise HttpError(404, NO_MASK)
    _check_organization(request, pose_or_404(request, mask.pose_id))
    return mask


def create_mask(request: Request) -> Reply:
    body = _body_object(request)
    errors: list[dict[str, Any]] = []
    pose_id, problems = check_int(body.get("pose_id", MISSING), ["body", "pose_id"], gt=0)
    errors.extend(problems)
    text = _mask_text(body, errors)
    if errors:
        raise HttpError(422, errors)
    assert text is not None and pose_id is not None
    _validate_format(text)
    with request.state.lock:
        _check_organization(request, pose_or_404(request, pose_id))
        mask = request.state.add_mask(pose_id, text)
        return json_reply(mask_json(mask), 201)


def get_mask(request: Request) -> Reply:
    mask_id = _mask_id(request)
    with request.state.lock:
        return json_reply(mask_json(_existing(request, mask_id)))


def patch_mask(request: Request) -> Reply:
    mask_id = _mask_id(request)
    body = _body_object(request)
    errors: list[dict[str, Any]] = []
    text = _mask_text(body, errors)
    if errors:
        raise HttpError(422, errors)
    assert text is not None
    _validate_format(text)
    with request.state.lock:
        _existing(request, mask_id)
        # A pose_id in the body is ignored: a mask cannot move to another pose. created_at is kept.
        return json_reply(mask_json(request.state.patch_mask(mask_id, text)))


def delete_mask(request: Request) -> Reply:
    mask_id = _mask_id(request)
    with request.state.lock:
        _existing(request, mask_id)
        request.state.delete_mask(mask_id)
    return json_reply(None)  # 200 with JSON null, not a 204


def list_pose_masks(request: Request) -> Reply:
    value, errors = check_int(request.params["pose_id"], ["path", "pose_id"], gt=0)
    if errors:
        raise HttpError(422, errors)
    assert value is not None
    with request.state.lock:
        _check_organization(request, pose_or_404(request, value))
        return json_reply([mask_json(m) for m in request.state.listing_order(value)])


MASK_ROUTES: list[Route] = [
    Route("POST", f"{V1}/occlusion_masks/", WRITERS, create_mask),
    Route("GET", f"{V1}/occlusion_masks/{{mask_id}}", WRITERS, get_mask),
    Route("PATCH", f"{V1}/occlusion_masks/{{mask_id}}", WRITERS, patch_mask),
    Route("DELETE", f"{V1}/occlusion_masks/{{mask_id}}", WRITERS, delete_mask),
    Route("GET", f"{V1}/poses/{{pose_id}}/occlusion_masks", LISTERS, list_pose_masks),
]
