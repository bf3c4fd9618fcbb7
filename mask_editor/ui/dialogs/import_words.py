"""The legacy import's reasons in the window's language, from the typed reasons of migrate/legacy_reasons.py.

The command line keeps its English sentences with its options as the way out (ADR 0004); here the way out is
the dialog's own controls ("Put the boxes on", the azimuth tolerance).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from mask_editor.core.codec import LegacyFormatError, LegacyNote, LegacyProblem
from mask_editor.migrate.legacy_reasons import FileProblem, PoseRef, ProblemKind, SkipKind, Skipped, number_text
from mask_editor.ui.platform.formatting import clauses
from mask_editor.ui.platform.i18n import decimal
from mask_editor.ui.platform.messages import thin_box_text

translate = QCoreApplication.translate  # lupdate reads the literal calls below


def _number(value: float | None) -> str:
    """An azimuth or a tolerance as a person reads it here (a decimal comma in French)."""
    if value is None or float(value).is_integer():
        return number_text(value)
    return decimal(value, 1)


def entry_problem(error: LegacyFormatError) -> str:
    """Why a file or an entry cannot be read."""
    kind = error.kind
    if kind is LegacyProblem.EMPTY:
        return translate("ImportWords", "the file is empty")
    if kind is LegacyProblem.NOT_JSON:
        return translate("ImportWords", "this is not valid JSON (line %1, column %2)").replace(
            "%1", str(error.line)).replace("%2", str(error.column))
    if kind is LegacyProblem.NOT_AN_OBJECT:
        return translate("ImportWords", 'expected a JSON object of {"time": [x1, y1, x2, y2, conf]}')
    if kind is LegacyProblem.BAD_KEY:
        return translate("ImportWords", "the key is not a time like 2025-06-06 12:23:45")
    if kind is LegacyProblem.NOT_A_LIST:
        return translate("ImportWords", "expected a list of 4 or 5 numbers")
    if kind is LegacyProblem.NOT_A_NUMBER:
        return translate("ImportWords", "a value is not a number")
    if kind is LegacyProblem.NOT_FINITE:
        return translate("ImportWords", "a value is not a finite number")
    if kind is LegacyProblem.TOO_THIN and error.thin is not None:
        return thin_box_text(error.thin)
    return translate("ImportWords", "the box has zero width or height")


def note_text(note: LegacyNote) -> str:
    if note is LegacyNote.CLAMPED:
        return translate("ImportWords", "values outside [0, 1] were clamped")
    return translate("ImportWords", "corners were swapped")


def skip_reason(skipped: Skipped) -> str:
    """Why one entry is skipped, naming the mask or the entry that already holds its box."""
    kind = skipped.kind
    if kind is SkipKind.UNREADABLE:
        return entry_problem(skipped.error) if skipped.error else translate("ImportWords", "unreadable")
    if kind is SkipKind.IN_THIS_FILE:
        return translate("ImportWords", "same box as entry %1 of this file").replace("%1", skipped.entry)
    if kind is SkipKind.IN_EARLIER_FILE:
        return translate("ImportWords", "same box as entry %1 of %2").replace("%2", skipped.file).replace(
            "%1", skipped.entry)
    if kind is SkipKind.DELETED_HERE:
        return translate("ImportWords", "the pose had this box as mask #%1, deleted here (it stays deleted)").replace(
            "%1", str(skipped.mask))
    if kind is SkipKind.NOT_SYNCED:
        return translate("ImportWords", "the pose already has this box (mask #%1, not synced yet)").replace(
            "%1", str(skipped.mask))
    return translate("ImportWords", "the pose already has this box (mask #%1, server id %2)").replace(
        "%2", str(skipped.server_id)).replace("%1", str(skipped.mask))


def skipped_summary(skipped: list[Skipped]) -> str:
    """What was skipped in a file, grouped with counts: '2 boxes already on the pose; 1 duplicate…'."""
    groups: Counter[tuple[SkipKind, str]] = Counter()
    for s in skipped:
        if s.kind is SkipKind.UNREADABLE:
            groups[(s.kind, skip_reason(s))] += 1
        else:
            kind = SkipKind.ON_SERVER if s.kind is SkipKind.NOT_SYNCED else s.kind
            groups[(kind, s.file)] += 1
    counts = SkipCounts()
    return clauses([counts.text(kind, detail, n) for (kind, detail), n in groups.items()])


class SkipCounts(QObject):
    """The counts as Qt plurals: lupdate makes a plural entry from self.tr(text, "", n) only."""

    def text(self, kind: SkipKind, detail: str, n: int) -> str:
        if kind is SkipKind.UNREADABLE:
            return self.tr("%n unreadable entry(ies): %1", "", n).replace("%1", detail)
        if kind is SkipKind.IN_THIS_FILE:
            return self.tr("%n duplicate(s) within the file", "", n)
        if kind is SkipKind.IN_EARLIER_FILE:
            return self.tr("%n box(es) already in %1", "", n).replace("%1", detail)
        if kind is SkipKind.DELETED_HERE:
            return self.tr("%n box(es) deleted here, which stay deleted", "", n)
        return self.tr("%n box(es) already on the pose", "", n)


def _poses(poses: tuple[PoseRef, ...]) -> str:
    """'1 (pic-01 at 10°) and 4 (pic-02 at 30°)', the list joined the language's way."""
    return QLocale().createSeparatedList([
        translate("ImportWords", "%1 (%2 at %3°)").replace("%3", _number(p.azimuth)).replace("%2", p.camera)
        .replace("%1", str(p.id)) for p in poses])


def file_problem(problem: FileProblem) -> str:
    """Why a whole file is not imported, and what to do in this dialog."""
    kind, number = problem.kind, _number(problem.number)
    if kind in (ProblemKind.CANNOT_READ, ProblemKind.NOT_UTF8):
        if kind is ProblemKind.NOT_UTF8:
            return translate("ImportWords", "The file cannot be read: it is not UTF-8 text.")
        return translate("ImportWords", "The file cannot be read (%1).").replace("%1", problem.detail)
    if kind is ProblemKind.BAD_CONTENT:
        reason = entry_problem(problem.error) if problem.error else translate("ImportWords", "unreadable")
        return translate("ImportWords", "The file cannot be imported: %1.").replace("%1", reason)
    if kind is ProblemKind.BAD_NAME:
        return translate("ImportWords", 'The name is not <site>_<azimuth>.json or <site>_<pose id>.json: choose '
                                        'the pose under "Put the boxes on".')
    if kind is ProblemKind.NO_CAMERA:
        return translate("ImportWords", 'No camera named %1-NN in this workspace: pull the camera list, or choose '
                                        'the pose under "Put the boxes on".').replace("%1", problem.prefix)
    if kind is ProblemKind.AMBIGUOUS_AZIMUTH:
        return translate("ImportWords", 'Ambiguous: poses %1 are equally near azimuth %2. Choose the pose under '
                                        '"Put the boxes on".').replace("%2", number).replace(
            "%1", _poses(problem.poses))
    if kind is ProblemKind.AMBIGUOUS_ID:
        near, with_id = problem.poses
        return translate("ImportWords", 'Ambiguous: %1 is near the azimuth of pose %2 and is also the id of pose '
                                        '%3. Choose the pose under "Put the boxes on".').replace(
            "%3", _poses((with_id,))).replace("%2", _poses((near,))).replace("%1", number)
    azimuths = clauses([
        translate("ImportWords", "%1: %2").replace("%2", QLocale().createSeparatedList(
            [f"{_number(a)}°" for a in c.azimuths]) or translate("ImportWords", "none")).replace("%1", c.camera)
        for c in problem.cameras])
    return translate("ImportWords", 'No active pose within %1° of azimuth %2, and no pose with id %2 (azimuths: '
                                    '%3). Choose the pose under "Put the boxes on", or widen the azimuth '
                                    'tolerance.').replace("%3", azimuths).replace("%2", number).replace(
        "%1", _number(problem.tolerance))
