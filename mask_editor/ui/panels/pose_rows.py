"""One row of the pose list: its data roles, its thumbnail (decoded off the GUI thread) and how it is
drawn (thumbnail, name, second line, badge of changes to sync)."""

from __future__ import annotations

from dataclasses import dataclass

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
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 10  # 0 an organization, 1 a camera, 2 a pose
EXPANDED_ROLE = Qt.ItemDataRole.UserRole + 11  # whether a header row lists its children
ROW_ROLE = Qt.ItemDataRole.UserRole + 12  # a RowLook: everything the delegate draws
INDENT = 14  # logical pixels per depth
ARROW = 12  # the expand arrow of a header row
DRIFT_COLOUR = "#e8871e"
QUIET_MS = 50
THUMB = QSize(64, 36)  # logical pixels; 16:9 like the cameras
# Every row, headers too: uniform heights let the view place 18,000 rows by arithmetic instead of
# asking each row's size (a scroll to a pose far up asked thousands).
POSE_ROW = QSize(THUMB.width() + 160, THUMB.height() + 8)  # thumbnail, two lines of text (elided)


@dataclass(slots=True, frozen=True)
class RowLook:
    """What a row shows. Pose rows: the name under its camera, the second line, the changes to sync,
    the image and the drift mark; header rows: the name, how many it holds, expanded or not."""

    kind: str  # "organization", "camera" or "pose"
    depth: int  # 0, 1, 2
    name: str
    subtitle: str
    pending: int = 0
    image: str | None = None
    drift: str | None = None
    expanded: bool = True


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
        self._asked: list[str] = []  # requested since the list last held still, decoded after it
        self._unreadable: set[str] = set()  # gone from the cache, or not an image
        self.device_pixel_ratio = 1.0
        # Decoding waits until no row asked for a thumbnail for a moment: a worker started during a
        # paint takes the GIL from it, and while keys are typed in the filter (or the list scrolls)
        # each decode and its repaint land between two keys.
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(self._submit)

    def get(self, path: str) -> QPixmap | None:
        if path not in self._cache:
            self._cache[path] = None  # requested
            self._asked.append(path)
            self._quiet.start()
        return self._cache[path]

    def _submit(self) -> None:
        size, asked, self._asked = THUMB * self.device_pixel_ratio, self._asked, []
        for path in asked:
            self._lane.submit(path, lambda p=path: decode_thumbnail(p, size),
                              lambda image, p=path: self._on_done(p, image))

    def unreadable(self, path: str) -> bool:
        return path in self._unreadable

    def _on_done(self, path: str, image: QImage) -> None:
        if image.isNull():
            self._unreadable.add(path)
            self.ready.emit(path)  # its row says "no image" now
            return
        pixmap = QPixmap.fromImage(image)  # QPixmap only on the GUI thread
        pixmap.setDevicePixelRatio(self.device_pixel_ratio)
        self._cache[path] = pixmap
        self.ready.emit(path)

    def stop(self) -> None:
        """Forget the thumbnails not decoded yet and wait for the one being decoded."""
        self._asked.clear()
        self._quiet.stop()
        self._lane.cancel()
        self._lane.wait()


class PoseDelegate(QStyledItemDelegate):
    """Pose rows: thumbnail, 'Pose 2 · 246°', '12 masks', and a badge when changes wait for a sync.
    Header rows: an arrow, the organization's or camera's name, how many it holds. What a row shows
    comes in one data() call (ROW_ROLE): each call is a trip into Python, ~15 per row when asked by
    role (initStyleOption alone asks eight)."""

    def __init__(self, thumbnails: Thumbnails, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        look: RowLook | None = index.data(ROW_ROLE)
        if look is None:
            return
        widget = option.widget
        if widget is not None:  # the row's background: selection, hover
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(4 + INDENT * look.depth, 4, -6, -4)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if look.kind != "pose":
            arrow = QStyleOptionViewItem(option)
            arrow.rect = QRect(rect.left(), rect.top(), ARROW, rect.height())
            arrow.state = option.state | QStyle.StateFlag.State_Children
            if look.expanded:
                arrow.state |= QStyle.StateFlag.State_Open
            if widget is not None:
                widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, arrow, painter, widget)
            self._two_lines(painter, option, rect.adjusted(ARROW + 2, 0, 0, 0), look.name, look.subtitle,
                            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.PlaceholderText))
            painter.restore()
            return
        thumb_rect = QRect(rect.left(), rect.top() + (rect.height() - THUMB.height()) // 2,
                           THUMB.width(), THUMB.height())
        pixmap = self.thumbnails.get(look.image) if look.image else None
        if pixmap is not None:
            # Crop the centre: the thumbnail was decoded a little larger than the box on one side.
            sx = max(pixmap.width() / pixmap.devicePixelRatio() - THUMB.width(), 0) / 2
            sy = max(pixmap.height() / pixmap.devicePixelRatio() - THUMB.height(), 0) / 2
            dpr = pixmap.devicePixelRatio()
            painter.drawPixmap(thumb_rect, pixmap, QRect(int(sx * dpr), int(sy * dpr),
                                                         int(THUMB.width() * dpr), int(THUMB.height() * dpr)))
        else:
            painter.fillRect(thumb_rect, palette.color(QPalette.ColorRole.Mid))
            if not look.image or self.thumbnails.unreadable(look.image):
                painter.setPen(palette.color(QPalette.ColorRole.Light))
                painter.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, self.tr("no image"))
        text_left = thumb_rect.right() + 8
        badge_w = 0
        if look.pending:
            badge = str(look.pending)
            badge_w = painter.fontMetrics().horizontalAdvance(badge) + 12
            badge_rect = QRect(rect.right() - badge_w, rect.top() + (rect.height() - 18) // 2, badge_w, 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fmt.state_colour("edited")))
            painter.drawRoundedRect(badge_rect, 9, 9)
            painter.setPen(QColor("#1b1b1b"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        fg = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        sub, sub_pen = look.subtitle, fg if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        if look.drift:  # the badge carries the changes to sync
            sub = f"{look.drift} · {sub}"  # first: still read when the row is narrow
            if not selected:
                sub_pen = QColor(DRIFT_COLOUR)
        text_rect = QRect(text_left, rect.top(), rect.right() - text_left - badge_w - 6, rect.height())
        self._two_lines(painter, option, text_rect, look.name, sub, fg, sub_pen)
        painter.restore()

    @staticmethod
    def _two_lines(painter: QPainter, option: QStyleOptionViewItem, rect: QRect, name: str, sub: str,
                   name_pen: QColor, sub_pen: QColor) -> None:
        """The name in bold over a second line, both elided, centred in `rect` together."""
        font = option.font
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(name_pen)
        line = painter.fontMetrics().height()
        top = rect.top() + (rect.height() - 2 * line) // 2
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(rect.left(), top, rect.width(), line), left,
                         painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(font)
        painter.setPen(sub_pen)
        painter.drawText(QRect(rect.left(), top + line, rect.width(), line), left,
                         painter.fontMetrics().elidedText(sub, Qt.TextElideMode.ElideRight, rect.width()))
