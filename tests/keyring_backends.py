"""Keyring backends for the tests, loaded the way keyring loads any backend (keyring.set_keyring,
or PYTHON_KEYRING_BACKEND=tests.keyring_backends.<Name> in a spawned command). They keep their
entries in a JSON file in the test's HOME, so a `login` and a later `logout` see the same ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


def _store_path() -> Path:
    return Path(os.environ["HOME"]) / "test-keyring.json"


class FileKeyring(KeyringBackend):
    """A working keyring (priority > 0, so the app prefers it to its own file)."""

    priority = 1  # type: ignore[assignment]

    def _entries(self) -> dict[str, str]:
        try:
            return json.loads(_store_path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _write(self, entries: dict[str, str]) -> None:
        _store_path().write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such entry")
        self._write(entries)


class LockedForDelete(FileKeyring):
    """Stores and reads, but refuses to delete, as a locked or read-only keyring does."""

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("the keyring is locked")
