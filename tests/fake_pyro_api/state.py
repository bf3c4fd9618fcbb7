"""The fake server's data: organizations, users, cameras, poses, masks, storage, sequences, devices.

Tests seed and inspect it directly (`fake_api.state`). Every method takes the one lock, so tests
may read it while the server threads write. Seeding methods accept anything, on purpose: a test can
put a mask the real server would have stored but our client must never send (a trailing newline,
swapped corners) and check the client copes.
"""

from __future__ import annotations

import random
import secrets
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

DeviceMode = Literal["ok", "unconfigured", "unreachable"]
ROLES = ("admin", "agent", "user")


@dataclass
class Organization:
    id: int
    name: str


@dataclass
class User:
    id: int
    login: str
    password: str
    role: str  # admin, agent or user
    organization_id: int


@dataclass
class Device:
    """What the device proxy routes answer: 409 when unconfigured, 502 when unreachable."""

    mode: DeviceMode = "ok"
    latest: dict[int, bytes] = field(default_factory=dict)  # pose index -> cached JPEG
    capture: bytes | None = None  # None: the route answers a generated JPEG


@dataclass
class Camera:
    id: int
    organization_id: int
    name: str
    angle_of_view: float = 87.0
    elevation: float = 320.0
    lat: float = 44.5
    lon: float = 4.2
    is_trustable: bool = True
    last_active_at: datetime | None = None
    last_image: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime(2026, 1, 1, 8, 0, 0))
    device: Device = field(default_factory=Device)


@dataclass
class Pose:
    id: int
    camera_id: int
    azimuth: float
    patrol_id: int | None = None
    active: bool = True
    image: str | None = None  # storage key of the last image


@dataclass
class Mask:
    id: int
    pose_id: int
    mask: str
    created_at: datetime  # naive UTC, like the server's column
    rank: int = 0  # listing position: a patch moves the mask to the end, as on the real server


@dataclass
class Sequence:
    id: int
    camera_id: int
    pose_id: int | None
    camera_azimuth: float
    started_at: datetime
    last_seen_at: datetime
    is_wildfire: str | None = None
    max_conf: float | None = None
    sequence_azimuth: float | None = None
    cone_angle: float | None = None


@dataclass
class Detection:
    id: int
    camera_id: int
    pose_id: int
    sequence_id: int | None
    bbox: str
    created_at: datetime
    recorded_at: datetime | None = None
    others_bboxes: str | None = None
    bucket_key: str = ""


class FakeState:
    """All data of one fake server. Ids start at 1 per table, like PostgreSQL sequences."""

    def __init__(self, seed: int = 0) -> None:
        self.lock = threading.RLock()
        self.rng = random.Random(seed)
        self.organizations: dict[int, Organization] = {}
        self.users: dict[int, User] = {}
        self.cameras: dict[int, Camera] = {}
        self.poses: dict[int, Pose] = {}
        self.masks_by_id: dict[int, Mask] = {}
        # Indexes kept beside the tables, so a fleet of 16,000 poses is listed without scanning all.
        self._camera_poses: dict[int, list[Pose]] = {}  # in id order
        self._pose_masks: dict[int, dict[int, Mask]] = {}
        self.sequences: dict[int, Sequence] = {}
        self.detections: dict[int, Detection] = {}
        self.storage: dict[str, bytes] = {}
        self.url_ttl = timedelta(hours=24)  # presigned URL validity
        self.shuffle_mask_lists = True  # the real list has no fixed order
        self.clock_offset = timedelta()
        self._next: dict[str, int] = {}
        self._rank = 0

    # --- time -------------------------------------------------------------------------------------

    def now(self) -> datetime:
        """Naive UTC 'now' (the server's convention), shifted by `advance()`."""
        with self.lock:
            return datetime.now(UTC).replace(tzinfo=None) + self.clock_offset

    def advance(self, delta: timedelta) -> None:
        """Move the server's clock (token and URL expiry use it)."""
        with self.lock:
            self.clock_offset += delta

    def _id(self, table: str, wanted: int | None) -> int:
        current = self._next.get(table, 1)
        if wanted is None:
            wanted = current
        self._next[table] = max(current, wanted + 1)
        return wanted

    # --- seeding ----------------------------------------------------------------------------------

    def add_organization(self, name: str, id: int | None = None) -> Organization:
        with self.lock:
            org = Organization(self._id("org", id), name)
            self.organizations[org.id] = org
            return org

    def add_user(self, login: str, password: str, role: str, organization_id: int) -> User:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        with self.lock:
            user = User(self._id("user", None), login, password, role, organization_id)
            self.users[user.id] = user
            return user

    def add_camera(self, organization_id: int, name: str, **fields: object) -> Camera:
        with self.lock:
            camera = Camera(self._id("camera", None), organization_id, name, **fields)  # type: ignore[arg-type]
            self.cameras[camera.id] = camera
            return camera

    def add_pose(
        self,
        camera_id: int,
        azimuth: float,
        patrol_id: int | None = None,
        active: bool = True,
        image: bytes | None = None,
        uploaded_at: datetime | None = None,
    ) -> Pose:
        with self.lock:
            pose = Pose(self._id("pose", None), camera_id, azimuth, patrol_id, active)
            self.poses[pose.id] = pose
            self._camera_poses.setdefault(camera_id, []).append(pose)
            if image is not None:
                self.set_pose_image(pose.id, image, uploaded_at)
            return pose

    def set_pose_image(
        self, pose_id: int, image: bytes, uploaded_at: datetime | None = None, in_storage: bool = True
    ) -> str:
        """Store an image for a pose under a key like `1-20261121072634-3bf58576.jpg`.
        `in_storage=False` sets the key without the bytes: the API then answers 404 for the pose."""
        with self.lock:
            pose = self.poses[pose_id]
            when = uploaded_at or self.now()
            key = f"{pose.camera_id}-{when:%Y%m%d%H%M%S}-{secrets.token_hex(4)}.jpg"
            pose.image = key
            if in_storage:
                self.storage[key] = image
            return key

    def add_mask(self, pose_id: int, text: str, created_at: datetime | None = None) -> Mask:
        """A mask stored as is, bypassing the API's checks (to seed what old clients left behind)."""
        with self.lock:
            when = created_at or self.now()
            self._rank += 1
            mask = Mask(self._id("mask", None), pose_id, text, when.replace(tzinfo=None), self._rank)
            self.masks_by_id[mask.id] = mask
            self._pose_masks.setdefault(pose_id, {})[mask.id] = mask
            return mask

    def patch_mask(self, mask_id: int, text: str) -> Mask:
        with self.lock:
            mask = self.masks_by_id[mask_id]
            self._rank += 1
            mask.mask, mask.rank = text, self._rank
            return mask

    def delete_mask(self, mask_id: int) -> None:
        with self.lock:
            mask = self.masks_by_id.pop(mask_id)
            del self._pose_masks[mask.pose_id][mask_id]

    def add_sequence(self, camera_id: int, pose_id: int | None, started_at: datetime, **fields: object) -> Sequence:
        with self.lock:
            camera_azimuth = fields.pop("camera_azimuth", None)
            if camera_azimuth is None:
                camera_azimuth = self.poses[pose_id].azimuth if pose_id in self.poses else 0.0
            last_seen_at = fields.pop("last_seen_at", started_at + timedelta(minutes=5))
            seq = Sequence(
                self._id("sequence", None),
                camera_id,
                pose_id,
                float(camera_azimuth),  # type: ignore[arg-type]
                started_at.replace(tzinfo=None),
                last_seen_at.replace(tzinfo=None),  # type: ignore[attr-defined]
                **fields,  # type: ignore[arg-type]
            )
            self.sequences[seq.id] = seq
            return seq

    def add_detection(
        self, sequence_id: int, bbox: str, created_at: datetime | None = None, **fields: object
    ) -> Detection:
        with self.lock:
            seq = self.sequences[sequence_id]
            when = (created_at or seq.started_at).replace(tzinfo=None)
            det_id = self._id("detection", None)
            det = Detection(
                det_id,
                seq.camera_id,
                seq.pose_id or 0,
                sequence_id,
                bbox,
                when,
                recorded_at=fields.pop("recorded_at", when),  # type: ignore[arg-type]
                bucket_key=f"{seq.camera_id}-{when:%Y%m%d%H%M%S}-det{det_id}.jpg",
                **fields,  # type: ignore[arg-type]
            )
            self.detections[det.id] = det
            return det

    def add_lone_detection(self, camera_id: int, pose_id: int, bbox: str, created_at: datetime) -> Detection:
        """A detection that joined no sequence: only GET /detections/ lists it."""
        with self.lock:
            when = created_at.replace(tzinfo=None)
            det_id = self._id("detection", None)
            det = Detection(det_id, camera_id, pose_id, None, bbox, when, recorded_at=when,
                            bucket_key=f"{camera_id}-{when:%Y%m%d%H%M%S}-det{det_id}.jpg")
            self.detections[det.id] = det
            return det

    def set_device(
        self,
        camera_id: int,
        mode: DeviceMode = "ok",
        latest: dict[int, bytes] | None = None,
        capture: bytes | None = None,
    ) -> None:
        with self.lock:
            self.cameras[camera_id].device = Device(mode, dict(latest or {}), capture)

    # --- reading ----------------------------------------------------------------------------------

    def user(self, login: str) -> User:
        with self.lock:
            for user in self.users.values():
                if user.login == login:
                    return user
        raise KeyError(f"no user {login!r}")

    def camera_named(self, name: str) -> Camera:
        with self.lock:
            for camera in self.cameras.values():
                if camera.name == name:
                    return camera
        raise KeyError(f"no camera {name!r}")

    def poses_of(self, camera_id: int, active_only: bool = False) -> list[Pose]:
        with self.lock:
            return [p for p in self._camera_poses.get(camera_id, []) if p.active or not active_only]

    def masks(self, pose_id: int | None = None) -> list[Mask]:
        """Copies of the stored masks (all, or one pose's), by id: safe to keep and compare."""
        with self.lock:
            found = list(self.masks_by_id.values() if pose_id is None else self._pose_masks.get(pose_id, {}).values())
            return [replace(m) for m in sorted(found, key=lambda m: m.id)]

    def listing_order(self, pose_id: int) -> list[Mask]:
        """The order the list route answers: by last write, shuffled if `shuffle_mask_lists`."""
        with self.lock:
            found = sorted(self._pose_masks.get(pose_id, {}).values(), key=lambda m: m.rank)
            if self.shuffle_mask_lists:
                self.rng.shuffle(found)
            return [replace(m) for m in found]
