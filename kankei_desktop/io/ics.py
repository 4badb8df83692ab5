"""Stays as an iCalendar (.ics) file that Outlook and Google Calendar import.

One all-day VEVENT per stay. DTEND is the day *after* the last day (RFC 5545
treats an all-day end as exclusive), so a stay of 11/27–11/29 shows on three
days. The UID is the stay's id, so importing a newer file updates the same
events instead of adding copies.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services.stay_calendar import StayRow, stays_between

UID_DOMAIN = "kankei-desktop.local"


class IcsExportError(KankeiError):
    pass


def _description(row: StayRow) -> str:
    lines = [
        f"期間: {display_date(row.start_on)}〜{display_date(row.end_on)}（{row.kind}）",
        f"状態: {row.status}",
        f"参加者: {'、'.join(name + ' 様' for name in row.person_names) or '—'}",
    ]
    if row.host_name:
        lines.append(f"受入先: {row.host_name}")
    if row.lodging_name:
        lines.append(f"宿泊先: {row.lodging_name}")
    if row.programme_name:
        lines.append(f"プログラム: {row.programme_name}")
    if row.purpose:
        lines.append(f"目的: {row.purpose}")
    if row.notes:
        lines.append(f"メモ: {row.notes}")
    return "\n".join(lines)


def build_calendar(rows: Iterable[StayRow], *, stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event  # loaded on export only

    stamp = stamp or datetime.now(timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", "-//Kankei Desktop//関係人口デスク//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "関係人口デスク 滞在予定")
    for row in rows:
        event = Event()
        event.add("uid", f"stay-{row.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.start_on)
        event.add("dtend", row.end_on + timedelta(days=1))
        summary = row.title()
        if row.purpose:
            summary += f"「{row.purpose}」"
        if row.status == "中止":
            summary = "【中止】" + summary
        event.add("summary", summary)
        event.add("description", _description(row))
        place = row.lodging_name or row.host_name
        if place:
            event.add("location", place)
        event.add("status", "CANCELLED" if row.status == "中止" else "CONFIRMED" if row.status != "予定" else "TENTATIVE")
        event.add("transp", "TRANSPARENT")  # a guest's stay does not make the coordinator busy
        calendar.add_component(event)
    return calendar.to_ical()


def write_stays_ics(
    session: Session,
    path: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    programme_id: str | None = None,
    host_id: str | None = None,
    include_cancelled: bool = False,
) -> int:
    """Write the stays (optionally filtered) to ``path``; returns the number of events."""
    rows = stays_between(
        session, start, end, programme_id=programme_id, host_id=host_id, include_cancelled=include_cancelled
    )
    _write_atomically(Path(path), build_calendar(rows))
    return len(rows)


def _write_atomically(path: Path, content: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise IcsExportError(f"フォルダー「{folder}」がありません。")
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".ics", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temp_name, path)
    except PermissionError:
        raise IcsExportError(
            f"「{path.name}」に書き込めません。ほかのアプリで開いていれば閉じてから、もう一度お試しください。"
        ) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)


def export_for_cli(session: Session, out_path, args) -> str:
    """``kankei-desktop export --what stays --out FILE.ics``: the ``export`` command's delegate."""
    count = write_stays_ics(session, Path(out_path))
    return f"{count:,} 件の滞在を書き出しました: {out_path}"
