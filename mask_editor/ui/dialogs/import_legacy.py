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

from mask_editor.core.labels import pose_label
from mask_editor.migrate.legacy import (
    DEFAULT_TOLERANCE,
    POSE_HINT,
    REFRESH_HINT,
    TOLERANCE_HINT,
    ImportPlan,
    apply_import,
    plan_import,
)
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
            self.pose.addItem(pose_label(cameras.get(p.camera_id), p.id, p.azimuth), p.id)
        self.pose.currentIndexChanged.connect(self.replan)
        options = QFormLayout()
        options.addRow(self.tr("Azimuth tolerance:"), self.tolerance)
        options.addRow(self.tr("Put the boxes on:"), self.pose)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ImportDialog", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
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
            except (FileNotFoundError, LookupError, ValueError) as exc:
                self.summary.setText(str(exc))
        self._fill()

    def _fill(self) -> None:
        files = self.plan.files if self.plan else []
        self.table.setRowCount(len(files))
        for row, f in enumerate(files):
            pose = pose_label(None, f.pose.id, f.pose.azimuth) if f.pose else "—"  # the camera has its column
            why = self._window_words(f.problem) or "; ".join(sorted({s.reason for s in f.skipped}))
            values = (f.path.name, f.camera.name if f.camera else "—", pose, f.found,
                      len(f.to_add) if f.ok else 0, len(f.skipped), why)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1:
                    reasons = [f"{s.key}: {s.reason}" for s in f.skipped]
                    item.setToolTip("\n".join([self._window_words(f.problem), *reasons, *f.notes]).strip())
                self.table.setItem(row, column, item)
        if self.plan is not None:
            self.summary.setText(self.tr("{boxes} boxes to add to {poses} poses. {failed} of {files} files "
                                         "cannot be imported.").format(
                boxes=self.plan.to_add, poses=len(self.plan.poses), failed=len(self.plan.failed), files=len(files)))
        elif not self.paths:
            self.summary.setText("")
        can_write = self.workspace.read_only_reason is None
        self.import_button.setEnabled(bool(self.plan and self.plan.to_add) and can_write)
        if not can_write:
            self.summary.setText(f"{self.summary.text()} {self.workspace.read_only_reason}".strip())

    def do_import(self) -> None:
        if self.plan is None:
            return
        try:
            done = apply_import(self.workspace, self.plan)
        except Exception as exc:  # the workspace refused (read-only, disk full): say so, keep the dialog
            QMessageBox.warning(self, self.tr("Import failed"),
                                self.tr("Nothing more was imported: %1").replace("%1", str(exc)))
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
        text = self.tr("Imported %1 on %2.").replace("%1", self.tr("%n mask(s)", "", added)).replace(
            "%2", self.tr("%n pose(s)", "", len(self.imported_poses)))
        if skipped:
            text += " " + self.tr("%n box(es) skipped: already on the pose, or unreadable.", "", skipped)
        if done.failed:
            text += " " + self.tr("%n file(s) could not be imported (see the last column).", "", len(done.failed))
        return text + " " + self.tr("The next sync sends the new masks.")

    def _window_words(self, problem: str | None) -> str:
        """A planning problem with the window's way out in place of the command line's options."""
        if not problem:
            return ""
        for cli, window in ((TOLERANCE_HINT, self.tr('choose the pose under "Put the boxes on", or widen '
                                                     'the azimuth tolerance')),
                            (REFRESH_HINT, self.tr('pull the camera list, or choose the pose under "Put the '
                                                   'boxes on"')),
                            (POSE_HINT, self.tr('choose the pose under "Put the boxes on"'))):
            problem = problem.replace(cli, window)
        return problem


def run_import_dialog(parent: QWidget | None, workspace: Workspace) -> set[int]:
    """Show the dialog; returns the ids of the poses that received masks (empty when cancelled).
    The caller reloads those poses' open documents and the pending counts."""
    dialog = ImportDialog(workspace, parent)
    try:
        dialog.exec()
        return dialog.imported_poses
    finally:
        dialog.deleteLater()
