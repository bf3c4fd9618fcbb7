"""Image history per pose, and the image each mask was drawn on: what drift detection compares.

Every image a pose had is kept (bounded: `prune_history`), dated by its upload time when the storage
key gives it, else by when it was fetched. A mask drawn or edited here records the pose's image at
that moment (`masks.drawn_on`); a mask that came from the server or a legacy file does not know it,
and is taken to be drawn on the latest image dated at or before the mask itself (or the oldest image
known, when all are newer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mask_editor.workspace.store import Store, from_text, now_utc, to_text

PauseHook = Callable[[], None]  # called between two parts of a long read: the worker may pause there
STEP_ROWS = 2000  # ~25 ms of Python per part (16,000 poses' histories: ~190 ms)

DEFAULT_PER_POSE = 10  # images kept per pose
DEFAULT_TOTAL_MB = 500  # images kept in all, MB


@dataclass(frozen=True, slots=True)
class HistoryImage:
    pose_id: int
    sha256: str
    taken_at: datetime
    source: str  # "pose" (the pose's own image) or "detection" (a frame of a past sequence)
    path: Path
    width: int
    height: int


MaskDrawnOn = tuple[int, str | None, str, str | None]  # local_id, drawn_on, added_at, server_created_at


def resolve_drawn_on(history: list[HistoryImage], masks: list[MaskDrawnOn]) -> dict[int, str]:
    """Per mask, its drawn-on image if the history holds it, else the latest image dated at or
    before the mask (the oldest known when all are newer). `history` is oldest first, not empty."""
    known = {h.sha256 for h in history}
    out: dict[int, str] = {}
    for local_id, drawn_on, added_at, server_created_at in masks:
        if drawn_on in known:
            out[local_id] = drawn_on
            continue
        when = from_text(server_created_at) or from_text(added_at)
        before = [h for h in history if when is not None and h.taken_at <= when]
        out[local_id] = (before[-1] if before else history[0]).sha256
    return out


class HistoryStore(Store):
    """Store plus the pose image history and the masks' drawn-on images."""

    def pose_history(self, pose_id: int) -> list[HistoryImage]:
        """The pose's images whose files are still cached, oldest first."""
        rows = self.query(
            "SELECT h.pose_id, h.sha256, h.taken_at, h.source, i.width, i.height FROM pose_images h "
            "JOIN images i ON i.sha256 = h.sha256 WHERE h.pose_id = ? ORDER BY h.taken_at, h.sha256", (pose_id,))
        out = [HistoryImage(r["pose_id"], r["sha256"], from_text(r["taken_at"]) or now_utc(), r["source"],
                            self.images.path_for(r["sha256"]), r["width"], r["height"]) for r in rows]
        return [h for h in out if h.path.is_file()]

    def histories_with_masks(self, camera_id: int | None = None, between: PauseHook | None = None,
                             every: int = STEP_ROWS) -> dict[int, list[HistoryImage]]:
        """`pose_history` of every pose (of the camera) that has a live mask and a cached image, in
        one query. `between()` is called every `every` rows read (a worker's chance to pause)."""
        camera = "" if camera_id is None else " AND p.camera_id = ?"
        rows = self.query(
            "SELECT h.pose_id, h.sha256, h.taken_at, h.source, i.width, i.height FROM pose_images h "
            "JOIN images i ON i.sha256 = h.sha256 JOIN poses p ON p.id = h.pose_id WHERE EXISTS "
            f"(SELECT 1 FROM masks m WHERE m.pose_id = h.pose_id AND NOT m.deleted){camera} "
            "ORDER BY h.pose_id, h.taken_at, h.sha256",
            () if camera_id is None else (camera_id,))
        out: dict[int, list[HistoryImage]] = {}
        for n, r in enumerate(rows, start=1):
            if between is not None and n % every == 0:
                between()
            path = self.images.path_for(r[1])
            if path.is_file():
                out.setdefault(r[0], []).append(
                    HistoryImage(r[0], r[1], from_text(r[2]) or now_utc(), r[3], path, r[4], r[5]))
        return out

    def add_history_image(self, pose_id: int, data: bytes, *, width: int, height: int, taken_at: datetime,
                          source: str = "detection") -> str:
        """Keep an older dated view of a pose (a detection frame); the pose's current image is unchanged."""
        digest = self.images.put(data)
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO images(sha256, width, height, byte_size, captured_at, fetched_at)"
                         " VALUES (?,?,?,?,?,?)",
                         (digest, width, height, len(data), to_text(taken_at), to_text(now_utc())))
            conn.execute("INSERT OR IGNORE INTO pose_images(pose_id, sha256, taken_at, source) VALUES (?,?,?,?)",
                         (pose_id, digest, to_text(taken_at), source))
        return digest

    def drawn_on(self, pose_id: int, history: list[HistoryImage] | None = None) -> dict[int, str]:
        """Per live mask of the pose, the image it was drawn or last confirmed on (resolved, see above).
        `history`: its `pose_history`, when read already.

        Masks are left out when the pose has no image history at all."""
        history = self.pose_history(pose_id) if history is None else history
        if not history:
            return {}
        return resolve_drawn_on(history, [tuple(r) for r in self.query(
            "SELECT local_id, drawn_on, added_at, server_created_at FROM masks WHERE pose_id = ? AND NOT deleted",
            (pose_id,))])

    def drawn_on_rows(self, camera_id: int | None = None) -> dict[int, list[MaskDrawnOn]]:
        """What `drawn_on` reads, for every pose (of the camera) with two history entries or more, in
        one query: the others have nothing to compare."""
        camera = "" if camera_id is None else " AND pose_id IN (SELECT id FROM poses WHERE camera_id = ?)"
        out: dict[int, list[MaskDrawnOn]] = {}
        for r in self.query(
                "SELECT pose_id, local_id, drawn_on, added_at, server_created_at FROM masks WHERE NOT deleted "
                f"AND pose_id IN (SELECT pose_id FROM pose_images GROUP BY pose_id HAVING COUNT(*) > 1){camera}",
                () if camera_id is None else (camera_id,)):
            out.setdefault(r[0], []).append((r[1], r[2], r[3], r[4]))
        return out

    def set_drawn_on(self, images: Mapping[int, str | None]) -> None:
        """Set the masks' drawn-on images (a shift, its undo, "the masks are right")."""
        with self.transaction() as conn:
            conn.executemany("UPDATE masks SET drawn_on = ? WHERE local_id = ?",
                             [(sha, local_id) for local_id, sha in images.items()])

    def raw_drawn_on(self, local_ids: list[int]) -> dict[int, str | None]:
        """The stored column as is (None: not known), for undo."""
        out: dict[int, str | None] = {}
        for start in range(0, len(local_ids), 500):
            chunk = local_ids[start:start + 500]
            rows = self.query(f"SELECT local_id, drawn_on FROM masks WHERE local_id IN ({','.join('?' * len(chunk))})",
                              tuple(chunk))
            out.update({r["local_id"]: r["drawn_on"] for r in rows})
        return out

    def prune_history(self, per_pose: int = DEFAULT_PER_POSE, total_mb: float = DEFAULT_TOTAL_MB) -> int:
        """Forget the oldest history images beyond `per_pose` per pose, then beyond `total_mb` in all.

        A pose's current image and any image a live mask was drawn on are never dropped: they are what
        drift is measured between. Returns the number of history entries removed."""
        keep = {r[0] for r in self.query("SELECT image_sha256 FROM poses WHERE image_sha256 IS NOT NULL")}
        keep |= {r[0] for r in self.query("SELECT DISTINCT drawn_on FROM masks WHERE drawn_on IS NOT NULL "
                                          "AND NOT deleted")}
        rows = self.query("SELECT h.pose_id, h.sha256, h.taken_at, i.byte_size FROM pose_images h "
                          "JOIN images i ON i.sha256 = h.sha256 ORDER BY h.taken_at DESC")
        # The images that stay count first; the others fill what is left, newest first.
        total = sum(r["byte_size"] for r in rows if r["sha256"] in keep)
        seen: dict[int, int] = {}
        drop: list[tuple[int, str]] = []
        for r in rows:
            seen[r["pose_id"]] = seen.get(r["pose_id"], 0) + 1
            if r["sha256"] in keep:
                continue
            if seen[r["pose_id"]] > per_pose or total + r["byte_size"] > total_mb * 1e6:
                drop.append((r["pose_id"], r["sha256"]))
            else:
                total += r["byte_size"]
        with self.transaction() as conn:
            conn.executemany("DELETE FROM pose_images WHERE pose_id = ? AND sha256 = ?", drop)
            orphans = [r[0] for r in conn.execute(
                "SELECT sha256 FROM images WHERE sha256 NOT IN (SELECT sha256 FROM pose_images) "
                "AND sha256 NOT IN (SELECT image_sha256 FROM poses WHERE image_sha256 IS NOT NULL)")]
            conn.executemany("DELETE FROM images WHERE sha256 = ?", [(o,) for o in orphans])
        for sha in orphans:
            self.images.path_for(sha).unlink(missing_ok=True)
        return len(drop)
