"""受入予定表: gather one host's upcoming stays and hand them to ``reports.host_schedule`` to draw.

The words of each line (the period with weekdays, where else the guests are) are decided here,
like ``services.address_labels`` does for a label; the report only lays them out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.errors import NotFoundError
from kankei_desktop.domain.tables import Host
from kankei_desktop.reports.host_schedule import HostSchedule, ScheduleError, ScheduleLine, write_host_schedule_pdf
from kankei_desktop.services import settings_store
from kankei_desktop.services.stay_calendar import StayRow, stays_between
from kankei_desktop.services.stay_rules import display_date_with_weekday, stay_days

__all__ = ["ScheduleError", "host_schedule", "upcoming_stays", "write_host_schedule"]


def upcoming_stays(session: Session, host_id: str, today: date) -> list[StayRow]:
    """Stays at the host (as host or lodging) that have not ended yet, cancelled ones left out."""
    return stays_between(session, today, None, host_id=host_id, include_cancelled=False)


def _period_text(row: StayRow) -> str:
    first = display_date_with_weekday(row.start_on)
    if row.end_on == row.start_on:
        return first
    return f"{first}〜\n{display_date_with_weekday(row.end_on)}"


def _other_party(row: StayRow, host_id: str) -> str:
    """Where else the guests are: the farm they work at, or the inn they sleep at."""
    parts = []
    if row.host_id and row.host_id != host_id:
        parts.append(f"受入: {row.host_name}")
    if row.lodging_id == host_id:
        parts.append("宿泊: 当施設")
    elif row.lodging_id:
        parts.append(f"宿泊: {row.lodging_name}")
    return "\n".join(parts) or "—"


def _line(row: StayRow, host_id: str) -> ScheduleLine:
    return ScheduleLine(
        period=_period_text(row),
        days=stay_days(row.start_on, row.end_on),
        guests=tuple(row.person_names),
        other_party=_other_party(row, host_id),
        purpose="\n".join(part for part in (row.purpose, row.programme_name) if part),
        status=row.status,
        notes=row.notes,
    )


def host_schedule(session: Session, host_id: str, *, today: date | None = None) -> HostSchedule:
    """What the sheet prints: the stays from ``today`` on (default: the real today)."""
    made_on = date.today()
    today = today or made_on
    host = session.get(Host, host_id)
    if host is None or host.deleted_at is not None:
        raise NotFoundError("受入先が見つかりません（削除された可能性があります）。")
    return HostSchedule(
        host_name=host.name,
        contact_person=host.contact_person or "",
        phone=host.phone or "",
        organisation=str(settings_store.get(session, settings_store.ORGANISATION_NAME) or "").strip(),
        author=settings_store.document_author(session),
        made_on=made_on,
        listed_from=today,
        lines=[_line(row, host_id) for row in upcoming_stays(session, host_id, today)],
    )


def write_host_schedule(session: Session, host_id: str, path: Path, *, today: date | None = None) -> int:
    """Write the PDF of the stays from ``today`` on (default: the real today); returns how many."""
    schedule = host_schedule(session, host_id, today=today)
    write_host_schedule_pdf(schedule, Path(path))
    return len(schedule.lines)
