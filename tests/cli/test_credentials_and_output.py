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


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_on_a_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # a bar 20 cells wide
    tty, clock = _Terminal(), _Clock()
    with Progress(16000, "Pulling", "poses", stream=tty, clock=clock) as bar:
        bar.update(1234, 16000, "pose 7")
        assert tty.getvalue().startswith("\rPulling 1,234/16,000 poses ▕█▌" + " " * 18 + "▏")
        assert "▏ 7% pose 7" in tty.getvalue()
        clock.now += 0.01
        bar.update(1235, 16000)  # redrawn at most every REDRAW_EVERY seconds
        assert tty.getvalue().count("\r") == 1
        clock.now += 1
        bar.update(16000, 16000)
    text = tty.getvalue()
    assert text.count("\r") == 2 and "16,000/16,000 poses ▕" + "█" * 20 + "▏ 100%" in text
    assert text.endswith("\n") and "\n" not in text[:-1]


def test_progress_in_a_pipe_is_a_line_every_tenth_or_every_few_seconds():
    pipe, clock = io.StringIO(), _Clock()
    with Progress(1000, "Pulling", "poses", stream=pipe, clock=clock) as bar:
        for _ in range(1000):
            bar.step()
    lines = pipe.getvalue().splitlines()
    assert lines == ["Pulling 1/1,000 poses (0%)"] + [f"Pulling {n:,}/1,000 poses ({n // 10}%)"
                                                       for n in range(100, 1001, 100)]
    slow = io.StringIO()
    with Progress(100_000, "Pulling", "poses", stream=slow, clock=clock) as bar:
        bar.update(1, 100_000)
        clock.now += Progress.PLAIN_EVERY  # under 10% in that time: a line anyway
        bar.update(2, 100_000)
        bar.update(3, 100_000)
    assert slow.getvalue().splitlines() == ["Pulling 1/100,000 poses (0%)", "Pulling 2/100,000 poses (0%)",
                                            "Pulling 3/100,000 poses (0%)"]  # the last one, at close


def test_table_aligns_columns():
    text = table(("file", "n"), [("a.json", 3), ("long_name.json", 12)], right=(1,))
    assert text.splitlines() == ["file             n", "--------------  --", "a.json           3",
                                 "long_name.json  12"]
