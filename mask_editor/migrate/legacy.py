"""Importing the legacy JSON mask files into the workspace: which pose each file belongs to, which
of its boxes to add, and adding them (one transaction per file). No Qt, no network.

File names (CONTRACT.md, "The legacy format"): `<prefix>_<number>.json`, where `prefix` is a site (a
camera name without its `-NN` suffix) and `number` is either the pose's azimuth (the older scheme) or
its pose id (the newer one). The mapping never guesses:

1. The prefix is the *site*: the cameras whose names minus `-NN` equal it (case-insensitive;
   `nemours` -> `nemours-01`, `nemours-02`). A site usually has several cameras looking different
   ways; the number picks among the active poses of all of them. No camera: unmapped.
2. As an azimuth (only when 0 <= number < 360): the active pose of the site nearest to it, by
   circular distance (359 vs 1 is 2 degrees), if within the tolerance. Two poses equally near (on
   one camera or on two): ambiguous.
3. As a pose id: an active pose of one of the site's cameras with that id.
4. Both readings find the same pose: fine. They find different poses: ambiguous. Only one finds a
   pose: that pose. Neither: unmapped. So a pose id wins only when no pose lies within the
   tolerance of the number read as an azimuth.

`--pose ID` (pose_id=...) skips all of this and sends every given file to that pose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mask_editor.core.codec import LegacyEntry, LegacyFormatError, LegacyNote, parse_legacy
from mask_editor.migrate.legacy_reasons import (
    CameraAzimuths,
    FileProblem,
    PoseRef,
    ProblemKind,
    SkipKind,
    Skipped,
)
from mask_editor.workspace import CameraRow, Mask, PoseRow, Workspace

DEFAULT_TOLERANCE = 10.0  # degrees; patrol azimuths drift by a few degrees at most
_NAME = re.compile(r"^(?P<prefix>.+)_(?P<number>\d+(?:\.\d+)?)\.json$", re.IGNORECASE)
_SUFFIX = re.compile(r"-\d+$")
_TIE = 1e-9  # degrees: closer than this, two poses are "equally near"
Milli = tuple[int, int, int, int]  # a box on the grid, the key duplicates are found by
Holder = Mask | tuple[Path, str]  # what holds a box on a pose: a mask, or (file, entry key) of this import


@dataclass(slots=True)
class FilePlan:
    """What importing one file does. `trouble` set: the file is not imported at all."""

    path: Path
    camera: CameraRow | None = None
    pose: PoseRow | None = None
    matched_by: str = ""  # "azimuth", "pose id", "azimuth and pose id", "--pose"
    found: int = 0  # entries in the file, readable or not
    entries: list[LegacyEntry] = field(default_factory=list)  # the readable ones, in file order
    unreadable: list[Skipped] = field(default_factory=list)
    to_add: list[LegacyEntry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # unreadable, and readable but not added
    repairs: list[tuple[str, LegacyNote]] = field(default_factory=list)  # (entry key, how it was repaired)
    trouble: FileProblem | None = None
    held: frozenset[Milli] = frozenset()  # the boxes the pose holds when this file's turn comes
    added: list[Mask] = field(default_factory=list)  # filled in by apply_import

    @property
    def ok(self) -> bool:
        return self.trouble is None

    @property
    def problem(self) -> str | None:
        """Why the file is not imported, in the command line's words."""
        return self.trouble.text if self.trouble else None

    @property
    def notes(self) -> list[str]:
        """The boxes kept but repaired, in the command line's words."""
        return [f"{key}: {note}" for key, note in self.repairs]


@dataclass(slots=True)
class ImportPlan:
    files: list[FilePlan]
    tolerance: float

    @property
    def failed(self) -> list[FilePlan]:
        return [f for f in self.files if not f.ok]

    @property
    def to_add(self) -> int:
        return sum(len(f.to_add) for f in self.files if f.ok)

    @property
    def poses(self) -> set[int]:
        """The poses that get boxes (two files may land on one pose)."""
        return {f.pose.id for f in self.files if f.ok and f.pose is not None and f.to_add}

    @property
    def added(self) -> int:
        return sum(len(f.added) for f in self.files)


# --- which files ---------------------------------------------------------------------------------


def legacy_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: given files as they are, `*.json` directly inside given folders (sorted).

    Raises FileNotFoundError naming the first path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted((p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".json"),
                            key=_natural)
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"There is no file or folder at {path}.")
    unique: dict[Path, None] = dict.fromkeys(found)  # a file given twice is read once
    return list(unique)


def _natural(path: Path) -> list[object]:
    """nemours_9 before nemours_10."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", path.name)]


# --- mapping -------------------------------------------------------------------------------------


def camera_prefix(name: str) -> str:
    """`nemours-01` -> `nemours`: the prefix the legacy files used."""
    return _SUFFIX.sub("", name).casefold()


def circular_distance(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


@dataclass(frozen=True, slots=True)
class Match:
    camera: CameraRow | None
    pose: PoseRow | None
    matched_by: str = ""
    trouble: FileProblem | None = None

    @property
    def problem(self) -> str | None:
        return self.trouble.text if self.trouble else None


@dataclass(frozen=True, slots=True)
class Site:
    """The cameras whose names minus `-NN` are one legacy prefix, and their active poses: the poses a
    file of that prefix may belong to (pyro-api issue #524: the prefix is the site, not a camera)."""

    prefix: str
    cameras: dict[int, CameraRow]
    poses: list[PoseRow]

    def camera_of(self, poses: Iterable[PoseRow]) -> CameraRow | None:
        """The one camera these poses (or, with none, the whole site) are on; None when several."""
        ids = {p.camera_id for p in poses} or set(self.cameras)
        return self.cameras[ids.pop()] if len(ids) == 1 else None

    def ref(self, pose: PoseRow) -> PoseRef:
        return PoseRef(pose.id, self.cameras[pose.camera_id].name, pose.azimuth)


def site_of(ws: Workspace, prefix: str) -> Site:
    cameras = {c.id: c for c in ws.cameras() if camera_prefix(c.name) == prefix.casefold()}
    poses = [p for camera_id in cameras for p in ws.poses(camera_id) if p.active]
    return Site(prefix, cameras, poses)


def match_file(ws: Workspace, path: Path, tolerance: float = DEFAULT_TOLERANCE) -> Match:
    """The pose a legacy file belongs to, following the rules in this module's docstring."""
    parsed = _NAME.match(path.name)
    if parsed is None:
        return Match(None, None, trouble=FileProblem(ProblemKind.BAD_NAME))
    prefix, number = parsed["prefix"], float(parsed["number"])
    site = site_of(ws, prefix)
    if not site.cameras:
        return Match(None, None, trouble=FileProblem(ProblemKind.NO_CAMERA, number, prefix=prefix))
    nearest = _nearest(site.poses, number, tolerance) if number < 360 else []
    by_id = next((p for p in site.poses if p.id == number), None)
    if len(nearest) > 1:
        return Match(site.camera_of(nearest), None, trouble=FileProblem(
            ProblemKind.AMBIGUOUS_AZIMUTH, number, poses=tuple(site.ref(p) for p in nearest)))
    by_azimuth = nearest[0] if nearest else None
    if by_azimuth and by_id and by_azimuth.id != by_id.id:
        return Match(site.camera_of([by_azimuth, by_id]), None, trouble=FileProblem(
            ProblemKind.AMBIGUOUS_ID, number, poses=(site.ref(by_azimuth), site.ref(by_id))))
    pose = by_id or by_azimuth  # the same pose when both are set
    if pose is not None:
        how = "azimuth and pose id" if by_azimuth and by_id else "azimuth" if by_azimuth else "pose id"
        return Match(site.cameras[pose.camera_id], pose, how)
    return Match(site.camera_of([]), None, trouble=FileProblem(
        ProblemKind.NO_POSE, number, cameras=_azimuths(site), tolerance=tolerance))


def _nearest(poses: list[PoseRow], azimuth: float, tolerance: float) -> list[PoseRow]:
    """The pose nearest the azimuth within the tolerance; several when they are equally near (on one
    camera or on several); none when no pose is that near."""
    near = sorted(((circular_distance(p.azimuth, azimuth), p) for p in poses
                   if p.azimuth is not None and circular_distance(p.azimuth, azimuth) <= tolerance),
                  key=lambda dp: (dp[0], dp[1].id))
    return [p for d, p in near if d - near[0][0] < _TIE]


def _azimuths(site: Site) -> tuple[CameraAzimuths, ...]:
    return tuple(CameraAzimuths(camera.name, tuple(p.azimuth for p in site.poses
                                                   if p.camera_id == camera.id and p.azimuth is not None))
                 for camera in site.cameras.values())


# --- planning ------------------------------------------------------------------------------------


def plan_import(
    ws: Workspace,
    paths: Iterable[Path],
    *,
    pose_id: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    progress: Callable[[Path], None] | None = None,
) -> ImportPlan:
    """What the import does, file by file, in the order the import runs them; changes nothing. The dry
    run prints this plan and the import executes it, so both say the same: a box that an earlier
    file puts on a pose is skipped by any later file landing on that pose.

    Raises FileNotFoundError for a path that does not exist and LookupError for an unknown --pose.
    """
    if not (0 <= tolerance < 180) or math.isnan(tolerance):
        raise ValueError("the azimuth tolerance must be between 0 and 180 degrees")
    forced = None
    if pose_id is not None:
        forced = ws.pose(pose_id)
        if forced is None:
            raise LookupError(f"There is no pose {pose_id} in this workspace.")
    held: dict[int, dict[Milli, Holder]] = {}  # pose id -> its boxes as the plan goes, and who holds each
    files = []
    for path in legacy_files(paths):
        if progress:
            progress(path)
        file = read_file(ws, path, forced=forced, tolerance=tolerance)
        if file.pose is not None:
            if file.pose.id not in held:
                held[file.pose.id] = holders(ws.masks(file.pose.id))
            choose_entries(file, held[file.pose.id])
        files.append(file)
    return ImportPlan(files, tolerance)


def read_file(ws: Workspace, path: Path, *, forced: PoseRow | None = None,
              tolerance: float = DEFAULT_TOLERANCE) -> FilePlan:
    """One file read and matched to its pose; which of its boxes to add is for choose_entries."""
    plan = FilePlan(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        plan.trouble = FileProblem(ProblemKind.NOT_UTF8, detail=str(exc))
        return plan
    except OSError as exc:
        plan.trouble = FileProblem(ProblemKind.CANNOT_READ, detail=str(exc))
        return plan
    try:
        legacy = parse_legacy(text, path.name)
    except LegacyFormatError as exc:
        plan.trouble = FileProblem(ProblemKind.BAD_CONTENT, error=exc)
        return plan
    plan.found = len(legacy.entries) + len(legacy.problems)
    if forced is not None:
        plan.camera, plan.pose, plan.matched_by = ws.camera(forced.camera_id), forced, "--pose"
    else:
        match = match_file(ws, path, tolerance)
        plan.camera, plan.pose, plan.matched_by, plan.trouble = (
            match.camera, match.pose, match.matched_by, match.trouble)
    plan.entries = legacy.entries
    plan.unreadable = [Skipped(p.key or "(file)", SkipKind.UNREADABLE, error=p) for p in legacy.problems]
    plan.skipped = list(plan.unreadable)
    return plan


def holders(masks: Iterable[Mask]) -> dict[Milli, Holder]:
    """The boxes a pose holds: every mask row, deleted ones too (an import never undoes a deletion)."""
    return {m.box.milli(): m for m in masks if m.box is not None}


def choose_entries(plan: FilePlan, held: dict[Milli, Holder]) -> None:
    """Keep the entries whose box the pose does not hold yet, and hold them from now on."""
    plan.held = frozenset(held)
    plan.to_add, plan.repairs, plan.skipped = [], [], list(plan.unreadable)
    for entry in plan.entries:
        key = entry.box.milli()
        if key in held:
            plan.skipped.append(_already(entry.key, held[key], plan.path))
        else:
            held[key] = (plan.path, entry.key)
            plan.to_add.append(entry)
            plan.repairs += [(entry.key, note) for note in entry.notes]


def _already(key: str, holder: Holder, path: Path) -> Skipped:
    if not isinstance(holder, Mask):
        other, entry = holder
        if other == path:
            return Skipped(key, SkipKind.IN_THIS_FILE, entry=entry)
        return Skipped(key, SkipKind.IN_EARLIER_FILE, entry=entry, file=other.name)
    if holder.deleted:
        return Skipped(key, SkipKind.DELETED_HERE, mask=holder.local_id)
    if holder.server_id is None:
        return Skipped(key, SkipKind.NOT_SYNCED, mask=holder.local_id)
    return Skipped(key, SkipKind.ON_SERVER, mask=holder.local_id, server_id=holder.server_id)


# --- applying ------------------------------------------------------------------------------------


def apply_import(ws: Workspace, plan: ImportPlan, progress: Callable[[FilePlan], None] | None = None) -> ImportPlan:
    """Execute the plan: add each file's planned boxes as new masks, one transaction per file, keeping
    each legacy time as the time the box was added.

    Nothing outside the plan is added. Inside the transaction the pose's boxes are compared with those
    the plan counted on for this file: when something else changed the pose since (a pull, the
    window), planned boxes the pose now holds are skipped, so an old plan never adds a box twice."""
    for file in plan.files:
        if progress:
            progress(file)
        if not file.ok or file.pose is None or not file.to_add:
            continue
        with ws.transaction():
            held = holders(ws.masks(file.pose.id))
            if frozenset(held) != file.held:
                file.skipped += [_already(e.key, held[e.box.milli()], file.path)
                                 for e in file.to_add if e.box.milli() in held]
                file.to_add = [e for e in file.to_add if e.box.milli() not in held]
            for entry in file.to_add:
                file.added.append(ws.add_mask(file.pose.id, entry.box, added_at=entry.added_at))
    return plan
