"""A person's 最終関わり日 (last touch), kept on the person row for the list.

Sorting 100,000 persons by a MAX() over a million interactions on every click
is too slow, so every service that adds, changes or removes a touch calls
``refresh_last_activity`` for the persons involved, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, union_all, update
from sqlmodel import Session

from kankei_desktop.domain.tables import Person
from kankei_desktop.services.records import activity_selects


def _touch_dates(person_ids: list[str]):
    """(person_id, date) for every dated touch of these persons: the dates ``services.records`` declares."""
    return union_all(*activity_selects(person_ids)).subquery()


def refresh_last_activity(session: Session, person_ids: Iterable[str]) -> None:
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        touches = _touch_dates(chunk)
        latest = dict(
            session.execute(
                select(touches.c.person_id, func.max(touches.c.on)).group_by(touches.c.person_id)
            ).all()
        )
        for person_id in chunk:
            session.execute(
                update(Person).where(Person.id == person_id).values(last_activity_on=latest.get(person_id))
            )
