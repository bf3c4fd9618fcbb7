"""File > Import legacy masks…: choose legacy JSON files or folders, review the plan, import.

The same planning as `mask-editor import-legacy` (mask_editor.migrate.legacy): the table shows, per file, the
pose it maps to, the boxes to add and what is skipped and why; nothing changes until Import.
An import is not an undo step (like a pull): the boxes become new masks that the next sync sends.

The window calls `run_import_dialog(parent, workspace)` and reloads the returned poses' documents.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mask_editor.migrate.legacy import DEFAULT_TOLERANCE, FilePlan, ImportPlan, apply_import, plan_import
from mask_editor.ui.dialogs.import_words import file_problem, note_text, skip_reason, skipped_summary
from mask_editor.ui.platform.formatting import pose_name
from mask_editor.ui.platform.messages import explain
from mask_editor.ui.platform.read_only import read_only_reason
from mask_editor.workspace import Workspace

COLUMNS = (QT_TRANSLATE_NOOP("ImportDialog", "File"), QT_TRANSLATE_NOOP("ImportDialog", "Camera"),
           QT_TRANSLATE_NOOP("ImportDialog", "Pose"), QT_TRANSLATE_NOOP("ImportDialog", "Found"),
           QT_TRANSLATE_NOOP("ImportDialog", "To add"), QT_TRANSLATE_NOOP("ImportDialog", "Skipped"),
           QT_TRANSLATE_NOOP("ImportDialog", "Why skipped / not imported"))


class ImportDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.paths: list[Path] = []
        self.plan: ImportPlan | None = None
        self.imported_poses: set[int] = set()
        self.setWindowTitle(self.tr("Import legacy masks"))
        self.resize(900, 480)

        intro = QLabel(self.tr("Legacy files are named <site>_<azimuth>.json or <site>_<pose id>.json, the site "
                               "being the camera name without its number (nemours for nemours-01 and "
                               "nemours-02). Their boxes become new masks on the matching poses; the next sync "
                               "sends them. Boxes a pose already has are skipped."), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # <site> is text, not a tag
        intro.setWordWrap(True)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        add_folder.clicked.connect(self.choose_folder)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(lambda: self.set_paths([]))
        self.chosen = QLabel(self.tr("No file chosen."), self)
        pick = QHBoxLayout()
        for widget in (add_files, add_folder, clear):
            pick.addWidget(widget)
        pick.addWidget(self.chosen, 1)

        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0.0, 90.0)
        self.tolerance.setDecimals(1)
        self.tolerance.setSuffix("°")
        self.tolerance.setValue(DEFAULT_TOLERANCE)
        self.tolerance.setToolTip(self.tr("How far a pose's azimuth may be from the one in the file name"))
        self.tolerance.valueChanged.connect(self.replan)
        self.pose = QComboBox(self)
        self.pose.addItem(self.tr("Match each file by its name"), None)
        cameras = {c.id: c.name for c in workspace.cameras()}
        for p in workspace.poses():
            self.pose.addItem(pose_name(cameras.get(p.camera_id), p.id, p.azimuth), p.id)
        self.pose.currentIndexChanged.connect(self.replan)
        options = QFormLayout()
        options.addRow(self.tr("Azimuth tolerance:"), self.tolerance)
        options.addRow(self.tr("Put the boxes on:"), self.pose)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ImportDialog", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        # Rows as tall as their reason: a French sentence is longer and must not be cut.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # --- choosing ---------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Legacy mask files"), "",
                                                self.tr("Legacy masks (*.json)"))
        self.set_paths(self.paths + [Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of legacy mask files"))
        if folder:
            self.set_paths([*self.paths, Path(folder)])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = list(dict.fromkeys(paths))
        names = ", ".join(p.name or str(p) for p in self.paths)
        self.chosen.setText(names or self.tr("No file chosen."))
        self.replan()

    # --- planning and importing -------------------------------------------------------------------

    def replan(self) -> None:
        self.plan = None
        if self.paths:
            try:
                self.plan = plan_import(self.workspace, self.paths, pose_id=self.pose.currentData(),
                                        tolerance=self.tolerance.value())
            except FileNotFoundError as exc:
                self.summary.setText(self.tr("There is no file or folder at %1.").replace("%1", str(exc.filename)))
            except LookupError:
                self.summary.setText(self.tr("The pose chosen is no longer in this workspace."))
        self._fill()

    def _fill(self) -> None:
        files = self.plan.files if self.plan else []
        self.table.setRowCount(len(files))
        for row, f in enumerate(files):
            pose = pose_name(None, f.pose.id, f.pose.azimuth) if f.pose else "—"  # the camera has its column
            why = file_problem(f.trouble) if f.trouble else skipped_summary(f.skipped)
            values = (f.path.name, f.camera.name if f.camera else "—", pose, f.found,
                      len(f.to_add) if f.ok else 0, len(f.skipped), why)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1:
                    item.setToolTip(self._details(f))
                self.table.setItem(row, column, item)
        if self.plan is not None:
            self.summary.setText(self.plan_summary(self.plan))
        elif not self.paths:
            self.summary.setText("")
        can_write = not self.workspace.read_only
        self.import_button.setEnabled(bool(self.plan and self.plan.to_add) and can_write)
        if not can_write:
            self.summary.setText(f"{self.summary.text()} {read_only_reason(self.workspace)}".strip())

    def _details(self, f: FilePlan) -> str:
        """The tooltip: the file's problem, then each skipped entry and each repair, by entry key."""
        lines = [file_problem(f.trouble)] if f.trouble else []
        lines += [self.tr("%1: %2").replace("%2", skip_reason(s)).replace("%1", s.key) for s in f.skipped]
        lines += [self.tr("%1: %2").replace("%2", note_text(n)).replace("%1", key) for key, n in f.repairs]
        return "\n".join(lines)

    def plan_summary(self, plan: ImportPlan) -> str:
        """What Import will do, in whole sentences with each count's own plural."""
        poses, failed, files = len(plan.poses), len(plan.failed), len(plan.files)
        if not plan.to_add:
            text = self.tr("No box to add.")
        elif poses == 1:
            text = self.tr("%n box(es) to add to one pose.", "", plan.to_add)
        else:
            text = self.tr("%n box(es) to add to %1 poses.", "", plan.to_add).replace("%1", str(poses))
        if failed and failed == files:
            text += " " + self.tr("%n file(s) cannot be imported.", "", failed)
        elif failed:
            text += " " + self.tr("%n file(s) of %1 cannot be imported.", "", failed).replace("%1", str(files))
        return text

    def do_import(self) -> None:
        if self.plan is None:
            return
        try:
            done = apply_import(self.workspace, self.plan)
        except Exception as exc:  # the workspace refused (read-only, disk full): say so, keep the dialog
            QMessageBox.warning(self, self.tr("Import failed"),
                                self.tr("Nothing more was imported: %1").replace("%1", explain(exc).text))
            return
        self.imported_poses = {f.pose.id for f in done.files if f.added and f.pose is not None}
        # Stay open on the table, now the record of what was done; the user closes.
        self.summary.setText(self.import_report(done))
        self.plan = None
        self.import_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def import_report(self, done: ImportPlan) -> str:
        added = sum(len(f.added) for f in done.files)
        skipped = sum(len(f.skipped) for f in done.files if f.ok)
        poses = len(self.imported_poses)
        if not added:
            text = self.tr("No mask was imported.")
        elif poses == 1:
            text = self.tr("%n mask(s) imported on one pose.", "", added)
        else:
            text = self.tr("%n mask(s) imported on %1 poses.", "", added).replace("%1", str(poses))
        if skipped:
            text += " " + self.tr("%n box(es) skipped: already on the pose, or unreadable.", "", skipped)
        if done.failed:
            text += " " + self.tr("%n file(s) could not be imported (see the last column).", "", len(done.failed))
        return text + " " + self.tr("The next sync sends the new masks.")


def run_import_dialog(parent: QWidget | None, workspace: Workspace) -> set[int]:
    """Show the dialog; returns the ids of the poses that received masks (empty when cancelled).
    The caller reloads those poses' open documents and the pending counts."""
    dialog = ImportDialog(workspace, parent)
    try:
        dialog.exec()
        return dialog.imported_poses
    finally:
        dialog.deleteLater()
