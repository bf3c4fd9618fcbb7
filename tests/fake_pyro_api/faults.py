"""Fault knobs, settable at runtime from tests (thread-safe), with a seeded RNG.

Random faults (rates in [0, 1]) model a bad network; `force()` scripts exact faults for the next
matching requests, which is what most tests want (deterministic, no flakiness):

    fake_api.faults.force("error", "reset")          # next request 503, the one after reset
    fake_api.faults.force("lose_response", methods={"POST"})  # commit the next POST, then reset
    fake_api.faults.configure(latency=0.05, error_rate=0.2, seed=7)  # a flaky server
    fake_api.faults.deliver_late(0.1, (0.5, 2.0))    # 10% of POSTs: reset at once, applied 0.5-2 s later
    fake_api.faults.force("deliver_late", methods={"POST"})  # the next POST only

"Deliver late" models a network that holds a request and forwards it after the client gave up on
it (a proxy that keeps a request whose client disconnected, a retransmission that arrives late):
the client's connection is reset at once, as if dropped before the request was forwarded, and the
request is applied `late_delay_min`..`late_delay_max` seconds later. `FakePyroApi.wait_for_late()`
waits until every held request has been applied.
"""

from __future__ import annotations

import random
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

Action = Literal["error", "reset", "timeout", "lose_response", "deliver_late"]
ACTIONS: tuple[Action, ...] = ("error", "reset", "timeout", "lose_response", "deliver_late")
WRITE_METHODS = frozenset({"POST", "PATCH", "DELETE", "PUT"})


@dataclass(frozen=True)
class Decision:
    delay: float = 0.0
    action: Action | None = None
    status: int = 503  # for "error"
    hold: float = 0.0  # for "deliver_late": seconds between the reset and applying the request


@dataclass
class _Forced:
    action: Action
    methods: frozenset[str] | None
    path_contains: str | None
    status: int


@dataclass
class Faults:
    """All knobs default to off. `path_contains` limits random faults to matching paths."""

    latency: float = 0.0  # seconds added to every answer
    spike_rate: float = 0.0  # chance of an extra `spike_latency`
    spike_latency: float = 0.5
    error_rate: float = 0.0  # chance of a 5xx (status `error_status`)
    error_status: int = 503
    reset_rate: float = 0.0  # chance of closing the socket without answering
    timeout_rate: float = 0.0  # chance of sleeping `timeout_sleep` (longer than the client waits)
    timeout_sleep: float = 30.0
    lose_response_rate: float = 0.0  # writes: apply the change, then reset the connection
    deliver_late_rate: float = 0.0  # `late_methods`: reset the connection, apply the request later
    late_delay_min: float = 0.5
    late_delay_max: float = 2.0
    late_methods: frozenset[str] = frozenset({"POST"})
    path_contains: str | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    injected: dict[str, int] = field(default_factory=dict)  # how many of each fault were applied
    _forced: deque[_Forced] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def configure(self, seed: int | None = None, **knobs: float | int | str | frozenset[str] | None) -> None:
        """Set knobs by name (and reseed) atomically: `configure(error_rate=0.3, seed=1)`."""
        with self._lock:
            for name, value in knobs.items():
                if name.startswith("_") or name in ("rng", "injected") or not hasattr(self, name):
                    raise AttributeError(f"no fault knob {name!r}")
                setattr(self, name, value)
            if seed is not None:
                self.rng.seed(seed)

    def deliver_late(self, probability: float, delay: tuple[float, float] = (0.5, 2.0),
                     methods: set[str] | None = None) -> None:
        """One-line switch: this share of the `methods` requests (POST by default) is applied only
        after the client's connection was dropped, `delay` (min, max) seconds later."""
        self.configure(deliver_late_rate=probability, late_delay_min=delay[0], late_delay_max=delay[1],
                       late_methods=frozenset(m.upper() for m in methods or {"POST"}))

    def force(
        self,
        *actions: Action,
        methods: set[str] | None = None,
        path_contains: str | None = None,
        status: int = 503,
    ) -> None:
        """Queue exact faults for the next requests matching `methods` / `path_contains`."""
        with self._lock:
            for action in actions:
                if action not in ACTIONS:
                    raise ValueError(f"unknown fault {action!r}; one of {ACTIONS}")
                wanted = frozenset(m.upper() for m in methods) if methods else None
                self._forced.append(_Forced(action, wanted, path_contains, status))

    def clear(self) -> None:
        """Everything off, queue emptied, counters cleared."""
        with self._lock:
            fresh = Faults()
            for name in (
                "latency",
                "spike_rate",
                "spike_latency",
                "error_rate",
                "error_status",
                "reset_rate",
                "timeout_rate",
                "timeout_sleep",
                "lose_response_rate",
                "deliver_late_rate",
                "late_delay_min",
                "late_delay_max",
                "late_methods",
                "path_contains",
            ):
                setattr(self, name, getattr(fresh, name))
            self._forced.clear()
            self.injected.clear()
            self.rng.seed(0)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._forced)

    def decide(self, method: str, path: str) -> Decision:
        """What to do to this request: called once per request by the server."""
        with self._lock:
            delay = self.latency
            for index, forced in enumerate(self._forced):
                if (forced.methods is None or method in forced.methods) and (
                    forced.path_contains is None or forced.path_contains in path
                ):
                    del self._forced[index]
                    action = self._fit(forced.action, method)
                    return self._count(Decision(delay, action, forced.status, self._hold(action)))
            if self.path_contains is not None and self.path_contains not in path:
                return Decision(delay)
            if self.spike_rate and self.rng.random() < self.spike_rate:
                delay += self.spike_latency
            action: Action | None = None
            if self.reset_rate and self.rng.random() < self.reset_rate:
                action = "reset"
            elif self.timeout_rate and self.rng.random() < self.timeout_rate:
                action = "timeout"
            elif self.error_rate and self.rng.random() < self.error_rate:
                action = "error"
            elif method in WRITE_METHODS and self.lose_response_rate and self.rng.random() < self.lose_response_rate:
                action = "lose_response"
            elif method in self.late_methods and self.deliver_late_rate and self.rng.random() < self.deliver_late_rate:
                action = "deliver_late"
            return self._count(Decision(delay, action, self.error_status, self._hold(action)))

    def _hold(self, action: Action | None) -> float:
        return self.rng.uniform(self.late_delay_min, self.late_delay_max) if action == "deliver_late" else 0.0

    @staticmethod
    def _fit(action: Action, method: str) -> Action:
        # "lose the response" and "deliver late" only mean something for a write; a read just gets reset.
        late_write = action in ("lose_response", "deliver_late")
        return "reset" if late_write and method not in WRITE_METHODS else action

    def _count(self, decision: Decision) -> Decision:
        if decision.action:
            self.injected[decision.action] = self.injected.get(decision.action, 0) + 1
        return decision
