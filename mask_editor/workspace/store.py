"""The workspace: one SQLite file (WAL, synchronous FULL) holding what a user sees and edits offline.

Every public write is one transaction, so a crash or power cut leaves either the whole edit or
none of it. Connections are shared by threads behind a lock (the sync engine records answers from
its worker threads).
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from mask_editor.workspace.images import ImageCache
from mask_editor.workspace.lock import WorkspaceLock
from mask_editor.workspace.records import Account, CameraRow, ImageRow, PoseRow
from mask_editor.workspace.schema import PENDING_SQL, SCHEMA_VERSION, migrate, schema_version


class WorkspaceProblem(StrEnum):
    """Why a workspace cannot be used, or not changed: the window words each kind (the CLI, the message)."""

    MISSING = "missing"
    NOT_A_WORKSPACE = "not a workspace"
    READ_ONLY = "read-only"  # opened so (read_only=True)
    NEWER_FORMAT = "newer format"  # written by a newer mask_editor: open read-only


class WorkspaceError(RuntimeError):
    """The workspace file cannot be used; the message says why in plain words, `kind` for the window."""

    def __init__(self, message: str, kind: WorkspaceProblem, path: Path) -> None:
        super().__init__(message)
        self.kind, self.path = kind, path


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_text(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat() if when is not None else None


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# What a workspace file holds at one moment, as far as writes tell (Store.revision): equal twice only
# when nothing was written in between, so an undo step that finds it unchanged knows its rows.
Revision = tuple[int, int, int, int]
_OPENED = itertools.count(1)  # the first item of a Revision: which Store (connection) counted it


class Store:
    """Connection, transactions, account, cameras, poses and images. Masks: see masks.MaskStore."""

    def __init__(self, path: Path | str, *, read_only: bool = False, exclusive: bool = False) -> None:
        self.path = Path(path)
        self.images = ImageCache(self.path.with_name(self.path.name + ".images"))
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        # Why, typed, for the window: READ_ONLY or NEWER_FORMAT (then `newer_format` is the file's format).
        self.read_only_kind: WorkspaceProblem | None = WorkspaceProblem.READ_ONLY if read_only else None
        self.newer_format = 0
        self._lock = threading.RLock()
        self._depth = 0
        self._opened = next(_OPENED)
        self._rollbacks = 0  # a rollback takes rows back without counting in total_changes
        self._closed = False
        self._instance_lock: WorkspaceLock | None = None
        if exclusive and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._instance_lock = WorkspaceLock(self.path.with_name(self.path.name + ".lock"))
            self._instance_lock.acquire()
        try:
            self._conn = self._connect(read_only)
        except BaseException:
            if self._instance_lock:
                self._instance_lock.release()
            raise

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        if read_only:
            if not self.path.exists():
                raise WorkspaceError(f"There is no workspace at {self.path}.", WorkspaceProblem.MISSING, self.path)
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                   isolation_level=None)
            return conn
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # an acknowledged edit survives a power cut
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
            found = schema_version(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise WorkspaceError(f"{self.path} is not a mask_editor workspace ({exc}).",
                                 WorkspaceProblem.NOT_A_WORKSPACE, self.path) from exc
        if found > SCHEMA_VERSION:
            # Written by a newer mask_editor: reading is safe, writing could break what it relies on.
            conn.close()
            self.read_only_kind, self.newer_format = WorkspaceProblem.NEWER_FORMAT, found
            self.read_only_reason = (
                f"This workspace was written by a newer mask_editor (format {found}; this version "
                f"knows up to {SCHEMA_VERSION}). It is open read-only: update mask_editor to edit it."
            )
            return self._connect(read_only=True)
        migrate(conn)
        return conn

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()
        if self._instance_lock:
            self._instance_lock.release()
            self._instance_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; nested uses join the outer transaction."""
        with self._lock:
            if self.read_only_reason is not None:
                raise WorkspaceError(f"The workspace cannot be changed: {self.read_only_reason}",
                                     self.read_only_kind or WorkspaceProblem.READ_ONLY, self.path)
            if self._depth == 0:
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self._conn
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._rollbacks += 1
                    self._conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if self._depth == 0:
                self._conn.execute("COMMIT")

    def revision(self) -> Revision:
        """Changes since this connection opened (its own writes and rollbacks) and commits by any other
        connection (data_version): two equal revisions mean no row changed in between. Read inside a
        transaction, after its writes, it names what that transaction leaves: no other writer can
        commit before it does (BEGIN IMMEDIATE), and its own COMMIT counts no change."""
        with self._lock:
            other = self._conn.execute("PRAGMA data_version").fetchone()[0]
            return (self._opened, self._rollbacks, self._conn.total_changes, other)

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    # --- meta and account ---------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def account(self) -> Account | None:
        server, username = self.get_meta("server_url"), self.get_meta("username")
        if not server or not username:
            return None
        user_id, org = self.get_meta("user_id"), self.get_meta("organization_id")
        return Account(server, username, int(user_id) if user_id else None, self.get_meta("role") or "user",
                       int(org) if org else None)

    def set_account(self, account: Account) -> None:
        with self.transaction():
            self.set_meta("server_url", account.server_url)
            self.set_meta("username", account.username)
            self.set_meta("user_id", str(account.user_id) if account.user_id is not None else None)
            self.set_meta("role", account.role)
            self.set_meta("organization_id",
                          str(account.organization_id) if account.organization_id is not None else None)

    # --- organizations, cameras and poses ------------------------------------------------------

    def organizations(self) -> dict[int, str]:
        return {r["id"]: r["name"] for r in self.query("SELECT id, name FROM organizations")}

    def set_organization(self, organization_id: int, name: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO organizations(id, name) VALUES (?, ?)", (organization_id, name))

    def save_cameras(self, cameras: list[CameraRow], poses: list[PoseRow], *, complete: bool = True) -> None:
        """Store the server's cameras and poses. With `complete`, cameras and poses the server no
        longer lists are dropped, unless they hold local changes (those are never thrown away)."""
        with self.transaction() as conn:
            for c in cameras:
                conn.execute(
                    """INSERT INTO cameras(id, organization_id, name, angle_of_view, elevation, lat, lon,
                           is_trustable, last_active_at, last_image, created_at)
                       VALUES (?,?,?,?,?,?,?,?,?,?,?)
                       ON CONFLICT(id) DO UPDATE SET organization_id=excluded.organization_id,
                           name=excluded.name, angle_of_view=excluded.angle_of_view,
                           elevation=excluded.elevation, lat=excluded.lat, lon=excluded.lon,
                           is_trustable=excluded.is_trustable, last_active_at=excluded.last_active_at,
                           last_image=excluded.last_image, created_at=excluded.created_at""",
                    (c.id, c.organization_id, c.name, c.angle_of_view, c.elevation, c.lat, c.lon,
                     int(c.is_trustable), to_text(c.last_active_at), c.last_image, to_text(c.created_at)),
                )
            for p in poses:
                # The image cache link and pull time are ours: keep them across refreshes.
                conn.execute(
                    """INSERT INTO poses(id, camera_id, azimuth, patrol_id, active, image_key)
                       VALUES (?,?,?,?,?,?)
                       ON CONFLICT(id) DO UPDATE SET camera_id=excluded.camera_id, azimuth=excluded.azimuth,
                           patrol_id=excluded.patrol_id, active=excluded.active,
                           image_key=COALESCE(excluded.image_key, poses.image_key)""",
                    (p.id, p.camera_id, p.azimuth, p.patrol_id, int(p.active), p.image_key),
                )
            if complete:
                self._drop_unlisted(conn, {c.id for c in cameras}, {p.id for p in poses})

    def _drop_unlisted(self, conn: sqlite3.Connection, camera_ids: set[int], pose_ids: set[int]) -> None:
        keep_poses = pose_ids | {
            r[0] for r in conn.execute(f"SELECT DISTINCT pose_id FROM masks WHERE {PENDING_SQL}")
        }
        for (pose_id,) in conn.execute("SELECT id FROM poses").fetchall():
            if pose_id not in keep_poses:
                conn.execute("DELETE FROM masks WHERE pose_id = ?", (pose_id,))
                conn.execute("DELETE FROM poses WHERE id = ?", (pose_id,))
        keep_cameras = camera_ids | {r[0] for r in conn.execute("SELECT DISTINCT camera_id FROM poses")}
        for (camera_id,) in conn.execute("SELECT id FROM cameras").fetchall():
            if camera_id not in keep_cameras:
                conn.execute("DELETE FROM cameras WHERE id = ?", (camera_id,))

    def cameras(self) -> list[CameraRow]:
        return [_camera(r) for r in self.query("SELECT * FROM cameras ORDER BY name, id")]

    def camera(self, camera_id: int) -> CameraRow | None:
        rows = self.query("SELECT * FROM cameras WHERE id = ?", (camera_id,))
        return _camera(rows[0]) if rows else None

    def poses(self, camera_id: int | None = None) -> list[PoseRow]:
        if camera_id is None:
            rows = self.query("SELECT * FROM poses ORDER BY camera_id, azimuth, id")
        else:
            rows = self.query("SELECT * FROM poses WHERE camera_id = ? ORDER BY azimuth, id", (camera_id,))
        return [_pose(r) for r in rows]

    def camera_listing(self) -> list[tuple[int, int, str]]:
        """(id, organization id, name) of every camera, in cameras()'s order, without building records."""
        return [tuple(r) for r in self.query("SELECT id, organization_id, name FROM cameras ORDER BY name, id")]

    def pose_listing(self) -> list[tuple[int, int, float | None]]:
        """(id, camera id, azimuth) of every pose, in poses()'s order: a fleet's browser lists 16,000
        without parsing their dates."""
        rows = self.query("SELECT id, camera_id, azimuth FROM poses ORDER BY camera_id, azimuth, id")
        return [tuple(r) for r in rows]

    def pose(self, pose_id: int) -> PoseRow | None:
        rows = self.query("SELECT * FROM poses WHERE id = ?", (pose_id,))
        return _pose(rows[0]) if rows else None

    def set_masks_pulled(self, pose_id: int, when: datetime) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE poses SET masks_pulled_at = ? WHERE id = ?", (to_text(when), pose_id))

    # --- images -------------------------------------------------------------------------------

    def store_pose_image(self, pose_id: int, data: bytes, *, width: int, height: int,
                         key: str | None = None, captured_at: datetime | None = None) -> ImageRow:
        """Keep the pose's last image: bytes into the cache, then its row, then the pose's link."""
        digest = self.images.put(data)
        fetched = now_utc()
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO images(sha256, width, height, byte_size, captured_at, fetched_at)
                   VALUES (?,?,?,?,?,?)
                   ON CONFLICT(sha256) DO UPDATE SET fetched_at=excluded.fetched_at""",
                (digest, width, height, len(data), to_text(captured_at), to_text(fetched)),
            )
            conn.execute("UPDATE poses SET image_sha256 = ?, image_key = COALESCE(?, image_key) WHERE id = ?",
                         (digest, key, pose_id))
            # The pose's image history (drift detection): dated by the upload time when the key says it.
            conn.execute("INSERT OR IGNORE INTO pose_images(pose_id, sha256, taken_at, source) VALUES (?,?,?,?)",
                         (pose_id, digest, to_text(captured_at or fetched), "pose"))
        image = self.image(digest)
        assert image is not None
        return image

    def image(self, sha256: str) -> ImageRow | None:
        rows = self.query("SELECT * FROM images WHERE sha256 = ?", (sha256,))
        if not rows:
            return None
        r = rows[0]
        return ImageRow(r["sha256"], self.images.path_for(r["sha256"]), r["width"], r["height"],
                        r["byte_size"], from_text(r["captured_at"]), from_text(r["fetched_at"]) or now_utc())

    def pose_image(self, pose_id: int) -> ImageRow | None:
        """The cached image of a pose, if it was fetched and its file is still there."""
        pose = self.pose(pose_id)
        if pose is None or pose.image_sha256 is None:
            return None
        image = self.image(pose.image_sha256)
        return image if image is not None and image.path.is_file() else None

    def pose_image_shas(self) -> dict[int, str]:
        """Every pose's cached image (its SHA-256: the file is `images.path_for`), in one query and
        without looking for 16,000 files: the pose list reads a file when it paints its row, and a
        file gone shows as no image then."""
        return dict(self.query("SELECT id, image_sha256 FROM poses WHERE image_sha256 IS NOT NULL "
                               "AND image_sha256 IN (SELECT sha256 FROM images)"))


def _camera(r: sqlite3.Row) -> CameraRow:
    return CameraRow(r["id"], r["organization_id"], r["name"], r["angle_of_view"], r["elevation"], r["lat"],
                     r["lon"], bool(r["is_trustable"]), from_text(r["last_active_at"]), r["last_image"],
                     from_text(r["created_at"]))


def _pose(r: sqlite3.Row) -> PoseRow:
    return PoseRow(r["id"], r["camera_id"], r["azimuth"], r["patrol_id"], bool(r["active"]), r["image_key"],
                   r["image_sha256"], from_text(r["masks_pulled_at"]))
