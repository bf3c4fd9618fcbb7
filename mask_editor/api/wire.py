"""Low-level helpers of the client: image sniffing, error reasons, and keeping secrets out of logs."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import httpx

from mask_editor.api.errors import NetworkFailure, NotAnImage

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def sniff_image(body: bytes) -> str | None:
    """Kind: "jpeg", "png" or None: storage says `binary/octet-stream`, so only the bytes tell."""
    if body.startswith(JPEG_MAGIC):
        return "jpeg"
    if body.startswith(PNG_MAGIC):
        return "png"
    return None


class _RedactQueryStrings(logging.Filter):
    """httpx logs every request URL at INFO; drop query strings (presigned URL signatures) from it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, httpx.URL) for a in record.args):
            record.args = tuple(
                a.copy_with(query=None) if isinstance(a, httpx.URL) and a.query else a for a in record.args
            )
        return True


def install_log_redaction() -> None:
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQueryStrings) for f in httpx_logger.filters):
        httpx_logger.addFilter(_RedactQueryStrings())


install_log_redaction()


def unreachable_reason(exc: httpx.TransportError) -> NetworkFailure:
    """A short reason for a person; never the exception text of a request (it may carry a URL)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return NetworkFailure.CONNECT_TIMEOUT
    if isinstance(exc, httpx.ReadTimeout):
        return NetworkFailure.READ_TIMEOUT
    if isinstance(exc, httpx.WriteTimeout):
        return NetworkFailure.WRITE_TIMEOUT
    if isinstance(exc, httpx.PoolTimeout):
        return NetworkFailure.POOL_TIMEOUT
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text or "resolv" in text:
            return NetworkFailure.DNS
        if "refused" in text:
            return NetworkFailure.REFUSED
        if "ssl" in text or "certificate" in text:
            return NetworkFailure.TLS
        return NetworkFailure.CONNECT
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return NetworkFailure.RESET
    return NetworkFailure.OTHER


def sent_before_failure(exc: httpx.TransportError) -> bool:
    """Could the request have reached the server? Only connect-phase failures rule it out."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def image_body(response: httpx.Response, what: str) -> bytes:
    body = response.content
    if sniff_image(body) is None:
        start = body[:16]
        raise NotAnImage(f"the {what} is not a JPEG or PNG image ({len(body)} bytes, starting {start!r})", None)
    return body


def without_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme else parts.path


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text
