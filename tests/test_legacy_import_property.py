"""The dry run is the import: on random legacy file sets, what `import-legacy --dry-run` says it would
add is, pose by pose and box by box, what `import-legacy` then adds; and a second import adds nothing.

The worlds are small on purpose (two sites, a few cameras, azimuths on a coarse grid, low pose ids,
a handful of boxes) so that files collide: an id that is also an azimuth, two files on one pose, the
same box in several files, boxes the pose already has or had (deleted here, waiting for the sync).

Each run draws a new seed and a failure prints it (with the @reproduce_failure blob): rerun with
LEGACY_IMPORT_SEED=<seed> to see the same examples again. Counterexamples found are kept as @example.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from hypothesis import event, example, given, note, seed, settings
from hypothesis import strategies as st

from mask_editor.core.codec import LegacyFormatError, parse_legacy
from mask_editor.migrate.legacy import apply_import, plan_import
from mask_editor.workspace import CameraRow, PoseRow, Workspace

Milli = tuple[int, int, int, int]
SEED = int(os.environ.get("LEGACY_IMPORT_SEED") or random.SystemRandom().randrange(2**32))

SITES = ("pic", "col")
# Raw legacy values: float noise that lands on the same grid box, a box inside it, a zero-width box
# and one that needs clamping.
BOXES = (
    [0.1, 0.1, 0.2, 0.2, 0.5],
    [0.16090000000000002, 0.52, 0.2345, 0.61, 0.9],
    [0.161, 0.52, 0.235, 0.61],
    [0.3, 0.3, 0.5, 0.4],
    [0.12, 0.12, 0.18, 0.18, 0.1],
    [0.5, 0.5, 0.5, 0.6, 0.9],
    [0.9, 0.95, 1.2, 0.99],
)
TIMES = ("2025-01-01 00:00:00", "2025-01-01 00:00:01", "2025-06-06 12:23:45", "2025-06-07 08:00:00")
CORRUPT = ("", "{", "[]", '{"2025-01-01 00:00:00": [0.1, 0.2,, 0.3]}')


@dataclass(frozen=True)
class Case:
    cameras: list[tuple[str, list[tuple[float, bool]]]]  # (site, [(azimuth, active), ...]); pose ids 1..
    existing: list[tuple[int, int, str]]  # (pose number, BOXES index, "new" | "synced" | "deleted")
    files: list[tuple[str, str]]  # (file name, text); each in its own folder, so a name may repeat
    tolerance: float
    forced: int | None  # --pose: a pose number, or None


azimuths = st.sampled_from([0.0, 5.0, 10.0, 15.0, 20.0, 45.0, 355.0, 358.0]) | st.integers(0, 359).map(float)
layouts = st.lists(st.tuples(st.sampled_from(SITES),
                             st.lists(st.tuples(azimuths, st.sampled_from([True, True, True, False])),
                                      min_size=1, max_size=3)),
                   min_size=1, max_size=4)
entries = st.dictionaries(st.sampled_from((*TIMES, "not a time")), st.sampled_from(range(len(BOXES))),
                          min_size=1, max_size=4)
readable = entries.map(lambda d: json.dumps({k: BOXES[i] for k, i in d.items()}))
contents = st.tuples(st.integers(0, 4), readable, st.sampled_from(CORRUPT)).map(  # 1 in 5 corrupt
    lambda pick: pick[2] if pick[0] == 0 else pick[1])


@st.composite
def file_names(draw: st.DrawFn, layout: list[tuple[str, list[tuple[float, bool]]]]) -> str:
    """Mostly names aimed at a pose of the layout (by its azimuth, give or take, or by its id); some
    aimed at nothing, or at the wrong site, or not legacy names at all."""
    poses = [(site, azimuth, number) for number, (site, azimuth) in
             enumerate(((site, azimuth) for site, views in layout for azimuth, _ in views), start=1)]
    site, azimuth, pose_id = draw(st.sampled_from(poses))
    kind = draw(st.sampled_from(["azimuth", "azimuth", "id", "id", "stray", "other site", "bad name"]))
    if kind == "bad name":
        return draw(st.sampled_from(["masks.json", f"{site}_7.5.json", f"{site}.json"]))
    if kind == "azimuth":
        number = int(azimuth + draw(st.sampled_from([0, 0, 2, -3, 5, -8, 12]))) % 360
    else:
        number = pose_id if kind == "id" else draw(st.integers(0, 400))
    if kind == "other site":
        site = draw(st.sampled_from([s for s in (*SITES, "nowhere") if s != site]))
    return f"{site}_{number}.json"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    layout = draw(layouts)
    poses = sum(len(views) for _, views in layout)
    return Case(
        cameras=layout,
        existing=draw(st.lists(st.tuples(st.integers(0, poses - 1), st.sampled_from(range(len(BOXES))),
                                         st.sampled_from(["new", "synced", "deleted"])), max_size=4)),
        files=draw(st.lists(st.tuples(file_names(layout), contents), min_size=1, max_size=7)),
        tolerance=draw(st.sampled_from([0.0, 5.0, 10.0, 10.0, 15.0])),
        forced=draw(st.none() | st.none() | st.none() | st.integers(0, poses - 1)),
    )


def build(case: Case, root: Path) -> tuple[Workspace, list[Path], int | None]:
    ws = Workspace(root / "ws.sqlite")
    rows, poses = [], []
    for camera_id, (site, views) in enumerate(case.cameras, start=1):
        rows.append(CameraRow(camera_id, 1, f"{site}-{camera_id:02d}"))
        for azimuth, active in views:
            poses.append(PoseRow(len(poses) + 1, camera_id, azimuth, active=active))
    ws.save_cameras(rows, poses)
    for number, box, state in case.existing:
        readable = parse_legacy(json.dumps({TIMES[0]: BOXES[box]}), "existing").entries
        if not readable:  # a box no pose can hold (zero width)
            continue
        mask = ws.add_mask(poses[number % len(poses)].id, readable[0].box)
        if state != "new":  # synced once; "deleted": deleted here since, waiting for the push
            with ws.transaction() as conn:
                conn.execute("UPDATE masks SET server_id = ?, base_x0 = x0, base_y0 = y0, base_x1 = x1, "
                             "base_y1 = y1, base_text = 'x', deleted = ? WHERE local_id = ?",
                             (1000 + mask.local_id, state == "deleted", mask.local_id))
    paths = []
    for i, (name, text) in enumerate(case.files):
        (root / f"f{i}").mkdir()
        paths.append(root / f"f{i}" / name)
        paths[-1].write_text(text)
    forced = None if case.forced is None else poses[case.forced % len(poses)].id
    return ws, paths, forced


def rows(ws: Workspace) -> dict[int, tuple[int, Milli | None, bool]]:
    return {m.local_id: (m.pose_id, m.box.milli() if m.box else None, m.deleted)
            for p in ws.poses() for m in ws.masks(p.id)}


def reference(plan, before: dict[int, tuple[int, Milli | None, bool]]) -> Counter[tuple[int, Milli]]:
    """Plainly: each file that maps to a pose, in order, adds each readable box the pose does not hold
    yet (as a mask, deleted or not, or from an earlier file of this import)."""
    held = {(pose_id, box) for pose_id, box, _ in before.values()}
    added: Counter[tuple[int, Milli]] = Counter()
    for file in plan.files:
        if not file.ok:
            continue
        try:
            legacy = parse_legacy(file.path.read_text(), file.path.name)
        except LegacyFormatError:
            continue
        for entry in legacy.entries:
            if (file.pose.id, entry.box.milli()) not in held:
                held.add((file.pose.id, entry.box.milli()))
                added[file.pose.id, entry.box.milli()] += 1
    return added


def planned(plan) -> list[tuple[str, int | None, list[Milli]]]:
    return [(str(f.path), f.pose.id if f.pose else None, [e.box.milli() for e in f.to_add]) for f in plan.files]


@seed(SEED)
@settings(max_examples=100, deadline=None, print_blob=True)
@given(cases())
@example(Case(  # the brison_1.json (pose id 1) and brison_45.json (azimuth 45): one pose, one box
    cameras=[("pic", [(45.0, True)]), ("pic", [(200.0, True)])], existing=[],
    files=[("pic_1.json", json.dumps({TIMES[0]: BOXES[0]})), ("pic_45.json", json.dumps({TIMES[1]: BOXES[0]}))],
    tolerance=10.0, forced=None))
@example(Case(  # the same file given twice, from two folders, with a box the pose had and deleted here
    cameras=[("col", [(10.0, True), (100.0, True)])], existing=[(0, 3, "deleted")],
    files=[("col_12.json", json.dumps({TIMES[0]: BOXES[3], TIMES[1]: BOXES[1]}))] * 2,
    tolerance=10.0, forced=None))
@example(Case(  # found before the fix: one file given twice (two folders), both sent to one pose by --pose
    cameras=[("pic", [(5.0, True), (6.0, True)])], existing=[],
    files=[("pic_2.json", json.dumps({TIMES[0]: BOXES[0]}))] * 2, tolerance=0.0, forced=0))
def test_the_dry_run_adds_what_the_import_adds(case: Case):
    note(f"seed: LEGACY_IMPORT_SEED={SEED}")
    with tempfile.TemporaryDirectory() as tmp:
        ws, paths, forced = build(case, Path(tmp))
        with ws:
            before = rows(ws)
            dry = plan_import(ws, paths, pose_id=forced, tolerance=case.tolerance)
            assert rows(ws) == before  # the dry run changes nothing
            said = Counter((f.pose.id, e.box.milli()) for f in dry.files if f.ok for e in f.to_add)
            event(f"files on a pose: {round(4 * sum(f.ok for f in dry.files) / len(dry.files)) * 25}%")
            event("a box skipped because an earlier file adds it" if any(
                "same box as entry" in s.reason and "this file" not in s.reason for f in dry.files
                for s in f.skipped) else "no box held by an earlier file")
            assert said == reference(dry, before)

            done = apply_import(ws, plan_import(ws, paths, pose_id=forced, tolerance=case.tolerance))
            after = rows(ws)
            added = Counter((pose_id, box) for local_id, (pose_id, box, _) in after.items() if local_id not in before)
            assert added == said  # pose by pose, box by box
            assert [(str(f.path), f.pose.id if f.pose else None, [m.box.milli() for m in f.added])
                    for f in done.files] == planned(dry)  # file by file
            assert (done.added, done.poses) == (dry.to_add, dry.poses)  # the summary lines agree

            again = plan_import(ws, paths, pose_id=forced, tolerance=case.tolerance)
            assert again.to_add == 0
            apply_import(ws, again)
            assert rows(ws) == after
