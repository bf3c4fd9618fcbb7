"""Property tests explore new examples on every run, CI included, and print the seed that replays them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = '''
from hypothesis import given, settings, strategies as st

@settings(max_examples=5, database=None)
@given(st.integers())
def test_draws(n):
    print("drew", n)
    assert {fail}
'''


def run_probe(tmp_path: Path, seed: str | None, fail: bool = False) -> subprocess.CompletedProcess[str]:
    test = tmp_path / "test_probe.py"
    test.write_text(PROBE.format(fail="False" if fail else "True"))
    env = dict(os.environ, CI="1", HOME=str(tmp_path))  # CI: Hypothesis' own derandomized profile
    env.pop("HYPOTHESIS_SEED", None)
    if seed is not None:
        env["HYPOTHESIS_SEED"] = seed
    # our conftest as a plugin, over a throwaway test outside the repository
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-s", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), "-c", os.devnull, str(test)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def seed_and_draws(done: subprocess.CompletedProcess[str]) -> tuple[str, list[str]]:
    found = re.search(r"^hypothesis seed: (\d+)$", done.stdout, re.MULTILINE)
    assert found, done.stdout + done.stderr
    return found.group(1), re.findall(r"^drew (-?\d+)", done.stdout, re.MULTILINE)


def test_ci_explores_from_a_printed_seed_that_replays(tmp_path):
    first, drawn_first = seed_and_draws(run_probe(tmp_path, None))
    second, drawn_second = seed_and_draws(run_probe(tmp_path, None))
    assert first != second
    assert drawn_first != drawn_second  # not the same frozen examples every run
    assert seed_and_draws(run_probe(tmp_path, first)) == (first, drawn_first)


def test_a_failure_says_how_to_replay(tmp_path):
    done = run_probe(tmp_path, "1234", fail=True)
    assert done.returncode == 1
    assert "hypothesis seed: 1234 (replay with HYPOTHESIS_SEED=1234" in done.stdout
