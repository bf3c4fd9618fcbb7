"""What a sync did: counts, per-mask failures in the server's words, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from mask_editor.sync.merge import PoseMerge
from mask_editor.workspace.sync_rows import Op


class Outcome(StrEnum):
    COMPLETED = "completed"  # every pose pulled and its outbox pushed (refused masks are listed)
    INCOMPLETE = "incomplete"  # some poses failed (server errors, a pose gone...): run sync again
    CANCELLED = "cancelled"
    SIGN_IN_REQUIRED = "sign_in_required"  # paused: sign in, then run sync again to resume
    UNREACHABLE = "unreachable"  # the server could not be reached: nothing lost, try again later


@dataclass(frozen=True, slots=True)
class MaskFailure:
    pose_id: int
    local_id: int
    op: Op
    reason: str  # the server's words


@dataclass(frozen=True, slots=True)
class PoseFailure:
    pose_id: int
    reason: str  # the command line's words
    cause: Exception | None = None  # the typed error, for the window to word (ui/session/sync_words.py)


@dataclass
class PoseReport:
    """One pose's part of a sync, filled by the one worker that handles the pose."""

    pose_id: int
    pulled: bool = False
    created: int = 0
    patched: int = 0
    deleted: int = 0
    adopted: int = 0
    taken: int = 0
    added: int = 0
    dropped: int = 0
    conflicts: int = 0
    late_copies: int = 0
    failed: list[MaskFailure] = field(default_factory=list)
    error: str | None = None  # the pose could not be finished
    cause: Exception | None = None  # why, typed

    def add_merge(self, merge: PoseMerge) -> None:
        self.pulled = True
        self.adopted += merge.adopted
        self.taken += merge.taken
        self.added += merge.added
        self.dropped += merge.dropped
        self.conflicts += merge.conflicts
        self.late_copies += merge.late_copies

    @property
    def pushed(self) -> int:
        """Requests with a recorded result (progress marker for the retry budget)."""
        return self.created + self.patched + self.deleted + len(self.failed)


@dataclass
class SyncResult:
    outcome: Outcome
    poses_pulled: int = 0
    created: int = 0
    patched: int = 0
    deleted: int = 0
    adopted: int = 0  # creates whose answer was lost, found on the server instead of posted again
    taken: int = 0  # server edits taken into the workspace
    added: int = 0  # server masks new to us
    dropped: int = 0  # masks the server deleted, removed here
    conflicts: int = 0  # new conflicts, waiting for a decision
    late_copies: int = 0  # creates sent again whose earlier send landed late: the extra copy is deleted
    failed: list[MaskFailure] = field(default_factory=list)
    pose_failures: list[PoseFailure] = field(default_factory=list)
    remaining: int = 0  # operations still in the outbox after this run (conflicts not counted)

    @classmethod
    def from_reports(cls, outcome: Outcome, reports: list[PoseReport], remaining: int) -> SyncResult:
        result = cls(outcome, remaining=remaining)
        for r in reports:
            result.poses_pulled += int(r.pulled)
            for name in ("created", "patched", "deleted", "adopted", "taken", "added", "dropped", "conflicts",
                         "late_copies"):
                setattr(result, name, getattr(result, name) + getattr(r, name))
            result.failed.extend(r.failed)
            if r.error is not None:
                result.pose_failures.append(PoseFailure(r.pose_id, r.error, r.cause))
        return result

    def summary(self) -> str:
        """One paragraph for a person (the CLI prints it, the dialog shows it)."""
        head = {
            Outcome.COMPLETED: "Sync finished.",
            Outcome.INCOMPLETE: "Sync finished with problems: run it again to retry.",
            Outcome.CANCELLED: "Sync cancelled: what was sent is recorded, the rest waits.",
            Outcome.SIGN_IN_REQUIRED: "Sync paused: please sign in again, then sync to resume.",
            Outcome.UNREACHABLE: "The server could not be reached: your changes are kept for the next sync.",
        }[self.outcome]
        parts = [f"{self.created} created", f"{self.patched} updated", f"{self.deleted} deleted"]
        if self.adopted:
            parts.append(f"{self.adopted} recovered after a lost answer")
        if self.late_copies:
            copies = "copy" if self.late_copies == 1 else "copies"
            parts.append(f"{self.late_copies} late {copies} of a create sent again, deleted")
        parts += [f"{self.taken + self.added + self.dropped} changes from the server",
                  f"{self.conflicts} new conflicts", f"{len(self.failed)} refused", f"{self.remaining} left to push"]
        lines = [head, ", ".join(parts) + "."]
        lines += [f"pose {f.pose_id}, mask {f.local_id} ({f.op}): {f.reason}" for f in self.failed]
        lines += [f"pose {f.pose_id}: {f.reason}" for f in self.pose_failures]
        return "\n".join(lines)
