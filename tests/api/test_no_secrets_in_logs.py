"""Neither the password, nor the token (nor any of its three parts), nor a presigned URL signature
may reach a log record, at any level, from any logger (ours, httpx, httpcore) or an error text."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import pytest

from mask_editor.api import ApiError, PyroClient
from mask_editor.core.geometry import Box
from tests.fake_pyro_api.fixtures import FakeApi


def test_sign_in_listing_writes_and_errors_leak_nothing(
    fake_api: FakeApi, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    password = fake_api.passwords["agent"]
    errors: list[ApiError] = []
    caplog.set_level(logging.DEBUG)  # the root logger: catches httpx and httpcore too
    for name in ("httpx", "httpcore", "mask_editor"):
        caplog.set_level(logging.DEBUG, logger=name)

    with PyroClient(fake_api.url, sleep=sleeps.append) as client:
        token = client.sign_in("agent", password)
        cameras = client.cameras()
        pose = client.pose(cameras[0].poses[0].id)
        client.download_pose_image(pose)
        created = client.create_mask(pose.id, Box(0.1, 0.2, 0.3, 0.4))
        client.patch_mask(created.id, Box(0.1, 0.2, 0.35, 0.4))
        client.pose_masks(pose.id)
        client.delete_mask(created.id)
        fake_api.faults.force("error", "reset")
        client.validate()  # retried twice, logged
        for failing in (
            lambda: client.delete_mask(created.id),
            lambda: client.sign_in("agent", password + "x"),
        ):
            try:
                failing()
            except ApiError as exc:
                errors.append(exc)
        client.set_token(token)

    assert pose.image_url is not None
    signature = parse_qs(urlsplit(pose.image_url).query)["sig"][0]
    secrets = [password, token.raw, *token.raw.split("."), signature]
    assert len(caplog.records) > 10  # the capture did see httpx/httpcore/our records
    assert {"httpx", "httpcore.http11", "mask_editor.api.client"} <= {r.name for r in caplog.records}
    texts = [record.getMessage() for record in caplog.records] + [caplog.text]
    texts += [f"{e!s} {e!r} {e.detail}" for e in errors]
    for secret in secrets:
        assert not any(secret in text for text in texts), "a secret reached the logs or an error"
    assert len(errors) == 2
