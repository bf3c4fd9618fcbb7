"""The reasons the lower layers give, worded by the window in French (issue #15): the legacy import's skipped
boxes and refused files, export errors, an unknown azimuth, network and workspace errors, a sync's failures.
The lower layers keep the command line's English (ADR 0004); these tests hold both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from mask_editor.api.errors import NetworkFailure, Unreachable
from mask_editor.migrate.export import ExportError, ExportFormat, export_camera, export_pose
from mask_editor.migrate.legacy import plan_import
from mask_editor.sync import Outcome, SyncResult
from mask_editor.sync.result import MaskFailure, PoseFailure
from mask_editor.ui.platform.i18n import install_language
from mask_editor.workspace import CameraRow, PoseRow, Workspace, WorkspaceBusy
from mask_editor.workspace.sync_rows import Op
from tests.cli.helpers import LEGACY, build_workspace
from tests.ui.test_i18n import answer_modal

ENGLISH_WORDS = (" the ", "box", "already", "file ", "cannot", "pose id", "--pose")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = build_workspace(tmp_path / "ws.sqlite")
    yield workspace
    workspace.close()


@pytest.fixture
def french(qapp):
    assert install_language("fr") == "fr"
    yield
    install_language("en")


def legacy_folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "legacy"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(LEGACY / name, folder / name)
    return folder


def import_dialog(qtbot, ws: Workspace, paths: list[Path]):
    from mask_editor.ui.dialogs.import_legacy import ImportDialog

    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.set_paths(paths)
    return dialog


def why_column(dialog) -> dict[str, tuple[str, str]]:
    """File name -> (the last column's text, its tooltip)."""
    last = dialog.table.columnCount() - 1
    return {dialog.table.item(r, 0).text(): (dialog.table.item(r, last).text(), dialog.table.item(r, last).toolTip())
            for r in range(dialog.table.rowCount())}


def test_the_import_dialog_words_skipped_boxes_and_refused_files_in_french(french, ws, qtbot, tmp_path):
    folder = legacy_folder(tmp_path, "nemours_246.json", "moussy_90.json", "unknown_45.json", "brison_200.json",
                           "nemours_110.json")
    dialog = import_dialog(qtbot, ws, [folder])
    why = why_column(dialog)
    assert why["moussy_90.json"][0] == "1 cadre déjà sur la pose"
    assert "la pose a déjà ce cadre (masque n° 1, pas encore synchronisé)" in why["moussy_90.json"][1]
    assert why["nemours_246.json"][0] == ("1 entrée illisible : le cadre a une largeur ou une hauteur nulle ; "
                                          "1 doublon dans le fichier")
    assert "même cadre que l’entrée 2025-06-06 12:23:45 de ce fichier" in why["nemours_246.json"][1]
    assert "les valeurs hors de [0, 1] ont été ramenées dans l’image" in why["nemours_246.json"][1]
    assert why["unknown_45.json"][0] == ("Aucune caméra nommée unknown-NN dans cet espace de travail : récupérez la "
                                         "liste des caméras, ou choisissez la pose dans « Mettre les cadres sur ».")
    assert why["brison_200.json"][0].startswith("Le fichier ne peut pas être importé : ce n’est pas du JSON valide "
                                                "(ligne ")
    assert why["nemours_110.json"][0] == (
        "Ambigu : les poses 3 (nemours-01 à 100°) et 4 (nemours-01 à 120°) sont aussi proches l’une que l’autre de "
        "l’azimut 110. Choisissez la pose dans « Mettre les cadres sur ».")
    for text, tip in why.values():
        assert not any(word in f"{text} {tip}" for word in ENGLISH_WORDS), (text, tip)
    assert dialog.summary.text() == ("5 cadres à ajouter sur 2 poses. 3 fichiers sur 5 ne peuvent pas être "
                                     "importés.")
    dialog.do_import()
    assert dialog.summary.text().startswith("5 masques importés sur 2 poses. 3 cadres ignorés")


def test_the_import_summary_and_reasons_are_plural_correct_for_one_and_two(french, ws, qtbot, tmp_path):
    one = import_dialog(qtbot, ws, [legacy_folder(tmp_path, "moussy_90.json", "unknown_45.json")])
    assert one.summary.text() == "1 cadre à ajouter sur une pose. 1 fichier sur 2 ne peut pas être importé."

    twice = tmp_path / "twice"
    twice.mkdir()
    box = [0.3, 0.3, 0.4, 0.4]
    (twice / "nemours_240.json").write_text(json.dumps({
        "2025-01-01 00:00:00": box, "2025-01-01 00:00:01": box, "2025-01-01 00:00:02": box,
        "2025-01-01 00:00:03": [0.5, 0.5, 0.5, 0.6], "2025-01-01 00:00:04": [0.6, 0.5, 0.6, 0.7]}))
    (twice / "nemours_110.json").write_text(json.dumps({"2025-01-01 00:00:00": box}))
    (twice / "unknown_45.json").write_text(json.dumps({"2025-01-01 00:00:00": box}))
    two = import_dialog(qtbot, ws, [twice])
    assert why_column(two)["nemours_240.json"][0] == ("2 entrées illisibles : le cadre a une largeur ou une hauteur "
                                                     "nulle ; 2 doublons dans le fichier")
    assert two.summary.text() == "1 cadre à ajouter sur une pose. 2 fichiers sur 3 ne peuvent pas être importés."


def test_the_import_summary_is_plural_correct_in_english_too(qapp, ws, qtbot, tmp_path):
    dialog = import_dialog(qtbot, ws, [legacy_folder(tmp_path, "moussy_90.json", "unknown_45.json")])
    assert dialog.summary.text() == "1 box to add to one pose. 1 file of 2 cannot be imported."
    assert why_column(dialog)["moussy_90.json"][0] == "1 box already on the pose"
    plan = plan_import(ws, [tmp_path / "legacy"])  # the command line's words stay English (ADR 0004)
    assert plan.files[0].skipped[0].reason == "the pose already has this box (mask #1, not synced yet)"
    assert plan.files[1].problem.startswith("no camera named unknown-NN in this workspace (pull or refresh")


def test_a_read_only_workspace_says_so_in_french_in_the_import_dialog(french, ws, qtbot, tmp_path):
    path = ws.path
    ws.close()
    read_only = Workspace(path, read_only=True)
    try:
        dialog = import_dialog(qtbot, read_only, [legacy_folder(tmp_path, "moussy_90.json")])
        assert not dialog.import_button.isEnabled()
        assert dialog.summary.text().endswith("Cet espace de travail est ouvert en lecture seule : vous pouvez "
                                              "consulter les masques mais pas les modifier.")
    finally:
        read_only.close()


def export_error(run) -> ExportError:
    with pytest.raises(ExportError) as caught:
        run()
    return caught.value


def test_export_errors_are_french(french, ws, tmp_path):
    from mask_editor.ui.dialogs.export import export_problem_text

    one = export_error(lambda: export_pose(ws, 1, ExportFormat.PNG, tmp_path / "p.png"))
    assert export_problem_text(one) == (
        "nemours-01 · pose 1 · 240° n’a pas d’image dans cet espace de travail, sa taille est donc inconnue : "
        "ouvrez-la une fois en ligne (ou récupérez-la) pour télécharger l’image, puis exportez de nouveau.")
    assert str(one).startswith("nemours-01 · pose 1 · 240° has no image")  # the command line's
    several = export_error(lambda: export_camera(ws, 1, ExportFormat.PNG, tmp_path / "out"))
    assert export_problem_text(several).startswith("4 poses de nemours-01 n’ont pas d’image dans cet espace de "
                                                   "travail (pose 3 · 100°, pose 4 · 120°, pose 1 · 240° et "
                                                   "pose 2 · 358°), leur taille")
    folder = export_error(lambda: export_pose(ws, 1, ExportFormat.CSV, tmp_path))
    assert export_problem_text(folder) == f"{tmp_path} est un dossier : donnez un nom de fichier pour l’export de " \
                                          "cette pose."
    assert export_problem_text(export_error(lambda: export_pose(ws, 99, ExportFormat.CSV, tmp_path / "x.csv"))) == \
        "Il n’y a pas de pose 99 dans cet espace de travail."


def test_the_export_dialog_shows_its_error_in_french(french, ws, qtbot, tmp_path):
    from mask_editor.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(ws, 1)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "missing" / "pose.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.CSV))

    def look(box: QMessageBox):
        words = (box.windowTitle(), box.text())
        box.accept()
        return words

    seen = answer_modal(qtbot, look)
    dialog.do_export()
    assert seen == [("Export impossible", f"Le dossier {tmp_path / 'missing'} n’existe pas.")]


def test_an_unknown_azimuth_is_french_in_dialogs_and_pose_list_english_for_commands(french, tmp_path, qtbot):
    from mask_editor.core.labels import pose_label
    from mask_editor.ui.dialogs.export import ExportDialog
    from mask_editor.ui.platform.formatting import azimuth_words, pose_name

    ws = Workspace(tmp_path / "unknown.sqlite")
    try:
        ws.save_cameras([CameraRow(1, 1, "brison")], [PoseRow(11, 1, None, patrol_id=1, active=True)])
        assert pose_name("brison", 11, None) == "brison · pose 11 · azimut inconnu"
        assert azimuth_words(246.5) == "246,5°"
        assert pose_label("brison", 11, None) == "brison · pose 11 · unknown azimuth"  # the CLI's
        dialog = import_dialog(qtbot, ws, [])
        assert "brison · pose 11 · azimut inconnu" in [dialog.pose.itemText(i) for i in range(dialog.pose.count())]
        export = ExportDialog(ws, 11)
        qtbot.addWidget(export)
        assert export.this_pose.text() == "Cette pose : brison · pose 11 · azimut inconnu"
        from mask_editor.ui.panels.pose_list import workspace_rows
        pose_row = next(row for row in workspace_rows(ws) if row.kind == "pose")
        assert (pose_row.text, pose_row.short) == ("brison · pose 11 · azimut inconnu", "pose 11 · azimut inconnu")
    finally:
        ws.close()


def test_errors_from_below_are_whole_french_sentences(french, tmp_path):
    from mask_editor.ui.platform.messages import explain

    offline = explain(Unreachable(NetworkFailure.REFUSED), server="https://api.example.org")
    assert offline.text.startswith("Le serveur https://api.example.org est injoignable (la connexion a été "
                                   "refusée). Vous pouvez continuer à travailler")
    assert explain(Unreachable(NetworkFailure.READ_TIMEOUT)).text.startswith(
        "Le serveur est injoignable (délai dépassé en attendant la réponse).")
    busy = explain(WorkspaceBusy("already open", tmp_path / "ws.sqlite"))
    assert busy.text == (f"Cet espace de travail est déjà ouvert dans une autre fenêtre ou commande mask_editor "
                         f"({tmp_path / 'ws.sqlite'}). Fermez-le d’abord là-bas.")


def test_a_sync_failure_is_worded_in_french(french):
    from mask_editor.ui.session.sync_words import sync_summary

    result = SyncResult(Outcome.INCOMPLETE, failed=[MaskFailure(4, 7, Op.CREATE, "Invalid mask format.")],
                        pose_failures=[PoseFailure(5, "the server could not be reached: timed out waiting for the "
                                                      "answer", Unreachable(NetworkFailure.READ_TIMEOUT))])
    lines = sync_summary(result).splitlines()
    assert lines[2] == "Pose 4, masque 7 (création) : Invalid mask format."  # the server's own words
    assert lines[3].startswith("Pose 5 : Le serveur est injoignable (délai dépassé en attendant la réponse).")
    assert QApplication.instance() is not None


def test_a_silenced_wildfire_and_a_grid_step_are_french(french):
    from datetime import datetime

    from mask_editor.sync.detections import WildfireHit
    from mask_editor.ui.platform.formatting import WildfireWords, number_words

    words = WildfireWords()
    assert words.sentence(WildfireHit((3, 4), datetime(2026, 5, 1, 12, 0), 17)) == (
        "2 masques (#3 et #4) feraient ignorer un vrai feu détecté le 2026-05-01 12:00 UTC (séquence 17) : la "
        "caméra resterait muette devant une telle fumée à cet endroit.")
    assert words.sentence(WildfireHit((3,), datetime(2026, 5, 1, 12, 0), 17)).startswith("1 masque (#3) ferait")
    assert number_words(3.84) == "3,84"


def test_a_suspicious_mask_text_is_explained_in_french(french):
    from mask_editor.core.codec import parse_mask
    from mask_editor.ui.platform.formatting import note_words

    reading = parse_mask("[0.5,0.4,0.2,0.1]\n")
    assert [note_words(n) for n in reading.notes] == [
        "a des espaces autour (un saut de ligne final, par exemple)", "utilise des crochets au lieu de parenthèses",
        "a ses coins inversés"]
    assert note_words(parse_mask("(0.1,0.2,0.3)").notes[-1]) == "a 3 valeurs au lieu de 4"
    assert note_words(parse_mask("(0.1,0.2,0.1004,0.3)").notes[-1]).startswith("est trop étroit pour être enregistré")
    assert parse_mask("[0.5,0.4,0.2,0.1]").notes[0] == "uses square brackets instead of parentheses"  # the CLI's
