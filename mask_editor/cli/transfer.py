"""`masks`, `import-legacy` and `export`: work on the workspace alone, no server needed."""

from __future__ import annotations

import argparse

from mask_editor.cli.common import EXIT_CODES, EXIT_OK, CommandError, ErrorKind, open_workspace
from mask_editor.cli.output import Progress, emit_json, say, short_time, table, tell, when_text
from mask_editor.core.labels import pose_label


def run_masks(args: argparse.Namespace) -> int:
    with open_workspace(args, write=False) as ws:
        pose = ws.pose(args.pose_id)
        if pose is None:
            raise CommandError(f"There is no pose {args.pose_id} in this workspace "
                               "(`mask-editor status` lists the cameras; `mask-editor pull` fetches them).",
                               ErrorKind.NOT_FOUND)
        camera = ws.camera(pose.camera_id)
        masks = ws.masks(pose.id)
    rows = [{
        "local_id": m.local_id, "server_id": m.server_id, "mask": m.text, "server_text": m.base_text,
        "added_at": when_text(m.added_at), "server_created_at": when_text(m.server_created_at),
        "state": str(m.state), "conflict": m.conflict.value if m.conflict else None,
        "theirs_text": m.theirs_text, "notes": list(m.notes), "push_error": m.push_error,
    } for m in masks]
    if args.json:
        emit_json({"pose_id": pose.id, "camera_id": pose.camera_id, "camera": camera.name if camera else None,
                   "azimuth": pose.azimuth, "masks": rows})
        return EXIT_OK
    say(f"{pose_label(camera.name if camera else None, pose.id, pose.azimuth)}: {len(masks)} masks")
    if masks:
        say(table(("local id", "server id", "box", "added at", "on server since", "state"),
                  [(m.local_id, m.server_id, m.text or f"unreadable: {m.base_text!r}", short_time(m.added_at),
                    short_time(m.server_created_at), _state(m)) for m in masks], right=(0, 1)))
    return EXIT_OK


def _state(mask) -> str:
    if mask.conflict is not None:
        return f"conflict ({mask.conflict.value.replace('_', ' ')})"
    return str(mask.state) + (" (suspicious)" if mask.suspicious else "")


# --- import-legacy --------------------------------------------------------------------------------


def run_import_legacy(args: argparse.Namespace) -> int:
    from mask_editor.migrate.legacy import DEFAULT_TOLERANCE, apply_import, legacy_files, plan_import

    tolerance = DEFAULT_TOLERANCE if args.azimuth_tolerance is None else args.azimuth_tolerance
    if not 0 <= tolerance < 180:
        raise CommandError("--azimuth-tolerance must be between 0 and 180 degrees.", ErrorKind.USAGE)
    try:
        files = legacy_files(args.paths)
    except FileNotFoundError as exc:
        raise CommandError(str(exc), ErrorKind.NOT_FOUND) from None
    if not files:
        raise CommandError("No .json file in " + ", ".join(map(str, args.paths)) + ".", ErrorKind.NOT_FOUND)
    with open_workspace(args, write=not args.dry_run) as ws:
        _check_may_import(ws, dry_run=args.dry_run)
        with Progress(len(files), "Reading", "files") as bar:
            try:
                plan = plan_import(ws, files, pose_id=args.pose, tolerance=tolerance,
                                   progress=lambda p: bar.step(p.name))
            except LookupError as exc:
                raise CommandError(str(exc), ErrorKind.NOT_FOUND) from None
        if not args.dry_run:
            with Progress(len(plan.files), "Importing", "files") as bar:
                apply_import(ws, plan, progress=lambda f: bar.step(f.path.name))
    doc = import_document(plan, dry_run=args.dry_run)
    if args.json:
        emit_json(doc)
    else:
        print_import(plan, dry_run=args.dry_run)
    return EXIT_CODES[ErrorKind.FAILED] if plan.failed else EXIT_OK


def _check_may_import(ws, *, dry_run: bool) -> None:
    """A read-only account (role `user`) could import, but every mask would then be refused by the
    server at the sync (403): refused here, up front, as the window does. The dry run only warns."""
    account = ws.account()
    if account is None or account.can_edit:
        return
    text = (f"{account.username} on {account.server_url} is a read-only account (role {account.role}): it "
            "cannot add masks, so the server would refuse every imported box. Sign in as an agent or an "
            "admin of the organization to import.")
    if not dry_run:
        raise CommandError(text, ErrorKind.READ_ONLY)
    tell("note: " + text)


def import_document(plan, *, dry_run: bool) -> dict:
    files = []
    for f in plan.files:
        files.append({
            "file": str(f.path), "camera": f.camera.name if f.camera else None,
            "camera_id": f.camera.id if f.camera else None, "pose_id": f.pose.id if f.pose else None,
            "azimuth": f.pose.azimuth if f.pose else None, "matched_by": f.matched_by or None,
            "found": f.found, "to_add": len(f.to_add),
            "added": [{"local_id": m.local_id, "mask": m.text, "added_at": when_text(m.added_at)} for m in f.added],
            "skipped": [{"key": s.key, "reason": s.reason} for s in f.skipped],
            "notes": f.notes, "problem": f.problem,
        })
    return {"dry_run": dry_run, "tolerance": plan.tolerance, "files": files,
            "to_add": plan.to_add, "poses": sorted(plan.poses), "added": plan.added, "failed": len(plan.failed)}


def print_import(plan, *, dry_run: bool) -> None:
    rows = []
    for f in plan.files:
        why = f.problem or "; ".join(_grouped(f.skipped))
        rows.append((f.path.name, f.camera.name if f.camera else "-",
                     pose_label(None, f.pose.id, f.pose.azimuth) if f.pose else "-",
                     f.found, (len(f.to_add) if dry_run else len(f.added)) if f.ok else 0, len(f.skipped),
                     why or ""))
    say(table(("file", "camera", "pose", "found", "to add" if dry_run else "added", "skipped",
               "why skipped / not imported"), rows,
              right=(3, 4, 5)))
    say("")
    failed = len(plan.failed)
    if dry_run:
        say(f"Dry run: {plan.to_add} boxes would be added to {len(plan.poses)} poses; nothing was changed. "
            f"{failed} files would not be imported.")
    else:
        say(f"Added {plan.added} boxes as new masks; `mask-editor sync` sends them to the server. "
            f"{failed} files were not imported.")
    for f in plan.files:
        for note in f.notes:
            tell(f"note: {f.path.name}, {note}")


def _grouped(skipped) -> list[str]:
    """'3 x the pose already has this box' rather than three lines with mask numbers."""
    counts: dict[str, int] = {}
    for s in skipped:
        reason = s.reason.split(" (mask #")[0].split(" as mask #")[0]
        if reason.startswith("same box as entry"):
            reason = "duplicate within the file" if reason.endswith(" of this file") else (
                "already in " + reason.rsplit(" of ", 1)[1])
        counts[reason] = counts.get(reason, 0) + 1
    return [f"{n} x {r}" if n > 1 else r for r, n in counts.items()]


# --- export ---------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from mask_editor.migrate.export import (
        ExportError,
        ExportFormat,
        ExportTargetMissing,
        export_camera,
        export_pose,
    )

    fmt = ExportFormat(args.format)
    if args.scale != 100 and fmt is not ExportFormat.PNG:
        raise CommandError("--scale applies to --format png only.", ErrorKind.USAGE)
    if not 0 < args.scale <= 100:
        raise CommandError("--scale must be a percentage above 0 and at most 100.", ErrorKind.USAGE)
    output = args.output.expanduser()
    with open_workspace(args, write=False) as ws:
        try:
            if args.pose is not None:
                result = export_pose(ws, args.pose, fmt, output, args.scale)
            else:
                count = len([p for p in ws.poses(args.camera) if p.active])
                with Progress(count, "Exporting", "poses") as bar:
                    result = export_camera(ws, args.camera, fmt, output, args.scale,
                                           progress=lambda p: bar.step(f"pose {p.id}"))
        except ExportTargetMissing as exc:
            raise CommandError(str(exc), ErrorKind.NOT_FOUND) from None
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"Cannot write the export: {exc}") from None
    if args.json:
        emit_json({"format": fmt.value, "files": [
            {"path": str(f.path), "pose_id": f.pose_id, "masks": f.masks, "unreadable": f.unreadable}
            for f in result.files]})
        return EXIT_OK
    for f in result.files:
        left_out = f" ({f.unreadable} unreadable left out)" if f.unreadable else ""
        say(f"{f.path}: {f.pose}, {f.masks} masks{left_out}")
    return EXIT_OK
