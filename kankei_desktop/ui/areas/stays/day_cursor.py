"""The keyboard of the two stay calendars (timeline and month view), written once.

Both keep a cursor on one day (the timeline: on one host's row), and the keys mean the same:
arrows move it (Shift+arrows keep the other end of a range of days), Space picks the next
stay under it, Enter opens that stay, or turns the range or the day into a new stay
(Shift+Enter: always a new stay), Esc drops the range. A view says how its arrows move and
where its cursor is; this mixin does the rest. It goes before ``QWidget`` in the bases.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class DayCursorKeys:
    """Keys, Enter and focus painting for a view with ``days_selected(host id, first, last)``
    and ``stay_activated(stay id)`` signals, ``_anchor`` (None: no range) and ``_pick``."""

    # ------------------------------------------------------------ what each view says
    def has_cursor(self) -> bool:
        """Whether the keys have something to act on (the view may place its cursor now)."""
        raise NotImplementedError

    def move_cursor(self, key: Qt.Key, shift: bool) -> None:
        """An arrow key: move the cursor; ``shift`` keeps the range's other end."""
        raise NotImplementedError

    def cursor_place(self) -> tuple[str, date] | None:
        """(host id, or "" in the month view; day) of the cursor."""
        raise NotImplementedError

    def anchor_day(self) -> date | None:
        """The other end of the range chosen with Shift+arrows, if any."""
        raise NotImplementedError

    def stays_at_cursor(self) -> list:
        """The stays under the cursor, in the order Space steps through them."""
        raise NotImplementedError

    # ------------------------------------------------------------ shared
    def picked_stay(self) -> str | None:
        stays = self.stays_at_cursor()
        return stays[self._pick % len(stays)].id if stays else None

    def activate_cursor(self, new: bool = False) -> None:
        """Enter: the days chosen with Shift+arrows become a new stay; else the cursor's stay
        opens (Space picks another), or a one-day stay is made (Shift+Enter: always)."""
        place = self.cursor_place()
        if place is None:
            return
        host_id, day = place
        anchor = self.anchor_day()
        if anchor is not None and anchor != day:
            first, last = sorted((anchor, day))
            self._anchor = None
            self.update()
            self.days_selected.emit(host_id, first, last)
            return
        stay_id = None if new else self.picked_stay()
        if stay_id:
            self.stay_activated.emit(stay_id)
        else:
            self.days_selected.emit(host_id, day, day)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        ready = self.has_cursor()
        if ready and key in ARROWS:
            self.move_cursor(key, shift)
            return
        if ready and key == Qt.Key.Key_Space:
            self._pick += 1
            self.update()
            return
        if ready and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_cursor(new=shift)
            return
        if key == Qt.Key.Key_Escape and self._anchor is not None:
            self._anchor = None
            self.update()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override): the cursor shows only with focus
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.update()
        super().focusOutEvent(event)
