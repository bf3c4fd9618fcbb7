"""Where the sign-in token is kept between runs: the OS keyring when one works, else a private file.

Only the token is kept, never the password. The keyring is used when the `keyring` package is
installed (it is not a dependency) and its backend is a real one; otherwise the token goes to
`<app data>/credentials/<server>__<user>.token`, created with mode 0600 and replaced atomically.
`MASK_EDITOR_KEYRING=0` forces the file (headless machines, tests). Nothing here logs the token.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from mask_editor.workspace.paths import app_data_dir, workspace_path

SERVICE = "mask_editor"


def _keyring() -> Any | None:
    """The keyring module when it has a working backend, else None."""
    if os.environ.get("MASK_EDITOR_KEYRING", "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or a broken install: the file store still works
        return None
    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
    except Exception:
        return None
    return keyring


def _account_key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')} {username}"


def token_path(server_url: str, username: str) -> Path:
    """The file used when there is no keyring (one per server + account, like the workspaces)."""
    return app_data_dir() / "credentials" / (workspace_path(server_url, username).stem + ".token")


def save_token(server_url: str, username: str, token: str) -> str:
    """Keep the token; returns where, in words ("the system keyring" or the file's path)."""
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, _account_key(server_url, username), token)
            _remove(token_path(server_url, username))  # a stale file copy would outlive a logout
            return "the system keyring"
        except Exception:  # a locked or refusing keyring: fall back to the file
            pass
    path = token_path(server_url, username)
    _write_private(path, token)
    return str(path)


def load_token(server_url: str, username: str) -> str | None:
    ring = _keyring()
    if ring is not None:
        try:
            found = ring.get_password(SERVICE, _account_key(server_url, username))
            if found:
                return found
        except Exception:
            pass
    path = token_path(server_url, username)
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text or None


class TokenNotForgotten(Exception):
    """The token could not be removed from a store: the message says which and how to remove it
    by hand (the token stays valid until it expires, so a silent failure is not a sign-out)."""


def forget_token(server_url: str, username: str) -> bool:
    """Remove the token from everywhere it may be; True if one was found. Raises
    TokenNotForgotten (after trying every store) when a store refused."""
    found = False
    failures: list[str] = []
    account = _account_key(server_url, username)
    ring = _keyring()
    if ring is not None:
        try:
            if ring.get_password(SERVICE, account):
                ring.delete_password(SERVICE, account)
                found = True
        except Exception as exc:  # locked, refused, or a backend that cannot delete
            failures.append(
                f"The session could not be removed from the system keyring ({_reason(exc)}). Remove the "
                f'entry of service "{SERVICE}", account "{account}" with your password manager, or run: '
                f'keyring del {SERVICE} "{account}"')
    path = token_path(server_url, username)
    try:
        found = _remove(path) or found
    except OSError as exc:
        failures.append(f"The session file {path} could not be removed ({_reason(exc)}). Delete that file.")
    if failures:
        raise TokenNotForgotten(" ".join(failures))
    return found


def _reason(exc: BaseException) -> str:
    """The error in a few words; never the token (no store call here is given one)."""
    text = getattr(exc, "strerror", None) or str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _remove(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def _write_private(path: Path, text: str) -> None:
    """Created 0600 from the start (never readable by others, not even for a moment), then renamed
    over the old file, so a crash leaves the old token or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _remove(tmp)  # O_EXCL below: a leftover file would keep its own, possibly wider, mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
