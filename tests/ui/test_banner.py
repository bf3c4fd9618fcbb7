"""The read-only banner (ui/window/banner.py): its tint, and its lock drawn once a message shows."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from mask_editor.ui.window.banner import Banner


def _mixed(palette: QPalette) -> tuple[float, float, float]:
    base = palette.color(QPalette.ColorRole.Window).getRgbF()[:3]
    accent = palette.color(QPalette.ColorRole.Highlight).getRgbF()[:3]
    return tuple(0.78 * b + 0.22 * a for b, a in zip(base, accent, strict=True))


def test_the_banner_is_tinted_once_over_the_window_colour(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner(parent)
    shown = banner.palette().color(QPalette.ColorRole.Window).getRgbF()[:3]
    expected = _mixed(parent.palette())
    assert all(abs(s - e) < 1 / 255 for s, e in zip(shown, expected, strict=True)), (shown, expected)


def test_the_lock_is_drawn_when_a_message_shows(qtbot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("This workspace is read-only.")
    assert banner.text() == "This workspace is read-only." and not banner._icon.pixmap().isNull()
    banner.show_message(None)
    assert banner.isHidden() and banner.text() == ""
