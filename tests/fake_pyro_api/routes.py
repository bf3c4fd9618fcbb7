"""The API routes mask_editor uses, answering as CONTRACT.md says the real server does.

Masks live in routes_masks.py. Check order everywhere: token and role (done by the dispatcher),
then params/body schema (422 list), then existence (404), then organization (403).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from tests.fake_pyro_api import auth
from tests.fake_pyro_api.app import Reply, Request, Route, json_reply
from tests.fake_pyro_api.errors import HttpError, check_bool, check_int, field_error
from tests.fake_pyro_api.images import STORAGE_PREFIX, check_presigned, make_jpeg, presign, s3_error
from tests.fake_pyro_api.routes_masks import MASK_ROUTES, pose_or_404
from tests.fake_pyro_api.state import Camera, Detection, Pose, Sequence

READERS = ("admin", "agent", "user")
V1 = "/api/v1"
DEVICE_NOT_CONFIGURED = "Camera device connection is not configured"
DEVICE_UNREACHABLE = "Camera device is unreachable"


def path_id(request: Request, name: str) -> int:
    value, errors = check_int(request.params[name], ["path", name], gt=0)
    if errors:
        raise HttpError(422, errors)
    assert value is not None
    return value


def query_int(request: Request, name: str, default: int | None, *, required: bool = False, **bounds: int) -> int | None:
    raw = request.q(name)
    if raw is None:
        if required:
            raise HttpError(422, [field_error("missing", ["query", name], "Field required", None)])
        return default
    value, errors = check_int(raw, ["query", name], **bounds)
    if errors:
        raise HttpError(422, errors)
    return value


def query_bool(request: Request, name: str, default: bool) -> bool:
    raw = request.q(name)
    if raw is None:
        return default
    value, errors = check_bool(raw, ["query", name])
    if errors:
        raise HttpError(422, errors)
    return bool(value)


def iso(value: datetime | None) -> str | None:
    """Naive ISO-8601 like the server: no offset, no fraction when the microseconds are zero."""
    return None if value is None else value.replace(tzinfo=None).isoformat()


def storage_url(request: Request, key: str | None) -> str | None:
    if key is None or key not in request.state.storage:
        return None
    return presign(request.base_url, key, request.state.now() + request.state.url_ttl)


# --- login ------------------------------------------------------------------------------------------


def login_creds(request: Request) -> Reply:
    form = request.form_body() if request.content_type == "application/x-www-form-urlencoded" else {}
    errors = [
        field_error("missing", ["body", name], "Field required", None)
        for name in ("username", "password")
        if name not in form
    ]
    if errors:
        raise HttpError(422, errors)
    state = request.state
    with state.lock:
        user = next((u for u in state.users.values() if u.login == form["username"]), None)
        if user is None or user.password != form["password"]:
            raise HttpError(401, auth.BAD_CREDENTIALS)
        token = auth.make_token(user.id, user.role, user.organization_id, state.now())
    return json_reply({"access_token": token, "token_type": "bearer"})


def login_validate(request: Request) -> Reply:
    token = request.token
    return json_reply({"sub": token["sub"], "scopes": token["scopes"], "organization_id": token["organization_id"]})


# --- cameras and poses ------------------------------------------------------------------------------


def pose_summary(pose: Pose) -> dict[str, Any]:
    return {
        "id": pose.id,
        "camera_id": pose.camera_id,
        "azimuth": pose.azimuth,
        "patrol_id": pose.patrol_id,
        "active": pose.active,
    }


def camera_json(request: Request, camera: Camera) -> dict[str, Any]:
    return {
        "id": camera.id,
        "organization_id": camera.organization_id,
        "name": camera.name,
        "angle_of_view": camera.angle_of_view,
        "elevation": camera.elevation,
        "lat": camera.lat,
        "lon": camera.lon,
        "is_trustable": camera.is_trustable,
        "last_active_at": iso(camera.last_active_at),
        "last_image": camera.last_image,
        "created_at": iso(camera.created_at),
        "last_image_url": storage_url(request, camera.last_image),
        "poses": [pose_summary(p) for p in request.state.poses_of(camera.id, active_only=True)],
    }


def camera_or_404(request: Request, camera_id: int) -> Camera:
    camera = request.state.cameras.get(camera_id)
    if camera is None:
        raise HttpError(404, "Table Camera has no corresponding entry.")
    return camera


def list_cameras(request: Request) -> Reply:
    include_all = query_bool(request, "include_non_trustable", False)
    token = request.token
    with request.state.lock:
        cameras = [
            camera_json(request, c)
            for c in sorted(request.state.cameras.values(), key=lambda c: c.id)
            if (include_all or c.is_trustable)
            and ("admin" in token["scopes"] or c.organization_id == token["organization_id"])
        ]
    return json_reply(cameras)


def get_camera(request: Request) -> Reply:
    camera_id = path_id(request, "camera_id")
    with request.state.lock:
        camera = camera_or_404(request, camera_id)
        auth.require_organization(request.token, camera.organization_id)
        return json_reply(camera_json(request, camera))


def get_pose(request: Request) -> Reply:
    pose_id = path_id(request, "pose_id")
    state = request.state
    with state.lock:
        pose = pose_or_404(request, pose_id)
        auth.require_organization(request.token, state.cameras[pose.camera_id].organization_id)
        if pose.image is not None and pose.image not in state.storage:
            raise HttpError(404, "File cannot be found on the bucket storage")
        return json_reply({**pose_summary(pose), "image": pose.image, "image_url": storage_url(request, pose.image)})


# --- device proxy -----------------------------------------------------------------------------------


def _device(request: Request, camera_id: int) -> Camera:
    camera = camera_or_404(request, camera_id)
    auth.require_organization(request.token, camera.organization_id)
    if camera.device.mode == "unconfigured":
        raise HttpError(409, DEVICE_NOT_CONFIGURED)
    if camera.device.mode == "unreachable":
        raise HttpError(502, DEVICE_UNREACHABLE)
    return camera


def latest_image(request: Request) -> Reply:
    camera_id = path_id(request, "camera_id")
    index = query_int(request, "pose", None, required=True)
    query_int(request, "quality", 95, ge=1, le=100)
    with request.state.lock:
        image = _device(request, camera_id).device.latest.get(index or 0)
    if image is None:
        return Reply(204, b"", None)
    return Reply(200, image, "image/jpeg")


def capture(request: Request) -> Reply:
    camera_id = path_id(request, "camera_id")
    patrol_id = query_int(request, "patrol_id", None)
    query_int(request, "quality", 95, ge=1, le=100)
    with request.state.lock:
        image = _device(request, camera_id).device.capture
    return Reply(200, image or make_jpeg(seed=patrol_id or 0), "image/jpeg")


# --- sequences and detections -----------------------------------------------------------------------


def sequence_json(request: Request, seq: Sequence) -> dict[str, Any]:
    count = sum(1 for d in request.state.detections.values() if d.sequence_id == seq.id)
    return {
        "id": seq.id,
        "camera_id": seq.camera_id,
        "pose_id": seq.pose_id,
        "camera_azimuth": seq.camera_azimuth,
        "is_wildfire": seq.is_wildfire,
        "sequence_azimuth": seq.sequence_azimuth,
        "cone_angle": seq.cone_angle,
        "started_at": iso(seq.started_at),
        "last_seen_at": iso(seq.last_seen_at),
        "max_conf": seq.max_conf,
        "temporal_model_score": None,
        "temporal_model_version": None,
        "temporal_api_version": None,
        "is_validated": False,
        "detections_count": count,
    }


def detection_json(request: Request, det: Detection) -> dict[str, Any]:
    url = presign(request.base_url, det.bucket_key, request.state.now() + request.state.url_ttl)
    return {
        "id": det.id,
        "camera_id": det.camera_id,
        "pose_id": det.pose_id,
        "sequence_id": det.sequence_id,
        "bucket_key": det.bucket_key,
        "crop_bucket_key": None,
        "bbox": det.bbox,
        "others_bboxes": det.others_bboxes,
        "created_at": iso(det.created_at),
        "recorded_at": iso(det.recorded_at),
        "url": url,
        "crop_url": None,
    }


def sequences_from_date(request: Request) -> Reply:
    raw = request.q("from_date")
    if raw is None:
        raise HttpError(422, [field_error("missing", ["query", "from_date"], "Field required", None)])
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        msg = "Input should be a valid date in the format YYYY-MM-DD"
        raise HttpError(422, [field_error("date_from_datetime_parsing", ["query", "from_date"], msg, raw)]) from None
    limit = query_int(request, "limit", 15) or 15
    offset = query_int(request, "offset", 0) or 0
    token = request.token
    start = datetime(day.year, day.month, day.day)
    with request.state.lock:
        cameras = request.state.cameras
        found = [
            s
            for s in request.state.sequences.values()
            if start <= s.started_at < start + timedelta(days=1)
            and ("admin" in token["scopes"] or cameras[s.camera_id].organization_id == token["organization_id"])
        ]
        found.sort(key=lambda s: (s.started_at, s.id), reverse=True)
        return json_reply([sequence_json(request, s) for s in found[offset : offset + limit]])


def sequence_detections(request: Request) -> Reply:
    seq_id = path_id(request, "sequence_id")
    limit = query_int(request, "limit", 10, ge=1, le=100) or 10
    offset = query_int(request, "offset", 0, ge=0) or 0
    desc = query_bool(request, "desc", True)
    query_bool(request, "with_crop", False)
    with request.state.lock:
        seq = request.state.sequences.get(seq_id)
        if seq is None:
            raise HttpError(404, "Table Sequence has no corresponding entry.")
        auth.require_organization(request.token, request.state.cameras[seq.camera_id].organization_id)
        found = sorted(
            (d for d in request.state.detections.values() if d.sequence_id == seq_id),
            key=lambda d: (d.created_at, d.id),
            reverse=desc,
        )
        return json_reply([detection_json(request, d) for d in found[offset : offset + limit]])


def list_detections(request: Request) -> Reply:
    """GET /detections/ (admin, agent): every detection the token may see, sequences or not (no paging)."""
    token = request.token
    with request.state.lock:
        cameras = request.state.cameras
        found = sorted(
            (d for d in request.state.detections.values()
             if "admin" in token["scopes"] or cameras[d.camera_id].organization_id == token["organization_id"]),
            key=lambda d: (d.created_at, d.id),
            reverse=True,
        )
        return json_reply([detection_json(request, d) for d in found])


# --- storage (not part of the API: presigned URLs, no auth header) -----------------------------------


def storage_get(request: Request) -> Reply:
    key = request.params["key"]
    problem = check_presigned(key, request.q("expires"), request.q("sig"), request.state.now())
    if problem:
        return Reply(403, s3_error(problem, "Request has expired or the signature is wrong"), "application/xml")
    body = request.state.storage.get(key)
    if body is None:
        return Reply(404, s3_error("NoSuchKey", "The specified key does not exist."), "application/xml")
    return Reply(200, body, "binary/octet-stream")  # sic: what the real storage says


ROUTES: list[Route] = [
    Route("POST", f"{V1}/login/creds", None, login_creds),
    Route("GET", f"{V1}/login/validate", ("user", "camera", "agent", "admin"), login_validate),
    Route("GET", f"{V1}/cameras/", READERS, list_cameras),
    Route("GET", f"{V1}/cameras/{{camera_id}}", READERS, get_camera),
    Route("GET", f"{V1}/cameras/{{camera_id}}/latest_image", READERS, latest_image),
    Route("GET", f"{V1}/cameras/{{camera_id}}/capture", READERS, capture),
    Route("GET", f"{V1}/poses/{{pose_id}}", READERS, get_pose),
    *MASK_ROUTES,
    Route("GET", f"{V1}/sequences/all/fromdate", READERS, sequences_from_date),
    Route("GET", f"{V1}/sequences/{{sequence_id}}/detections", READERS, sequence_detections),
    Route("GET", f"{V1}/detections/", ("admin", "agent"), list_detections),
    Route("GET", f"{STORAGE_PREFIX}{{key}}", None, storage_get, in_openapi=False),
]
