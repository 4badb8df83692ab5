"""Calendar events as an iCalendar (.ics) file: takes values, writes bytes (``services.stay_ics`` gathers).

One all-day VEVENT per event. DTEND is the day *after* the last day (RFC 5545 treats an all-day
end as exclusive), so a stay of 11/27–11/29 shows on three days. UID, SEQUENCE, CREATED,
LAST-MODIFIED and DTSTAMP come from the record, so exporting twice without a change gives the
same bytes, and a change raises SEQUENCE. What Outlook and Google do with a second file is in
``docs/stays.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io.files import write_bytes_atomically

UID_DOMAIN = "kankei-desktop.local"
STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")


class IcsExportError(KankeiError):
    pass


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    first_day: date
    last_day: date  # included
    summary: str
    description: str
    location: str
    status: str  # one of STATUSES
    sequence: int  # raised on every change of the record
    created: datetime
    last_modified: datetime


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def build_calendar(events: Iterable[CalendarEvent], *, name: str = "関係人口デスク 滞在予定") -> bytes:
    from icalendar import Calendar, Event  # loaded on export only

    calendar = Calendar()
    calendar.add("prodid", "-//Kankei Desktop//関係人口デスク//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in events:
        if item.status not in STATUSES:
            raise ValueError(f"status {item.status!r}")
        event = Event()
        event.add("uid", item.uid)
        # No METHOD property: then DTSTAMP is when the information last changed (RFC 5545 3.8.7.2), not the file time.
        event.add("dtstamp", _utc(item.last_modified))
        event.add("created", _utc(item.created))
        event.add("last-modified", _utc(item.last_modified))
        event.add("sequence", item.sequence)
        event.add("dtstart", item.first_day)
        event.add("dtend", item.last_day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        event.add("status", item.status)
        event.add("transp", "TRANSPARENT")  # a guest's stay does not make the coordinator busy
        calendar.add_component(event)
    return calendar.to_ical()


def write_atomically(path: Path, content: bytes) -> None:
    write_bytes_atomically(path, content, IcsExportError)
