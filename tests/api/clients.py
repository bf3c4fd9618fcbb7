"""Names shared by the API tests (fixtures live in conftest.py)."""

from __future__ import annotations

from tests.fake_pyro_api.fixtures import MakeClient

__all__ = ["MakeClient", "bearer"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
