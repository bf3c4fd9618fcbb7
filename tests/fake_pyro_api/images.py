"""Pose images (small JPEGs made with PIL) and presigned-style storage URLs on the same server."""

from __future__ import annotations

import hashlib
import hmac
import io
from datetime import datetime
from functools import cache
from urllib.parse import quote

from PIL import Image, ImageDraw

STORAGE_SECRET = b"fake-storage-secret"
STORAGE_PREFIX = "/storage/"


@cache  # bytes are immutable; every test seeds the same few images
def make_jpeg(width: int = 640, height: int = 360, seed: int = 0) -> bytes:
    """A landscape-like JPEG: sky gradient, a ridge, a 'chimney'; `seed` shifts colours and shapes."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.4 + (seed % 5) * 0.03))
    for y in range(horizon):
        shade = 150 + int(90 * y / max(horizon, 1))
        draw.line([(0, y), (width, y)], fill=(shade - 60, shade - 20, min(255, shade + (seed * 13) % 40)))
    draw.rectangle([0, horizon, width, height], fill=(40 + seed % 30, 90, 35))
    ridge = [(x, horizon - int(20 * abs(((x + seed * 37) % 160) - 80) / 80)) for x in range(0, width + 1, 40)]
    draw.polygon([(0, horizon), *ridge, (width, horizon)], fill=(60, 80, 60))
    cx = (width // 3 + seed * 41) % max(width - 20, 1)
    draw.rectangle([cx, horizon - height // 8, cx + width // 64 + 2, horizon], fill=(120, 40, 30))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def make_png(width: int = 64, height: int = 36) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (90, 140, 200)).save(out, format="PNG")
    return out.getvalue()


def _signature(key: str, expires: int) -> str:
    return hmac.new(STORAGE_SECRET, f"{key}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]


def presign(base_url: str, key: str, expires_at: datetime) -> str:
    """`<base>/storage/<key>?expires=<epoch>&sig=<hmac>`; `expires_at` is naive UTC."""
    expires = int((expires_at - datetime(1970, 1, 1)).total_seconds())
    return f"{base_url}{STORAGE_PREFIX}{quote(key)}?expires={expires}&sig={_signature(key, expires)}"


def check_presigned(key: str, expires: str | None, sig: str | None, now: datetime) -> str | None:
    """None when the link is good, else the S3-style error code (all answered with 403)."""
    if expires is None or sig is None or not expires.isdigit():
        return "AccessDenied"
    if not hmac.compare_digest(sig, _signature(key, int(expires))):
        return "SignatureDoesNotMatch"
    if int(expires) <= (now - datetime(1970, 1, 1)).total_seconds():
        return "AccessDenied"  # S3 says "Request has expired" with this code
    return None


def s3_error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    ).encode()
