"""The month view: a 6 × 7 grid of days, each listing the stays on it.

Pressing on one day and releasing on another selects those days (double-click an
empty day for a one-day stay); double-clicking a stay's line opens it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kankei_desktop.services.stay_calendar import StayRow
from kankei_desktop.services.stay_rules import HOLIDAY, SATURDAY, SUNDAY, day_marks, holiday_name
from kankei_desktop.ui.accessibility import STATUS_SYMBOLS
from kankei_desktop.ui.areas.stays.day_cursor import DayCursorKeys
from kankei_desktop.ui.areas.stays.timeline import STATUS_COLOURS, mark_colour
from kankei_desktop.ui.words import more_count, stay_title, weekday_short

HEADER = 24
LINE = 17


class MonthView(DayCursorKeys, QWidget):
    days_selected = Signal(str, date, date)  # host id ("" here), first day, last day
    stay_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stay_month")
        self.setAccessibleName(self.tr("Stays, month view"))
        self.setMinimumSize(560, 360)  # fits the window at its minimum size (1000×560)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard reaches the days (issue 17)
        self._cursor: date | None = None  # the day the keyboard is on
        self._anchor: date | None = None  # Shift+arrows: the other end of the days chosen
        self._pick = 0  # Space: which of the cursor day's stays Enter opens
        self.month_first = date.today().replace(day=1)
        self.today = date.today()
        self._by_day: dict[date, list[StayRow]] = {}
        self._lines: list[tuple[QRect, str]] = []
        self._press: date | None = None
        self._hover: date | None = None
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(8.0, self._font.pointSizeF() * 0.85))

    def grid_first(self) -> date:
        return self.month_first - timedelta(days=self.month_first.weekday())  # weeks start on Monday

    def set_data(self, month_first: date, stays: list[StayRow], today: date | None = None) -> None:
        self.month_first, self.today = month_first, today or date.today()
        first = self.grid_first()
        self._by_day = {first + timedelta(days=i): [] for i in range(42)}
        if self._cursor not in self._by_day:
            self._cursor = self._anchor = None
        for stay in stays:
            day = max(stay.start_on, first)
            while day <= stay.end_on and day in self._by_day:
                self._by_day[day].append(stay)
                day += timedelta(days=1)
        self.update()

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.grid_first()).days
        w, h = self.width() / 7, (self.height() - HEADER) / 6
        return QRect(int((index % 7) * w), int(HEADER + (index // 7) * h), int(w), int(h))

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER:
            return None
        w, h = self.width() / 7, (self.height() - HEADER) / 6
        column, row = int(pos.x() // w), int((pos.y() - HEADER) // h)
        if 0 <= column < 7 and 0 <= row < 6:
            return self.grid_first() + timedelta(days=row * 7 + column)
        return None

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setFont(self._font)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        w = self.width() / 7
        for column in range(7):
            painter.setPen(QColor("#b91c1c") if column == 6 else QColor("#1d4ed8") if column == 5 else QColor("#374151"))
            painter.drawText(QRectF(column * w, 0, w, HEADER), Qt.AlignmentFlag.AlignCenter, weekday_short(column))
        self._lines = []
        low, high = sorted((self._press, self._hover)) if self._press and self._hover else (None, None)
        for day, day_stays in self._by_day.items():
            rect = self.cell_rect(day)
            marks = day_marks(day)
            colour = mark_colour(marks)
            if colour is not None:
                painter.fillRect(rect, colour)
            if day.month != self.month_first.month:
                painter.fillRect(rect, QColor(255, 255, 255, 150))
            if day == self.today:
                painter.fillRect(rect, QColor(250, 204, 21, 70))
            if low and low <= day <= high:
                painter.fillRect(rect, QColor(37, 99, 235, 60))
            painter.setPen(QPen(QColor("#e2e8f0")))
            painter.drawRect(rect)
            painter.setPen(QColor("#b91c1c") if (SUNDAY in marks or HOLIDAY in marks)
                           else QColor("#1d4ed8") if SATURDAY in marks else QColor("#111827"))
            label = str(day.day)
            name = holiday_name(day) if HOLIDAY in marks else None
            if name:
                label += f" {name}"
            painter.drawText(rect.adjusted(4, 2, -2, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
            room = max(0, (rect.height() - LINE - 4) // LINE)
            shown = day_stays if len(day_stays) <= room else day_stays[: max(0, room - 1)]
            for index, stay in enumerate(shown):
                line = QRect(rect.left() + 2, rect.top() + LINE + 2 + index * LINE, rect.width() - 4, LINE - 2)
                fill, edge = STATUS_COLOURS.get(stay.status, ("#e5e7eb", "#6b7280"))
                painter.fillRect(line, QColor(fill))
                painter.setPen(QColor(edge))
                painter.drawText(line.adjusted(3, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                                 f"{STATUS_SYMBOLS.get(stay.status, '')}{stay_title(stay)}")
                self._lines.append((line, stay.id))
            if len(shown) < len(day_stays):
                painter.setPen(QColor("#374151"))
                painter.drawText(QRect(rect.left() + 4, rect.bottom() - LINE, rect.width() - 8, LINE),
                                 Qt.AlignmentFlag.AlignRight, more_count(len(day_stays) - len(shown)))
        self._paint_cursor(painter)
        painter.end()

    # ------------------------------------------------------------ keyboard
    def _paint_cursor(self, painter: QPainter) -> None:
        if self._cursor is None or not self.hasFocus():
            return
        if self._anchor is not None:
            low, high = sorted((self._anchor, self._cursor))
            for day in self._by_day:
                if low <= day <= high:
                    painter.fillRect(self.cell_rect(day), QColor(37, 99, 235, 60))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#1d4ed8"), 2))
        painter.drawRect(self.cell_rect(self._cursor).adjusted(1, 1, -1, -1))
        picked = self.picked_stay()
        if picked is not None:
            for rect, stay_id in self._lines:
                if stay_id == picked and self.cell_rect(self._cursor).contains(rect.center()):
                    painter.setPen(QPen(QColor("#111827"), 2))
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def cursor_day(self) -> date:
        if self._cursor is None:
            self._cursor = self.today if self.today in self._by_day else self.month_first
        return self._cursor

    def set_cursor_day(self, day: date) -> None:
        if day in self._by_day:
            self._cursor, self._anchor, self._pick = day, None, 0
            self.update()

    # DayCursorKeys: the cursor is always on a day of the grid; arrows move a day or a week.
    def has_cursor(self) -> bool:
        return True

    def move_cursor(self, key: Qt.Key, shift: bool) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        day = self.cursor_day()
        target = day + timedelta(days=steps[key])
        if target in self._by_day:
            anchor = (self._anchor or day) if shift else None
            self.set_cursor_day(target)
            self._anchor = anchor

    def cursor_place(self) -> tuple[str, date]:
        return "", self.cursor_day()

    def anchor_day(self) -> date | None:
        return self._anchor

    def stays_at_cursor(self) -> list[StayRow]:
        return self._by_day.get(self.cursor_day(), [])

    def line_center(self, stay_id: str) -> QPoint:
        for rect, line_id in self._lines:
            if line_id == stay_id:
                return rect.center()
        raise KeyError(stay_id)

    def _stay_at(self, pos: QPoint) -> str | None:
        return next((stay_id for rect, stay_id in self._lines if rect.contains(pos)), None)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self._stay_at(pos) is None:
            self._press = self._hover = self.day_at(pos)
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._press:
            day = self.day_at(event.position().toPoint())
            if day and day != self._hover:
                self._hover = day
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._press and event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().toPoint()) or self._hover
            first, last = sorted((self._press, day))
            self._press = self._hover = None
            self.update()
            if first != last:  # one day is a double-click, so a plain click only looks
                self.days_selected.emit("", first, last)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt override)
        pos = event.position().toPoint()
        stay_id = self._stay_at(pos)
        self._press = self._hover = None
        if stay_id:
            self.stay_activated.emit(stay_id)
        elif (day := self.day_at(pos)) is not None:
            self.days_selected.emit("", day, day)
        super().mouseDoubleClickEvent(event)
