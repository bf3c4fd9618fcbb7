"""The sync engine: poses in parallel, each pose pulled then pushed by one thread, with retries,
cancellation, a sign-in pause and progress.

Every pose gets its own thread (up to POSE_THREADS), so its requests keep their order; the number
of requests in flight across poses is bounded separately (`SyncOptions.workers`, the size of the
client's connection pool). Bounding requests rather than poses keeps all K connections busy until the
very end: with 20 poses and K = 8, pose-bound workers would run 8 + 8 + 4 poses and leave half the
connections idle in the last round. A transient failure (unreachable, 5xx) is retried after an
exponential, jittered backoff by pulling the pose again first: the pull settles whatever the failed
request may have done, exactly as after a crash.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from mask_editor.api.client import PyroClient
from mask_editor.api.errors import ApiError, ServerError, SignInRequired, Unreachable
from mask_editor.sync.merge import DEFAULT_ADOPT_TOLERANCE, DEFAULT_LATE_HORIZON
from mask_editor.sync.pull import pull_listing
from mask_editor.sync.push import PUSH_EVERYTHING, LeaveOut, push_outbox
from mask_editor.sync.result import Outcome, PoseReport, SyncResult
from mask_editor.workspace import Workspace, sync_rows
from mask_editor.workspace.store import now_utc, to_text

Progress = Callable[[int, int, str], None]  # (done, total, message); called from worker threads
TRANSIENT = (Unreachable, ServerError)


class SyncBusy(RuntimeError):
    """Another run of this workspace is under way (only with SyncOptions(wait_for_turn=False))."""


@dataclass(frozen=True)
class SyncOptions:
    workers: int = 8  # requests in flight at once; the client's pool holds 8 connections by default
    max_retries: int = 4  # consecutive failed rounds of one pose (without progress) before giving up
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    adopt_tolerance: timedelta = DEFAULT_ADOPT_TOLERANCE
    late_horizon: timedelta = DEFAULT_LATE_HORIZON  # how long a create sent again stays in doubt
    sleep: Callable[[float], None] | None = None  # None: a real wait that a cancel cuts short
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], datetime] = now_utc
    wait_for_turn: bool = True  # False: raise SyncBusy instead of waiting for another run to end


LAST_SYNC_KEY = "last_sync_at"  # workspace meta: when a push last completed (ISO-8601, UTC)
POSE_THREADS = 32  # poses handled at once (each waits for a request slot before every request)

_running: dict[Path, threading.Lock] = {}
_running_guard = threading.Lock()


class _Run:
    """State shared by the workers of one run."""

    def __init__(self, client: PyroClient, ws: Workspace, options: SyncOptions,
                 cancel: threading.Event | None, progress: Progress | None, total: int) -> None:
        # Duck-typed: pull and push call the client's methods, each now waiting for a request slot.
        self.client = cast(PyroClient, _Throttled(client, options.workers))
        self.ws, self.options = ws, options
        self.cancel = cancel or threading.Event()
        self.progress = progress
        self.total, self.done = total, 0
        self.sign_in_required = threading.Event()
        self.unreachable = threading.Event()
        self._lock = threading.Lock()

    def halted(self) -> bool:
        return self.cancel.is_set() or self.sign_in_required.is_set() or self.unreachable.is_set()

    def advance(self, message: str) -> None:
        with self._lock:
            self.done = min(self.done + 1, self.total)
            if self.progress is not None:
                self.progress(self.done, self.total, message)

    def backoff(self, failures: int) -> float:
        """Exponential with equal jitter: workers hitting one outage spread out, yet all wait."""
        step = min(self.options.backoff_max, self.options.backoff_base * 2 ** (failures - 1))
        with self._lock:
            return step / 2 + self.options.rng.uniform(0, step / 2)

    def sleep(self, delay: float) -> None:
        if self.options.sleep is not None:
            self.options.sleep(delay)
            return
        end = time.monotonic() + delay
        while not self.halted() and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))


def run(client: PyroClient, ws: Workspace, pose_ids: Iterable[int], *, push: bool = True,
        options: SyncOptions | None = None, cancel: threading.Event | None = None,
        progress: Progress | None = None, leave_out: LeaveOut = PUSH_EVERYTHING) -> SyncResult:
    """Pull each pose and (with `push`) push its outbox, except what `leave_out` names. Returns when
    every pose is done, or the run was cancelled, paused for a sign-in, or found the server
    unreachable. Safe to run again at any time: it resumes from what the workspace recorded.

    Runs of one workspace take turns (a pull of a pose must never overlap a push of it: it would
    see a create before its answer is recorded); a run waiting for its turn can be cancelled."""
    options = options or SyncOptions()
    poses = list(dict.fromkeys(pose_ids))
    lock = _lock_for(ws)
    while not lock.acquire(timeout=0.1):
        if not options.wait_for_turn:
            raise SyncBusy("A sync of this workspace is already running.")
        if cancel is not None and cancel.is_set():
            return SyncResult(Outcome.CANCELLED, remaining=pending_operations(ws))
    try:
        total = len(poses) + (pending_operations(ws, poses) if push else 0)
        state = _Run(client, ws, options, cancel, progress, total)
        threads = max(1, min(len(poses), POSE_THREADS))
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="sync") as pool:
            reports = list(pool.map(lambda pose_id: _pose_task(state, pose_id, push, leave_out), poses))
        remaining = pending_operations(ws)
        outcome = _outcome(state, reports)
        if push and outcome is Outcome.COMPLETED:  # what `status` and the window call the last sync
            ws.set_meta(LAST_SYNC_KEY, to_text(options.clock()))
        return SyncResult.from_reports(outcome, reports, remaining)
    finally:
        lock.release()


def _pose_task(run: _Run, pose_id: int, push: bool, leave_out: LeaveOut) -> PoseReport:
    report = PoseReport(pose_id)
    push = push and pose_id not in leave_out.poses
    handled: set[int] = set(leave_out.masks)  # left-out masks count as done: push_outbox skips them
    failures = 0
    while not run.halted():
        marker = report.pushed
        try:
            merge = pull_listing(run.client, run.ws, pose_id, tolerance=run.options.adopt_tolerance,
                                 clock=run.options.clock, late_horizon=run.options.late_horizon)
            if not report.pulled:
                run.advance(f"pose {pose_id}: pulled")
            report.add_merge(merge)
            if push:
                push_outbox(run.client, run.ws, pose_id, report, handled=handled, halted=run.halted,
                            advance=run.advance, clock=run.options.clock)
            return report
        except TRANSIENT as exc:
            failures = 1 if report.pushed != marker else failures + 1
            if failures > run.options.max_retries:
                report.error, report.cause = str(exc), exc
                if isinstance(exc, Unreachable):
                    run.unreachable.set()  # stop dispatching: the other poses would only wait too
                return report
            run.sleep(run.backoff(failures))
        except SignInRequired as exc:
            report.error, report.cause = str(exc), exc
            run.sign_in_required.set()
            return report
        except ApiError as exc:  # the pose itself is refused or gone (403, 404), or an odd answer
            report.error, report.cause = str(exc), exc
            return report
    return report


def _outcome(run: _Run, reports: list[PoseReport]) -> Outcome:
    if run.sign_in_required.is_set():
        return Outcome.SIGN_IN_REQUIRED
    if run.unreachable.is_set():
        return Outcome.UNREACHABLE
    if run.cancel.is_set():
        return Outcome.CANCELLED
    if any(r.error is not None or not r.pulled for r in reports):
        return Outcome.INCOMPLETE
    return Outcome.COMPLETED


class _Throttled:
    """The client with at most `limit` requests in flight, whichever pose threads send them."""

    def __init__(self, client: PyroClient, limit: int) -> None:
        self._client = client
        self._slots = threading.BoundedSemaphore(max(1, limit))

    def __getattr__(self, name: str) -> object:
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args: object, **kwargs: object) -> object:
            with self._slots:
                return attribute(*args, **kwargs)

        return call


def _lock_for(ws: Workspace) -> threading.Lock:
    with _running_guard:
        return _running.setdefault(ws.path.resolve(), threading.Lock())


# --- what is pending -------------------------------------------------------------------------------


def pending_operations(ws: Workspace, pose_ids: Iterable[int] | None = None) -> int:
    """Requests the outbox still holds (new, edited, deleted masks), for all or some poses."""
    counts = ws.outbox_counts()
    wanted = set(pose_ids) if pose_ids is not None else None
    return sum(n for pose_id, n in counts.items() if wanted is None or pose_id in wanted)


def pending_poses(ws: Workspace) -> list[int]:
    """Poses with something to push, a push in doubt, or a create whose earlier send may land late."""
    found = ws.poses_to_push()
    found |= {a.pose_id for a in sync_rows.attempts(ws)}
    found |= {d.pose_id for d in ws.creates_in_doubt()}
    return sorted(found)


# --- the public verbs ------------------------------------------------------------------------------
# Each takes the keywords of run(): options, cancel (a threading.Event), progress(done, total, message).


def push_all(client: PyroClient, ws: Workspace, *, options: SyncOptions | None = None,
             cancel: threading.Event | None = None, progress: Progress | None = None,
             leave_out: LeaveOut = PUSH_EVERYTHING) -> SyncResult:
    """Pull then push every pose that has local changes (or a push in doubt), but what is left out."""
    return run(client, ws, pending_poses(ws), options=options, cancel=cancel, progress=progress,
               leave_out=leave_out)


def push_pose(client: PyroClient, ws: Workspace, pose_id: int, *, options: SyncOptions | None = None,
              cancel: threading.Event | None = None, progress: Progress | None = None,
              leave_out: LeaveOut = PUSH_EVERYTHING) -> SyncResult:
    return run(client, ws, [pose_id], options=options, cancel=cancel, progress=progress, leave_out=leave_out)


def sync_all(client: PyroClient, ws: Workspace, *, options: SyncOptions | None = None,
             cancel: threading.Event | None = None, progress: Progress | None = None) -> SyncResult:
    """Pull every pose of the workspace, and push the ones with local changes."""
    poses = sorted({p.id for p in ws.poses()} | set(pending_poses(ws)))
    return run(client, ws, poses, options=options, cancel=cancel, progress=progress)


def pull_pose(client: PyroClient, ws: Workspace, pose_id: int, *, options: SyncOptions | None = None,
              cancel: threading.Event | None = None, progress: Progress | None = None) -> SyncResult:
    return run(client, ws, [pose_id], push=False, options=options, cancel=cancel, progress=progress)


def pull_camera(client: PyroClient, ws: Workspace, camera_id: int, *, options: SyncOptions | None = None,
                cancel: threading.Event | None = None, progress: Progress | None = None) -> SyncResult:
    poses = [p.id for p in ws.poses(camera_id)]
    return run(client, ws, poses, push=False, options=options, cancel=cancel, progress=progress)


def pull_all(client: PyroClient, ws: Workspace, *, options: SyncOptions | None = None,
             cancel: threading.Event | None = None, progress: Progress | None = None) -> SyncResult:
    poses = [p.id for p in ws.poses()]
    return run(client, ws, poses, push=False, options=options, cancel=cancel, progress=progress)
