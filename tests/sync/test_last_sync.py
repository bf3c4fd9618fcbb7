"""A completed push is remembered as the last sync, whoever ran it (window, CLI, script)."""

from __future__ import annotations

from mask_editor.api import PyroClient
from mask_editor.sync import Outcome, SyncOptions, pull_all, push_all
from mask_editor.sync.engine import LAST_SYNC_KEY
from mask_editor.workspace import Workspace
from mask_editor.workspace.store import from_text
from tests.sync.helpers import box


def test_completed_push_records_the_last_sync_and_a_pull_does_not(
        client: PyroClient, refreshed: Workspace, options: SyncOptions) -> None:
    ws = refreshed
    assert pull_all(client, ws, options=options).outcome is Outcome.COMPLETED
    assert ws.get_meta(LAST_SYNC_KEY) is None  # a pull alone sends nothing
    pose = ws.poses()[0].id
    ws.add_mask(pose, box(1))
    result = push_all(client, ws, options=options)
    assert result.outcome is Outcome.COMPLETED and result.created == 1
    assert from_text(ws.get_meta(LAST_SYNC_KEY)) is not None
