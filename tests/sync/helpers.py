"""Small helpers shared by the sync tests."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from mask_editor.api.records import ServerMask
from mask_editor.core.codec import format_mask, parse_mask
from mask_editor.core.geometry import Box
from mask_editor.workspace import Mask, MaskState, Workspace
from tests.fake_pyro_api.state import FakeState


def box(i: int, j: int = 0, size: int = 20) -> Box:
    """A distinct box on the grid for each (i, j)."""
    x, y = (i * 37) % 900, (j * 53 + i * 7) % 900
    return Box.from_milli((x, y, x + size + i % 7, y + size + j % 5))


def server_mask(id: int, text: str, created_at: datetime | None = None, pose_id: int = 1) -> ServerMask:
    return ServerMask(id, pose_id, text, parse_mask(text), created_at or datetime(2026, 1, 1, tzinfo=UTC))


def server_texts(state: FakeState, pose_id: int) -> Counter[str]:
    return Counter(m.mask for m in state.masks(pose_id))


def intended_texts(ws: Workspace, pose_id: int) -> Counter[str]:
    """What the server should hold once the workspace is pushed."""
    return Counter(format_mask(m.box) for m in ws.masks(pose_id) if not m.deleted and m.box is not None)


def states(ws: Workspace, pose_id: int) -> Counter[MaskState]:
    return Counter(m.state for m in ws.masks(pose_id))


def by_server_id(ws: Workspace, pose_id: int) -> dict[int, Mask]:
    return {m.server_id: m for m in ws.masks(pose_id) if m.server_id is not None}


def journal(ws: Workspace) -> list[tuple]:
    return [tuple(r) for r in ws.query("SELECT local_id, op FROM push_attempts")]
