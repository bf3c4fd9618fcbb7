"""File > Export…: a pose's or a camera's masks as legacy JSON, a PNG mask, or a CSV/JSON table.

The same exports as `mask-editor export` (mask_editor.migrate.export), with the same file names. The window
calls `run_export_dialog(parent, workspace, pose_id=<current pose>)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mask_editor.migrate.export import (
    ExportError,
    ExportFormat,
    ExportProblem,
    ExportResult,
    export_camera,
    export_pose,
)
from mask_editor.ui.platform.formatting import pose_name
from mask_editor.ui.platform.messages import file_error_text
from mask_editor.workspace import PoseRow, Workspace

FORMATS = (
    (ExportFormat.LEGACY_JSON, QT_TRANSLATE_NOOP("ExportDialog", "Legacy JSON (the old mask files)")),
    (ExportFormat.PNG, QT_TRANSLATE_NOOP("ExportDialog", "PNG mask (white = masked)")),
    (ExportFormat.CSV, QT_TRANSLATE_NOOP("ExportDialog", "CSV table")),
    (ExportFormat.JSON, QT_TRANSLATE_NOOP("ExportDialog", "JSON table")),
)
SUFFIX = {ExportFormat.LEGACY_JSON: "json", ExportFormat.PNG: "png", ExportFormat.CSV: "csv", ExportFormat.JSON: "json"}


class ExportDialog(QDialog):
    def __init__(self, workspace: Workspace, pose_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.pose_id = pose_id
        self.result: ExportResult | None = None
        pose = workspace.pose(pose_id)
        if pose is None:
            raise ValueError(f"no pose {pose_id} in the workspace")
        self.camera_id = pose.camera_id
        camera = workspace.camera(pose.camera_id)
        self.camera_name = camera.name if camera else self.tr("camera %1").replace("%1", str(pose.camera_id))
        self.setWindowTitle(self.tr("Export masks"))

        name = pose_name(camera.name if camera else None, pose.id, pose.azimuth)
        self.this_pose = QRadioButton(self.tr("This pose: %1").replace("%1", name), self)
        count = len([p for p in workspace.poses(pose.camera_id) if p.active])
        self.whole_camera = QRadioButton(
            self.tr("All %n pose(s) of {camera}, one file each, into a folder", "", count).format(
                camera=self.camera_name), self)
        self.this_pose.setChecked(True)
        self.format = QComboBox(self)
        for fmt, label in FORMATS:
            self.format.addItem(self.tr(label), fmt)
        self.scale = QDoubleSpinBox(self)
        self.scale.setRange(1.0, 100.0)
        self.scale.setDecimals(0)
        self.scale.setValue(100.0)
        self.scale.setSuffix(" %")
        self.scale.setToolTip(self.tr("PNG size as a percentage of the pose image"))
        self.output = QLineEdit(self)
        self.output.setPlaceholderText(self.tr("Where to write"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.choose_output)
        where = QHBoxLayout()
        where.addWidget(self.output, 1)
        where.addWidget(browse)
        note = QLabel(self.tr("Masks deleted here are not exported; masks in conflict are exported as you have them."),
                      self)
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("PNG size:"), self.scale)
        form.addRow(self.tr("Output:"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.do_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.this_pose)
        layout.addWidget(self.whole_camera)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        for signal in (self.format.currentIndexChanged, self.this_pose.toggled, self.output.textChanged):
            signal.connect(self._update)
        self._update()

    @property
    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format.currentData())  # Qt hands the enum back as a plain str

    def _update(self, *_args: object) -> None:
        self.scale.setEnabled(self.chosen_format is ExportFormat.PNG)
        self.export_button.setEnabled(bool(self.output.text().strip()))

    def choose_output(self) -> None:
        if self.whole_camera.isChecked():
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the exported files"))
            if folder:
                self.output.setText(folder)
            return
        suffix = SUFFIX[self.chosen_format]
        default = f"{self.camera_name}_{self.pose_id}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), default,
            self.tr("{kind} files (*.{suffix})").format(kind=suffix.upper(), suffix=suffix))
        if path:
            self.output.setText(path)

    def do_export(self) -> None:
        output = Path(self.output.text().strip()).expanduser()
        scale = self.scale.value() if self.chosen_format is ExportFormat.PNG else 100.0
        try:
            if self.whole_camera.isChecked():
                self.result = export_camera(self.workspace, self.camera_id, self.chosen_format, output, scale)
            else:
                self.result = export_pose(self.workspace, self.pose_id, self.chosen_format, output, scale)
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), export_problem_text(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), self.tr(
                "The file could not be written: %1 Any previous file there is unchanged.").replace(
                "%1", file_error_text(exc)))
            return
        self.accept()


def export_problem_text(error: ExportError) -> str:
    """Why the export cannot be made, in the window's language (migrate.export keeps the CLI's English)."""
    translate = QCoreApplication.translate
    kind, path = error.kind, str(error.path or "")
    if kind is ExportProblem.NO_POSE:
        return translate("ExportDialog", "There is no pose %1 in this workspace.").replace("%1", str(error.target))
    if kind is ExportProblem.NO_CAMERA:
        return translate("ExportDialog", "There is no camera %1 in this workspace.").replace("%1", str(error.target))
    if kind is ExportProblem.BAD_SCALE:
        return translate("ExportDialog", "The PNG size must be more than 0 % and at most 100 % of the image.")
    if kind is ExportProblem.NO_IMAGE and len(error.poses) == 1:
        return translate("ExportDialog", "%1 has no image in this workspace, so its size is unknown: open it once "
                                         "while online (or pull) to fetch the image, then export again.").replace(
            "%1", _named(error.camera, error.poses[0]))
    if kind is ExportProblem.NO_IMAGE:
        return ExportCounts().missing_images(error)
    if kind is ExportProblem.OUTPUT_IS_FOLDER:
        return translate("ExportDialog", "%1 is a folder: give a file name for this pose's export.").replace(
            "%1", path)
    if kind is ExportProblem.NO_FOLDER:
        return translate("ExportDialog", "The folder %1 does not exist.").replace("%1", path)
    if kind is ExportProblem.OUTPUT_IS_FILE:
        return translate("ExportDialog", "%1 is a file: give a folder for the camera's export (one file per "
                                         "pose).").replace("%1", path)
    return translate("ExportDialog", "Camera %1 has no active pose in this workspace.").replace("%1", error.camera)


def _named(camera: str | None, pose: PoseRow) -> str:
    return pose_name(camera or None, pose.id, pose.azimuth)


class ExportCounts(QObject):
    """The counts as Qt plurals: lupdate makes a plural entry from self.tr(text, "", n) only."""

    def missing_images(self, error: ExportError) -> str:
        names = QLocale().createSeparatedList([_named(None, p) for p in error.poses])
        return self.tr("%n pose(s) of %1 have no image in this workspace (%2), so their size is unknown: open "
                       "them once while online (or pull) to fetch the images, then export again.", "",
                       len(error.poses)).replace("%2", names).replace("%1", error.camera)


def run_export_dialog(parent: QWidget | None, workspace: Workspace, pose_id: int) -> ExportResult | None:
    """Show the dialog for the pose on screen (the camera option exports its siblings too); returns
    what was written, or None when cancelled."""
    dialog = ExportDialog(workspace, pose_id, parent)
    try:
        dialog.exec()
        return dialog.result
    finally:
        dialog.deleteLater()
