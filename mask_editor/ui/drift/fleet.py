"""Every pose whose masks look out of place, worst first: for an admin after a storm."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mask_editor.ui.drift.banner import day_text, shift_text
from mask_editor.ui.platform.i18n import decimal
from mask_editor.workspace.drift import PoseDrift

POSE_ROLE = Qt.ItemDataRole.UserRole + 1


class FleetDialog(QDialog):
    poseChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drift_fleet")
        self.setWindowTitle(self.tr("Poses whose view moved"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Pose"), self.tr("Moved by"), self.tr("Confidence"),
                                   self.tr("Masks drawn on"), self.tr("Masks")])
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def set_reports(self, reports: list[PoseDrift], titles: dict[int, str], bounds: tuple[int, float],
                    threshold: float = 0.005) -> None:
        moved = [r for r in reports if r.exceeds]
        self.tree.clear()
        for report in moved:
            group = report.main
            assert group is not None
            item = QTreeWidgetItem([titles.get(report.pose_id, self.tr("Pose %1").replace("%1", str(report.pose_id))),
                                    shift_text(group.shift.dx, group.shift.dy), decimal(group.shift.confidence, 2),
                                    day_text(group.reference.taken_at), str(len(group.mask_ids))])
            item.setData(0, POSE_ROLE, report.pose_id)
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        if moved:
            # The count that moved is %n: the verb agrees with it ("1 pose a bougé", "2 poses ont bougé").
            self.summary.setText(self.tr("%n of %1 pose(s) with masks moved by more than %2 % of the width since "
                                         "their masks were drawn, worst first. Double-click a pose to open it.",
                                         "", len(moved))
                                 .replace("%1", str(len(reports))).replace("%2", decimal(threshold * 100)))
        else:
            self.summary.setText(self.tr("No pose's view has moved since its masks were drawn (%n pose(s) compared).",
                                         "", len(reports)))
        per_pose, total_mb = bounds
        self.note.setText(self.tr("Compared: each pose's latest image with the image its masks were drawn on. The "
                                  "image history keeps up to %1 images per pose and %2 MB in all, the oldest "
                                  "dropped first (settings: history/per_pose, history/total_mb; the threshold: "
                                  "drift/threshold_percent).")
                          .replace("%1", str(per_pose)).replace("%2", f"{total_mb:g}"))

    def pose_ids(self) -> list[int]:
        return [int(self.tree.topLevelItem(i).data(0, POSE_ROLE)) for i in range(self.tree.topLevelItemCount())]

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        self.poseChosen.emit(int(item.data(0, POSE_ROLE)))
