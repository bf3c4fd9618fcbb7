"""What each standard key resolves to on each keyboard scheme the app runs on, for the keys the
action table uses: the uniqueness test checks every scheme, not only the one the tests run on.

QKeySequence.keyBindings(StandardKey) reads QPlatformTheme::keyBindings: one table in Qt's
src/gui/kernel/qplatformtheme.cpp (QPlatformThemePrivate::keyBindings), each row flagged for the
schemes it applies to (KB_Win, KB_Mac, KB_X11, KB_KDE, KB_Gnome, KB_All). The KDE and Gnome schemes
also take the KB_X11 rows. Which scheme applies comes from the platform theme: xcb and wayland use
the generic Unix theme (X11), or the KDE or Gnome theme on those desktops; windows uses Windows,
cocoa uses Mac; offscreen (the test default) uses the base theme, whose scheme is Windows, which is
why the tests once missed that X11 binds StandardKey.Delete to Ctrl+D as well as Del.

The rows below are that table's, as Qt 6.11 has it (the dedicated Open, Cut, Copy, Paste, Undo,
Redo, Zoom In, Zoom Out and Help keys of some keyboards are KB_All rows; Qt::CTRL is Command and
Qt::META is Control on macOS, as in Qt's own strings). tests/ui/test_keys.py checks the Windows
column against the offscreen platform and the X11 column against a real X server.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

SCHEMES = ("windows", "macos", "x11", "kde", "gnome")

_WIN, _MAC, _X11, _KDE, _GNOME = (frozenset({s}) for s in SCHEMES)
_ALL = frozenset(SCHEMES)
_UNIX = _X11 | _KDE | _GNOME  # the KB_X11 rows apply to the KDE and Gnome schemes too

SK = QKeySequence.StandardKey

# StandardKey -> (key in portable text, the schemes whose table row has it), in Qt's table order.
STANDARD_KEYS: dict[QKeySequence.StandardKey, tuple[tuple[str, frozenset[str]], ...]] = {
    SK.HelpContents: (("Ctrl+?", _MAC), ("F1", _WIN | _UNIX), ("Help", _ALL)),
    SK.Open: (("Ctrl+O", _ALL), ("Open", _ALL)),
    SK.Delete: (("Ctrl+D", _UNIX), ("Del", _ALL), ("Meta+D", _MAC)),
    SK.Cut: (("Ctrl+X", _ALL), ("Shift+Del", _WIN | _UNIX), ("F20", _UNIX), ("Meta+K", _MAC), ("Cut", _ALL)),
    SK.Copy: (("Ctrl+Ins", _UNIX | _WIN), ("Ctrl+C", _ALL), ("F16", _UNIX), ("Copy", _ALL)),
    SK.Paste: (("Ctrl+Shift+Ins", _UNIX), ("Ctrl+V", _ALL), ("Shift+Ins", _WIN | _UNIX), ("F18", _UNIX),
               ("Meta+Y", _MAC), ("Paste", _ALL)),
    SK.Undo: (("Alt+Backspace", _WIN), ("Ctrl+Z", _ALL), ("F14", _UNIX), ("Undo", _ALL)),
    SK.Redo: (("Alt+Shift+Backspace", _WIN), ("Ctrl+Shift+Z", _MAC | _WIN | _UNIX), ("Ctrl+Y", _WIN),
              ("Redo", _ALL)),
    SK.ZoomIn: (("Ctrl++", _ALL), ("Zoom In", _ALL)),
    SK.ZoomOut: (("Ctrl+-", _ALL), ("Zoom Out", _ALL)),
    SK.SelectAll: (("Ctrl+A", _ALL),),
    SK.Quit: (("Ctrl+Q", _UNIX | _MAC), ("Exit", _UNIX | _MAC)),  # not a Windows convention
}


def standard_keys(key: QKeySequence.StandardKey, scheme: str) -> list[QKeySequence]:
    """What `key` resolves to on `scheme` (KeyError for a standard key not in the table)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown keyboard scheme {scheme!r}, expected one of {SCHEMES}")
    return [QKeySequence(text) for text, schemes in STANDARD_KEYS[key] if scheme in schemes]
