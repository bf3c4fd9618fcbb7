"""A sync's outcome in the window's language. The sync layer has no Qt: `SyncResult.summary()` stays
English for the command line (ADR 0004); the window words the same facts here, one whole sentence each."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from mask_editor.sync import Outcome, SyncResult
from mask_editor.sync.result import PoseFailure
from mask_editor.ui.platform.messages import explain
from mask_editor.workspace.sync_rows import Op

translate = QCoreApplication.translate  # lupdate reads the literal calls below
OP_WORDS = {
    Op.CREATE: QT_TRANSLATE_NOOP("SyncWords", "create"),
    Op.PATCH: QT_TRANSLATE_NOOP("SyncWords", "change"),
    Op.DELETE: QT_TRANSLATE_NOOP("SyncWords", "delete"),
}


def _head(outcome: Outcome) -> str:
    if outcome is Outcome.COMPLETED:
        return translate("SyncWords", "Sync finished.")
    if outcome is Outcome.INCOMPLETE:
        return translate("SyncWords", "Sync finished with problems: run it again to retry.")
    if outcome is Outcome.CANCELLED:
        return translate("SyncWords", "Sync cancelled: what was sent is recorded, the rest waits.")
    if outcome is Outcome.SIGN_IN_REQUIRED:
        return translate("SyncWords", "Sync paused: please sign in again, then sync to resume.")
    return translate("SyncWords", "The server could not be reached: your changes are kept for the next sync.")


class SyncWords(QObject):
    """The counts as Qt plurals: lupdate makes a plural entry from self.tr(text, "", n) only."""

    def counts(self, result: SyncResult) -> list[str]:
        counts = [
            self.tr("%n created", "", result.created),
            self.tr("%n updated", "", result.patched),
            self.tr("%n deleted", "", result.deleted),
        ]
        if result.adopted:
            counts.append(self.tr("%n recovered after a lost answer", "", result.adopted))
        if result.late_copies:
            counts.append(self.tr("%n late copies of a create sent again, deleted", "", result.late_copies))
        counts += [
            self.tr("%n change(s) from the server", "", result.taken + result.added + result.dropped),
            self.tr("%n new conflict(s)", "", result.conflicts),
            self.tr("%n refused", "", len(result.failed)),
            self.tr("%n left to push", "", result.remaining),
        ]
        return counts


def sync_summary(result: SyncResult) -> str:
    """One paragraph for a person: what happened, the counts, then each refusal in the server's words."""
    counts = SyncWords().counts(result)
    lines = [_head(result.outcome), translate("SyncWords", "%1.").replace("%1", ", ".join(counts))]
    lines += [translate("SyncWords", "Pose %1, mask %2 (%3): %4").replace("%4", f.reason)
              .replace("%3", translate("SyncWords", OP_WORDS.get(f.op, f.op))).replace("%2", str(f.local_id))
              .replace("%1", str(f.pose_id)) for f in result.failed]
    lines += [translate("SyncWords", "Pose %1: %2").replace("%2", _pose_reason(f)).replace("%1", str(f.pose_id))
              for f in result.pose_failures]
    return "\n".join(lines)


def _pose_reason(failure: PoseFailure) -> str:
    """Why a pose could not be finished: the typed error in the window's words, else the sync layer's."""
    return explain(failure.cause).text if failure.cause is not None else failure.reason
