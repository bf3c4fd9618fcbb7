"""The status bar: who is signed in, sync state, pending changes, cursor position and zoom."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from mask_editor.ui.platform.formatting import plural
from mask_editor.workspace import Workspace


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QLabel(self)
        self.sync = QLabel(self)
        self.pending = QLabel(self)
        self.cursor = QLabel(self)
        self.zoom = QLabel(self)
        # Fixed-width numbers keep the bar from jumping while the mouse moves.
        metrics = self.fontMetrics()
        self.cursor.setMinimumWidth(metrics.horizontalAdvance("x 3840, y 2160 px (0.000, 0.000)") + 8)
        self.zoom.setMinimumWidth(self.fontMetrics().horizontalAdvance("Zoom 1600 %") + 8)
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
            self.account.setText("Not signed in")
            self.sync.setText("")
            return
        account = workspace.account()
        if account is None:
            self.account.setText("Demo workspace" if workspace.get_meta("demo") else "Not signed in")
            self.sync.setText("Offline: no server")
        else:
            host = account.server_url.split("://")[-1].rstrip("/")
            org = account.organization_id
            org_name = workspace.organizations().get(org, f"organization {org}") if org is not None else "all"
            self.account.setText(f"{account.username} ({account.role}, {org_name}) on {host}")
            self.sync.setText("Not synced this session")
        self.account.setToolTip(str(workspace.path))

    def set_sync_state(self, text: str) -> None:
        self.sync.setText(text)

    def set_pending(self, n: int) -> None:
        self.pending.setText(f"{plural(n, 'change')} to sync" if n else "Everything synced")

    def set_cursor(self, where: tuple[float, float, float, float] | None) -> None:
        if where is None:
            self.cursor.setText("")
            return
        x, y, rx, ry = where
        self.cursor.setText(f"x {x:.0f}, y {y:.0f} px ({rx:.3f}, {ry:.3f})")

    def set_zoom(self, factor: float | None) -> None:
        self.zoom.setText(f"Zoom {factor * 100:.0f} %" if factor else "")
