"""Token storage (file and keyring) and the progress bar / plain progress lines."""

from __future__ import annotations

import io
import stat
import sys
import types
from pathlib import Path

import pytest

from mask_editor.cli.output import Progress, table
from mask_editor.workspace import credentials

SERVER, USER = "https://api.example.org", "alice"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path))
    monkeypatch.delenv("MASK_EDITOR_KEYRING", raising=False)
    return tmp_path


def fake_keyring(monkeypatch: pytest.MonkeyPatch, priority: float = 1.0) -> dict[tuple[str, str], str]:
    store: dict[tuple[str, str], str] = {}

    class Fail:
        priority = 0

    class Backend:
        pass

    Backend.priority = priority  # type: ignore[attr-defined]
    module = types.ModuleType("keyring")
    module.get_keyring = lambda: Backend()  # type: ignore[attr-defined]
    module.set_password = lambda s, k, v: store.__setitem__((s, k), v)  # type: ignore[attr-defined]
    module.get_password = lambda s, k: store.get((s, k))  # type: ignore[attr-defined]
    module.delete_password = lambda s, k: store.pop((s, k))  # type: ignore[attr-defined]
    backends = types.ModuleType("keyring.backends")
    fail = types.ModuleType("keyring.backends.fail")
    fail.Keyring = Fail  # type: ignore[attr-defined]
    backends.fail = fail  # type: ignore[attr-defined]
    module.backends = backends  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", module)
    monkeypatch.setitem(sys.modules, "keyring.backends", backends)
    monkeypatch.setitem(sys.modules, "keyring.backends.fail", fail)
    return store


def test_file_store_is_private_and_forgotten(home, monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    where = credentials.save_token(SERVER, USER, "a.b.c")
    path = credentials.token_path(SERVER, USER)
    assert where == str(path) and path.parent == home / "credentials"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load_token(SERVER, USER) == "a.b.c"
    credentials.save_token(SERVER, USER, "d.e.f")  # replaced, not appended
    assert credentials.load_token(SERVER, USER) == "d.e.f"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    assert credentials.forget_token(SERVER, USER) is True
    assert not path.exists() and credentials.load_token(SERVER, USER) is None
    assert credentials.forget_token(SERVER, USER) is False


def test_a_working_keyring_is_preferred(home, monkeypatch):
    store = fake_keyring(monkeypatch)
    assert credentials.save_token(SERVER, USER, "a.b.c") == "the system keyring"
    assert store == {("mask_editor", f"{SERVER} {USER}"): "a.b.c"}
    assert not credentials.token_path(SERVER, USER).exists()
    assert credentials.load_token(SERVER, USER) == "a.b.c"
    assert credentials.forget_token(SERVER, USER) and store == {}


def test_a_keyring_without_a_real_backend_is_not_used(home, monkeypatch):
    store = fake_keyring(monkeypatch, priority=0)
    credentials.save_token(SERVER, USER, "a.b.c")
    assert store == {} and credentials.token_path(SERVER, USER).exists()


def test_the_keyring_can_be_turned_off(home, monkeypatch):
    store = fake_keyring(monkeypatch)
    monkeypatch.setenv("MASK_EDITOR_KEYRING", "0")
    credentials.save_token(SERVER, USER, "a.b.c")
    assert store == {} and credentials.token_path(SERVER, USER).exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_lines_in_a_pipe():
    tty = _Terminal()
    with Progress(4, "Importing", stream=tty) as bar:
        for name in "abcd":
            bar.step(name)
    assert tty.getvalue().count("\r") == 4 and "[" in tty.getvalue() and tty.getvalue().endswith("\n")
    assert "4/4" in tty.getvalue()
    pipe = io.StringIO()
    with Progress(2, "Importing", stream=pipe) as bar:
        bar.step("a.json")
        bar.update(2, 2, "b.json")  # the sync engine's (done, total, message) callback
    assert pipe.getvalue() == "Importing 1/2: a.json\nImporting 2/2: b.json\n"


def test_table_aligns_columns():
    text = table(("file", "n"), [("a.json", 3), ("long_name.json", 12)], right=(1,))
    assert text.splitlines() == ["file             n", "--------------  --", "a.json           3",
                                 "long_name.json  12"]
