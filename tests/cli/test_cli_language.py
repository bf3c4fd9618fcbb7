"""The commands speak English whatever the language setting and the locale (docs/adr/0004-cli-language.md):
--help, errors and --json are the same under a French system with the window set to French."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import REPO, cli_env


def run(args: list[str], home: Path, french: bool) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    env = cli_env(home)
    if french:
        settings = home / "settings.ini"
        settings.write_text("[view]\nlanguage=fr\n", encoding="utf-8")
        env.update(MASK_EDITOR_SETTINGS=str(settings), LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8",
                   LANGUAGE="fr")
    else:
        env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("LANGUAGE", None)
    return subprocess.run([sys.executable, "-m", "mask_editor", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=60)


def test_help_errors_and_json_do_not_follow_the_language(tmp_path):
    for args in (["--help"], ["sync", "--help"], ["status", "--json", "--workspace", str(tmp_path / "none.sqlite")]):
        english = run(args, tmp_path / "en", french=False)
        french = run(args, tmp_path / "fr", french=True)
        assert (french.returncode, french.stdout, french.stderr) == (english.returncode, english.stdout,
                                                                     english.stderr), args
    assert "usage: mask-editor" in run(["--help"], tmp_path / "fr", french=True).stdout
