"""resources/ is found from a source checkout, an installed wheel, and the PyInstaller bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

import mask_editor
from mask_editor.resources import demo_dir, icon_path, resources_dir

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mask_editor").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(found - listed)}"


def test_resources_from_the_checkout():
    assert resources_dir() == ROOT / "resources"
    assert icon_path("app").is_file()
    assert (demo_dir() / "demo.sqlite").is_file()


def _smoke_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MASK_EDITOR_HOME=str(tmp_path / "home"))
    env.pop("PYTHONPATH", None)
    return env


def _demo_copy(tmp_path: Path) -> Path:
    workspace = tmp_path / "demo" / "demo.sqlite"
    shutil.copytree(demo_dir(), workspace.parent)
    return workspace


def _smoke(workspace: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mask_editor", "--workspace", str(workspace), "--smoke"],
                          capture_output=True, text=True, cwd=tmp_path, env=_smoke_env(tmp_path), timeout=120)


def test_smoke_passes_on_the_demo(tmp_path):
    smoke = _smoke(_demo_copy(tmp_path), tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke ok" in smoke.stdout


def test_smoke_fails_when_no_image_decodes(tmp_path):
    # What a bundle without Qt's JPEG plugin shows: every pose image undecodable.
    workspace = _demo_copy(tmp_path)
    images = [p for p in workspace.with_name(workspace.name + ".images").rglob("*") if p.is_file()]
    assert images
    for image in images:
        image.write_bytes(os.urandom(image.stat().st_size))
    smoke = _smoke(workspace, tmp_path)
    assert smoke.returncode == 1, smoke.stdout
    assert "smoke ok" not in smoke.stdout
    assert "did not decode" in smoke.stderr


@pytest.mark.slow
def test_installed_wheel_finds_its_resources(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v",
                            "-w", str(wheels), str(ROOT)], cwd=tmp_path, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    # An install prints what the build warns about (a license table, undeclared package data): none.
    warnings = [line for line in (build.stdout + build.stderr).splitlines()
                if "Warning" in line or "SetuptoolsDeprecationWarning" in line or "deprecated" in line]
    assert warnings == []
    wheel = next(wheels.glob("mask_editor-*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert {f"mask_editor/resources/translations/mask_editor_{lang}.qm" for lang in ("fr", "en")} <= shipped
    # A bare venv with the wheel in its site-packages, and our dependencies reached through a .pth
    # (that line adds the folder only: the checkout's editable install there stays inactive).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, str(wheel)],
                   check=True)
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = ("import mask_editor, mask_editor.resources as r; "
             "print(mask_editor.__file__); print(r.resources_dir())")
    out = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path,
                         env=_smoke_env(tmp_path)).stdout.split()
    assert out[0].startswith(site), f"imported the checkout instead of the wheel: {out[0]}"
    assert out[1] == str(Path(site) / "mask_editor" / "resources")
    smoke = subprocess.run([python, "-m", "mask_editor", "--demo", "--smoke"], capture_output=True, text=True,
                           cwd=tmp_path, env=_smoke_env(tmp_path), timeout=120)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke ok" in smoke.stdout


@pytest.mark.slow
def test_pyinstaller_bundle_starts_and_paints(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")],
                   check=True, cwd=ROOT, timeout=900)
    binary = dist / "mask-editor" / "mask-editor"
    assert binary.is_file()
    smoke = subprocess.run([str(binary), "--demo", "--smoke"], capture_output=True, text=True, cwd=tmp_path,
                           env=_smoke_env(tmp_path), timeout=120)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke ok" in smoke.stdout


def test_version_is_exposed():
    assert mask_editor.__version__
