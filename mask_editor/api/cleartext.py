"""Whether signing in to a server sends the password and the token in clear (issue 11, item 8).

Over plain http:// to a host that is not this computer, the password and the session token the
server returns (valid for a year, CONTRACT.md) cross the network unencrypted: anyone on the path
can read them and act as the user until the token expires. The window asks first and the CLI
wants --allow-insecure-http; loopback (127.0.0.0/8, ::1, localhost) stays allowed, for tests and
servers run on this computer.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def sends_secrets_in_clear(server_url: str) -> bool:
    """True for an http:// URL whose host is not loopback."""
    parts = urlsplit(server_url.strip())
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").rstrip(".").lower()
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost: it could resolve anywhere
        return True


def cleartext_host(server_url: str) -> str:
    """The host a sign-in would send secrets to in clear, as a person names it."""
    return urlsplit(server_url.strip()).netloc or server_url


def cleartext_risk(server_url: str) -> str:
    """What is at risk, in the command line's words (the window words it itself, ui/dialogs/signin.py)."""
    host = cleartext_host(server_url)
    return (f"{host} is reached over plain http://, not https://. Your password, and the session token the "
            "server sends back (valid for a year), would cross the network unencrypted: anyone on the way "
            "(the Wi-Fi, a proxy, the provider) could read them and sign in as you until the token expires.")
