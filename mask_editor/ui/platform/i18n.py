"""The language of the window: the app's catalogue, Qt's own, and the locale numbers are shown in.

Installed once at start-up, before any widget exists (ui/window/app.py); a change of the setting applies at
the next start. The locale is for what a person reads (a decimal comma in French): what goes to the server
or into files never goes through QLocale.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mask_editor.resources import resource
from mask_editor.ui.platform.settings import LANGUAGES  # the setting's values: "system", "fr", "en"

_CATALOGUE = "mask_editor_{lang}.qm"  # in resources/translations/ (`make translations` builds them)

# Qt's own words that the qtbase_fr.qm shipped with PySide6 lacks (Qt 6 renamed them), seen in the file dialog:
# our catalogue carries them, and is asked when Qt's answers nothing.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)

# Installed translators must outlive this call: QCoreApplication keeps no reference of its own.
_installed: list[QTranslator] = []


def effective_language(setting: str, system: QLocale | None = None) -> str:
    """"fr" or "en": the setting, or for "system" French when the system's language is French."""
    if setting in LANGUAGES and setting != "system":
        return setting
    system = system or QLocale.system()
    return "fr" if system.language() == QLocale.Language.French else "en"


def display_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The system's locale when it speaks `language` (keeps fr_CA or en_GB conventions), else France or
    the United States."""
    system = system or QLocale.system()
    wanted = QLocale.Language.French if language == "fr" else QLocale.Language.English
    if system.language() == wanted or (language == "en" and system.language() == QLocale.Language.C):
        return system  # "C" (servers, tests) already writes numbers the English way
    country = QLocale.Country.France if language == "fr" else QLocale.Country.UnitedStates
    return QLocale(wanted, country)


def catalogue_path(language: str) -> str:
    return str(resource("translations", _CATALOGUE.format(lang=language)))


def install_language(setting: str, app: QCoreApplication | None = None) -> str:
    """Install the translators and the default locale for `setting`; returns the language in effect.

    English loads the plural-only catalogue ("1 mask", "2 masks"); French adds Qt's own qtbase_fr.qm so
    standard buttons and dialogs (OK, Cancel, the file dialog) speak French too. A missing file leaves the
    source text, never an error."""
    app = app or QCoreApplication.instance()
    language = effective_language(setting)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(display_locale(language))
    _number_locale.cache_clear()
    files = [catalogue_path(language)]
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append(f"{qt_dir}/qtbase_{language}.qm")
    for path in files:
        translator = QTranslator(app)
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return language


def installed_catalogues() -> list[str]:
    """The files of the translators in use (the About box and the tests read them)."""
    return [t.filePath() for t in _installed]


@functools.cache
def _number_locale() -> QLocale:
    """The display locale as decimal() writes numbers: made once per language (a table paint writes ~50)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)  # "3840", not "3 840"
    return locale


def decimal(value: float, digits: int = 1) -> str:
    """A number for a person, in the display language ("0,5" in French). Never for files or the server."""
    return _number_locale().toString(float(value), "f", digits)
