"""The timeline: rows are hosts and lodgings, columns are days, stays are bars.

Painted with QPainter in one pass (no widget per stay), so a month with
thousands of stays stays quick. Pressing on a day and releasing on another day
of the same row selects those days (to create a stay; double-click an empty day
for a one-day stay); double-clicking a bar opens the stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

from kankei_desktop.services.stay_calendar import StayRow
from kankei_desktop.services.stay_rules import CLOSED, HOLIDAY, SATURDAY, SUNDAY, day_marks
from kankei_desktop.ui.words import stay_title, weekday_short, with_capacity
from kankei_desktop.ui.accessibility import STATUS_SYMBOLS
from kankei_desktop.ui.areas.stays.day_cursor import DayCursorKeys

NAME_WIDTH = 210
HEADER_HEIGHT = 40
LANE_HEIGHT = 22
ROW_PADDING = 4
MIN_DAY_WIDTH = 26

# (fill, edge and text): the text colour reaches 4.5:1 on its fill (WCAG AA), and every bar
# and line starts with the status symbol (accessibility.STATUS_SYMBOLS), never colour alone.
STATUS_COLOURS = {
    "予定": ("#dbeafe", "#1e40af"),
    "確定": ("#93c5fd", "#1e3a8a"),
    "実施済": ("#bbf7d0", "#14532d"),
    "中止": ("#e5e7eb", "#4b5563"),
}
MARK_COLOURS = {
    SUNDAY: QColor("#fde8e8"),
    HOLIDAY: QColor("#fde8e8"),
    SATURDAY: QColor("#e8f0fd"),
    CLOSED: QColor("#f3f0e6"),
}


def mark_colour(marks: set[str]) -> QColor | None:
    for key in (HOLIDAY, SUNDAY, CLOSED, SATURDAY):
        if key in marks:
            return MARK_COLOURS[key]
    return None


@dataclass
class _Row:
    host_id: str
    name: str
    capacity: int | None
    lanes: list[list[StayRow]]
    top: int = 0
    height: int = LANE_HEIGHT + 2 * ROW_PADDING


def _assign_lanes(stays: list[StayRow]) -> list[list[StayRow]]:
    """First-fit lanes so that bars of one row never overlap (stays come sorted by start)."""
    lanes: list[list[StayRow]] = []
    ends: list[date] = []
    for stay in stays:
        for index, end in enumerate(ends):
            if stay.start_on > end:
                lanes[index].append(stay)
                ends[index] = stay.end_on
                break
        else:
            lanes.append([stay])
            ends.append(stay.end_on)
    return lanes or [[]]


class TimelineView(DayCursorKeys, QWidget):
    days_selected = Signal(str, date, date)  # host id, first day, last day
    stay_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stay_timeline")
        self.setAccessibleName(self.tr("Stays, timeline by host"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.first_day = date.today().replace(day=1)
        self.day_count = 31
        self.today = date.today()
        self._rows: list[_Row] = []
        self._bars: list[tuple[QRect, str]] = []
        self._marks: list[set[str]] = []
        self._press: tuple[int, int] | None = None  # (row index, day index)
        self._hover: tuple[int, int] | None = None
        self._cursor: tuple[int, int] | None = None  # (row index, day index) the keyboard is on
        self._anchor: int | None = None  # Shift+arrows: the other day of the range on the cursor's row
        self._pick = 0  # Space: which of the cursor cell's stays Enter opens
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(8.0, self._font.pointSizeF() * 0.9))

    # ------------------------------------------------------------ data
    def set_data(self, first_day: date, day_count: int, rows: list[tuple[str, str, int | None]],
                 stays: list[StayRow], today: date | None = None) -> None:
        self.first_day, self.day_count = first_day, day_count
        self.today = today or date.today()
        by_host: dict[str, list[StayRow]] = {host_id: [] for host_id, _n, _c in rows}
        for stay in stays:
            for host_id in {stay.host_id, stay.lodging_id}:
                if host_id in by_host:
                    by_host[host_id].append(stay)
        self._rows = []
        top = HEADER_HEIGHT
        for host_id, name, capacity in rows:
            row = _Row(host_id, name, capacity, _assign_lanes(by_host[host_id]))
            row.top = top
            row.height = len(row.lanes) * LANE_HEIGHT + 2 * ROW_PADDING
            top += row.height
            self._rows.append(row)
        self._marks = [day_marks(first_day + timedelta(days=i)) for i in range(day_count)]
        self.setMinimumHeight(top + 1)
        if self._cursor is not None and (self._cursor[0] >= len(self._rows) or self._cursor[1] >= day_count):
            self._cursor = self._anchor = None
        self._layout_bars()
        self.updateGeometry()
        self.update()

    def row_ids(self) -> list[str]:
        return [row.host_id for row in self._rows]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(NAME_WIDTH + self.day_count * MIN_DAY_WIDTH, self.minimumHeight())

    # ------------------------------------------------------------ geometry
    def day_width(self) -> float:
        return max(MIN_DAY_WIDTH, (self.width() - NAME_WIDTH) / max(1, self.day_count))

    def day_x(self, index: int) -> float:
        return NAME_WIDTH + index * self.day_width()

    def cell_center(self, host_id: str, day: date) -> QPoint:
        """Where a click lands on this host's row on this day (for tests and keyboard use)."""
        row = next(r for r in self._rows if r.host_id == host_id)
        index = (day - self.first_day).days
        return QPoint(int(self.day_x(index) + self.day_width() / 2), row.top + row.height - 3)

    def _bar_rect(self, stay: StayRow, y: int, day_w: float) -> QRectF | None:
        first = max(0, (stay.start_on - self.first_day).days)
        last = min(self.day_count - 1, (stay.end_on - self.first_day).days)
        if last < first:
            return None
        return QRectF(self.day_x(first) + 1, y + 1, (last - first + 1) * day_w - 2, LANE_HEIGHT - 3)

    def _layout_bars(self) -> None:
        """Where every bar is at the current width, for clicks (a few thousand: plain arithmetic)."""
        day_w = self.day_width()
        first_day, last_index = self.first_day, self.day_count - 1
        bars = []
        for row in self._rows:
            for lane_index, lane in enumerate(row.lanes):
                y = row.top + ROW_PADDING + lane_index * LANE_HEIGHT
                for stay in lane:
                    first = max(0, (stay.start_on - first_day).days)
                    last = min(last_index, (stay.end_on - first_day).days)
                    if last >= first:
                        x = NAME_WIDTH + first * day_w
                        bars.append((QRect(int(x + 1), y + 1, int((last - first + 1) * day_w - 2), LANE_HEIGHT - 3),
                                     stay.id))
        self._bars = bars

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._layout_bars()
        super().resizeEvent(event)

    def bar_center(self, stay_id: str) -> QPoint:
        for rect, bar_id in self._bars:
            if bar_id == stay_id:
                return rect.center()
        raise KeyError(stay_id)

    def _hit(self, pos: QPoint) -> tuple[int, int] | None:
        if pos.x() < NAME_WIDTH or pos.y() < HEADER_HEIGHT:
            return None
        day = int((pos.x() - NAME_WIDTH) // self.day_width())
        if not 0 <= day < self.day_count:
            return None
        for index, row in enumerate(self._rows):
            if row.top <= pos.y() < row.top + row.height:
                return index, day
        return None

    def _bar_at(self, pos: QPoint) -> str | None:
        for rect, stay_id in self._bars:
            if rect.contains(pos):
                return stay_id
        return None

    # ------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setFont(self._font)
        self.paint_into(painter, event.rect())
        self._paint_cursor(painter)
        painter.end()

    def paint_into(self, painter: QPainter, exposed: QRect | None = None) -> None:
        """Paint the part ``exposed`` (in a scroll area: only the rows on screen)."""
        width, height = self.width(), max(self.height(), self.minimumHeight())
        top_y, bottom_y = (exposed.top(), exposed.bottom()) if exposed is not None else (0, height)
        day_w = self.day_width()
        span = bottom_y - top_y + 1
        painter.fillRect(0, top_y, width, span, QColor("#ffffff"))
        grid = QPen(QColor("#e2e8f0"))
        text_pen = QPen(QColor("#1f2937"))
        # day columns: marks, today, header
        for index, marks in enumerate(self._marks):
            x = self.day_x(index)
            day = self.first_day + timedelta(days=index)
            colour = mark_colour(marks)
            if colour is not None:
                painter.fillRect(QRectF(x, top_y, day_w, span), colour)
            if day == self.today:
                painter.fillRect(QRectF(x, top_y, day_w, span), QColor(250, 204, 21, 70))
            painter.setPen(QColor("#b91c1c") if (SUNDAY in marks or HOLIDAY in marks)
                           else QColor("#1d4ed8") if SATURDAY in marks else text_pen.color())
            painter.drawText(QRectF(x, 2, day_w, 18), Qt.AlignmentFlag.AlignCenter, str(day.day))
            painter.drawText(QRectF(x, 19, day_w, 18), Qt.AlignmentFlag.AlignCenter, weekday_short(day.weekday()))
            painter.setPen(grid)
            painter.drawLine(int(x), top_y, int(x), bottom_y)
        painter.setPen(grid)
        painter.drawLine(0, HEADER_HEIGHT - 1, width, HEADER_HEIGHT - 1)
        # rows: names, selection, bars (their places are laid out on data and resize, not here)
        selection = self._selection()
        for index, row in enumerate(self._rows):
            if row.top + row.height < top_y or row.top > bottom_y:
                continue
            painter.setPen(grid)
            painter.drawLine(0, row.top + row.height, width, row.top + row.height)
            painter.setPen(text_pen)
            label = with_capacity(row.name, row.capacity)
            painter.drawText(QRect(6, row.top, NAME_WIDTH - 10, row.height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            if selection and selection[0] == index:
                first, last = selection[1], selection[2]
                painter.fillRect(QRectF(self.day_x(first), row.top, (last - first + 1) * day_w, row.height),
                                 QColor(37, 99, 235, 60))
            for lane_index, lane in enumerate(row.lanes):
                y = row.top + ROW_PADDING + lane_index * LANE_HEIGHT
                for stay in lane:
                    self._paint_bar(painter, stay, y, day_w)

    def _paint_cursor(self, painter: QPainter) -> None:
        if self._cursor is None or not self.hasFocus() or not self._rows:
            return
        row = self._rows[self._cursor[0]]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#1d4ed8"), 2))
        painter.drawRect(QRectF(self.day_x(self._cursor[1]) + 1, row.top + 1, self.day_width() - 2, row.height - 2))
        picked = self.picked_stay()
        for rect, stay_id in self._bars:
            if stay_id == picked and row.top <= rect.center().y() < row.top + row.height:
                painter.setPen(QPen(QColor("#111827"), 2))
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _paint_bar(self, painter: QPainter, stay: StayRow, y: int, day_w: float) -> None:
        rect = self._bar_rect(stay, y, day_w)
        if rect is None:
            return
        fill, edge = STATUS_COLOURS.get(stay.status, ("#e5e7eb", "#6b7280"))
        painter.setPen(QPen(QColor(edge), 1.2))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(edge) if stay.status == "中止" else QColor("#111827"))
        text = f"{STATUS_SYMBOLS.get(stay.status, '')} {stay_title(stay)}".lstrip()
        painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    def _selection(self) -> tuple[int, int, int] | None:
        if self._press is None and self._anchor is not None and self._cursor is not None:
            return self._cursor[0], min(self._anchor, self._cursor[1]), max(self._anchor, self._cursor[1])
        if self._press is None or self._hover is None or self._press[0] != self._hover[0]:
            return None
        return self._press[0], min(self._press[1], self._hover[1]), max(self._press[1], self._hover[1])

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self._bar_at(event.position().toPoint()) is None:
            self._press = self._hover = self._hit(event.position().toPoint())
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._press is not None:
            hit = self._hit(event.position().toPoint())
            if hit and hit[0] == self._press[0] and hit != self._hover:
                self._hover = hit
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            hit = self._hit(event.position().toPoint())
            if hit and hit[0] == self._press[0]:
                self._hover = hit
            selection = self._selection()
            self._press = self._hover = None
            self.update()
            if selection and selection[1] != selection[2]:  # one day is a double-click
                row, first, last = selection
                self.days_selected.emit(
                    self._rows[row].host_id,
                    self.first_day + timedelta(days=first),
                    self.first_day + timedelta(days=last),
                )
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt override)
        pos = event.position().toPoint()
        stay_id = self._bar_at(pos)
        self._press = self._hover = None
        if stay_id:
            self.stay_activated.emit(stay_id)
        elif (hit := self._hit(pos)) is not None:
            day = self.first_day + timedelta(days=hit[1])
            self.days_selected.emit(self._rows[hit[0]].host_id, day, day)
        super().mouseDoubleClickEvent(event)


    # ------------------------------------------------------------ keyboard
    def cursor_cell(self) -> tuple[int, int] | None:
        """(row, day index) of the keyboard cursor: first on today's column of the first row."""
        if self._cursor is None and self._rows:
            today = (self.today - self.first_day).days
            self._cursor = (0, today if 0 <= today < self.day_count else 0)
        return self._cursor

    def set_cursor(self, host_id: str, day: date) -> None:
        row = self.row_ids().index(host_id)
        self._cursor, self._anchor, self._pick = (row, (day - self.first_day).days), None, 0
        self._show_cursor()

    # DayCursorKeys: the cursor is on one host's row and day; arrows move a row or a day.
    def has_cursor(self) -> bool:
        return self.cursor_cell() is not None

    def move_cursor(self, key: Qt.Key, shift: bool) -> None:
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        cell = self.cursor_cell()
        row, day = cell[0] + moves[key][0], cell[1] + moves[key][1]
        if 0 <= row < len(self._rows) and 0 <= day < self.day_count:
            keep_range = shift and moves[key][0] == 0  # a range stays on one row
            anchor = (self._anchor if self._anchor is not None else cell[1]) if keep_range else None
            self._cursor, self._anchor, self._pick = (row, day), anchor, 0
            self._show_cursor()

    def cursor_place(self) -> tuple[str, date] | None:
        cell = self.cursor_cell()
        if cell is None:
            return None
        return self._rows[cell[0]].host_id, self.first_day + timedelta(days=cell[1])

    def anchor_day(self) -> date | None:
        return None if self._anchor is None else self.first_day + timedelta(days=self._anchor)

    def stays_at_cursor(self) -> list[StayRow]:
        cell = self.cursor_cell()
        if cell is None:
            return []
        day = self.first_day + timedelta(days=cell[1])
        return [stay for lane in self._rows[cell[0]].lanes for stay in lane if stay.start_on <= day <= stay.end_on]

    def _show_cursor(self) -> None:
        self.update()
        if self._cursor is None:
            return
        row = self._rows[self._cursor[0]]
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureVisible(int(self.day_x(self._cursor[1])), row.top + row.height // 2, 40, row.height // 2 + 4)


def month_span(month_first: date) -> int:
    next_month = (month_first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (next_month - month_first).days
