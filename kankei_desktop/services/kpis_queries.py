"""The SQL behind ``services.kpis``: aggregates over the live records, one period at a time.

Every figure that rests on *activities* is counted (in ``services.kpis_persons``) from
one fetch of 実施済 stays and participation interactions over the previous fiscal year
and the period. Counting from the same rows keeps 実人数, のべ, repeaters and continuity
consistent with each other, and the big ``interaction`` table is read once. Python sets
count distinct persons faster than SQLite sorts 36-character ids.

Dates are stored as ISO text, so comparisons and ``substr`` work on them directly.
Predicates on ``deleted_at`` are written ``+deleted_at`` so SQLite does not pick the
(useless, nearly all-NULL) ``deleted_at`` index over the date indexes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from kankei_desktop.domain.enums import (
    PARTICIPATION_KINDS,
    HostKind,
    LetterDirection,
    StayStatus,
)

MMAP_BYTES = 1 << 30

# A deleted person counts nowhere; the set of tombstones is small, the join would not be.
_LIVE_PERSON = "NOT IN (SELECT id FROM person WHERE deleted_at IS NOT NULL)"

_PARTICIPATION = ", ".join(f"'{kind.value}'" for kind in sorted(PARTICIPATION_KINDS))
_DONE = f"'{StayStatus.DONE.value}'"
_PLANNED = f"'{StayStatus.PLANNED.value}', '{StayStatus.CONFIRMED.value}'"
_TO_PERSON = f"'{LetterDirection.TO_PERSON.value}'"
_FROM_PERSON = f"'{LetterDirection.FROM_PERSON.value}'"



def _iso(day: date) -> str:
    return day.isoformat()


def days_between(first: str, last: str) -> str:
    """SQL for the calendar days from ISO date ``first`` to ``last``, both counted.

    SQLite-specific (``julianday``): the one place the KPI SQL relies on the dialect's date
    functions. Dates at midnight give whole numbers, so the cast is exact.
    """
    return f"CAST(julianday({last}) - julianday({first}) + 1 AS INTEGER)"


def _programme_clause(column: str, programme_id: str | None) -> str:
    return f" AND {column} = :programme" if programme_id else ""


def _fetch(session: Session, sql: str, params: dict | None = None) -> list[tuple]:
    """Plain tuples straight from the driver, inside the session's transaction.

    For the few hundred thousand activity rows, building SQLAlchemy ``Row`` objects costs
    more than the query itself.
    """
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        return cursor.execute(sql, params or {}).fetchall()
    finally:
        cursor.close()


def prepare(session: Session) -> None:
    """Memory-mapped reads skip a system call per page on the big tables (this connection only)."""
    session.execute(text(f"PRAGMA mmap_size = {MMAP_BYTES}"))


def activity_rows(session: Session, window_start: date, window_end: date,
                  period: tuple[date, date]) -> tuple[list[tuple], list[tuple]]:
    """([(person id, day, programme id)] of participation interactions in the window,
    [(person id, first day, last day, programme id, stay status, days inside the period or
    NULL)] of every person of every 実施済, 予定 or 確定 stay touching it).

    Two shapes because an interaction is one day and always an activity: its rows stay
    narrow (cheaper to build) and its counting loop needs no stay checks. The planned stays
    only feed planned 人日. A full scan of ``interaction`` is cheaper than a date-index
    lookup per row once the window is a large part of the table (two years here).
    """
    params = {"start": _iso(window_start), "end": _iso(window_end),
              "period_start": _iso(period[0]), "period_end": _iso(period[1])}
    interactions = _fetch(session, f"""
        SELECT person_id, occurred_on, programme_id FROM interaction NOT INDEXED
        WHERE occurred_on BETWEEN :start AND :end AND +deleted_at IS NULL
          AND kind IN ({_PARTICIPATION}) AND person_id {_LIVE_PERSON}
    """, params)
    stays = _fetch(session, f"""
        SELECT sp.person_id, s.start_on, s.end_on, s.programme_id, s.status,
               CASE WHEN s.start_on <= :period_end AND s.end_on >= :period_start
                    THEN {days_between("max(s.start_on, :period_start)", "min(s.end_on, :period_end)")} END
        FROM stay AS s JOIN stay_participant AS sp ON sp.stay_id = s.id
        WHERE s.start_on <= :end AND s.end_on >= :start AND s.status IN ({_DONE}, {_PLANNED})
          AND +s.deleted_at IS NULL AND +sp.deleted_at IS NULL AND sp.person_id {_LIVE_PERSON}
    """, params)
    return interactions, stays


def ladder_rows(session: Session, programme_id: str | None) -> tuple[list[tuple], list[tuple]]:
    """([(person id, current stage, registered on)] of live persons, [(person id, from, to, changed on)]).

    Changes are ordered by date and entry so the last one of a day wins.
    """
    params = {"programme": programme_id}
    persons = _fetch(session, f"""
        SELECT p.id, p.ladder_stage, substr(p.created_at, 1, 10) FROM person AS p
        WHERE p.deleted_at IS NULL{_enrolled("p.id", programme_id)}
    """, params)
    changes = _fetch(session, f"""
        SELECT person_id, from_stage, to_stage, changed_on FROM ladder_stage_change
        WHERE +deleted_at IS NULL AND person_id {_LIVE_PERSON}{_enrolled("person_id", programme_id)}
        ORDER BY changed_on, created_at
    """, params)
    return persons, changes


def _enrolled(column: str, programme_id: str | None) -> str:
    if not programme_id:
        return ""
    return (f" AND {column} IN (SELECT person_id FROM enrollment WHERE programme_id = :programme"
            " AND deleted_at IS NULL)")


def letters(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, list[tuple]]:
    """(letters sent, letters received, [(sent_on, first reply received_on or None, replies)])

    for every letter sent to a person in the period that has at least one reply.
    """
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    sent_where = (f"o.direction = {_TO_PERSON} AND o.sent_on BETWEEN :start AND :end AND +o.deleted_at IS NULL"
                  f" AND o.person_id {_LIVE_PERSON}{_programme_clause('o.programme_id', programme_id)}")
    sent = session.execute(text(f"SELECT count(*) FROM letter AS o WHERE {sent_where}"), params).scalar_one()
    received = session.execute(text(f"""
        SELECT count(*) FROM letter AS o WHERE o.direction = {_FROM_PERSON} AND o.received_on BETWEEN :start AND :end
          AND +o.deleted_at IS NULL AND o.person_id {_LIVE_PERSON}{_programme_clause('o.programme_id', programme_id)}
    """), params).scalar_one()
    replied = session.execute(text(f"""
        SELECT o.sent_on, min(r.received_on), count(r.id)
        FROM letter AS o JOIN letter AS r ON r.reply_to_id = o.id
        WHERE {sent_where} AND r.direction = {_FROM_PERSON} AND +r.deleted_at IS NULL
          AND (r.received_on IS NULL OR r.received_on <= :end)
        GROUP BY o.id
    """), params).all()
    return sent, received, [tuple(row) for row in replied]


def shipments(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, int, list[tuple]]:
    """(shipped, delivered, returned, [(shipped_on, delivered_on)] of those delivered) in the period."""
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    live = f"+deleted_at IS NULL AND person_id {_LIVE_PERSON}{_programme_clause('programme_id', programme_id)}"
    counts = session.execute(text(f"""
        SELECT coalesce(sum(shipped_on BETWEEN :start AND :end), 0),
               coalesce(sum(delivered_on BETWEEN :start AND :end), 0),
               coalesce(sum(returned_on BETWEEN :start AND :end), 0)
        FROM shipment WHERE {live} AND (shipped_on BETWEEN :start AND :end
            OR delivered_on BETWEEN :start AND :end OR returned_on BETWEEN :start AND :end)
    """), params).one()
    transit = session.execute(text(f"""
        SELECT shipped_on, delivered_on FROM shipment
        WHERE {live} AND delivered_on BETWEEN :start AND :end AND shipped_on IS NOT NULL
    """), params).all()
    return counts[0], counts[1], counts[2], [tuple(row) for row in transit]


def hosts(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, int]:
    """(active hosts, active 副業・兼業 companies, 副業・兼業 companies registered).

    Active: a 実施済 stay (as host or lodging), a letter sent or received, or a shipment
    sent, in the period.
    """
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    programme = _programme_clause("programme_id", programme_id)
    row = session.execute(text(f"""
        WITH active AS (
            SELECT host_id AS id FROM stay WHERE status = {_DONE} AND +deleted_at IS NULL
                AND start_on <= :end AND end_on >= :start{programme}
            UNION SELECT lodging_id FROM stay WHERE status = {_DONE} AND +deleted_at IS NULL
                AND start_on <= :end AND end_on >= :start{programme}
            UNION SELECT host_id FROM letter WHERE +deleted_at IS NULL{programme}
                AND (sent_on BETWEEN :start AND :end OR received_on BETWEEN :start AND :end)
            UNION SELECT host_id FROM shipment WHERE +deleted_at IS NULL{programme}
                AND shipped_on BETWEEN :start AND :end)
        SELECT count(*), coalesce(sum(h.kind = '{HostKind.COMPANY.value}' AND h.hosts_side_job_talent), 0)
        FROM host AS h WHERE h.deleted_at IS NULL AND h.id IN (SELECT id FROM active WHERE id IS NOT NULL)
    """), params).one()
    registered = session.execute(text(
        f"SELECT count(*) FROM host WHERE deleted_at IS NULL AND kind = '{HostKind.COMPANY.value}' AND hosts_side_job_talent"
    )).scalar_one()
    return row[0], row[1], registered


def active_persons(session: Session, start: date, end: date, programme_id: str | None,
                   limit: int | None = None) -> list[tuple]:
    """[(person id, name, のべ, last activity day)] of the persons behind 実人数, in フリガナ order."""
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id, "limit": limit or -1}
    rows = _fetch(session, f"""
        SELECT p.id, p.name, count(*), max(a.day) FROM (
            SELECT person_id, occurred_on AS day, programme_id FROM interaction
            WHERE occurred_on BETWEEN :start AND :end AND +deleted_at IS NULL AND kind IN ({_PARTICIPATION})
            UNION ALL
            SELECT sp.person_id, max(s.start_on, :start), s.programme_id
            FROM stay AS s JOIN stay_participant AS sp ON sp.stay_id = s.id
            WHERE s.start_on <= :end AND s.end_on >= :start AND s.status = {_DONE}
              AND +s.deleted_at IS NULL AND +sp.deleted_at IS NULL) AS a
        JOIN person AS p ON p.id = a.person_id
        WHERE p.deleted_at IS NULL{_programme_clause("a.programme_id", programme_id)}
        GROUP BY p.id ORDER BY p.furigana_sort, p.name LIMIT :limit
    """, params)
    return rows


def persons_at_stage(session: Session, stage: str, limit: int | None = None) -> list[tuple]:
    """[(person id, name, last activity day)] of live persons now at a ladder stage, in フリガナ order."""
    return _fetch(session, """
        SELECT id, name, last_activity_on FROM person WHERE deleted_at IS NULL AND ladder_stage = :stage
        ORDER BY furigana_sort, name LIMIT :limit
    """, {"stage": stage, "limit": limit or -1})
