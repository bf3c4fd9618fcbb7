"""The pose browser: organization > camera > pose, with a thumbnail of each pose's cached image, its
number of masks and a badge for changes not yet synced, plus a filter box.

The rows are a flat list (ui/panels/pose_list.py) drawn as a tree: a header row per organization and
camera, a click on one (or Left / Right) collapses or expands it. Thumbnails are decoded at their small
size (QImageReader.setScaledSize: JPEG decodes at 1/8 scale for almost nothing) on a worker thread,
only for rows that get painted, and kept in memory.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.panels.pose_list import PoseList, workspace_rows
from mask_editor.ui.panels.pose_rows import (
    COUNT_ROLE,
    DRIFT_ROLE,
    EXPANDED_ROLE,
    IMAGE_ROLE,
    KIND_ROLE,
    PENDING_ROLE,
    POSE_ID_ROLE,
    PULLED_ROLE,
    SUBTITLE_ROLE,
    PoseDelegate,
    Thumbnails,
)
from mask_editor.ui.platform.formatting import pose_name
from mask_editor.workspace import Workspace


class _PoseTree(QTreeView):
    """The flat list shown as a tree: header rows are never selected (a click makes one current, as
    a tree's unselectable parents; PoseBrowser collapses it, and handles Left / Right)."""

    def selectionCommand(self, index: QModelIndex | QPersistentModelIndex,
                         event: QEvent | None = None) -> QItemSelectionModel.SelectionFlag:
        if index.isValid() and index.data(KIND_ROLE) != "pose":
            return QItemSelectionModel.SelectionFlag.Clear
        return super().selectionCommand(index, event)


class PoseBrowser(QWidget):
    poseActivated = Signal(int)  # pose id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.model = PoseList(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter cameras and poses"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.no_match = QLabel(self)  # an empty tree alone would look like an empty workspace
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.thumbnails = Thumbnails(self)
        self.tree = _PoseTree(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)  # the header rows draw their own arrows
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(PoseDelegate(self.thumbnails, self.tree))
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.installEventFilter(self)
        self.thumbnails.ready.connect(lambda _path: self.tree.viewport().update())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.tree, 1)
        self._reflecting = False  # select_pose at work: the tree shows a pose, nobody asked to open it
        self._current_pose: int | None = None  # the last pose made current, even if filtered out

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the workspace's poses (again, after a camera refresh: collapsed cameras and marks
        stay). Their counts come with refresh_counts, which the window calls next."""
        if workspace is not self.workspace:
            self.model.forget_poses()
            self._current_pose = None
        self.workspace = workspace
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()
        self.model.set_rows(workspace_rows(workspace) if workspace is not None else [],
                            workspace.images.path_for if workspace is not None else None)
        if workspace is None:
            return
        self.refresh_images()
        if self.filter.text().strip():
            self._on_filter(self.filter.text())

    def refresh_counts(self, pose_ids: set[int] | None = None) -> None:
        """Re-read the mask counts and the changes to sync: of `pose_ids`, or of every pose (one
        grouped query each)."""
        ws = self.workspace
        if ws is None:
            return
        only = sorted(pose_ids) if pose_ids is not None else None
        counts = ws.mask_counts(only)
        pending = {pose_id: sum(c.values()) for pose_id, c in ws.pending_counts(only).items()}
        pulled = ws.pulled_pose_ids(only)
        now = {pose_id: (counts.get(pose_id, 0), pending.get(pose_id, 0), pose_id in pulled)
               for pose_id in (self.model.pose_ids() if only is None else only)}
        self.model.update_poses(self.model.counts, now, only,
                                (COUNT_ROLE, PENDING_ROLE, PULLED_ROLE, SUBTITLE_ROLE, Qt.ItemDataRole.ToolTipRole))

    def refresh_images(self) -> None:
        """Thumbnails for the poses whose image arrived since the list was built."""
        if self.workspace is None:
            return
        self.model.update_poses(self.model.images, self.workspace.pose_image_shas(), roles=(IMAGE_ROLE,))

    def set_drift(self, marks: dict[int, str]) -> None:
        """Mark the poses whose view moved (pose id -> short text); the others lose their mark."""
        self.model.update_poses(self.model.drift, marks, roles=(DRIFT_ROLE, Qt.ItemDataRole.ToolTipRole))

    def drift_marks(self) -> dict[int, str]:
        return dict(self.model.drift)

    def pose_ids(self) -> list[int]:
        """Every pose, in browser order (organization, camera, azimuth)."""
        return self.model.pose_ids()

    def pose_text(self, pose_id: int) -> str:
        return self.model.pose_text(pose_id) or pose_name(None, pose_id, None)

    def index_of(self, pose_id: int) -> QModelIndex:
        """The pose's row in the tree as shown (invalid when unknown or filtered out)."""
        return self.model.index_of(pose_id)

    def select_pose(self, pose_id: int) -> None:
        """Reflect the pose the window opened (made current here, scrolled to, its camera expanded),
        without asking to open it again: poseActivated is the user's request, never this echo."""
        self._current_pose = pose_id
        self.model.expand_to(pose_id)
        self._show_current()

    def _show_current(self) -> None:
        index = self.index_of(self._current_pose) if self._current_pose is not None else QModelIndex()
        if index.isValid() and self.tree.currentIndex() != index:
            self._reflecting = True
            try:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            finally:
                self._reflecting = False

    def visible_pose_ids(self) -> list[int]:
        """The poses the filter keeps, in browser order (those of collapsed cameras too)."""
        return self.model.matched_pose_ids()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pose_id = current.data(POSE_ID_ROLE)
        if pose_id is not None and not self._reflecting:
            self._current_pose = int(pose_id)
            self.poseActivated.emit(int(pose_id))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) != "pose":
            self._toggle(index)

    def _toggle(self, header: QModelIndex) -> None:
        """Collapse or expand: the header stays current, the pose on screen selected where listed."""
        row = header.row()
        self.model.toggle(row)  # a reset: no current row, no selection (the scroll stays)
        selection = self.tree.selectionModel()
        selection.setCurrentIndex(self.model.index(row), QItemSelectionModel.SelectionFlag.NoUpdate)
        shown = self.index_of(self._current_pose) if self._current_pose is not None else QModelIndex()
        if shown.isValid():
            selection.select(shown, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            current = self.tree.currentIndex()
            if current.isValid() and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
                return self._step_out_or_in(current, event.key() == Qt.Key.Key_Right)
        return super().eventFilter(watched, event)

    def _step_out_or_in(self, current: QModelIndex, right: bool) -> bool:
        """As in a tree: Left collapses a header or goes to a pose's camera, Right expands a header."""
        if current.data(KIND_ROLE) == "pose":
            if not right:
                self.tree.setCurrentIndex(self.model.header_of(current.row()))
            return True
        if bool(current.data(EXPANDED_ROLE)) != right:
            self._toggle(current)
        return True

    def _on_filter(self, text: str) -> None:
        self.model.set_needle(text)
        needle = text.strip()
        nothing = bool(needle) and self.model.rowCount() == 0
        if nothing:
            self.no_match.setText(self.tr("No pose matches “%s”.") % needle)
        self.no_match.setVisible(nothing)
        self._show_current()  # current again once listed again, not opened again

    def shutdown(self) -> None:
        self.thumbnails.stop()
