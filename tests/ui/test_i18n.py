"""The window in French and in English: menus, the sync review, an error message, plurals and numbers.

The language is installed as the app does at start-up (ui/window/app.py): from the setting, before the window
is created. conftest puts English back before the next Qt test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mask_editor.ui.platform.i18n import decimal, effective_language, install_language, installed_catalogues
from mask_editor.ui.platform.settings import AppSettings
from tests.ui.window_data import POSE_A, POSE_C, make_workspace, open_window

pytest_plugins = ("tests.ui.window_fixtures",)


@pytest.fixture
def french(qtbot, tmp_path: Path):
    settings = AppSettings(tmp_path / "settings.ini")
    settings.set_language("fr")
    assert install_language(settings.language()) == "fr"
    window, ws = open_window(qtbot, make_workspace(tmp_path / "ws.sqlite"), settings)
    yield window
    window.close()
    ws.close()
    install_language("en")


def answer_modal(qtbot, handle) -> list:
    """Run `handle(dialog)` on the next modal dialog; returns what it returned."""
    seen: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(handle(dialog))

    QTimer.singleShot(0, look)
    return seen


def test_the_menus_are_french(french):
    titles = [a.text() for a in french.menuBar().actions()]
    assert titles[:5] == ["&Fichier", "&Édition", "&Affichage", "&Pose", "Ai&de"]
    a = french.actions
    assert a["undo"].text() == "&Annuler" and a["pull_all"].text() == "Récupérer &tout"
    assert a["sync"].text() == "&Synchroniser maintenant"
    assert "IoU > 0,1" in a["show_zone"].statusTip()
    assert french.menus["View/Language"].title() == "&Langue"
    assert [x.text() for x in french.menus["View/Language"].actions()] == ["Suivre le s&ystème", "&Français",
                                                                           "&English"]


def test_the_panels_and_status_bar_are_french(french):
    assert french.undo_dock.windowTitle() == "Historique des annulations"
    assert french.insight.panel.zone_text.text().startswith("Une détection est ignorée quand son IoU avec un masque "
                                                            "dépasse 0,1")
    french.status.set_pending(1)
    assert french.status.pending.text() == "1 modification à synchroniser"
    french.status.set_pending(3)
    assert french.status.pending.text() == "3 modifications à synchroniser"
    french.status.set_zoom(1.5)
    assert french.status.zoom.text() == "Zoom 150 %"



def test_the_pose_list_and_the_dock_titles_are_french(french):
    from mask_editor.ui.panels.pose_rows import SUBTITLE_ROLE

    browser = french.browser
    assert browser.index_of(POSE_A).data(SUBTITLE_ROLE) == "3 masques ici, pas encore récupérée"
    assert browser.index_of(POSE_C).data(SUBTITLE_ROLE) == "pas encore récupérée"
    assert browser.filter.placeholderText() == "Filtrer les caméras et les poses"
    assert [d.windowTitle() for d in (french.poses_dock, french.masks_dock, french.inspector_dock,
                                      french.timeline_dock)] == ["Poses", "Masques", "Inspecteur", "Chronologie"]
    assert french.mask_panel.count.text() == "3 masques"


def test_undo_steps_of_the_canvas_and_the_table_are_french(french):
    from mask_editor.ui.canvas.keys import nudge_selection

    doc = french.document
    doc.set_selection({1, 2})
    nudge_selection(french.canvas, 1, 0)
    assert doc.undo_stack.undoText() == "Décaler 2 masques"
    french.actions["delete"].trigger()
    assert doc.undo_stack.undoText() == "Supprimer 2 masques"
    doc.undo_stack.undo()
    doc.set_selection({1})
    nudge_selection(french.canvas, 0, 1)
    assert doc.undo_stack.undoText() == "Décaler le masque"


def test_the_shortcuts_window_is_french(french):
    french.actions["shortcuts"].trigger()
    dialog = french.shortcuts_dialog
    try:
        assert dialog.windowTitle() == "Raccourcis clavier"
        headers = [dialog.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
        assert headers == ["Menu", "Action", "Touches"]
        rows = [tuple(dialog.model.index(r, c).data() for c in range(3)) for r in range(dialog.model.rowCount())]
        assert rows[[r[1] for r in rows].index("Supprimer")][:2] == ("Édition", "Supprimer")
        assert ("Image", "Faire défiler l’image", "Glisser avec le bouton du milieu, ou Espace+glisser") in rows
        assert any(r[0] == "Affichage › Langue" for r in rows)
    finally:
        dialog.close()

def test_the_sync_review_speaks_french(french, qtbot):
    """Its buttons from Qt's own catalogue (qtbase_fr.qm); its texts are wrapped in phase 2 of issue #15."""
    from mask_editor.ui.window.session_controller import SessionController
    from mask_editor.ui.window.sync_actions import attach_sync

    attach_sync(french, SessionController(french))

    def look(dialog):
        text = dialog.close_buttons.button(QDialogButtonBox.StandardButton.Close).text()
        dialog.reject()
        return dialog.objectName(), text

    seen = answer_modal(qtbot, look)
    french.actions["sync"].trigger()
    assert seen == [("sync_dialog", "&Fermer")] or seen == [("sync_dialog", "Fermer")]


def test_an_error_message_is_french(french, qtbot, tmp_path):
    from mask_editor.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(french.workspace, french.document.pose_id, french)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Exporter les masques"
    dialog.output.setText(str(tmp_path / ("m" * 300 + ".json")))  # a name too long for the file system

    def look(box):
        words = (box.windowTitle(), box.text())
        box.accept()
        return words

    seen = answer_modal(qtbot, look)
    dialog.do_export()
    assert seen and seen[0][0] == "Export impossible"
    assert "Un fichier déjà présent à cet endroit reste inchangé." in seen[0][1]


@pytest.mark.parametrize(("language", "one", "two"), [("en", "1 mask", "2 masks"), ("fr", "1 masque", "2 masques")])
def test_plurals(qapp, language, one, two):
    install_language(language)
    try:
        assert QCoreApplication.translate("Timeline", "%n mask(s)", "", 1) == one
        assert QCoreApplication.translate("Timeline", "%n mask(s)", "", 2) == two
    finally:
        install_language("en")


def test_numbers_follow_the_language_but_only_for_people(qapp):
    install_language("fr")
    try:
        assert decimal(0.1) == "0,1" and decimal(3840, 0) == "3840"
        assert QLocale().language() == QLocale.Language.French
        assert any(Path(p).name == "qtbase_fr.qm" for p in installed_catalogues())  # the wheel ships it
        assert f"{0.1}" == "0.1"  # Python's formatting (files, the server) is not touched
    finally:
        install_language("en")
    assert decimal(0.1) == "0.1"


def test_system_follows_the_computer():
    assert effective_language("system", QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "fr"
    assert effective_language("system", QLocale(QLocale.Language.German)) == "en"
    assert effective_language("en", QLocale(QLocale.Language.French)) == "en"


def test_the_language_menu_saves_the_choice_for_the_next_start(window, app_settings, qtbot):
    assert window.actions["language_system"].isChecked()

    def look(box):
        text = box.text()
        box.accept()
        return text

    seen = answer_modal(qtbot, look)
    window.actions["language_fr"].trigger()
    assert seen and "next time you start" in seen[0]
    assert window.actions["language_fr"].isChecked()
    assert AppSettings(app_settings.qsettings.fileName()).language() == "fr"
    assert window.actions["undo"].text() == "&Undo"  # applied at restart, not live


@pytest.mark.parametrize(("language", "head", "counts"), [
    ("en", "Sync finished.", "1 created, 2 updated, 0 deleted, 1 change from the server, 2 new conflicts"),
    ("fr", "Synchronisation terminée.", "1 créé, 2 mis à jour, 0 supprimé, 1 modification venue du serveur, "
                                        "2 nouveaux conflits"),
])
def test_a_sync_summary_speaks_the_window_language(qapp, language, head, counts):
    """The window words a sync's outcome itself (the CLI keeps SyncResult.summary(), in English)."""
    from mask_editor.sync import Outcome, SyncResult
    from mask_editor.ui.session.sync_words import sync_summary

    install_language(language)
    try:
        text = sync_summary(SyncResult(Outcome.COMPLETED, created=1, patched=2, taken=1, conflicts=2))
    finally:
        install_language("en")
    first, second = text.splitlines()
    assert first == head and second.startswith(counts)


def test_coordinates_shown_to_a_person_have_a_decimal_comma_in_french(french, qtbot):
    from mask_editor.ui.panels.mask_columns import Col

    doc = french.document
    doc.set_selection({1})
    mask = doc.mask(1)
    assert mask is not None and mask.box is not None
    table = french.mask_panel.view.model()
    row = next(r for r in range(table.rowCount()) if "#1" in table.index(r, Col.ID).data())
    shown = table.index(row, Col.X0).data()
    assert shown == f"{mask.box.xmin:.3f}".replace(".", ",")
    edit = french.inspector.edits["xmin"]
    assert edit.text() == shown
    edit.setText("0,1")  # a French keyboard's comma is read as the decimal mark
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert doc.mask(1).box.xmin == pytest.approx(0.1)
    assert table.index(row, Col.X0).data() == "0,100"
