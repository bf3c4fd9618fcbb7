"""File › Sync now opens the review, and the Edit menu's conflict decisions act on the selection."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mask_editor.core.geometry import Box
from mask_editor.ui.window.session_controller import SessionController
from mask_editor.ui.window.sync_actions import attach_sync
from mask_editor.workspace import ConflictKind, MaskState
from tests.ui.window_data import POSE_A

pytest_plugins = ("tests.ui.window_fixtures",)

SERVER_ID = 345  # the synced mask of pose A in window_data


def put_in_conflict(window) -> int:
    """As a pull leaves it: moved here, and moved differently on the server meanwhile."""
    ws, doc = window.workspace, window.document
    mask = next(m for m in doc.masks() if m.server_id == SERVER_ID)
    ws.set_boxes({mask.local_id: Box(0.25, 0.6, 0.45, 0.8)})
    with ws.transaction() as conn:
        conn.execute("UPDATE masks SET conflict = ?, theirs_text = ? WHERE local_id = ?",
                     (ConflictKind.SERVER_EDITED.value, "(0.2,0.5,0.4,0.7)", mask.local_id))
    doc.reload([mask.local_id])
    return mask.local_id


def test_conflict_actions_follow_the_selection_and_take_theirs(window):
    assert window.document.pose_id == POSE_A
    local_id = put_in_conflict(window)
    a = window.actions
    window.document.set_selection(())
    assert not a["conflict_take_theirs"].isEnabled()
    window.document.set_selection({local_id})
    assert a["conflict_take_theirs"].isEnabled() and a["conflict_keep_mine"].isEnabled()
    attach_sync(window, SessionController(window))
    a["conflict_take_theirs"].trigger()
    mask = window.document.mask(local_id)
    assert mask.state is MaskState.SYNCED and mask.box == Box(0.2, 0.5, 0.4, 0.7)
    assert not a["conflict_take_theirs"].isEnabled()  # nothing left to decide
    window.actions["undo"].trigger()  # each decision is one undo step
    assert window.document.mask(local_id).state is MaskState.CONFLICT


def test_sync_now_opens_the_review_of_what_will_change(window, qtbot):
    attach_sync(window, SessionController(window))
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "sync_dialog":
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.headline.text())
        dialog.reject()

    QTimer.singleShot(0, look)
    assert window.actions["sync"].isEnabled()
    window.actions["sync"].trigger()
    assert seen and "changes to send" in seen[0]
