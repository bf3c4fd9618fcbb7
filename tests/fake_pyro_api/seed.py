"""The default data every test starts with (and `--seed-demo` serves).

Org 1 "Pyronear Test": admin, agent, user; cam-alpha-01 (3 active poses + 1 inactive), cam-beta-02
(2 poses), cam-gamma-03 (not trustable). Org 2 "Other Org": agent2; cam-other-01.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tests.fake_pyro_api.images import make_jpeg
from tests.fake_pyro_api.state import FakeState

PASSWORDS = {
    "admin": "admin-Pa55word!",
    "agent": "agent-Pa55word!",
    "user": "user-Pa55word!",
    "agent2": "agent2-Pa55word!",
}


@dataclass(frozen=True)
class Seeded:
    """Ids of the default data, so tests need not hard-code them."""

    org: int
    other_org: int
    alpha: int  # cam-alpha-01
    alpha_poses: tuple[int, int, int]  # active, each with an image
    alpha_inactive_pose: int
    beta: int  # cam-beta-02
    beta_poses: tuple[int, int]
    untrusted: int  # cam-gamma-03, is_trustable False
    other_camera: int  # in org 2
    other_pose: int


def seed_default(state: FakeState, width: int = 640, height: int = 360) -> Seeded:
    org = state.add_organization("Pyronear Test")
    other = state.add_organization("Other Org")
    for login in ("admin", "agent", "user"):
        state.add_user(login, PASSWORDS[login], login, org.id)
    state.add_user("agent2", PASSWORDS["agent2"], "agent", other.id)

    uploaded = datetime(2026, 11, 21, 7, 26, 34)
    alpha = state.add_camera(org.id, "cam-alpha-01", lat=44.61, lon=4.39, angle_of_view=87.0)
    alpha_poses = tuple(
        state.add_pose(alpha.id, az, patrol_id=i, image=make_jpeg(width, height, seed=i), uploaded_at=uploaded).id
        for i, az in enumerate((46.0, 136.0, 226.0))
    )
    inactive = state.add_pose(alpha.id, 316.0, patrol_id=3, active=False, image=make_jpeg(width, height, seed=3))
    beta = state.add_camera(org.id, "cam-beta-02", lat=44.70, lon=4.50)
    beta_poses = tuple(
        state.add_pose(beta.id, az, patrol_id=i, image=make_jpeg(width, height, seed=10 + i)).id
        for i, az in enumerate((90.0, 270.0))
    )
    untrusted = state.add_camera(org.id, "cam-gamma-03", is_trustable=False)
    state.add_pose(untrusted.id, 0.0, patrol_id=0, image=make_jpeg(width, height, seed=20))
    other_camera = state.add_camera(other.id, "cam-other-01")
    other_pose = state.add_pose(other_camera.id, 180.0, patrol_id=0, image=make_jpeg(width, height, seed=30))
    return Seeded(
        org=org.id,
        other_org=other.id,
        alpha=alpha.id,
        alpha_poses=alpha_poses,  # type: ignore[arg-type]
        alpha_inactive_pose=inactive.id,
        beta=beta.id,
        beta_poses=beta_poses,  # type: ignore[arg-type]
        untrusted=untrusted.id,
        other_camera=other_camera.id,
        other_pose=other_pose.id,
    )


def seed_demo_extras(state: FakeState, seeded: Seeded) -> None:
    """A few masks, a false-positive sequence and a device image, for manual testing."""
    pose = seeded.alpha_poses[0]
    state.add_mask(pose, "(0.1,0.2,0.25,0.35)", datetime(2026, 1, 1, 12, 0, 0))
    state.add_mask(pose, "(0.6,0.5,0.7,0.6)", datetime(2026, 3, 2, 9, 30, 12, 27730))
    seq = state.add_sequence(seeded.alpha, pose, datetime(2026, 11, 20, 14, 2, 0), is_wildfire="other", max_conf=0.61)
    for minute in range(3):
        state.add_detection(seq.id, "[(0.61,0.52,0.66,0.58,0.61)]", datetime(2026, 11, 20, 14, 2 + minute, 0))
    state.set_device(seeded.alpha, latest={0: make_jpeg(seed=0)})
