"""No two actions (canvas keys included) share a key on any keyboard scheme the app runs on
(issue 11, item 7): X11 binds StandardKey.Delete to Ctrl+D as well as Del, which made Ctrl+D
ambiguous ("Ambiguous shortcut overload") while the Edit menu showed it for Duplicate; offscreen
resolves standard keys with the Windows scheme and never saw it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

from mask_editor.ui.canvas.keys import key_event
from mask_editor.ui.platform.actions import ACTIONS, CANVAS_KEYS, SPECS, canvas_key_specs, conflicts, key_sequences
from mask_editor.ui.platform.key_tables import SCHEMES, STANDARD_KEYS, standard_keys
from tests.cli.helpers import REPO

PORTABLE = QKeySequence.SequenceFormat.PortableText
ALL_SPECS = (*ACTIONS, *canvas_key_specs())


def _texts(seqs: list[QKeySequence]) -> set[str]:
    return {s.toString(PORTABLE) for s in seqs}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_two_actions_share_a_key_on_any_scheme(qapp, scheme):
    assert conflicts(ALL_SPECS, scheme) == []


def test_a_shared_key_is_found_on_the_scheme_that_has_it(qapp):
    """Ctrl+D next to StandardKey.Delete collides on the X11 schemes only (the bug's situation)."""
    clash = [*ALL_SPECS, ACTIONS[0].__class__("clash", "Clash", "Edit", ("Ctrl+D",))]
    assert ("Ctrl+D", "delete", "clash") in conflicts(clash, "x11")
    assert ("Ctrl+D", "delete", "clash") in conflicts(clash, "gnome")
    assert not [c for c in conflicts(clash, "windows") if c[0] == "Ctrl+D"]
    on_canvas = [*ALL_SPECS, ACTIONS[0].__class__("arrow", "Arrow", "View", ("Alt+Left",))]
    assert ("Alt+Left", "canvas: Push that side's edge outward", "arrow") in conflicts(on_canvas, "macos")


def test_every_standard_key_used_is_in_the_platform_tables(qapp):
    used = {k for spec in ACTIONS for k in spec.shortcuts if isinstance(k, QKeySequence.StandardKey)}
    assert used <= set(STANDARD_KEYS), used - set(STANDARD_KEYS)
    for key in used:
        for scheme in SCHEMES:
            standard_keys(key, scheme)  # no KeyError
    with pytest.raises(ValueError, match="unknown keyboard scheme"):
        standard_keys(QKeySequence.StandardKey.Open, "amiga")


def test_duplicate_and_delete_keys_everywhere(qapp):
    for scheme in SCHEMES:
        duplicate = _texts(key_sequences(SPECS["duplicate"], scheme))
        assert duplicate == {"Ctrl+J"}, scheme
        assert "Del" in _texts(key_sequences(SPECS["delete"], scheme))
    assert "Ctrl+D" in _texts(key_sequences(SPECS["delete"], "x11"))


def test_the_windows_column_is_what_the_offscreen_platform_resolves(qapp):
    if QGuiApplication.platformName() != "offscreen":
        pytest.skip(f"the tests run on {QGuiApplication.platformName()}, whose scheme may not be Windows")
    for key in STANDARD_KEYS:
        assert _texts(QKeySequence.keyBindings(key)) == _texts(standard_keys(key, "windows")), key


def _event(text: str) -> QKeyEvent:
    combo = QKeySequence(text)[0]
    return QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())


def test_the_canvas_claims_exactly_the_keys_it_lists(canvas):
    listed = [k for _what, keys in CANVAS_KEYS for k in keys]
    assert len(listed) == 18
    for text in listed:
        assert key_event(canvas, _event(text)), text
    for text in ("Ctrl+Left", "Meta+Up", "Del", "Ctrl+J", "Shift+Esc", "R"):
        assert not key_event(canvas, _event(text)), text


def test_the_shortcuts_window_lists_the_canvas_keys(qtbot):
    from mask_editor.ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    cells = {dialog.model.index(r, 1).data(): dialog.model.index(r, 2).data()
             for r in range(dialog.model.rowCount())}
    assert cells["Duplicate"] == "Ctrl+J"
    assert cells["Push that side's edge outward"] == "Alt+Left, Alt+Right, Alt+Up, Alt+Down"


# Run under a real X server: what xcb resolves, and what Ctrl+D and Ctrl+J really trigger.
XCB_CHECK = """
import json, sys
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from mask_editor.ui.platform.actions import build_actions, canvas_key_specs, conflicts, ACTIONS
from mask_editor.ui.platform.key_tables import STANDARD_KEYS

app = QApplication(sys.argv[:1])
P = QKeySequence.SequenceFormat.PortableText
resolved = {k.name: sorted(s.toString(P) for s in QKeySequence.keyBindings(k)) for k in STANDARD_KEYS}
window = QWidget()
actions = build_actions(window)
fired = []
for name in ("delete", "duplicate"):
    window.addAction(actions[name])
    actions[name].triggered.connect(lambda _c=False, n=name: fired.append(n))
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window, 5000)
for key in (Qt.Key.Key_D, Qt.Key.Key_J):
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
print(json.dumps({"platform": QGuiApplication.platformName(), "resolved": resolved, "fired": fired,
                  "conflicts": conflicts([*ACTIONS, *canvas_key_specs()])}))
"""


@pytest.fixture(scope="module")
def x_display():
    """A private Xvfb display, started here when the binary exists (make system-deps installs it)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("no X server to test the xcb platform with: install xvfb (make system-deps does)")
    server = subprocess.Popen([binary, "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout is not None
        display = server.stdout.readline().strip()
        assert display.isdigit(), f"Xvfb did not report a display: {display!r}"
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_xcb_resolves_the_x11_column_and_ctrl_d_is_delete_only(x_display):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "XDG_CURRENT_DESKTOP", "XDG_SESSION", "KDE_", "GNOME_", "DESKTOP_SESSION",
                                "WAYLAND_DISPLAY"))}
    env.update(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", XCB_CHECK], capture_output=True, text=True, env=env,
                          cwd=Path(REPO), timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    for key in STANDARD_KEYS:  # the generic Unix theme: the X11 column
        assert set(result["resolved"][key.name]) == _texts(standard_keys(key, "x11")), key
    assert result["conflicts"] == []
    assert result["fired"] == ["delete", "duplicate"]
    assert "Ambiguous shortcut" not in done.stderr
