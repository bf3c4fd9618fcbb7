"""Undo and redo act only on the rows they made or changed (issue 11, item 1): local ids are never
handed out twice, so a command that puts a mask back can never land on another pose's mask."""

from __future__ import annotations

import json
from pathlib import Path

from mask_editor.core.geometry import Box, quantize
from mask_editor.migrate.legacy import apply_import, plan_import
from mask_editor.ui.window.open_poses import OpenPoses
from mask_editor.workspace import Mask, Workspace
from tests.ui.conftest import POSE_A, POSE_B, Seeded

DRAWN = Box(0.6, 0.4, 0.7, 0.5)
OTHER = Box(0.2, 0.5, 0.3, 0.6)


def rows(ws: Workspace, pose_id: int) -> dict[int, Mask]:
    return {m.local_id: m for m in ws.masks(pose_id)}


def added_ids(before: dict[int, Mask], after: dict[int, Mask]) -> list[int]:
    return sorted(set(after) - set(before))


def test_undo_of_a_delete_on_one_pose_leaves_a_mask_drawn_on_another_alone(qapp, seeded: Seeded) -> None:
    ws = seeded.workspace
    poses = OpenPoses(ws)
    one = poses.open(POSE_A)
    before_a = rows(ws, POSE_A)
    one.add_boxes([DRAWN], "Draw mask")
    (drawn,) = added_ids(before_a, rows(ws, POSE_A))
    one.delete([drawn])
    assert drawn not in rows(ws, POSE_A)  # a new mask goes at once

    two = poses.open(POSE_B)
    before_b = rows(ws, POSE_B)
    two.add_boxes([OTHER], "Draw mask")
    (other,) = added_ids(before_b, rows(ws, POSE_B))

    poses.open(POSE_A)
    poses.group.undo()  # puts the deleted mask back on pose A
    assert rows(ws, POSE_A)[drawn].box == DRAWN
    assert rows(ws, POSE_B)[other].box == OTHER
    assert {m.local_id for m in two.masks()} == set(rows(ws, POSE_B))
    assert ws.mask_counts()[POSE_B] == 2


def test_paste_on_another_pose_then_undo_of_a_delete_keeps_the_pasted_masks(qapp, seeded: Seeded) -> None:
    ws = seeded.workspace
    poses = OpenPoses(ws)
    one = poses.open(POSE_A)
    before_a = rows(ws, POSE_A)
    one.add_boxes([DRAWN, OTHER], "Draw masks")
    one.delete(added_ids(before_a, rows(ws, POSE_A)))
    two = poses.open(POSE_B)
    before_b = rows(ws, POSE_B)
    two.add_boxes([DRAWN, OTHER], "Paste 2 masks")  # what clipboard.paste does
    pasted = added_ids(before_b, rows(ws, POSE_B))

    poses.open(POSE_A)
    poses.group.undo()
    assert [rows(ws, POSE_B)[i].box for i in pasted] == [DRAWN, OTHER]
    assert all(m.pose_id == POSE_B for m in ws.masks_by_id(pasted))
    assert sorted(m.box.milli() for m in one.masks() if m.box in (DRAWN, OTHER)) == sorted(
        [DRAWN.milli(), OTHER.milli()])
    assert sorted(m.box.milli() for m in ws.masks(POSE_A) if m.box in (DRAWN, OTHER)) == sorted(
        [DRAWN.milli(), OTHER.milli()])


def test_a_nudge_on_one_pose_never_rewrites_a_mask_of_another(qapp, seeded: Seeded) -> None:
    ws = seeded.workspace
    poses = OpenPoses(ws)
    one = poses.open(POSE_A)
    before_a = rows(ws, POSE_A)
    one.add_boxes([DRAWN, OTHER], "Draw masks")
    drawn = added_ids(before_a, rows(ws, POSE_A))
    one.delete(drawn)
    two = poses.open(POSE_B)
    before_b = rows(ws, POSE_B)
    two.add_boxes([DRAWN, OTHER], "Paste 2 masks")
    pasted = added_ids(before_b, rows(ws, POSE_B))
    poses.open(POSE_A)
    poses.group.undo()
    a_before = rows(ws, POSE_A)

    poses.open(POSE_B)
    last = pasted[-1]
    nudged = quantize(OTHER.translated(0.01, 0))
    two.set_boxes({last: nudged}, "Nudge mask", merge_key="nudge")
    assert rows(ws, POSE_A) == a_before  # pose A untouched
    assert rows(ws, POSE_B)[last].box == nudged
    assert two.mask(last) == ws.mask(last)


def test_a_local_id_is_not_handed_out_again_after_a_restart(tmp_path: Path, seeded: Seeded) -> None:
    ws = seeded.workspace
    (mask,) = ws.add_masks(POSE_A, [DRAWN])
    ws.delete_masks([mask.local_id])
    ws.close()
    reopened = Workspace(seeded.path)
    try:
        (again,) = reopened.add_masks(POSE_B, [OTHER])
        assert again.local_id > mask.local_id
    finally:
        reopened.close()
        seeded.workspace = Workspace(seeded.path)  # the fixture closes it


def _legacy_file(folder: Path, name: str, found: list[Box]) -> Path:
    path = folder / name
    entries = {f"2025-06-0{i + 1} 12:00:00": [*b.as_tuple(), 0.9] for i, b in enumerate(found)}
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def test_redo_of_a_cover_after_a_legacy_import_keeps_the_imported_masks(qapp, seeded: Seeded,
                                                                         tmp_path: Path) -> None:
    ws = seeded.workspace
    poses = OpenPoses(ws)
    one = poses.open(POSE_A)
    cover = [quantize(Box(0.1 * i, 0.0, 0.1 * i + 0.08, 0.05)) for i in range(4)]
    one.add_boxes(cover, "Cover area")
    poses.group.undo()  # the cover's new masks are gone

    imported: dict[int, list[Box]] = {POSE_A: [Box(0.4, 0.4, 0.45, 0.45), Box(0.5, 0.5, 0.55, 0.55)],
                                      POSE_B: [Box(0.6, 0.6, 0.65, 0.65), Box(0.7, 0.7, 0.75, 0.75)]}
    for pose, found in imported.items():
        plan = plan_import(ws, [_legacy_file(tmp_path, f"brison_{pose}.json", found)], pose_id=pose)
        assert sum(len(f.added) for f in apply_import(ws, plan).files) == 2
    for doc in poses.documents():
        doc.reload()
    poses.group.redo()  # the cover again

    for pose, found in imported.items():
        have = [m.box for m in ws.masks(pose)]
        assert all(b in have for b in found), pose
    assert all(b in [m.box for m in ws.masks(POSE_A)] for b in cover)
    assert ws.mask_counts() == {POSE_A: len(seeded.ids) - 2 + 2 + 4, POSE_B: 1 + 2}
