"""Stays as the calendar, the .ics file and the host schedule read them.

One query for all three, so a stay looks the same on screen, in Outlook and on
the sheet handed to a farm. At the end, the reads the stays area and the stay
editor ask for (each in its own unit of work).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.domain.tables import Host, Person, Programme, Stay, StayParticipant
from kankei_desktop.services import hosts, participants, stays, work
from kankei_desktop.store import versions


@dataclass(frozen=True)
class StayRow:
    id: str
    start_on: date
    end_on: date
    kind: str
    status: str
    purpose: str
    notes: str
    host_id: str | None
    host_name: str
    lodging_id: str | None
    lodging_name: str
    programme_id: str | None
    programme_name: str
    person_names: tuple[str, ...]
    capacity_override_reason: str

    @property
    def persons(self) -> int:
        return len(self.person_names)

    def title(self) -> str:
        """山田太郎 様 ほか2名 — 棚田農園（民宿やまびこ泊）"""
        who = self.person_names[0] + " 様" if self.person_names else "（参加者なし）"
        if self.persons > 1:
            who += f" ほか{self.persons - 1}名"
        place = self.host_name or self.lodging_name
        if self.host_name and self.lodging_name and self.lodging_name != self.host_name:
            place += f"（{self.lodging_name}泊）"
        return f"{who} — {place}" if place else who


def stays_between(
    session: Session,
    start: date | None = None,
    end: date | None = None,
    *,
    programme_id: str | None = None,
    host_id: str | None = None,
    include_cancelled: bool = True,
    limit: int | None = None,
) -> list[StayRow]:
    """Live stays that touch start … end (both optional), by start date."""
    host, lodging = aliased(Host), aliased(Host)
    conditions = [Stay.deleted_at.is_(None)]
    if start:
        conditions.append(Stay.end_on >= start)
    if end:
        conditions.append(Stay.start_on <= end)
    if programme_id:
        conditions.append(Stay.programme_id == programme_id)
    if host_id:
        conditions.append(or_(Stay.host_id == host_id, Stay.lodging_id == host_id))
    if not include_cancelled:
        conditions.append(Stay.status != StayStatus.CANCELLED.value)
    statement = (
        select(
            Stay.id, Stay.start_on, Stay.end_on, Stay.kind, Stay.status, Stay.purpose, Stay.notes,
            Stay.host_id, host.name, Stay.lodging_id, lodging.name, Stay.programme_id, Programme.name,
            Stay.capacity_override_reason,
        )
        .outerjoin(host, host.id == Stay.host_id)
        .outerjoin(lodging, lodging.id == Stay.lodging_id)
        .outerjoin(Programme, Programme.id == Stay.programme_id)
        .where(and_(*conditions))
        .order_by(Stay.start_on, Stay.end_on, Stay.id)
    )
    if limit:
        statement = statement.limit(limit)
    rows = session.execute(statement).all()
    names = _person_names(session, [row[0] for row in rows])
    return [
        StayRow(
            id=row[0], start_on=row[1], end_on=row[2], kind=row[3], status=row[4], purpose=row[5],
            notes=row[6], host_id=row[7], host_name=row[8] or "", lodging_id=row[9], lodging_name=row[10] or "",
            programme_id=row[11], programme_name=row[12] or "", person_names=tuple(names.get(row[0], ())),
            capacity_override_reason=row[13],
        )
        for row in rows
    ]


def _person_names(session: Session, stay_ids: list[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for first in range(0, len(stay_ids), 500):  # SQLite's bound-parameter limit
        chunk = stay_ids[first : first + 500]
        for stay_id, name in session.execute(
            select(StayParticipant.stay_id, Person.name)
            .join(Person, Person.id == StayParticipant.person_id)
            .where(
                StayParticipant.stay_id.in_(chunk),
                StayParticipant.deleted_at.is_(None),
                Person.deleted_at.is_(None),
            )
            .order_by(StayParticipant.created_at, StayParticipant.id)
        ):
            names.setdefault(stay_id, []).append(name)
    return names


def calendar_rows(session: Session, include_archived: bool = False) -> list[tuple[str, str, int | None]]:
    """(id, name, capacity) of the hosts and lodgings the timeline shows as rows."""
    conditions = [Host.deleted_at.is_(None)]
    if not include_archived:
        conditions.append(Host.is_active.is_(True))
    return [
        tuple(row)
        for row in session.execute(
            select(Host.id, Host.name, Host.capacity_per_night).where(*conditions).order_by(Host.kind, Host.name)
        )
    ]


def programme_choices(session: Session, include_archived: bool = True) -> list[tuple[str, str]]:
    """(id, "name（year）") of live programmes, newest fiscal year first, for pickers and filters."""
    conditions = [Programme.deleted_at.is_(None)]
    if not include_archived:
        conditions.append(Programme.archived.is_(False))
    rows = session.execute(
        select(Programme.id, Programme.name, Programme.fiscal_year)
        .where(*conditions)
        .order_by(Programme.fiscal_year.desc(), Programme.name)
    ).all()
    return [(programme_id, f"{name}（{year}年度）") for programme_id, name, year in rows]


def person_names(session: Session, person_ids: list[str]) -> dict[str, str]:
    if not person_ids:
        return {}
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())


# ------------------------------------------------------------------ for the window
# Each read below opens its own unit of work and returns plain data: the stays area and
# the stay editor ask, they never hold a session for a read.


@dataclass(frozen=True)
class StayChoices:
    """(id, label) pairs for the stay editor's pickers."""

    hosts: list[tuple[str, str]]
    lodgings: list[tuple[str, str]]
    programmes: list[tuple[str, str]]


def editor_choices(database) -> StayChoices:
    """Active hosts, lodgings and unarchived programmes for a new or edited stay."""
    with work.unit(database) as session:
        return StayChoices(hosts.host_choices(session), hosts.host_choices(session, lodgings_only=True),
                           programme_choices(session, include_archived=False))


def filter_choices(database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(programmes, hosts) for the stays area's filters, archived programmes included."""
    with work.unit(database) as session:
        return programme_choices(session), hosts.host_choices(session)


@dataclass(frozen=True)
class StayToEdit:
    data: stays.StayInput
    names: dict[str, str]  # person id → name, for the chosen persons
    version: int | None  # the row version an editor hands back at its save


def stay_to_edit(database, stay_id: str) -> StayToEdit:
    """A stay as its editor shows it (NotFoundError when it is gone)."""
    with work.unit(database) as session:
        data = stays.load_stay_input(session, stay_id)
        return StayToEdit(data, person_names(session, data.person_ids), versions.version_of(session, Stay, stay_id))


def stay_kind(database, start: date, end: date) -> str:
    """日帰り / 短期滞在 / 長期滞在 for these dates, by the file's thresholds."""
    with work.unit(database) as session:
        return stays.kind_for(session, start, end)


def find_persons(database, text: str, limit: int = 50) -> list[tuple[str, str, str]]:
    """(id, name, furigana) of the persons the editor's search finds, in the list's order."""
    with work.unit(database) as session:
        ids = participants.list_person_ids(session, participants.PersonFilter(text=text), limit=limit)
        rows = participants.fetch_list_rows(session, ids)
    return [(person_id, rows[person_id][0], rows[person_id][1]) for person_id in ids]
