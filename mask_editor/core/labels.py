"""One name for a pose on every surface: tree, window title, dialogs, CLI and exports.

A pose is named by its camera, its server id (what `--pose` and the API take) and where it looks:
"brison · pose 11 · 246°". Its place in the patrol is not part of the name: it changes when the
patrol does, and the CLI cannot know it.
"""

from __future__ import annotations


def azimuth_text(azimuth: float | None) -> str:
    """'246°', '246.5°', or 'unknown azimuth'."""
    return "unknown azimuth" if azimuth is None else f"{azimuth:g}°"


def pose_label(camera: str | None, pose_id: int, azimuth: float | None) -> str:
    """'brison · pose 11 · 246°'; the camera is left out when it is not known."""
    parts = [camera] if camera else []
    parts += [f"pose {pose_id}", azimuth_text(azimuth)]
    return " · ".join(parts)
