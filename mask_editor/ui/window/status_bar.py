"""The status bar: who is signed in, sync state, pending changes, cursor position and zoom."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from mask_editor.ui.platform.i18n import decimal
from mask_editor.workspace import Workspace


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QLabel(self)
        self.sync = QLabel(self)
        self.pending = QLabel(self)
        self.cursor = QLabel(self)
        self.zoom = QLabel(self)
        # A fixed size, that of the widest text: the bar does not jump while the mouse moves, and a new
        # text does not lay the window out again (Qt skips that for a fixed-size widget), which
        # repainted every dock at each zoom change and pointer move.
        self._set_cursor_text(3840, 2160, 0.0, 0.0)
        self.zoom.setText(self._zoom_text(1600))
        for label in (self.cursor, self.zoom):
            label.setFixedSize(label.sizeHint() + QSize(8, 0))
        for label in (self.account, self.sync, self.pending):
            label.setMinimumWidth(40)  # may be clipped on a narrow window rather than widen it
            label.setContentsMargins(4, 0, 10, 0)
            self.addWidget(label)
        self.addPermanentWidget(self.cursor)
        self.addPermanentWidget(self.zoom)
        self.set_cursor(None)
        self.set_zoom(None)

    def set_workspace(self, workspace: Workspace | None) -> None:
        if workspace is None:
            self.account.setText(self.tr("Not signed in"))
            self.sync.setText("")
            return
        account = workspace.account()
        if account is None:
            self.account.setText(self.tr("Demo workspace") if workspace.get_meta("demo") else self.tr("Not signed in"))
            self.sync.setText(self.tr("Offline: no server"))
        else:
            host = account.server_url.split("://")[-1].rstrip("/")
            org = account.organization_id
            org_name = (workspace.organizations().get(org) or self.tr("organization %1").replace("%1", str(org))
                        if org is not None else self.tr("all organizations"))
            self.account.setText(self.tr("{user} ({role}, {organization}) on {server}").format(
                user=account.username, role=account.role, organization=org_name, server=host))
            self.sync.setText(self.tr("Not synced this session"))
        self.account.setToolTip(str(workspace.path))

    def set_sync_state(self, text: str) -> None:
        self.sync.setText(text)

    def set_pending(self, n: int) -> None:
        self.pending.setText(self.tr("%n change(s) to sync", "", n) if n else self.tr("Everything synced"))

    def set_cursor(self, where: tuple[float, float, float, float] | None) -> None:
        if where is None:
            self.cursor.setText("")
            return
        self._set_cursor_text(*where)

    def _set_cursor_text(self, x: float, y: float, rx: float, ry: float) -> None:
        self.cursor.setText(self.tr("x %1, y %2 px (%3, %4)").replace("%1", decimal(x, 0)).replace("%2", decimal(y, 0))
                            .replace("%3", decimal(rx, 3)).replace("%4", decimal(ry, 3)))

    def set_zoom(self, factor: float | None) -> None:
        self.zoom.setText(self._zoom_text(factor * 100) if factor else "")

    def _zoom_text(self, percent: float) -> str:
        return self.tr("Zoom %1 %").replace("%1", decimal(percent, 0))
