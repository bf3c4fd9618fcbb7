"""`drift`: which poses' views moved since their masks were drawn (workspace alone, no server).

Exit 1 when some pose's believed shift exceeds the threshold, so that a cron job can warn.
"""

from __future__ import annotations

import argparse

from mask_editor.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, open_workspace
from mask_editor.cli.output import emit_json, say, short_time, table, when_text


def run_drift(args: argparse.Namespace) -> int:
    from mask_editor.workspace.drift import fleet, shift_words

    if not 0 < args.threshold < 25:
        raise CommandError("--threshold is a percentage of the image width, above 0 and below 25.", EXIT_USAGE)
    threshold = args.threshold / 100
    with open_workspace(args, write=False) as ws:
        if args.camera is not None and ws.camera(args.camera) is None:
            raise CommandError(f"There is no camera {args.camera} in this workspace "
                               "(`mask-editor status` lists them).", EXIT_USAGE)
        reports = fleet(ws, args.camera, threshold)
        names = {c.id: c.name for c in ws.cameras()}
        poses = {p.id: p for p in ws.poses(args.camera)}
    rows = []
    for report in reports:
        pose = poses[report.pose_id]
        group = report.main
        shift = group.shift if group else None
        rows.append({
            "pose_id": pose.id, "camera_id": pose.camera_id, "camera": names.get(pose.camera_id),
            "azimuth": pose.azimuth, "exceeds": report.exceeds,
            "dx": round(shift.dx, 5) if shift else 0.0, "dy": round(shift.dy, 5) if shift else 0.0,
            "confidence": round(shift.confidence, 3) if shift else None,
            "drawn_on": when_text(group.reference.taken_at) if group else None,
            "latest": when_text(report.latest.taken_at),
            "masks_compared": len(group.mask_ids) if group else 0,
        })
    exceeding = [r["pose_id"] for r in rows if r["exceeds"]]
    if args.json:
        emit_json({"threshold": threshold, "poses": rows, "exceeding": exceeding})
    else:
        say(table(("pose", "camera", "azimuth", "shift since drawn", "confidence", "drawn on", "latest image",
                   "masks compared", "status"),
                  [(r["pose_id"], r["camera"] or r["camera_id"], "-" if r["azimuth"] is None else f"{r['azimuth']:g}°",
                    shift_words(r["dx"], r["dy"]) if r["confidence"] is not None else "-",
                    "-" if r["confidence"] is None else f"{r['confidence']:.2f}",
                    short_time(report.main.reference.taken_at) if report.main else "-",
                    short_time(report.latest.taken_at), r["masks_compared"], _status(report))
                   for r, report in zip(rows, reports, strict=True)], right=(0, 4, 7)))
        say(f"{len(exceeding)} of {len(rows)} poses moved more than {args.threshold:g} % of the width"
            + (": " + ", ".join(map(str, exceeding)) if exceeding else "."))
    return EXIT_FAILED if exceeding else EXIT_OK


def _status(report) -> str:
    if report.exceeds:
        return "moved: check the masks"
    if report.main is None:
        return "ok (masks drawn on the latest image)"
    if not report.main.shift.confident:
        return "unsure (too little detail to compare)"
    return "ok"
