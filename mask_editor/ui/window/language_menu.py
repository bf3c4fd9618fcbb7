"""View › Language: the choice is saved and applies at the next start (the window says so).

Live retranslation would mean every widget re-setting its texts on LanguageChange; a restart is the clean way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from mask_editor.ui.platform.settings import LANGUAGES, AppSettings


def attach_language_menu(window: QWidget, actions: dict[str, QAction], settings: AppSettings) -> None:
    group = QActionGroup(window)
    for language in LANGUAGES:
        action = actions[f"language_{language}"]
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, lang=language: choose(window, settings, lang))
    actions[f"language_{settings.language()}"].setChecked(True)


def choose(window: QWidget, settings: AppSettings, language: str) -> None:
    if language == settings.language():
        return
    settings.set_language(language)
    settings.sync()
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(
        window, QCoreApplication.translate("LanguageMenu", "Language"),
        QCoreApplication.translate(
            "LanguageMenu", "The new language applies the next time you start mask editor. "
            "Nothing else changes until then."))
