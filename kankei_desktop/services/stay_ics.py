"""Stays as .ics files: the whole set, or one file per host.

The change counter (SEQUENCE) is derived from the audit log: every saved edit of a stay writes one
``update`` entry for it (``services.stays.update_stay``), so the number of those entries rises by
one per change, cancelling included, and never falls. LAST-MODIFIED and DTSTAMP are the stay's
``updated_at``. ``io.ics`` writes the bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.domain.errors import NotFoundError
from kankei_desktop.domain.tables import AuditEntry, Host, Stay
from kankei_desktop.io.ics import UID_DOMAIN, CalendarEvent, build_calendar, write_atomically
from kankei_desktop.services.stay_calendar import StayRow, stays_between


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
        lines.append(f"備考: {row.notes}")
    return "\n".join(lines)


def sequences(session: Session, stay_ids: list[str]) -> dict[str, int]:
    """Stay id → the number of saved edits (0 for a stay never changed since it was created)."""
    counts: dict[str, int] = {}
    for start in range(0, len(stay_ids), 500):
        chunk = stay_ids[start:start + 500]
        counts.update(session.execute(
            select(AuditEntry.entity_id, func.count())
            .where(AuditEntry.entity == "stay", AuditEntry.action == "update", AuditEntry.entity_id.in_(chunk))
            .group_by(AuditEntry.entity_id)
        ).all())
    return counts


def _times(session: Session, stay_ids: list[str]) -> dict[str, tuple]:
    times: dict[str, tuple] = {}
    for start in range(0, len(stay_ids), 500):
        chunk = stay_ids[start:start + 500]
        for stay_id, created, updated in session.execute(
                select(Stay.id, Stay.created_at, Stay.updated_at).where(Stay.id.in_(chunk))):
            times[stay_id] = (created, updated)
    return times


def calendar_events(session: Session, rows: list[StayRow]) -> list[CalendarEvent]:
    ids = [row.id for row in rows]
    counts, times = sequences(session, ids), _times(session, ids)
    events = []
    for row in rows:
        summary = row.title() + (f"「{row.purpose}」" if row.purpose else "")
        cancelled = row.status == StayStatus.CANCELLED.value
        if cancelled:
            summary = "【中止】" + summary
        status = ("CANCELLED" if cancelled else "TENTATIVE" if row.status == StayStatus.PLANNED.value
                  else "CONFIRMED")
        created, updated = times[row.id]
        events.append(CalendarEvent(
            uid=f"stay-{row.id}@{UID_DOMAIN}", first_day=row.start_on, last_day=row.end_on, summary=summary,
            description=_description(row), location=row.lodging_name or row.host_name, status=status,
            sequence=counts.get(row.id, 0), created=created, last_modified=updated))
    return events


def write_stays_ics(session: Session, path: Path, *, start: date | None = None, end: date | None = None,
                    programme_id: str | None = None, host_id: str | None = None,
                    include_cancelled: bool = False) -> int:
    """Write the stays (optionally filtered) to ``path``; returns the number of events."""
    rows = stays_between(session, start, end, programme_id=programme_id, host_id=host_id,
                         include_cancelled=include_cancelled)
    name = "関係人口デスク 滞在予定"
    if host_id:
        host = session.get(Host, host_id)
        if host is None:
            raise NotFoundError("受入先が見つかりません。")
        name += f"（{host.name}）"
    write_atomically(Path(path), build_calendar(calendar_events(session, rows), name=name))
    return len(rows)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class HostFile:
    host_name: str
    path: Path
    events: int


def write_per_host(session: Session, folder: Path, *, start: date | None = None, end: date | None = None,
                   programme_id: str | None = None, include_cancelled: bool = False) -> list[HostFile]:
    """One file per host (受入先 or 宿泊先) that has stays in the period: 「滞在_<host>.ics」 in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotFoundError(f"フォルダー「{folder}」がありません。")
    rows = stays_between(session, start, end, programme_id=programme_id, include_cancelled=include_cancelled)
    host_ids = sorted({h for row in rows for h in (row.host_id, row.lodging_id) if h})
    names = dict(session.execute(select(Host.id, Host.name).where(Host.id.in_(host_ids))).all()) if host_ids else {}
    written = []
    for host_id in sorted(host_ids, key=lambda h: (names.get(h, ""), h)):
        mine = [row for row in rows if host_id in (row.host_id, row.lodging_id)]
        name = names.get(host_id, host_id)
        path = folder / f"滞在_{_UNSAFE.sub('_', name).strip() or host_id}.ics"
        write_atomically(path, build_calendar(calendar_events(session, mine), name=f"関係人口デスク 滞在予定（{name}）"))
        written.append(HostFile(name, path, len(mine)))
    return written


def export_for_cli(session: Session, out_path, args) -> str:
    """``kankei-desktop export --what stays --out FILE.ics``: the ``export`` command's delegate."""
    count = write_stays_ics(session, Path(out_path))
    return f"{count:,} 件の滞在を書き出しました: {out_path}"
