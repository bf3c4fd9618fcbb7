"""The window's remembered state (QSettings), behind typed accessors.

Tests and screenshots pass an ini file so they never touch the user's real settings; the app
uses the platform's location under "Pyronear/mask_editor".
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCryptographicHash, QSettings

ORGANIZATION = "Pyronear"
APPLICATION = "mask_editor"
DEFAULT_STALE_DAYS = 120
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "fr", "en")  # ui/platform/i18n.py applies them at start-up


class AppSettings:
    def __init__(self, ini_path: Path | str | None = None) -> None:
        # MASK_EDITOR_SETTINGS lets screenshots and bundle tests run with a throwaway file too.
        ini_path = ini_path or os.environ.get("MASK_EDITOR_SETTINGS") or None
        if ini_path is not None:
            self.qsettings = QSettings(str(ini_path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                       ORGANIZATION, APPLICATION)

    def sync(self) -> None:
        self.qsettings.sync()

    # --- window layout ------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return _bytes(self.qsettings.value("window/geometry"))

    def set_geometry(self, data: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return _bytes(self.qsettings.value("window/state"))

    def set_window_state(self, data: QByteArray) -> None:
        self.qsettings.setValue("window/state", data)

    # --- workspaces and poses -----------------------------------------------------------------

    def last_workspace(self) -> Path | None:
        value = self.qsettings.value("workspace/last")
        return Path(str(value)) if value else None

    def set_last_workspace(self, path: Path) -> None:
        self.qsettings.setValue("workspace/last", str(path))

    def last_pose(self, workspace: Path) -> int | None:
        value = self.qsettings.value(f"last_pose/{_key(workspace)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_pose(self, workspace: Path, pose_id: int) -> None:
        self.qsettings.setValue(f"last_pose/{_key(workspace)}", pose_id)

    # --- preferences --------------------------------------------------------------------------

    def stale_days(self) -> int:
        """Masks older than this many days are flagged for a check against the current image."""
        try:
            return max(1, int(self.qsettings.value("masks/stale_days", DEFAULT_STALE_DAYS)))
        except (TypeError, ValueError):
            return DEFAULT_STALE_DAYS

    def mask_opacity(self) -> float:
        try:
            return min(max(float(self.qsettings.value("masks/opacity", 0.35)), 0.0), 1.0)
        except (TypeError, ValueError):
            return 0.35

    def set_mask_opacity(self, opacity: float) -> None:
        self.qsettings.setValue("masks/opacity", float(opacity))

    def history_bounds(self) -> tuple[int, float]:
        """The image history kept per pose (images) and in all (MB); older images are dropped first."""
        from mask_editor.workspace.history import DEFAULT_PER_POSE, DEFAULT_TOTAL_MB

        try:
            per_pose = max(2, int(self.qsettings.value("history/per_pose", DEFAULT_PER_POSE)))
            total_mb = max(10.0, float(self.qsettings.value("history/total_mb", DEFAULT_TOTAL_MB)))
        except (TypeError, ValueError):
            return DEFAULT_PER_POSE, DEFAULT_TOTAL_MB
        return per_pose, total_mb

    def drift_threshold(self) -> float:
        """A pose counts as moved above this shift, as a fraction of the width (setting in percent)."""
        try:
            percent = float(self.qsettings.value("drift/threshold_percent", 0.5))
        except (TypeError, ValueError):
            percent = 0.5
        return min(max(percent, 0.05), 25.0) / 100

    def set_history_bounds(self, per_pose: int, total_mb: float) -> None:
        self.qsettings.setValue("history/per_pose", int(per_pose))
        self.qsettings.setValue("history/total_mb", float(total_mb))

    def theme(self) -> str:
        value = str(self.qsettings.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.qsettings.setValue("view/theme", theme if theme in THEMES else "system")

    def language(self) -> str:
        value = str(self.qsettings.value("view/language", "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        self.qsettings.setValue("view/language", language if language in LANGUAGES else "system")


def _key(path: Path) -> str:
    # Paths hold '/' (a group separator for QSettings): key by a short digest of the resolved path.
    # SHA-1 by Qt's own hash: hashlib would load OpenSSL (~3 ms) on the way to the first paint.
    digest = QCryptographicHash.hash(QByteArray(str(Path(path).resolve()).encode()), QCryptographicHash.Algorithm.Sha1)
    return bytes(digest.toHex().data()).decode()[:16]


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None
