"""Secrets (issue 11, item 8): a sign-out that could not forget the token says so and how to remove
it; no sign-in sends the password in clear to another computer unless the user asked for it."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from mask_editor.api.cleartext import cleartext_risk, sends_secrets_in_clear
from mask_editor.workspace import credentials
from tests.cli.helpers import one_json, run_cli
from tests.keyring_backends import FileKeyring, LockedForDelete

SERVER, USER = "https://api.example.org", "alice"
ACCOUNT = f"{SERVER} {USER}"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MASK_EDITOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def use_keyring(monkeypatch: pytest.MonkeyPatch):
    """Installs a test backend as the keyring for this process (the app is let use keyrings)."""
    monkeypatch.delenv("MASK_EDITOR_KEYRING", raising=False)
    previous = keyring.get_keyring()

    def install(backend: keyring.backend.KeyringBackend) -> None:
        keyring.set_keyring(backend)

    yield install
    keyring.set_keyring(previous)


def test_a_keyring_that_refuses_to_forget_is_reported_with_the_entry_to_remove(home, use_keyring):
    use_keyring(LockedForDelete())
    assert credentials.save_token(SERVER, USER, "a.b.c") == "the system keyring"
    with pytest.raises(credentials.TokenNotForgotten) as caught:
        credentials.forget_token(SERVER, USER)
    text = str(caught.value)
    assert "system keyring" in text and "the keyring is locked" in text
    assert f'service "mask_editor", account "{ACCOUNT}"' in text and f'keyring del mask_editor "{ACCOUNT}"' in text
    assert "a.b.c" not in text
    assert credentials.load_token(SERVER, USER) == "a.b.c"  # still there: that is why it must be said


def test_a_working_keyring_forgets_silently(home, use_keyring):
    use_keyring(FileKeyring())
    credentials.save_token(SERVER, USER, "a.b.c")
    assert credentials.forget_token(SERVER, USER) is True
    assert credentials.load_token(SERVER, USER) is None and credentials.forget_token(SERVER, USER) is False


def test_a_token_file_that_cannot_be_removed_is_reported_with_its_path(home):
    path = credentials.token_path(SERVER, USER)
    path.mkdir(parents=True)  # unlink() fails on it, as on a file in a read-only folder
    with pytest.raises(credentials.TokenNotForgotten) as caught:
        credentials.forget_token(SERVER, USER)
    assert str(path) in str(caught.value) and "Delete that file" in str(caught.value)


def test_logout_says_the_session_stays_when_the_keyring_refuses(fake_api, home):
    password = fake_api.passwords["agent"] + "\n"
    done = run_cli("login", "--server", fake_api.url, "--username", "agent", "--password-stdin",
                   home=home, stdin=password, keyring="LockedForDelete")
    assert done.returncode == 0, done.stderr
    assert "Session kept in the system keyring" in done.stderr
    out = run_cli("logout", home=home, keyring="LockedForDelete")
    assert out.returncode == 1, out.stderr
    assert "Not signed out" in out.stderr and "stays valid until it expires" in out.stderr
    assert f'keyring del mask_editor "{fake_api.url} agent"' in out.stderr
    assert "Signed out of" not in out.stderr
    status = one_json(run_cli("status", "--json", home=home, keyring="LockedForDelete"))
    assert status["session"] == "signed in"  # what the message said: the token is still there


@pytest.mark.parametrize(("url", "in_clear"), [
    ("https://api.pyronear.org", False),
    ("HTTPS://api.pyronear.org", False),
    ("http://127.0.0.1:8000", False),
    ("http://127.8.9.10", False),
    ("http://localhost:5050", False),
    ("http://LOCALHOST.", False),
    ("http://[::1]:8080", False),
    ("http://api.pyronear.org", True),
    ("http://10.0.0.5:8000", True),
    ("http://[2001:db8::1]", True),
    ("http://localhost.example.org", True),
    ("http://127.0.0.1.example.org", True),
    ("http://128.0.0.1", True),
])
def test_which_servers_get_the_password_in_clear(url, in_clear):
    assert sends_secrets_in_clear(url) is in_clear


def test_login_over_http_to_another_computer_is_refused_without_the_flag(home):
    done = run_cli("login", "--server", "http://pyro.invalid:8080", "--username", "agent", "--password-stdin",
                   home=home, stdin="secret-Pa55\n")
    assert done.returncode == 2, done.stderr
    assert "Refusing to sign in" in done.stderr and "--allow-insecure-http" in done.stderr
    assert "password" in done.stderr and "valid for a year" in done.stderr
    assert "secret-Pa55" not in done.stderr + done.stdout


def test_the_flag_lets_the_sign_in_go_with_a_warning(home):
    done = run_cli("login", "--server", "http://pyro.invalid:8080", "--username", "agent", "--password-stdin",
                   "--allow-insecure-http", home=home, stdin="secret-Pa55\n", timeout=120)
    assert "Refusing" not in done.stderr
    assert "Warning: " + cleartext_risk("http://pyro.invalid:8080") in done.stderr
    assert done.returncode == 4, done.stderr  # it went for the network: .invalid never resolves


def test_login_over_http_to_this_computer_is_allowed_silently(fake_api, home):
    assert fake_api.url.startswith("http://127.")
    done = run_cli("login", "--server", fake_api.url, "--username", "agent", "--password-stdin",
                   home=home, stdin=fake_api.passwords["agent"] + "\n")
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "http://" in done.stderr
