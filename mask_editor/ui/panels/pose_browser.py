"""The pose browser: organization > camera > pose, with a thumbnail of each pose's cached image, its
number of masks and a badge for changes not yet synced, plus a filter box.

Thumbnails are decoded at their small size (QImageReader.setScaledSize: JPEG decodes at 1/8 scale
for almost nothing) on a worker thread, only for rows that get painted, and kept in memory.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mask_editor.core.labels import pose_label
from mask_editor.ui.panels.pose_rows import (
    COUNT_ROLE,
    DRIFT_ROLE,
    IMAGE_ROLE,
    KIND_ROLE,
    PENDING_ROLE,
    POSE_ID_ROLE,
    POSE_ROW,
    PULLED_ROLE,
    SHORT_NAME_ROLE,
    SUBTITLE_ROLE,
    PoseDelegate,
    Thumbnails,
)
from mask_editor.workspace import Workspace


class _NameFilter(QSortFilterProxyModel):
    """Keeps rows whose own name or an ancestor's name contains the text, case aside (a camera's
    name shows its poses), and the ancestors of a matching pose. Qt matches in C++ (fixed string,
    recursive, children of accepted rows accepted): a Python call per row cost ~1 s per key typed
    over 16,000 poses."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setAutoAcceptChildRows(True)

    def set_needle(self, text: str) -> None:
        # One reset instead of Qt's incremental update, which removes rows camera by camera and
        # updates every persistent index (the expanded rows) at each removal: 24 s of CPU to hide
        # 14,000 of 16,000 poses. A reset keeps no current row: PoseBrowser puts it back.
        source = self.sourceModel()
        self.setSourceModel(None)
        self.setFilterFixedString(text.strip())
        self.setSourceModel(source)


class PoseBrowser(QWidget):
    poseActivated = Signal(int)  # pose id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.model = QStandardItemModel(self)
        self.proxy = _NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter cameras and poses"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.no_match = QLabel(self)  # an empty tree alone would look like an empty workspace
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.thumbnails = Thumbnails(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(12)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(PoseDelegate(self.thumbnails, self.tree))
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.thumbnails.ready.connect(lambda _path: self.tree.viewport().update())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.tree, 1)
        self._pose_items: dict[int, QStandardItem] = {}
        self._order: list[int] = []
        self._reflecting = False  # select_pose at work: the tree shows a pose, nobody asked to open it
        self._current_pose: int | None = None  # the last pose made current, even if filtered out
        self._shown_counts: dict[int, tuple[int, int, bool]] = {}  # pose id: (masks, pending, pulled)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()
        self.model.clear()
        self._pose_items.clear()
        self._order.clear()
        self._current_pose = None
        self._shown_counts.clear()
        if workspace is None:
            return
        names, images = workspace.organizations(), workspace.pose_image_paths()
        poses_by_camera: dict[int, list] = {}
        for pose in workspace.poses():
            poses_by_camera.setdefault(pose.camera_id, []).append(pose)
        orgs: dict[int, QStandardItem] = {}
        for camera in workspace.cameras():
            org = orgs.get(camera.organization_id)
            if org is None:
                unnamed = self.tr("Organization %1").replace("%1", str(camera.organization_id))
                org = self._item(names.get(camera.organization_id, unnamed),
                                 "organization")
                orgs[camera.organization_id] = org
                self.model.appendRow(org)
            cam = self._item(camera.name, "camera")
            org.appendRow(cam)
            for number, pose in enumerate(poses_by_camera.get(camera.id, []), start=1):
                item = self._item(pose_label(camera.name, pose.id, pose.azimuth), "pose")
                item.setData(pose.id, POSE_ID_ROLE)
                item.setData(pose_label(None, pose.id, pose.azimuth), SHORT_NAME_ROLE)
                # The row's height as data, not a Python sizeHint: Qt asks it of every row between
                # two it scrolls to (16,000 calls into Python to select a pose of a fleet).
                item.setData(POSE_ROW, Qt.ItemDataRole.SizeHintRole)
                image = images.get(pose.id)
                item.setData(str(image) if image else None, IMAGE_ROLE)
                item.setToolTip(self.tr("%s (number %d in the camera's patrol)") % (item.text(), number))
                cam.appendRow(item)
                self._pose_items[pose.id] = item
                self._order.append(pose.id)
        self.refresh_counts()
        self.tree.expandAll()

    @staticmethod
    def _item(text: str, kind: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(kind, KIND_ROLE)
        item.setEditable(False)
        if kind != "pose":
            item.setSelectable(False)
        return item

    def refresh_counts(self) -> None:
        """Re-read mask counts and unsynced changes (one grouped query each)."""
        if self.workspace is None:
            return
        counts = self.workspace.mask_counts()
        pending = {pose_id: sum(c.values()) for pose_id, c in self.workspace.pending_counts().items()}
        pulled = self.workspace.pulled_pose_ids()
        shown = self._shown_counts
        for pose_id, item in self._pose_items.items():
            # Compared in Python first: two item.data() calls per pose cost ~40 ms over a fleet.
            now = (counts.get(pose_id, 0), pending.get(pose_id, 0), pose_id in pulled)
            if shown.get(pose_id) == now:
                continue
            shown[pose_id] = now
            item.setData(now[0], COUNT_ROLE)
            item.setData(now[2], PULLED_ROLE)
            item.setData(self._subtitle(now[0], now[2]), SUBTITLE_ROLE)
            if item.data(PENDING_ROLE) != pending.get(pose_id, 0):
                item.setData(pending.get(pose_id, 0), PENDING_ROLE)
                n = pending.get(pose_id, 0)
                base = item.toolTip().split("\n")[0]
                item.setToolTip(base + "\n" + self.tr("%n change(s) to sync", "", n) if n else base)

    def _subtitle(self, count: int, pulled: bool) -> str:
        """Never a false zero: a pose whose masks were never pulled says so."""
        if pulled:
            return self.tr("%n mask(s)", "", count)
        if count:
            return self.tr("%n mask(s) here, not pulled yet", "", count)
        return self.tr("not pulled yet")

    def refresh_images(self) -> None:
        """Thumbnails for the poses whose image arrived since the list was built."""
        if self.workspace is None:
            return
        images = self.workspace.pose_image_paths()
        for pose_id, item in self._pose_items.items():
            path = str(images[pose_id]) if images.get(pose_id) else None
            if item.data(IMAGE_ROLE) != path:
                item.setData(path, IMAGE_ROLE)

    def set_drift(self, marks: dict[int, str]) -> None:
        """Mark the poses whose view moved (pose id -> short text); the others lose their mark."""
        for pose_id, item in self._pose_items.items():
            text = marks.get(pose_id)
            old = item.data(DRIFT_ROLE)
            if old != text:
                item.setData(text, DRIFT_ROLE)
                lines = [line for line in item.toolTip().split("\n") if not old or line != self._drift_line(old)]
                if text:
                    lines.append(self._drift_line(text))
                item.setToolTip("\n".join(lines))

    def _drift_line(self, mark: str) -> str:
        return self.tr("Since the masks were drawn, the view has %1.", "%1: moved 2.1 %").replace("%1", mark)

    def drift_marks(self) -> dict[int, str]:
        return {p: t for p, item in self._pose_items.items() if (t := item.data(DRIFT_ROLE))}

    def pose_ids(self) -> list[int]:
        """Every pose, in browser order (organization, camera, azimuth)."""
        return list(self._order)

    def pose_text(self, pose_id: int) -> str:
        item = self._pose_items.get(pose_id)
        return item.text() if item else pose_label(None, pose_id, None)

    def index_of(self, pose_id: int) -> QModelIndex:
        """The pose's row in the tree as shown (invalid when unknown or filtered out)."""
        item = self._pose_items.get(pose_id)
        return self.proxy.mapFromSource(item.index()) if item else QModelIndex()

    def select_pose(self, pose_id: int) -> None:
        """Reflect the pose the window opened (made current here, scrolled to), without asking to
        open it again: poseActivated is the user's request, never this echo."""
        self._current_pose = pose_id
        index = self.index_of(pose_id)
        if index.isValid() and self.tree.currentIndex() != index:
            self._reflecting = True
            try:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            finally:
                self._reflecting = False

    def visible_pose_ids(self) -> list[int]:
        return [p for p in self._order if self.proxy.mapFromSource(self._pose_items[p].index()).isValid()]

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pose_id = current.data(POSE_ID_ROLE)
        if pose_id is not None and not self._reflecting:
            self._current_pose = int(pose_id)
            self.poseActivated.emit(int(pose_id))

    def _on_filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self.tree.expandAll()
        needle = text.strip()
        self.no_match.setText(self.tr("No pose matches “%s”.") % needle)
        self.no_match.setVisible(bool(needle) and self.proxy.rowCount() == 0)
        if self._current_pose is not None:  # current again once listed again, not opened again
            self.select_pose(self._current_pose)

    def shutdown(self) -> None:
        self.thumbnails.stop()
