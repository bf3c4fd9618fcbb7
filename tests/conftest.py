"""Shared pytest fixtures."""

# --- fake pyro-api server (tests/fake_pyro_api) ---------------------------------------------------
from tests.fake_pyro_api.fixtures import fake_api

__all__ = ["fake_api"]
