"""`pull` and `sync`: the sync engine (mask_editor.sync) behind a command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mask_editor.cli.common import (
    EXIT_CODES,
    EXIT_OK,
    CommandError,
    ErrorKind,
    api_failure,
    make_client,
    open_workspace,
    remember_refused,
    signed_in_account,
)
from mask_editor.cli.output import Progress, emit_json, say, tell, when_text

if TYPE_CHECKING:
    from mask_editor.api import PyroClient
    from mask_editor.sync import SyncResult
    from mask_editor.workspace import Account, Workspace


def refresh_cameras(ws: Workspace, client: PyroClient) -> tuple[int, int]:
    """Cameras and poses from the server into the workspace; returns how many of each."""
    from mask_editor.sync import refresh_cameras as refresh

    cameras = refresh(client, ws)
    return len(cameras), len(ws.poses())


def _check_session(client: PyroClient, account: Account) -> None:
    """One cheap request first, so that a refused session (exit 3) or a dead server (exit 4) is
    told at once, before the engine's patient retries."""
    from mask_editor.api import ApiError

    retries, client.retries = client.retries, 1  # one retry: a blip passes, a dead server is told fast
    try:
        client.validate()
    except ApiError as exc:
        raise api_failure(exc, account) from None
    finally:
        client.retries = retries


def _outcome_code(result: SyncResult, ws: Workspace) -> int:
    from mask_editor.sync import Outcome

    if result.outcome is Outcome.SIGN_IN_REQUIRED:
        return EXIT_CODES[ErrorKind.SIGN_IN]
    if result.outcome is Outcome.UNREACHABLE:
        return EXIT_CODES[ErrorKind.UNREACHABLE]
    if _conflicts(ws):
        return EXIT_CODES[ErrorKind.CONFLICT]
    if result.outcome is not Outcome.COMPLETED or result.failed:
        return EXIT_CODES[ErrorKind.FAILED]
    return EXIT_OK


def _conflicts(ws: Workspace) -> int:
    return sum(c.get("conflict", 0) for c in ws.pending_counts().values())  # type: ignore[call-overload]


def result_document(result: SyncResult, ws: Workspace) -> dict:
    return {
        "outcome": str(result.outcome), "poses_pulled": result.poses_pulled,
        "created": result.created, "updated": result.patched, "deleted": result.deleted,
        "recovered": result.adopted, "late_copies_deleted": result.late_copies,
        "from_server": {"changed": result.taken, "added": result.added, "removed": result.dropped},
        "new_conflicts": result.conflicts, "conflicts": _conflicts(ws), "left_to_push": result.remaining,
        "refused": [{"pose_id": f.pose_id, "local_id": f.local_id, "operation": str(f.op), "reason": f.reason}
                    for f in result.failed],
        "pose_failures": [{"pose_id": f.pose_id, "reason": f.reason} for f in result.pose_failures],
    }


def _report(result: SyncResult, ws: Workspace, as_json: bool, extra: dict | None = None) -> int:
    code = _outcome_code(result, ws)
    conflicts = _conflicts(ws)
    if as_json:
        emit_json({**result_document(result, ws), **(extra or {}), "exit_code": code})
    else:
        say(result.summary())
        if conflicts:
            say(f"{conflicts} masks are in conflict (the server changed them too): decide in the window, "
                "then sync again.")
    return code


def _with_engine(args: argparse.Namespace, action) -> int:
    """Open the workspace for writing, check the session, run `action(client, ws, progress)`."""
    from mask_editor.api import ApiError, SignInRequired
    from mask_editor.sync import SyncBusy

    code: int | None = None
    with open_workspace(args, write=True) as ws:
        account, token = signed_in_account(ws, args)
        with make_client(account.server_url, token) as client:
            bar = Progress(0, "Syncing", "steps")
            try:
                _check_session(client, account)
                code = action(client, ws, bar)
            except SyncBusy as exc:
                raise CommandError(str(exc), ErrorKind.BUSY) from None
            except ApiError as exc:
                code = EXIT_CODES[ErrorKind.SIGN_IN] if isinstance(exc, SignInRequired) else None
                raise api_failure(exc, account) from None
            except CommandError as exc:
                code = exc.code if exc.kind is ErrorKind.SIGN_IN else None
                raise
            finally:
                bar.close()
                if code == EXIT_CODES[ErrorKind.SIGN_IN]:
                    remember_refused(ws, token)
            return code


def run_pull(args: argparse.Namespace) -> int:
    from mask_editor.sync import pull_all, pull_camera, pull_pose

    def action(client: PyroClient, ws: Workspace, bar: Progress) -> int:
        bar.label, bar.unit = "Pulling", "poses"
        if args.pose is None:
            refresh_cameras(ws, client)  # a full or camera pull also learns new cameras and poses
        if args.pose is not None:
            if ws.pose(args.pose) is None:
                raise CommandError(f"There is no pose {args.pose} in this workspace "
                                   "(`mask-editor pull` fetches every camera).", ErrorKind.NOT_FOUND)
            result, poses = pull_pose(client, ws, args.pose, progress=bar.update), [args.pose]
        elif args.camera is not None:
            if ws.camera(args.camera) is None:
                raise CommandError(f"There is no camera {args.camera} on the server for this account.",
                                   ErrorKind.NOT_FOUND)
            result = pull_camera(client, ws, args.camera, progress=bar.update)
            poses = [p.id for p in ws.poses(args.camera)]
        else:
            result, poses = pull_all(client, ws, progress=bar.update), [p.id for p in ws.poses()]
        bar.close()
        images = _fetch_images(client, ws, poses) if result.outcome == "completed" else 0
        return _report(result, ws, args.json, {"images_fetched": images})

    return _with_engine(args, action)


def _fetch_images(client: PyroClient, ws: Workspace, pose_ids: list[int]) -> int:
    """Each pose's last image, when it changed (exports and the window need its size and pixels).
    A missing image is not worth failing a pull for: it is told, and the pull goes on."""
    from mask_editor.api import ApiError
    from mask_editor.sync import fetch_pose_image

    fetched = 0
    with Progress(len(pose_ids), "Fetching images of", "poses") as bar:
        for pose_id in pose_ids:
            before = ws.pose(pose_id)
            try:
                image = fetch_pose_image(client, ws, pose_id)
            except ApiError as exc:
                tell(f"pose {pose_id}: the image could not be fetched ({exc})")
                image = None
            if image is not None and (before is None or before.image_sha256 != image.sha256):
                fetched += 1
            bar.step(f"pose {pose_id}")
    return fetched


def run_sync(args: argparse.Namespace) -> int:
    from mask_editor.sync import plan, sync_all

    if args.dry_run:
        with open_workspace(args, write=False) as ws:
            pending = plan(ws)
            conflicts = _conflicts(ws)
        if args.json:
            emit_json(plan_document(pending))
        else:
            say(pending.describe())
            if not pending.empty:
                totals = pending.totals()
                say(f"\nA sync would send {pending.operations} requests: {totals['created']} new, "
                    f"{totals['edited']} edited, {totals['deleted']} deleted. {conflicts} masks wait for a "
                    "decision (conflicts). Nothing was sent.")
        return EXIT_OK

    def action(client: PyroClient, ws: Workspace, bar: Progress) -> int:
        result = sync_all(client, ws, progress=bar.update)  # records the last sync when it completes
        bar.close()
        return _report(result, ws, args.json)

    return _with_engine(args, action)


def plan_document(pending) -> dict:
    def masks(items) -> list[dict]:
        return [{"local_id": m.local_id, "server_id": m.server_id, "mask": m.text,
                 "added_at": when_text(m.added_at)} for m in items]

    return {
        "dry_run": True, "operations": pending.operations, "totals": pending.totals(),
        "poses": [{"pose_id": p.pose_id, "camera_id": p.camera_id, "camera": p.camera_name, "azimuth": p.azimuth,
                   "create": masks(p.created), "update": masks(p.edited), "delete": masks(p.deleted),
                   "conflicts": masks(p.conflicts), "refused_last_time": masks(p.refused),
                   "in_doubt": p.in_doubt} for p in pending.poses],
    }
