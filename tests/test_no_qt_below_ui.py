"""The layers below the UI (core, api, workspace, sync) must never import Qt.

Two checks: a static one (every `import` statement, found with ast, in every .py file of those
folders) and a dynamic one (import every module of those folders in a fresh interpreter, then look
at sys.modules). Modules are discovered by walking the folders, so new ones are checked as they come.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "mask_editor"
LAYERS = ("core", "api", "workspace", "sync")
QT_TOP_LEVEL = {"PySide6", "shiboken6", "PySide2", "shiboken2", "PyQt5", "PyQt6", "sip", "pytestqt"}


def below_ui_files() -> list[Path]:
    files: list[Path] = []
    for layer in LAYERS:
        folder = PACKAGE / layer
        if folder.is_dir():
            files.extend(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(files)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    return imports_in_source(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def imports_in_source(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in `source`, relative ones resolved."""
    tree = ast.parse(source)
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module or ""
            found.append((node.lineno, prefix))
            # `from . import ui`, `from mask_editor import ui`: the names may be modules too
            found.extend((node.lineno, f"{prefix}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6...") / __import__("PySide6...")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if (
                name in ("import_module", "__import__")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((node.lineno, node.args[0].value))
    return found


def qt_problems(imports: list[tuple[int, str]]) -> list[str]:
    bad = []
    for line, name in imports:
        if name.split(".")[0] in QT_TOP_LEVEL:
            bad.append(f"line {line}: imports {name}")
        if name == "mask_editor.ui" or name.startswith("mask_editor.ui."):
            bad.append(f"line {line}: imports {name} (the UI layer, which pulls in Qt)")
    return bad


FILES = below_ui_files()


def test_the_walk_finds_the_core_modules():
    names = {module_name(p) for p in FILES}
    assert {"mask_editor.core.geometry", "mask_editor.core.codec"} <= names
    for layer in LAYERS:
        if (PACKAGE / layer).is_dir():
            assert f"mask_editor.{layer}" in names


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "import PySide6.QtCore as qc",
        "from PySide6.QtGui import QImage",
        "from shiboken6 import isValid",
        "from PyQt6 import QtCore",
        "def f():\n    import PySide6.QtWidgets\n",
        "try:\n    from PySide6 import QtCore\nexcept ImportError:\n    QtCore = None\n",
        "import importlib\nimportlib.import_module('PySide6.QtCore')",
        "__import__('shiboken6')",
        "from ..ui import window",
        "from .. import ui",
        "from ...mask_editor.ui.canvas import Canvas",
        "from mask_editor.ui import window",
        "from mask_editor import ui",
        "import mask_editor.ui.canvas",
    ],
)
def test_the_checker_sees_qt_and_ui_imports(source):
    """The static check itself, on a module pretending to be mask_editor.core.codec."""
    assert qt_problems(imports_in_source(source, "mask_editor.core.codec"))


@pytest.mark.parametrize(
    "source",
    [
        "from . import geometry",
        "from .geometry import Box",
        "from ..api import client",
        "from mask_editor.core.geometry import Box",
        "import json, re\nfrom dataclasses import dataclass",
        "text = 'import PySide6'  # a string is not an import",
    ],
)
def test_the_checker_accepts_plain_imports(source):
    assert qt_problems(imports_in_source(source, "mask_editor.core.codec")) == []


def test_relative_imports_resolve_from_a_package_init():
    found = {name for _, name in imports_in_source("from ..ui import x", "mask_editor.core", is_package=True)}
    assert "mask_editor.ui" in found


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(REPO)) for p in FILES])
def test_no_qt_import_in_source(path):
    bad = qt_problems(imported_modules(path))
    assert not bad, f"{path.relative_to(REPO)} must not depend on Qt:\n" + "\n".join(bad)


def test_importing_every_module_below_ui_loads_no_qt():
    modules = [module_name(p) for p in FILES]
    assert modules
    code = (
        f"import {', '.join(modules)}\n"
        "import json, sys\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{sorted(QT_TOP_LEVEL)!r} or m == 'mask_editor.ui' or m.startswith('mask_editor.ui.'))))\n"
    )
    python_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": python_path}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"importing {modules} failed:\n{done.stderr}"
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "PySide6" not in loaded
    assert loaded == [], f"modules below ui/ pulled in {loaded}"
