"""One row of the pose list: its data roles, its thumbnail (decoded off the GUI thread) and how it is
drawn (thumbnail, name, second line, badge of changes to sync)."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from mask_editor.ui.platform import formatting as fmt
from mask_editor.ui.platform.tasks import Lane

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
POSE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
PENDING_ROLE = Qt.ItemDataRole.UserRole + 4
IMAGE_ROLE = Qt.ItemDataRole.UserRole + 5  # path of the cached image, or None
DRIFT_ROLE = Qt.ItemDataRole.UserRole + 6  # "view moved 2.1 %" when the view moved since the masks were drawn
PULLED_ROLE = Qt.ItemDataRole.UserRole + 7  # whether the pose's masks were ever pulled
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 8  # the row's second line: "3 masks", "not pulled yet"
# The name drawn under its camera's row: the same form without the camera, which the parent row shows.
SHORT_NAME_ROLE = Qt.ItemDataRole.UserRole + 9
DRIFT_COLOUR = "#e8871e"
THUMB = QSize(64, 36)  # logical pixels; 16:9 like the cameras
POSE_ROW = QSize(THUMB.width() + 160, THUMB.height() + 8)  # thumbnail, two lines of text (elided)


def decode_thumbnail(path: str, size: QSize) -> QImage:
    """Off the GUI thread: a null image when unreadable (the row keeps its placeholder)."""
    reader = QImageReader(path)
    source = reader.size()
    if source.isValid():
        reader.setScaledSize(source.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    return reader.read()


class Thumbnails(QObject):
    """In-memory thumbnails by image path, decoded off the GUI thread (one at a time, as tasks of
    ui/platform/tasks.py) on first request."""

    ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane(self)  # decoding is quick; keep the other core for the UI
        self._cache: dict[str, QPixmap | None] = {}
        self._asked: list[str] = []  # requested during this paint, decoded after it
        self.device_pixel_ratio = 1.0

    def get(self, path: str) -> QPixmap | None:
        if path not in self._cache:
            self._cache[path] = None  # requested
            if not self._asked:  # a worker started now would take the GIL from the paint in progress
                QTimer.singleShot(0, self, self._submit)
            self._asked.append(path)
        return self._cache[path]

    def _submit(self) -> None:
        size, asked, self._asked = THUMB * self.device_pixel_ratio, self._asked, []
        for path in asked:
            self._lane.submit(path, lambda p=path: decode_thumbnail(p, size),
                              lambda image, p=path: self._on_done(p, image))

    def _on_done(self, path: str, image: QImage) -> None:
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)  # QPixmap only on the GUI thread
        pixmap.setDevicePixelRatio(self.device_pixel_ratio)
        self._cache[path] = pixmap
        self.ready.emit(path)

    def stop(self) -> None:
        """Forget the thumbnails not decoded yet and wait for the one being decoded."""
        self._asked.clear()
        self._lane.cancel()
        self._lane.wait()


class PoseDelegate(QStyledItemDelegate):
    """Pose rows: thumbnail, 'Pose 2 · 246°', '12 masks', and a badge when changes wait for a sync."""

    def __init__(self, thumbnails: Thumbnails, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(KIND_ROLE) != "pose":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        fg = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = opt.rect.adjusted(4, 4, -6, -4)
        thumb_rect = QRect(rect.left(), rect.top() + (rect.height() - THUMB.height()) // 2,
                           THUMB.width(), THUMB.height())
        path = index.data(IMAGE_ROLE)
        pixmap = self.thumbnails.get(path) if path else None
        painter.save()
        if pixmap is not None:
            # Crop the centre: the thumbnail was decoded a little larger than the box on one side.
            sx = max(pixmap.width() / pixmap.devicePixelRatio() - THUMB.width(), 0) / 2
            sy = max(pixmap.height() / pixmap.devicePixelRatio() - THUMB.height(), 0) / 2
            dpr = pixmap.devicePixelRatio()
            painter.drawPixmap(thumb_rect, pixmap, QRect(int(sx * dpr), int(sy * dpr),
                                                         int(THUMB.width() * dpr), int(THUMB.height() * dpr)))
        else:
            painter.fillRect(thumb_rect, palette.color(QPalette.ColorRole.Mid))
            if not path:
                painter.setPen(palette.color(QPalette.ColorRole.Light))
                painter.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, self.tr("no image"))
        text_left = thumb_rect.right() + 8
        pending = int(index.data(PENDING_ROLE) or 0)
        badge_w = 0
        if pending:
            badge = str(pending)
            badge_w = painter.fontMetrics().horizontalAdvance(badge) + 12
            badge_rect = QRect(rect.right() - badge_w, rect.top() + (rect.height() - 18) // 2, badge_w, 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fmt.state_colour("edited")))
            painter.drawRoundedRect(badge_rect, 9, 9)
            painter.setPen(QColor("#1b1b1b"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        text_rect = QRect(text_left, rect.top(), rect.right() - text_left - badge_w - 6, rect.height())
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(fg)
        line = painter.fontMetrics().height()
        top = text_rect.top() + (text_rect.height() - 2 * line) // 2
        painter.drawText(QRect(text_rect.left(), top, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(index.data(SHORT_NAME_ROLE) or text,
                                                          Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.setFont(opt.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        sub = index.data(SUBTITLE_ROLE) or ""  # the badge carries the changes to sync
        if drift := index.data(DRIFT_ROLE):
            sub = f"{drift} · {sub}"  # first: still read when the row is narrow
            if not selected:
                painter.setPen(QColor(DRIFT_COLOUR))
        painter.drawText(QRect(text_rect.left(), top + line, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(sub, Qt.TextElideMode.ElideRight,
                                                          text_rect.width()))
        painter.restore()
