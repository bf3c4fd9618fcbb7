"""Retries, backoff, timeouts, resets and refused connections, against the fake server's faults."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from mask_editor.api import PyroClient, ServerError, Unreachable
from mask_editor.core.geometry import Box
from tests.api.clients import MakeClient
from tests.fake_pyro_api.fixtures import FakeApi

BOX = Box(0.1, 0.2, 0.3, 0.4)


def test_get_is_retried_on_5xx_with_exponential_jittered_backoff(
    fake_api: FakeApi, agent: PyroClient, sleeps: list[float]
) -> None:
    fake_api.faults.force("error", "error", path_contains="/cameras/")
    assert [c.name for c in agent.cameras()] == ["cam-alpha-01", "cam-beta-02"]
    assert fake_api.server.count("GET", "/api/v1/cameras/") == 3
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0  # base 0.5 s, doubling, equal jitter


def test_get_is_retried_after_a_reset(fake_api: FakeApi, agent: PyroClient, sleeps: list[float]) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    fake_api.faults.force("reset", path_contains="/occlusion_masks")
    assert agent.pose_masks(pose) == []
    assert fake_api.server.count("GET", f"/api/v1/poses/{pose}/occlusion_masks") == 2
    assert len(sleeps) == 1


def test_retries_give_up_with_the_last_error(fake_api: FakeApi, make_client: MakeClient, sleeps: list[float]) -> None:
    client = make_client("agent", retries=2)
    fake_api.faults.force("error", "error", "error", status=500)
    with pytest.raises(ServerError) as caught:
        client.validate()
    assert caught.value.status == 500
    assert fake_api.server.count("GET", "/api/v1/login/validate") == 3
    assert len(sleeps) == 2
    assert client.validate()["scopes"] == ["agent"]  # the server is back


def test_backoff_is_capped(make_client: MakeClient) -> None:
    client = make_client("agent", backoff_base=1.0, backoff_max=4.0)
    assert all(2.0 <= client._backoff(n) <= 4.0 for n in range(3, 12))


@pytest.mark.parametrize("fault", ["error", "reset"])
@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
def test_writes_are_never_retried(
    fake_api: FakeApi, agent: PyroClient, sleeps: list[float], method: str, fault: str
) -> None:
    pose = fake_api.seeded.alpha_poses[0]
    mask = fake_api.state.add_mask(pose, "(0.5,0.5,0.6,0.6)")
    fake_api.faults.force(fault, methods={method})  # type: ignore[arg-type]
    call = {
        "POST": lambda: agent.create_mask(pose, BOX),
        "PATCH": lambda: agent.patch_mask(mask.id, BOX),
        "DELETE": lambda: agent.delete_mask(mask.id),
    }[method]
    with pytest.raises(ServerError if fault == "error" else Unreachable) as caught:
        call()
    if fault == "reset":
        assert caught.value.maybe_applied  # type: ignore[attr-defined]
    assert len([r for r in fake_api.requests if r.method == method]) == 1
    assert sleeps == []
    assert [m.mask for m in fake_api.state.masks(pose)] == ["(0.5,0.5,0.6,0.6)"]  # nothing applied


def test_a_lost_create_answer_may_still_have_created_the_mask(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = fake_api.seeded.alpha_poses[1]
    fake_api.faults.force("lose_response", methods={"POST"})
    with pytest.raises(Unreachable) as caught:
        agent.create_mask(pose, BOX)
    assert caught.value.maybe_applied
    assert [m.mask for m in fake_api.state.masks(pose)] == ["(0.1,0.2,0.3,0.4)"]  # committed, answer lost
    assert fake_api.server.count("POST", "/api/v1/occlusion_masks/") == 1


def test_a_create_delivered_late_lands_after_the_client_gave_up(fake_api: FakeApi, agent: PyroClient) -> None:
    pose = fake_api.seeded.alpha_poses[1]
    fake_api.faults.deliver_late(1.0, (1.0, 1.0))  # every POST, a second late; reads are left alone
    assert agent.pose_masks(pose) == []
    with pytest.raises(Unreachable) as caught:
        agent.create_mask(pose, BOX)
    assert caught.value.maybe_applied  # cut off at once: it may have been applied, as far as we know
    assert fake_api.state.masks(pose) == [] and fake_api.server.late_pending == 1  # not there yet
    assert fake_api.server.wait_for_late(timeout=5)
    assert [m.mask for m in fake_api.state.masks(pose)] == ["(0.1,0.2,0.3,0.4)"]
    assert fake_api.faults.injected == {"deliver_late": 1}


def test_lost_delete_answer_then_second_delete_is_404(fake_api: FakeApi, agent: PyroClient) -> None:
    from mask_editor.api import NotFound

    mask = fake_api.state.add_mask(fake_api.seeded.alpha_poses[0], "(0.1,0.2,0.3,0.4)")
    fake_api.faults.force("lose_response", methods={"DELETE"})
    with pytest.raises(Unreachable):
        agent.delete_mask(mask.id)
    with pytest.raises(NotFound):
        agent.delete_mask(mask.id)


def test_timeouts_are_unreachable_and_retried(fake_api: FakeApi, make_client: MakeClient, sleeps: list[float]) -> None:
    fake_api.faults.configure(timeout_sleep=2.0)
    client = make_client("agent", retries=1, timeout=httpx.Timeout(5.0, read=0.2))
    fake_api.faults.force("timeout")
    assert client.validate()["sub"] == fake_api.state.user("agent").id
    assert len(sleeps) == 1
    fake_api.faults.force("timeout", "timeout")
    with pytest.raises(Unreachable) as caught:
        client.validate()
    assert caught.value.reason == "timed out waiting for the answer"
    assert caught.value.status is None


def test_a_timed_out_write_is_reported_as_maybe_applied(fake_api: FakeApi, make_client: MakeClient) -> None:
    fake_api.faults.configure(timeout_sleep=2.0)
    client = make_client("agent", timeout=httpx.Timeout(5.0, read=0.2))
    fake_api.faults.force("timeout", methods={"POST"})
    with pytest.raises(Unreachable) as caught:
        client.create_mask(fake_api.seeded.alpha_poses[0], BOX)
    assert caught.value.maybe_applied
    assert fake_api.server.count("POST", "/api/v1/occlusion_masks/") == 1


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_is_unreachable(sleeps: list[float]) -> None:
    with PyroClient(f"http://127.0.0.1:{_closed_port()}", retries=2, sleep=sleeps.append) as client:
        with pytest.raises(Unreachable) as caught:
            client.cameras()
        assert caught.value.reason == "the connection was refused"
        assert len(sleeps) == 2
        with pytest.raises(Unreachable) as write:
            client.sign_in("agent", "pw")
        assert not write.value.maybe_applied  # never connected: certainly not applied
        assert len(sleeps) == 2  # and not retried


def test_flaky_server_with_seeded_random_faults(fake_api: FakeApi, make_client: MakeClient) -> None:
    client = make_client("agent", retries=8)
    fake_api.faults.configure(error_rate=0.3, reset_rate=0.1, spike_rate=0.2, spike_latency=0.01, seed=3)
    for _ in range(20):
        assert len(client.cameras()) == 2
    assert fake_api.faults.injected.get("error", 0) > 0 and fake_api.faults.injected.get("reset", 0) > 0


def test_one_client_shared_by_threads_through_a_bounded_pool(fake_api: FakeApi, make_client: MakeClient) -> None:
    client = make_client("agent", max_connections=4)
    fake_api.faults.configure(latency=0.05)
    poses = list(fake_api.seeded.alpha_poses) * 6
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(client.pose_masks, poses))
    elapsed = time.monotonic() - started
    assert results == [[]] * len(poses)
    assert elapsed >= (len(poses) / 4) * 0.05 * 0.9  # never more than 4 requests in flight


def test_fixed_latency_is_applied(fake_api: FakeApi, agent: PyroClient) -> None:
    fake_api.faults.configure(latency=0.15)
    started = time.monotonic()
    agent.validate()
    assert time.monotonic() - started >= 0.15


def test_fault_knobs_are_checked_and_clearable(fake_api: FakeApi, agent: PyroClient) -> None:
    faults = fake_api.faults
    with pytest.raises(AttributeError):
        faults.configure(error_rat=0.5)
    with pytest.raises(ValueError, match="unknown fault"):
        faults.force("explode")  # type: ignore[arg-type]
    faults.force("error", "error", path_contains="/nowhere")
    faults.configure(error_rate=1.0, path_contains="/nowhere")
    assert agent.validate()["scopes"] == ["agent"]  # neither applies to this path
    assert faults.pending == 2
    faults.clear()
    assert (faults.pending, faults.error_rate, faults.path_contains, faults.injected) == (0, 0.0, None, {})
