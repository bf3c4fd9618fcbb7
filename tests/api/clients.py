"""Names shared by the API tests (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from mask_editor.api import PyroClient

MakeClient = Callable[..., PyroClient]  # the `make_client` fixture: make_client("agent", retries=1)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
