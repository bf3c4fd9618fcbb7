"""Run the fake server by hand: `python -m tests.fake_pyro_api --port 8765 --seed-demo`."""

from __future__ import annotations

import argparse
import threading

from tests.fake_pyro_api.seed import PASSWORDS, seed_default, seed_demo_extras
from tests.fake_pyro_api.server import FakePyroApi
from tests.fake_pyro_api.state import FakeState


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.fake_pyro_api", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    parser.add_argument("--seed-demo", action="store_true", help="add demo data (users, cameras, masks)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of requests answered 503")
    parser.add_argument("--deliver-late", type=float, default=0.0, metavar="RATE",
                        help="share of POSTs cut off at once and applied 0.5-2 s later")
    parser.add_argument("--seed", type=int, default=0, help="random seed for faults and list order")
    args = parser.parse_args(argv)

    state = FakeState(seed=args.seed)
    if args.seed_demo:
        seed_demo_extras(state, seed_default(state))
    server = FakePyroApi(state, port=args.port)
    server.faults.configure(latency=args.latency, error_rate=args.error_rate, seed=args.seed)
    server.faults.deliver_late(args.deliver_late)
    server.start()
    print(f"fake pyro-api listening on {server.url} (API under {server.url}/api/v1)", flush=True)
    if args.seed_demo:
        for login, password in PASSWORDS.items():
            role = state.user(login).role
            print(f"  {login:<7} / {password:<18} role {role}, organization {state.user(login).organization_id}")
    print("Ctrl+C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
