"""A conflict in words, for the inspector and tooltips: what happened, what each choice does, and the
versions side by side. Kept apart from conflicts.py so the inspector does not load the sync package
(and httpx) at start-up: the decisions load on first use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mask_editor.ui.platform import formatting as fmt
from mask_editor.workspace import Mask
from mask_editor.workspace.conflict_view import ConflictCase, Versions, versions

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def describe_conflict(mask: Mask) -> str:
    """One sentence for the inspector or a tooltip: what happened, and what each choice means."""
    found = versions(mask)
    if found is None:
        return ""
    if found.case is ConflictCase.DELETED_THERE:
        return translate("Conflicts", "Someone deleted this mask on the server while you changed it. Keep "
                         "mine creates it again; take theirs removes it here.")
    if found.case is ConflictCase.DELETED_HERE:
        return translate("Conflicts", "You deleted this mask while someone changed it on the server to "
                         "{theirs}. Keep mine deletes it on the server too; take theirs keeps the server's "
                         "box.").format(theirs=found.theirs)
    return translate("Conflicts", "Someone changed this mask on the server to {theirs} while you moved it "
                     "to {ours}. Keep mine sends yours, take theirs keeps the server's, keep both keeps the "
                     "two boxes.").format(theirs=found.theirs, ours=found.ours)


def version_lines(found: Versions) -> list[tuple[str, str]]:
    """(label, text) rows for the inspector: ours, theirs, the common base, and what the server says
    of who and when (only the creation time: it records no author and no edit time)."""
    deleted = translate("Conflicts", "deleted")
    rows = [(translate("Conflicts", "Mine"), found.ours or deleted),
            (translate("Conflicts", "Theirs (server)"), found.theirs or deleted),
            (translate("Conflicts", "As last pulled"), found.base or translate("Conflicts", "unknown"))]
    if found.created_at is not None:
        when = fmt.local_time(found.created_at)
        rows.append((translate("Conflicts", "On the server"),
                     translate("Conflicts", "created {when}; it keeps no author and no time of change.")
                     .format(when=when)))
    return rows
