"""Light and dark palettes (Fusion style) and SVG icons tinted with the palette.

"system" follows QStyleHints.colorScheme and changes with it; "light" and "dark" force a palette
(View > Theme, or MASK_EDITOR_THEME=light|dark for screenshots). Widgets take their colours from
palette roles, so nothing here is needed by them beyond `icon()`.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

from mask_editor.resources import icon_path

_applied = {"mode": "system", "connected": False}


def requested_theme(saved: str) -> str:
    """The env var wins over the saved choice (screenshots in both themes without touching settings)."""
    env = os.environ.get("MASK_EDITOR_THEME", "").strip().lower()
    return env if env in ("light", "dark", "system") else saved


def apply_theme(app: QApplication, mode: str = "system") -> None:
    """Fusion everywhere (same look on all platforms), with the palette `mode` asks for."""
    app.setStyle(QStyleFactory.create("Fusion"))
    _applied["mode"] = mode
    if not _applied["connected"]:
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
        _applied["connected"] = True
    dark = mode == "dark" or (mode == "system" and
                              app.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    app.setPalette(dark_palette() if dark else light_palette())


def _follow_system(app: QApplication) -> None:
    if _applied["mode"] == "system":
        apply_theme(app, "system")


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2d30", roles.WindowText: "#e6e6e6", roles.Base: "#1f2023",
        roles.AlternateBase: "#2a2c2f", roles.ToolTipBase: "#3a3d41", roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#8c8f94", roles.Text: "#e6e6e6", roles.Button: "#35373b",
        roles.ButtonText: "#e6e6e6", roles.BrightText: "#ff6b6b", roles.Light: "#45484d",
        roles.Midlight: "#3b3e42", roles.Mid: "#27292c", roles.Dark: "#1b1c1e", roles.Shadow: "#0d0d0e",
        roles.Highlight: "#3d7bd9", roles.HighlightedText: "#ffffff", roles.Link: "#6ea8fe",
        roles.LinkVisited: "#b48efa",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#75787d"))
    p.setColor(disabled, roles.Highlight, QColor("#4a4d52"))
    return p


# --- icons -----------------------------------------------------------------------------------


class _TintedSvgEngine(QIconEngine):
    """Renders an SVG drawn in `currentColor` with the palette's text colour at paint time, so
    icons are crisp at any device pixel ratio and follow a theme switch without reloading."""

    def __init__(self, svg: bytes, accent: bool = False) -> None:
        super().__init__()
        self._svg = svg
        self._accent = accent

    def _renderer_for(self, mode: QIcon.Mode):
        from PySide6.QtSvg import QSvgRenderer  # imported on first icon paint, not at start

        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        elif mode == QIcon.Mode.Selected:
            colour = palette.color(QPalette.ColorRole.HighlightedText)
        elif self._accent:
            colour = palette.color(QPalette.ColorRole.Highlight)
        else:
            colour = palette.color(QPalette.ColorRole.WindowText)
        data = self._svg.replace(b"currentColor", colour.name().encode())
        return QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer_for(mode).render(painter, rect.toRectF())

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._svg, self._accent)


@cache
def _svg_bytes(name: str) -> bytes:
    path = icon_path(name)
    return path.read_bytes() if path.is_file() else b""


def icon(name: str, *, accent: bool = False) -> QIcon:
    """An icon from resources/icons/<name>.svg; an empty icon when the file is missing."""
    svg = _svg_bytes(name)
    if not svg:
        return QIcon()
    if b"currentColor" not in svg:
        return QIcon(str(icon_path(name)))  # a multi-colour icon (the app icon) is drawn as is
    return QIcon(_TintedSvgEngine(svg, accent))
