"""The demo's drifted pose: its masks were drawn on an image of 3 Oct; the preset has since moved,
so the latest image shows the scene 2.1 % further right and 0.7 % lower (issue 14).

Both images are crops of one larger render, so the true shift is known exactly; the latest one is
also taken under other light, as on another day.
"""

from __future__ import annotations

from datetime import timedelta

from mask_editor.core.geometry import Box, quantize
from mask_editor.demo.landscape import jpeg_bytes, render_landscape
from mask_editor.demo.landscape.views import shifted_pair
from mask_editor.workspace import PoseRow, Workspace

POSE_ID, CAMERA_ID, AZIMUTH = 6, 2, 340.0  # last of its camera: the other poses keep their numbers
SIZE = (1920, 1080)
SHIFT_PX = (40, 8)  # the scene moved right and down in the latest image, in pixels
_SOURCE = (2112, 1188)
_SEED = 16


def pose_row() -> PoseRow:
    return PoseRow(POSE_ID, CAMERA_ID, AZIMUTH, patrol_id=1)


def add_drifted_pose(ws: Workspace, now, server_id: int) -> list[float]:
    """Store both images and the masks (drawn on the older one); returns the latest image's ridge."""
    width, height = SIZE
    old_view = render_landscape(*_SOURCE, _SEED, time_of_day="day", features={"chimney", "roof", "road"})
    new_view = render_landscape(*_SOURCE, _SEED, time_of_day="overcast", features={"chimney", "roof", "road"})
    dx, dy = SHIFT_PX
    old, new = shifted_pair(old_view.image, new_view.image, dx, dy, width, height)
    left, top = (_SOURCE[0] - width) // 2, (_SOURCE[1] - height) // 2
    drawn_on_day = now - timedelta(days=29, hours=2)  # 3 Oct
    old_sha = ws.add_history_image(POSE_ID, jpeg_bytes(old), width=width, height=height, taken_at=drawn_on_day,
                                   source="pose")
    latest = now - timedelta(hours=6)
    ws.store_pose_image(POSE_ID, jpeg_bytes(new), width=width, height=height,
                        key=f"{CAMERA_ID}-{latest:%Y%m%d%H%M%S}-demo{POSE_ID:04d}.jpg", captured_at=latest)
    for i, name in enumerate(sorted(old_view.features)):
        x0, y0, x1, y1 = old_view.features[name]
        grow_x, grow_y = (x1 - x0) * 0.1 + 4, (y1 - y0) * 0.1 + 4
        box = quantize(Box.from_pixels(max(0, x0 - left - grow_x), max(0, y0 - top - grow_y),
                                       min(width, x1 - left + grow_x), min(height, y1 - top + grow_y), width, height))
        added = drawn_on_day + timedelta(hours=1 + i)
        mask = ws.add_mask(POSE_ID, box, added_at=added)
        with ws.transaction() as conn:  # synced, as a pull leaves it, and drawn on the 3 Oct image
            conn.execute("UPDATE masks SET server_id=?, server_created_at=?, base_x0=x0, base_y0=y0, base_x1=x1, "
                         "base_y1=y1, base_text=?, drawn_on=? WHERE local_id=?",
                         (server_id + i, added.isoformat(), mask.text, old_sha, mask.local_id))
    ws.set_masks_pulled(POSE_ID, drawn_on_day)
    # The ridge of the latest image, in its own columns (for the sky helper's demo test).
    ridge = new_view.ridge[left - dx:left - dx + width] - (top - dy)
    return [round(float(v), 1) for v in ridge]
