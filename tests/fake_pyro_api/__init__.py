"""A fake pyro-api over real HTTP on 127.0.0.1, reproducing CONTRACT.md (a test fixture, not shipped).

with FakePyroApi() as api:      # or the `fake_api` pytest fixture (tests/fake_pyro_api/fixtures.py)
    seed_default(api.state)
    PyroClient(api.url).sign_in("agent", PASSWORDS["agent"])
"""

from tests.fake_pyro_api.faults import Faults
from tests.fake_pyro_api.images import make_jpeg, make_png
from tests.fake_pyro_api.seed import PASSWORDS, Seeded, seed_default
from tests.fake_pyro_api.server import FakePyroApi
from tests.fake_pyro_api.state import FakeState

__all__ = [
    "PASSWORDS",
    "FakePyroApi",
    "FakeState",
    "Faults",
    "Seeded",
    "make_jpeg",
    "make_png",
    "seed_default",
]
