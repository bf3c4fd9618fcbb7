"""The pose browser's rows: organizations, cameras and poses as one flat list in browser order, read
from the workspace into plain Python lists once. Qt asks data() only for the rows it paints.

Why flat, and why a QStringListModel underneath: a view lays out every listed row at each change
(index, rowCount, flags per row). Answered from Python, that is ~100 ms for a fleet's 18,000 rows;
a QStringListModel answers them in C++ (~3 ms) and only data() is ours. A tree would also make Qt
walk and re-expand 2,000 cameras after each filter; here a camera's poses follow its row, and a
collapsed camera is one left out of the listing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt

from mask_editor.ui.panels.pose_order import poses_by_camera
from mask_editor.ui.panels.pose_rows import (
    COUNT_ROLE,
    DEPTH_ROLE,
    DRIFT_ROLE,
    EXPANDED_ROLE,
    IMAGE_ROLE,
    KIND_ROLE,
    PENDING_ROLE,
    POSE_ID_ROLE,
    POSE_ROW,
    PULLED_ROLE,
    ROW_ROLE,
    SHORT_NAME_ROLE,
    SUBTITLE_ROLE,
    RowLook,
)
from mask_editor.ui.platform.formatting import pose_namer
from mask_editor.workspace import Workspace

Counts = tuple[int, int, bool]  # masks, changes to sync, pulled at least once
NO_COUNTS: Counts = (0, 0, False)




@dataclass(slots=True)
class Row:
    kind: str  # "organization", "camera" or "pose"
    key: int  # its organization's, camera's or pose's id
    text: str  # as listed: "brison", "brison · pose 11 · 246°"
    parents: tuple[int, ...]  # the rows of its organization and camera
    short: str = ""  # a pose's name under its camera's row: "pose 11 · 246°"
    number: int = 0  # a pose's place in its camera's patrol; a camera's poses, an organization's cameras


def workspace_rows(workspace: Workspace) -> list[Row]:
    """Organization > camera > pose, cameras by name, poses by azimuth (the workspace's order)."""
    names = workspace.organizations()
    pose_name = pose_namer()
    grouped = poses_by_camera(workspace)
    rows: list[Row] = []
    orgs: dict[int, int] = {}  # organization id: its row
    for camera_id, organization_id, name in workspace.camera_listing():
        org = orgs.get(organization_id)
        if org is None:
            unnamed = QCoreApplication.translate("PoseList", "Organization %1").replace("%1", str(organization_id))
            org = orgs[organization_id] = len(rows)
            rows.append(Row("organization", organization_id, names.get(organization_id, unnamed), ()))
        rows[org].number += 1
        camera = len(rows)
        poses = grouped.get(camera_id, [])
        rows.append(Row("camera", camera_id, name, (org,), number=len(poses)))
        for number, (pose_id, azimuth) in enumerate(poses, start=1):
            rows.append(Row("pose", pose_id, pose_name(name, pose_id, azimuth), (org, camera),
                            pose_name(None, pose_id, azimuth), number))
    return rows


class PoseList(QStringListModel):
    """The rows listed (those the filter keeps, less the poses of collapsed cameras) and, per pose,
    its counts, image and drift mark. The string list holds the listed rows' texts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._texts: list[str] = []  # per row, its text
        self._up: list[int] = []  # per row, its parent's row (-1 for an organization)
        self._keys: list[str] = []  # per row, what the filter searches: its text and its parents', case folded
        self._listed: list[int] = []  # rows listed, ascending
        self._matched: list[int] = []  # rows the filter keeps, collapsed or not
        self._row_of: dict[int, int] = {}  # pose id: its row
        self._needle = ""
        self.collapsed: set[int] = set()  # header rows whose children are not listed
        self.counts: dict[int, Counts] = {}
        self.images: dict[int, str] = {}  # pose id: its cached image's SHA-256
        self._image_path: Callable[[str], Path] | None = None
        self._paths: dict[str, str] = {}  # SHA-256: its file, as asked (16,000 Paths up front: ~60 ms)
        self.drift: dict[int, str] = {}  # pose id: "moved 2.1 %"

    def set_rows(self, rows: list[Row], image_path: Callable[[str], Path] | None) -> None:
        """List these rows; headers collapsed before stay collapsed. `image_path` finds an image's
        file from its SHA-256 (the workspace's image cache)."""
        collapsed = {(self.rows[i].kind, self.rows[i].key) for i in self.collapsed}
        self.rows = rows
        self._texts = [row.text for row in rows]
        self._up = [row.parents[-1] if row.parents else -1 for row in rows]
        keys = self._keys = []
        for row, up in zip(rows, self._up, strict=True):
            # Its parent's key, a line break, its own name: a needle (one line) matches one name, never two.
            keys.append(f"{keys[up]}\n{row.text.casefold()}" if up >= 0 else row.text.casefold())
        self._row_of = {row.key: i for i, row in enumerate(rows) if row.kind == "pose"}
        self.collapsed = {i for i, row in enumerate(rows) if row.kind != "pose" and (row.kind, row.key) in collapsed}
        self._image_path = image_path
        self._paths.clear()
        self._listed = []  # other rows: listed again even where the row numbers are the same
        self._relist(self._match())

    def forget_poses(self) -> None:
        """Another workspace: no counts, images, marks or collapsed headers carried over."""
        self.collapsed.clear()
        self.counts, self.images, self.drift = {}, {}, {}

    # --- what is listed --------------------------------------------------------------------------

    def set_needle(self, text: str) -> None:
        """Keep the rows whose name, or a parent's, contains the text (case aside), and their parents."""
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        # Typing a key narrows the last match: search only what it kept.
        narrower = needle.startswith(self._needle) and bool(self._needle)
        self._needle = needle
        self._relist(self._match(self._matched if narrower else None))

    def toggle(self, row: int) -> None:
        """Collapse or expand the listed header row (organization or camera)."""
        header = self._listed[row]
        if header in self.collapsed:
            self.collapsed.discard(header)
        else:
            self.collapsed.add(header)
        self._relist(self._matched)
        self.dataChanged.emit(self.index(row), self.index(row), [EXPANDED_ROLE, ROW_ROLE])  # its arrow

    def expand_to(self, pose_id: int) -> None:
        """List the pose if a collapsed header hides it."""
        row = self._row_of.get(pose_id)
        if row is not None and self.collapsed.intersection(self.rows[row].parents):
            self.collapsed.difference_update(self.rows[row].parents)
            self._relist(self._matched)

    def _match(self, among: list[int] | None = None) -> list[int]:
        needle, keys = self._needle, self._keys
        if not needle:
            return list(range(len(keys)))
        candidates = range(len(keys)) if among is None else among
        hits = [i for i in candidates if needle in keys[i]]
        if len(hits) == len(candidates):
            return list(candidates)  # a parent is among them already
        up = self._up
        parents = set(map(up.__getitem__, hits))  # the cameras (or organizations) of the rows found
        kept = parents.union(hits, map(up.__getitem__, parents))  # ... and their organizations
        kept.discard(-1)
        return sorted(kept)  # 18,000 rows: ~3 ms in all

    def _relist(self, matched: list[int]) -> None:
        self._matched = matched
        if self.collapsed:
            hidden = self.collapsed
            matched = [i for i in matched if hidden.isdisjoint(self.rows[i].parents)]
        if matched == self._listed and self.rowCount() == len(matched):
            return  # "c", "ca", "cam" keep every row of a fleet whose cameras are "cam-...": nothing to redo
        self._listed = matched
        texts = self._texts
        self.setStringList([texts[i] for i in matched])  # one reset

    def index_of(self, pose_id: int) -> QModelIndex:
        """The pose's listed row (invalid when unknown or not listed)."""
        row = self._row_of.get(pose_id)
        if row is None:
            return QModelIndex()
        at = bisect_left(self._listed, row)
        return self.index(at) if at < len(self._listed) and self._listed[at] == row else QModelIndex()

    def header_of(self, listed: int) -> QModelIndex:
        """The listed row of the camera (or organization) of the listed row `listed`."""
        parents = self.rows[self._listed[listed]].parents
        if not parents:
            return QModelIndex()
        return self.index(bisect_left(self._listed, parents[-1]))  # a parent of a listed row is listed

    def pose_ids(self) -> list[int]:
        return [row.key for row in self.rows if row.kind == "pose"]

    def matched_pose_ids(self) -> list[int]:
        """The poses the filter keeps, collapsed cameras' too."""
        rows = self.rows
        return [rows[i].key for i in self._matched if rows[i].kind == "pose"]

    def pose_text(self, pose_id: int) -> str | None:
        row = self._row_of.get(pose_id)
        return self.rows[row].text if row is not None else None

    # --- per pose --------------------------------------------------------------------------------

    def update_poses(self, field: dict[int, Any], values: dict[int, Any], pose_ids: list[int] | None = None,
                     roles: tuple[int, ...] = ()) -> None:
        """Set `field` (counts, images or drift) for `pose_ids` (all when None) from `values`; the rows
        whose value changed are repainted (one notification for many)."""
        changed = []
        for pose_id in self._row_of if pose_ids is None else pose_ids:
            value = values.get(pose_id)
            if field.get(pose_id) != value:
                if value is None:
                    field.pop(pose_id, None)
                else:
                    field[pose_id] = value
                changed.append(pose_id)
        if len(changed) > 64:  # a pull's or a sync's worth: repaint them all rather than look each up
            shown = [0, len(self._listed) - 1]
        else:
            shown = [index.row() for index in map(self.index_of, changed) if index.isValid()]
        if shown and self._listed:
            self.dataChanged.emit(self.index(min(shown)), self.index(max(shown)), list(roles))

    # --- what Qt asks ----------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._listed):
            return None
        listed = self._listed[index.row()]
        row = self.rows[listed]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == KIND_ROLE:
            return row.kind
        if role == DEPTH_ROLE:
            return len(row.parents)
        if role == ROW_ROLE:
            return self._look(row, listed)
        if role == Qt.ItemDataRole.SizeHintRole:
            return POSE_ROW
        if row.kind != "pose":
            return self._header_data(row, listed, role)
        pose_id = row.key
        count, pending, pulled = self.counts.get(pose_id, NO_COUNTS)
        if role == POSE_ID_ROLE:
            return pose_id
        if role == SHORT_NAME_ROLE:
            return row.short
        if role == SUBTITLE_ROLE:
            return self._subtitle(count, pulled)
        if role == COUNT_ROLE:
            return count
        if role == PENDING_ROLE:
            return pending
        if role == PULLED_ROLE:
            return pulled
        if role == IMAGE_ROLE:
            return self._file(pose_id)
        if role == DRIFT_ROLE:
            return self.drift.get(pose_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, pending)
        return None

    def _look(self, row: Row, listed: int) -> RowLook:
        if row.kind != "pose":
            return RowLook(row.kind, len(row.parents), row.text, self._header_data(row, listed, SUBTITLE_ROLE),
                           expanded=listed not in self.collapsed)
        count, pending, pulled = self.counts.get(row.key, NO_COUNTS)
        return RowLook("pose", 2, row.short, self._subtitle(count, pulled), pending, self._file(row.key),
                       self.drift.get(row.key))

    def _file(self, pose_id: int) -> str | None:
        sha = self.images.get(pose_id)
        if sha is None or self._image_path is None:
            return None
        path = self._paths.get(sha)
        if path is None:
            path = self._paths[sha] = str(self._image_path(sha))
        return path

    def _header_data(self, row: Row, listed: int, role: int) -> Any:
        if role == SUBTITLE_ROLE:
            if row.kind == "camera":
                return self.tr("%n pose(s)", "", row.number)
            return self.tr("%n camera(s)", "", row.number)
        if role == EXPANDED_ROLE:
            return listed not in self.collapsed
        return None

    def _tooltip(self, row: Row, pending: int) -> str:
        """Built when asked: the name, its place in the patrol, its changes to sync, the drift mark."""
        lines = [self.tr("%s (number %d in the camera's patrol)")
                 % (row.text, row.number)]
        if pending:
            lines.append(self.tr("%n change(s) to sync", "", pending))
        if mark := self.drift.get(row.key):
            lines.append(self.tr("Since the masks were drawn, the view has %1.",
                                                    "%1: moved 2.1 %").replace("%1", mark))
        return "\n".join(lines)

    def _subtitle(self, count: int, pulled: bool) -> str:
        """Never a false zero: a pose whose masks were never pulled says so."""
        if pulled:
            return self.tr("%n mask(s)", "", count)
        if count:
            return self.tr("%n mask(s) here, not pulled yet", "", count)
        return self.tr("not pulled yet")
