"""Past false positives against the fake server, over real HTTP: load a pose's detections, mask a
recurring spot with "Mask this", see its detections turn "dropped" while a real wildfire
elsewhere stays "kept"; the red banner when a mask would silence that wildfire; plain messages
when signed out or offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from mask_editor.core.geometry import Box
from mask_editor.sync.detections import WILDFIRE, wildfire_warnings
from mask_editor.ui.insight.false_positives import NO_SESSION
from mask_editor.ui.session.session import Session
from mask_editor.workspace import CameraRow, PoseRow, Workspace
from tests.fake_pyro_api.images import make_jpeg
from tests.test_detections import seed_spot_and_fire
from tests.ui.window_data import open_window

pytest_plugins = ("tests.ui.window_fixtures",)


def agent_session(url: str, token: str) -> Session:
    """A signed-in session without the sign-in dialog or the keyring (as `adopt` leaves it)."""
    session = Session()
    session.use_token(url, token)
    return session


@pytest.fixture
def fp_window(qtbot, tmp_path: Path, app_settings, fake_api):
    """A window on a workspace holding the fake server's first alpha pose, with a seeded history."""
    seeded, state = fake_api.seeded, fake_api.state
    pose_id = seeded.alpha_poses[0]
    seed_spot_and_fire(state, seeded.alpha, pose_id, state.now())
    path = tmp_path / "fp.sqlite"
    with Workspace(path) as ws:
        ws.save_cameras([CameraRow(seeded.alpha, seeded.org, "cam-alpha-01")],
                        [PoseRow(pose_id, seeded.alpha, state.poses[pose_id].azimuth)])
        ws.store_pose_image(pose_id, make_jpeg(640, 360, seed=0), width=640, height=360)
    win, ws = open_window(qtbot, path, app_settings)
    session = agent_session(fake_api.url, fake_api.token_for("agent"))
    win.insight.session = session
    win.insight.fp_dock.show()
    yield win
    win.close()
    ws.close()
    if session.client is not None:
        session.client.close()


def test_mask_this_drops_the_spot_and_keeps_the_wildfire(qtbot, fp_window) -> None:
    fp, panel, doc = fp_window.insight.false_positives, fp_window.insight.fp_panel, fp_window.document
    panel.load.click()
    qtbot.waitUntil(lambda: len(fp.detections) == 7, timeout=10_000)
    assert all(status == "kept" for status in (fp.status_of(i) for i in range(7)))
    assert {"detections", "heat"} <= set(fp_window.canvas._overlays)
    (spot,) = fp.spots
    assert {fp.detections[i].label for i in spot.members} == {"other"} and len(spot.members) == 5
    fire = next(i for i, d in enumerate(fp.detections) if d.label == WILDFIRE)

    fp.select("spot", 0)
    assert panel.mask_this.isEnabled()
    steps = doc.undo_stack.count()
    panel.mask_this.click()
    assert doc.undo_stack.count() == steps + 1  # one undo step, however many masks
    assert [fp.status_of(i) for i in spot.members] == ["dropped"] * 5
    assert fp.status_of(fire) == "kept"
    shown = {panel.tree.topLevelItem(0).child(k).text(3) for k in range(5)}
    assert shown == {"dropped"}
    assert "5 dropped" in panel.status.text() and not panel.banner.isVisible()
    assert wildfire_warnings(fp_window.workspace, doc.pose_id) == []

    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: fp.status_of(spot.members[0]) == "kept", timeout=3000)


def test_a_mask_over_the_wildfire_raises_the_red_banner(qtbot, fp_window) -> None:
    fp, panel, doc = fp_window.insight.false_positives, fp_window.insight.fp_panel, fp_window.document
    panel.load.click()
    qtbot.waitUntil(lambda: len(fp.detections) == 7, timeout=10_000)
    fire = next(i for i, d in enumerate(fp.detections) if d.label == WILDFIRE)
    fp.select("detection", fire)
    panel.mask_this.click()
    assert fp.status_of(fire) == "dropped"
    assert panel.banner.isVisible() and "wildfire" in panel.banner.text()
    (warning,) = wildfire_warnings(fp_window.workspace, doc.pose_id)
    assert "would drop a real wildfire" in warning


def test_signed_out_says_where_detections_come_from(fp_window) -> None:
    fp_window.insight.session = Session()  # no account
    fp_window.insight.fp_panel.load.click()
    assert fp_window.insight.fp_panel.status.text() == NO_SESSION


def test_offline_is_said_plainly(qtbot, fp_window, fake_api) -> None:
    panel = fp_window.insight.fp_panel
    fake_api.server.stop()  # on site, no network: the port is closed
    panel.load.click()
    qtbot.waitUntil(lambda: panel.load.isEnabled(), timeout=30_000)
    assert panel.status.text().startswith("Could not load past detections.")
    assert fp_window.insight.false_positives.detections == []


def test_detections_stay_with_their_pose(qtbot, fp_window) -> None:
    fp = fp_window.insight.false_positives
    fp_window.insight.fp_panel.load.click()
    qtbot.waitUntil(lambda: len(fp.detections) == 7, timeout=10_000)
    doc = fp_window.document
    fp.set_document(None)
    assert fp.detections == [] and "detections" not in fp_window.canvas._overlays
    fp.set_document(doc)  # back on the pose: the loaded list is still there (and for sync warnings)
    assert len(fp.detections) == 7
    assert Box(0.2, 0.6, 0.24, 0.64) in [d.box for d in fp.detections]


def test_the_demo_has_past_detections_without_a_server(qtbot, tmp_path: Path, app_settings) -> None:
    """A newcomer on the demo (never signed in) loads the demo's own detections: the masked
    features' sequences are dropped, the unmasked recurring spot, the wildfire and the lone
    detections are kept, and "Mask this" has a spot to work on."""
    import shutil

    from mask_editor.resources import demo_dir

    shutil.copytree(demo_dir(), tmp_path / "demo")
    win, ws = open_window(qtbot, tmp_path / "demo" / "demo.sqlite", app_settings)
    try:
        win.show_pose(2)
        win.insight.session = Session()  # not signed in
        fp, panel = win.insight.false_positives, win.insight.fp_panel
        panel.load.click()
        qtbot.waitUntil(lambda: len(fp.detections) > 0, timeout=10_000)
        assert panel.status.text() != NO_SESSION
        labels = {d.label for d in fp.detections}
        assert {"other", "other_smoke", WILDFIRE, None} <= labels
        kept = {fp.detections[i].label for i in range(len(fp.detections)) if fp.status_of(i) == "kept"}
        dropped = {fp.detections[i].label for i in range(len(fp.detections)) if fp.status_of(i) == "dropped"}
        assert "other" in dropped and {"other_smoke", WILDFIRE, None} <= kept
        assert any(d.sequence_id is None for d in fp.detections)  # lone ones are listed
        assert fp.spots  # a recurring spot to mask
    finally:
        win.close()
        ws.close()
