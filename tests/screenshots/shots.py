"""`make screenshots`: the pictures of docs/, staged for real (the fake server over HTTP, a real
workspace file, the real window) and grabbed under a real X server. Not collected by `make test`
(the file name does not start with test_); the Makefile passes it to pytest by path.

Each shot stages its state in a fresh workspace, then writes docs/<name>.png (or $SHOTS_DIR)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mask_editor.api import PyroClient
from mask_editor.core.codec import format_mask
from mask_editor.core.geometry import Box
from mask_editor.sync import SyncOptions, fetch_pose_image, pull_all, refresh_cameras
from mask_editor.workspace import Workspace
from tests.fake_pyro_api.fixtures import FakeApi, MakeClient
from tests.sync.helpers import by_server_id


@pytest.fixture
def client(make_client: MakeClient) -> PyroClient:
    return make_client("agent")


OUT = Path(os.environ.get("SHOTS_DIR", Path(__file__).resolve().parents[2] / "docs"))
OPTIONS = SyncOptions(sleep=lambda _s: None)


def stage(fake_api: FakeApi, client: PyroClient, path: Path) -> tuple[Workspace, int, dict[str, int]]:
    """A pose with its image, three synced masks, then local edits and a conflict of each case."""
    ws = Workspace(path, exclusive=True)
    refresh_cameras(client, ws)
    pose = fake_api.seeded.alpha_poses[0]
    boxes = {"both": Box(0.12, 0.18, 0.3, 0.4), "moved": Box(0.55, 0.2, 0.7, 0.32),
             "gone": Box(0.78, 0.55, 0.92, 0.7), "there": Box(0.35, 0.6, 0.5, 0.75)}
    server = {name: fake_api.state.add_mask(pose, format_mask(b)).id for name, b in boxes.items()}
    fetch_pose_image(client, ws, pose)
    pull_all(client, ws, options=OPTIONS)
    rows = by_server_id(ws, pose)
    local = {name: rows[server[name]].local_id for name in boxes}
    ws.set_boxes({local["both"]: Box(0.12, 0.18, 0.27, 0.36), local["moved"]: Box(0.56, 0.22, 0.72, 0.34),
                  local["there"]: Box(0.36, 0.58, 0.52, 0.76)})
    ws.delete_masks([local["gone"]])
    (new,) = ws.add_masks(pose, [Box(0.6, 0.62, 0.7, 0.72)])
    local["new"] = new.local_id
    fake_api.state.patch_mask(server["both"], format_mask(Box(0.17, 0.24, 0.36, 0.45)))  # someone else moved it
    fake_api.state.delete_mask(server["there"])
    pull_all(client, ws, options=OPTIONS)
    return ws, pose, local


def test_conflict(qtbot, fake_api: FakeApi, client: PyroClient, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/conflict.png: a conflict on the canvas (our box and the server's ghost) and the inspector
    showing both versions and the base."""
    from mask_editor.ui.platform.settings import AppSettings
    from mask_editor.ui.window.main_window import MainWindow

    ws, pose, local = stage(fake_api, client, tmp_path / "ws.sqlite")
    window = MainWindow(ws, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window._default_dock_sizes()
    window.timeline_dock.hide()  # room for the inspector's conflict rows
    window.show_pose(pose)
    window.document.set_selection([local["both"]])
    qtbot.wait(200)
    window.resizeDocks([window.masks_dock, window.inspector_dock], [150, 620], Qt.Orientation.Vertical)
    qtbot.wait(200)
    assert window.inspector.details.isRowVisible(window.inspector.conflict)
    window.grab().save(str(OUT / "conflict.png"))
    window.close()
    ws.close()


def test_sync_review(qtbot, fake_api: FakeApi, client: PyroClient, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/sync_review.png: the review tree, pose → masks, one mask left out of the push."""
    from mask_editor.ui.dialogs.sync_review import SyncDialog
    from mask_editor.ui.dialogs.sync_review_tree import MASK_ROLE

    ws, _pose, local = stage(fake_api, client, tmp_path / "ws.sqlite")
    ws.add_mask(fake_api.seeded.alpha_poses[1], Box(0.4, 0.1, 0.5, 0.2))
    dialog = SyncDialog(ws, lambda: client, options=OPTIONS)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 520)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tree.expandAll()
    first = dialog.tree.topLevelItem(0)
    for k in range(first.childCount()):
        if first.child(k).data(0, MASK_ROLE) == local["moved"]:
            first.child(k).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.tree.setCurrentItem(first)
    qtbot.wait(300)
    dialog.grab().save(str(OUT / "sync_review.png"))
    dialog.close()
    ws.close()


def test_pose_list(qtbot, fake_api: FakeApi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/pose_list.png: right after signing in, every pose's server count and thumbnail, fetched in
    the background (a pose never opened shows its 7 masks, not a false zero)."""
    from mask_editor.ui.platform.settings import AppSettings
    from mask_editor.ui.window.assemble import build_window
    from tests.fake_pyro_api.seed import PASSWORDS
    from tests.ui.test_signin import fill_dialog_when_shown

    for i in range(7):
        fake_api.state.add_mask(fake_api.seeded.beta_poses[1], f"(0.{i}1,0.1,0.{i}5,0.2)")
    window, controller = build_window(None, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    fill_dialog_when_shown(qtbot, fake_api.url, "agent", PASSWORDS["agent"])
    controller.sign_in()
    qtbot.waitUntil(lambda: window.browser.model.rowCount() > 0, timeout=10_000)
    qtbot.wait(4000)  # the background listing: counts, then thumbnails
    window.grab().save(str(OUT / "pose_list.png"))
    window.close()
