"""The catalogues in resources/translations are complete and current (`make translations` builds them).

lupdate over the package finds no string the French file lacks; nothing is unfinished or obsolete; every
translation keeps its source's placeholders; the .qm files are what lrelease makes of the .ts files; the
action table's QT_TRANSLATE_NOOP markers reach the catalogue.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
FLAGS = ["-no-obsolete", "-locations", "none", "-source-language", "en"]
CATALOGUES = {"fr": ("fr_FR", []), "en": ("en", ["-pluralonly"])}  # as in the Makefile
PLACEHOLDER = re.compile(r"%n|%\d|\{\w*\}")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "mask_editor").rglob("*.py"))


def messages(lang: str) -> list[ET.Element]:
    return list(ET.parse(TS_DIR / f"mask_editor_{lang}.ts").getroot().iter("message"))


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed in this environment")
    return str(path)


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_lupdate_finds_no_new_string(lang, tmp_path):
    target, extra = CATALOGUES[lang]
    copy = tmp_path / f"mask_editor_{lang}.ts"
    shutil.copy(TS_DIR / copy.name, copy)
    subprocess.run([tool("pyside6-lupdate"), *extra, *sources(), *FLAGS, "-target-language", target,
                    "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True)
    assert copy.read_text(encoding="utf-8") == (TS_DIR / copy.name).read_text(encoding="utf-8"), (
        f"mask_editor_{lang}.ts is not current: run `make translations` and translate what it adds")


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_nothing_unfinished_or_obsolete(lang):
    left = [m.findtext("source") for m in messages(lang)
            if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert left == []


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_translations_keep_the_placeholders(lang):
    wrong = []
    for m in messages(lang):
        source, translation = m.findtext("source"), m.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        want = sorted(PLACEHOLDER.findall(source))
        wrong += [(source, form) for form in forms if sorted(PLACEHOLDER.findall(form)) != want]
    assert wrong == []


def test_plural_messages_have_every_form():
    for lang in CATALOGUES:
        for m in messages(lang):
            if m.get("numerus") == "yes":
                forms = m.find("translation").findall("numerusform")
                assert len(forms) == 2 and all(f.text for f in forms), (lang, m.findtext("source"))


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_the_qm_files_are_built_from_the_ts_files(lang, tmp_path):
    out = tmp_path / f"mask_editor_{lang}.qm"
    subprocess.run([tool("pyside6-lrelease"), "-nounfinished", str(TS_DIR / f"mask_editor_{lang}.ts"),
                    "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (TS_DIR / out.name).read_bytes(), "run `make translations`"


def test_the_action_table_reaches_the_catalogue():
    """QT_TRANSLATE_NOOP("Actions", ...) is what lupdate sees in the table: each text, tip and menu is there."""
    from mask_editor.ui.platform.actions import ACTIONS, CANVAS_KEYS, MENU_TITLES

    catalogue = {m.findtext("source") for c in ET.parse(TS_DIR / "mask_editor_fr.ts").getroot().iter("context")
                 if c.findtext("name") == "Actions" for m in c.iter("message")}
    own_names = {"language_fr", "language_en"}  # each language is named in its own language
    wanted = {s.text for s in ACTIONS if s.name not in own_names} | {s.tip for s in ACTIONS if s.tip}
    wanted |= {what for what, _keys in CANVAS_KEYS} | set(MENU_TITLES.values())
    assert wanted - catalogue == set()


def test_merge_ts_keeps_the_union_and_prefers_finished(tmp_path):
    sys.path.insert(0, str(TS_DIR))
    try:
        import merge_ts
    finally:
        sys.path.remove(str(TS_DIR))

    def ts(name: str, body: str) -> Path:
        path = tmp_path / name
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr_FR">'
                        f"{body}</TS>\n", encoding="utf-8")
        return path

    a = ts("a.ts", "<context><name>A</name><message><source>One</source><translation>Un</translation></message>"
                   '<message><source>Two</source><translation type="unfinished"></translation></message></context>')
    b = ts("b.ts", '<context><name>A</name><message><source>One</source><translation type="unfinished">'
                   "</translation></message><message><source>Two</source><translation>Deux</translation>"
                   "</message></context><context><name>B</name><message><source>Three</source>"
                   "<translation>Trois</translation></message></context>")
    assert merge_ts.main([str(tmp_path / "out.ts"), str(a), str(b)]) == 0
    merged = ET.parse(tmp_path / "out.ts").getroot()
    found = {(c.findtext("name"), m.findtext("source")): (m.find("translation").text, m.find("translation").get("type"))
             for c in merged.iter("context") for m in c.iter("message")}
    assert found == {("A", "One"): ("Un", None), ("A", "Two"): ("Deux", None), ("B", "Three"): ("Trois", None)}
