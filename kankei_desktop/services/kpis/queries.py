"""The SQL behind ``services.kpis``: aggregates over the live records, one period at a time.

Every figure that rests on *activities* is counted (in ``kpis/persons.py``) from
one fetch of stays and participation interactions over the period (and, for a quarter,
the quarters before it that 継続的関与者 looks at); the previous fiscal year is read as
a set of person ids only. Counting from the same rows keeps 実人数, のべ, repeaters and
continuity consistent with each other; Python sets of numbered ids count distinct
persons faster than SQLite sorts 36-character ids. The ladder, mail and host figures
are SQL aggregates.

Dates are stored as ISO text, so comparisons and ``substr`` work on them directly.
The big reads name their covering partial indexes (migration 0006, ``INDEXED BY``), so
they never visit a table row per activity whatever the planner guesses; elsewhere
``+deleted_at`` keeps a tombstone test from steering the plan.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import Session

from kankei_desktop.store.dialect import fetch, is_postgresql, statement

from kankei_desktop.domain.enums import (
    PARTICIPATION_KINDS,
    LadderStage,
    LetterDirection,
    ProgrammeKind,
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
# お米レター: the parcel and the letter *are* the participation (docs/kpi.md).
_MAIL_PROGRAMMES = f"(SELECT id FROM programme WHERE kind = '{ProgrammeKind.KOME_LETTER.value}')"


def mail_parts(where: str = "", indexed: bool = False) -> list[tuple[str, str]]:
    """[(day column, "FROM … WHERE …")] of the お米レター activities between :start and :end:
    every parcel of such a programme shipped to the person (by ship date), every letter sent
    to them (by sent date) and every letter received from them (by received date). ``where``
    is added to each part (a person's own rows, a programme…). ``indexed``: a whole period's
    read, kept inside the covering indexes of migration 0008.
    """
    parts = []
    for table, column, direction, index in (
            ("shipment", "shipped_on", "", "ix_shipment_mail"),
            ("letter", "sent_on", f" AND direction = {_TO_PERSON}", "ix_letter_mail_sent"),
            ("letter", "received_on", f" AND direction = {_FROM_PERSON}", "ix_letter_mail_received")):
        source = f"{table} INDEXED BY {index}" if indexed else table
        live = "deleted_at IS NULL" if indexed else "+deleted_at IS NULL"
        parts.append((column, f"""FROM {source}
            WHERE {column} BETWEEN :start AND :end AND {live}{direction}
              AND programme_id IN {_MAIL_PROGRAMMES} AND person_id {_LIVE_PERSON}{where}"""))
    return parts


def mail_activities_sql(day_sql, where: str = "", indexed: bool = True) -> str:
    """SQL for the お米レター activities [(person id, day, programme id)] (``mail_parts``);
    ``day_sql(column)`` gives the day column's SQL."""
    return "\n UNION ALL ".join(f"SELECT person_id, {day_sql(column)}, programme_id {body}"
                                for column, body in mail_parts(where, indexed))


def _iso(day: date) -> str:
    return day.isoformat()


def days_between(first: str, last: str) -> str:
    """SQL for the calendar days from ISO date ``first`` to ``last``, both counted."""
    return f"({days_after(first, last)} + 1)"


def days_after(first: str, last: str) -> str:
    """SQL for the days from ISO date ``first`` until ``last`` (the same day gives 0; NULL stays NULL).

    SQLite-specific (``julianday``): the one place the KPI SQL relies on the dialect's date
    functions. Dates at midnight give whole numbers, so the cast is exact.
    """
    return f"CAST(julianday({last}) - julianday({first}) AS INTEGER)"


def _programme_clause(column: str, programme_id: str | None) -> str:
    return f" AND {column} = :programme" if programme_id else ""


def _fetch(session: Session, sql: str, params: dict | None = None) -> list[tuple]:
    """Plain tuples straight from the driver, inside the session's transaction.

    For the few hundred thousand activity rows, building SQLAlchemy ``Row`` objects costs
    more than the query itself.
    On a server: the PostgreSQL twin (``store.dialect``).
    """
    return fetch(session, sql, params)


def _no_limit(session: Session):
    """The LIMIT that means none: -1 in SQLite, NULL in PostgreSQL."""
    return None if is_postgresql(session) else -1


def prepare(session: Session) -> None:
    """Memory-mapped reads skip a system call per page on the big tables (this connection only;
    a server has its own buffers)."""
    if not is_postgresql(session):
        session.execute(text(f"PRAGMA mmap_size = {MMAP_BYTES}"))


def activity_rows(session: Session, window_start: date,
                  window_end: date) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """([(person id, day, programme id)] of participation interactions in the window,
    [(person id, first day, last day, programme id, 実施済 or not)] of every person of every
    実施済, 予定 or 確定 stay touching it, [(person id, day, programme id)] of the お米レター
    parcels and letters in it (``mail_activities_sql``)), every day as a number counted from
    the window's first day (a stay that began earlier has a negative first day).

    Two shapes because an interaction is one day and always an activity: its rows stay
    narrow (cheaper to build) and its counting needs no stay checks. The planned stays
    only feed planned 人日. Both reads stay inside covering indexes over live rows
    (migration 0006), so no table row is visited per activity; SQLite turns the dates into
    numbers in C, cheaper than Python would.
    """
    params = {"start": _iso(window_start), "end": _iso(window_end)}
    interactions = _fetch(session, f"""
        SELECT person_id, {days_after(":start", "occurred_on")}, programme_id
        FROM interaction INDEXED BY ix_interaction_activity
        WHERE occurred_on BETWEEN :start AND :end AND deleted_at IS NULL
          AND kind IN ({_PARTICIPATION}) AND person_id {_LIVE_PERSON}
    """, params)
    stays = _fetch(session, f"""
        SELECT sp.person_id, {days_after(":start", "s.start_on")}, {days_after(":start", "s.end_on")},
               s.programme_id, s.status = {_DONE}
        {_LIVE_STAYS}
          AND s.status IN ({_DONE}, {_PLANNED})
    """, params)
    mail = _fetch(session, mail_activities_sql(lambda column: days_after(":start", column)), params)
    return interactions, stays, mail


# Every live participant of every live stay overlapping [:start, :end], from the two
# covering indexes of migration 0006.
_LIVE_STAYS = f"""
        FROM stay AS s INDEXED BY ix_stay_live_period
        JOIN stay_participant AS sp INDEXED BY ix_stay_participant_live ON sp.stay_id = s.id
        WHERE s.end_on >= :start AND s.start_on <= :end AND s.deleted_at IS NULL
          AND sp.deleted_at IS NULL AND sp.person_id {_LIVE_PERSON}"""


def active_person_ids(session: Session, start: date, end: date) -> set[str]:
    """Ids of the persons with an activity (any programme) between ``start`` and ``end``.

    Only the set is needed (for 継続者), so the rows are a single column and never kept.
    """
    params = {"start": _iso(start), "end": _iso(end)}
    if is_postgresql(session):
        persons = {row[0] for row in _fetch(session, f"""
            SELECT person_id FROM interaction WHERE occurred_on BETWEEN :start AND :end AND deleted_at IS NULL
              AND kind IN ({_PARTICIPATION}) AND person_id {_LIVE_PERSON}""", params)}
        persons.update(row[0] for row in _fetch(session, f"SELECT sp.person_id {_LIVE_STAYS} AND s.status = {_DONE}",
                                                params))
        persons.update(row[0] for row in _fetch(session, mail_activities_sql(lambda column: column), params))
        return persons
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        persons = {row[0] for row in cursor.execute(f"""
            SELECT person_id FROM interaction INDEXED BY ix_interaction_activity
            WHERE occurred_on BETWEEN :start AND :end AND deleted_at IS NULL
              AND kind IN ({_PARTICIPATION}) AND person_id {_LIVE_PERSON}
        """, params)}
        persons.update(row[0] for row in cursor.execute(f"SELECT sp.person_id {_LIVE_STAYS} AND s.status = {_DONE}",
                                                        params))
        persons.update(row[0] for row in cursor.execute(mail_activities_sql(lambda column: column), params))
        return persons
    finally:
        cursor.close()


_RANK = " ".join(f"WHEN '{stage.value}' THEN {stage.rank}" for stage in LadderStage)


def _rank(column: str) -> str:
    return f"(CASE {column} {_RANK} ELSE 0 END)"


def ladder_figures(session: Session, start: date, end: date,
                   programme_id: str | None) -> tuple[dict[str, int], int, int]:
    """({stage: persons on the period's last day}, moves up in the period, persons who moved up).

    A person's stage on a day is their last change on or before it (the latest entry of
    the latest day, the one stored last among entries of one instant); before their first change it is that change's starting stage; with
    no history it is their current stage. A person registered after the day with no
    change by then is not counted. Counted by SQLite over ``ix_ladder_stage_change_live``:
    no history row reaches Python.
    """
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id,
              "registered_before": _iso(end + timedelta(days=1)), "interested": LadderStage.INTERESTED.value}
    live = f"deleted_at IS NULL AND person_id {_LIVE_PERSON}{_enrolled('person_id', programme_id)}"
    counts: dict[str, int] = {}
    for stage, persons in session.execute(statement(session, f"""
        SELECT stage, count(*) FROM ({_latest_stages(session, live)}) AS latest
        GROUP BY stage
        UNION ALL
        SELECT coalesce((SELECT coalesce(c.from_stage, :interested)
                         FROM ladder_stage_change AS c INDEXED BY ix_ladder_stage_change_live
                         WHERE c.person_id = p.id AND c.deleted_at IS NULL
                         ORDER BY c.changed_on, c.created_at, c.rowid LIMIT 1), p.ladder_stage), count(*)
        FROM person AS p
        WHERE p.deleted_at IS NULL AND p.created_at < :registered_before{_enrolled('p.id', programme_id)}
          AND NOT EXISTS (SELECT 1 FROM ladder_stage_change AS c INDEXED BY ix_ladder_stage_change_live
                          WHERE c.person_id = p.id AND c.deleted_at IS NULL AND c.changed_on <= :end)
        GROUP BY 1
    """), params):
        counts[stage] = counts.get(stage, 0) + persons
    moves, movers = session.execute(statement(session, f"""
        SELECT count(*), count(DISTINCT person_id) FROM ladder_stage_change INDEXED BY ix_ladder_stage_change_live
        WHERE {live} AND changed_on BETWEEN :start AND :end
          AND {_rank('to_stage')} > {_rank('coalesce(from_stage, :interested)')}
    """), params).one()
    return counts, moves, movers


def _latest_stages(session: Session, where: str) -> str:
    """SQL for (person id, stage) of each person's last ladder change on or before :end.

    SQLite: the bare ``to_stage`` comes from the row holding the max (its documented rule);
    changes recorded in the same instant (a bulk load) are told apart by the order they were
    stored (rowid). PostgreSQL: ``DISTINCT ON`` with the same order (ctid for rowid)."""
    if is_postgresql(session):
        return f"""SELECT DISTINCT ON (person_id) person_id, to_stage AS stage FROM ladder_stage_change
            WHERE {where} AND changed_on <= :end ORDER BY person_id, changed_on DESC, created_at DESC, ctid DESC"""
    return f"""SELECT person_id, to_stage AS stage, max(changed_on || created_at || printf('%020d', rowid))
            FROM ladder_stage_change INDEXED BY ix_ladder_stage_change_live
            WHERE {where} AND changed_on <= :end GROUP BY person_id"""


def _enrolled(column: str, programme_id: str | None) -> str:
    if not programme_id:
        return ""
    return (f" AND {column} IN (SELECT person_id FROM enrollment WHERE programme_id = :programme"
            " AND deleted_at IS NULL)")


def letters(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, list[tuple]]:
    """(letters sent, letters received, [(days to the first reply or None, replies)])

    for every letter sent to a person in the period that has at least one reply. The replies
    are found from the period's letters (``CROSS JOIN`` fixes that order), not by scanning
    every letter for a ``reply_to_id``: half the time on the benchmark file.
    """
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    sent_where = (f"o.direction = {_TO_PERSON} AND o.sent_on BETWEEN :start AND :end AND +o.deleted_at IS NULL"
                  f" AND o.person_id {_LIVE_PERSON}{_programme_clause('o.programme_id', programme_id)}")
    sent = session.execute(statement(session, f"SELECT count(*) FROM letter AS o WHERE {sent_where}"),
                           params).scalar_one()
    received = session.execute(statement(session, f"""
        SELECT count(*) FROM letter AS o WHERE o.direction = {_FROM_PERSON} AND o.received_on BETWEEN :start AND :end
          AND +o.deleted_at IS NULL AND o.person_id {_LIVE_PERSON}{_programme_clause('o.programme_id', programme_id)}
    """), params).scalar_one()
    replied = session.execute(statement(session, f"""
        SELECT {days_after("o.sent_on", "min(r.received_on)")}, count(r.id)
        FROM letter AS o INDEXED BY ix_letter_sent CROSS JOIN letter AS r ON r.reply_to_id = o.id
        WHERE {sent_where} AND r.direction = {_FROM_PERSON} AND +r.deleted_at IS NULL
          AND (r.received_on IS NULL OR r.received_on <= :end)
        GROUP BY o.id
    """), params).all()
    return sent, received, [tuple(row) for row in replied]


def shipments(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, int, list[tuple]]:
    """(shipped, delivered, returned, [days in transit of each parcel delivered]) in the period."""
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    live = f"+deleted_at IS NULL AND person_id {_LIVE_PERSON}{_programme_clause('programme_id', programme_id)}"
    counts = session.execute(statement(session, f"""
        SELECT count(*) FILTER (WHERE shipped_on BETWEEN :start AND :end),
               count(*) FILTER (WHERE delivered_on BETWEEN :start AND :end),
               count(*) FILTER (WHERE returned_on BETWEEN :start AND :end)
        FROM shipment WHERE {live} AND (shipped_on BETWEEN :start AND :end
            OR delivered_on BETWEEN :start AND :end OR returned_on BETWEEN :start AND :end)
    """), params).one()
    transit = session.execute(statement(session, f"""
        SELECT {days_after("shipped_on", "delivered_on")} FROM shipment
        WHERE {live} AND delivered_on BETWEEN :start AND :end AND shipped_on IS NOT NULL
    """), params).all()
    return counts[0], counts[1], counts[2], [row[0] for row in transit]


def mail_reach(session: Session, start: date, end: date, programme_ids: list[str]) -> dict[str, tuple[int, int]]:
    """{programme id: (persons a parcel of it was shipped to, letters received from persons in it)}
    in the period, for the お米レター programmes given."""
    if not programme_ids:
        return {}
    params = {"start": _iso(start), "end": _iso(end), "ids": json.dumps(programme_ids)}
    reach = dict(session.execute(statement(session, f"""
        SELECT programme_id, count(DISTINCT person_id) FROM shipment
        WHERE programme_id IN (SELECT value FROM json_each(:ids)) AND shipped_on BETWEEN :start AND :end
          AND +deleted_at IS NULL AND person_id {_LIVE_PERSON} GROUP BY programme_id
    """), params).all())
    received = dict(session.execute(statement(session, f"""
        SELECT programme_id, count(*) FROM letter
        WHERE programme_id IN (SELECT value FROM json_each(:ids)) AND direction = {_FROM_PERSON}
          AND received_on BETWEEN :start AND :end AND +deleted_at IS NULL AND person_id {_LIVE_PERSON}
        GROUP BY programme_id
    """), params).all())
    return {pid: (reach.get(pid, 0), received.get(pid, 0)) for pid in programme_ids}


def amount_sum(session: Session, kind: str, start: date, end: date, programme_id: str | None) -> float | None:
    """The yen amounts of the live interactions of ``kind`` (物産購入, 寄附) in the period; None
    when none of them has an amount (nothing to sum is not 0 円)."""
    total = session.execute(statement(session, f"""
        SELECT sum(amount_yen) FROM interaction
        WHERE kind = :kind AND occurred_on BETWEEN :start AND :end AND deleted_at IS NULL
          AND person_id {_LIVE_PERSON}{_programme_clause("programme_id", programme_id)}
    """), {"kind": kind, "start": _iso(start), "end": _iso(end), "programme": programme_id}).scalar_one()
    return None if total is None else float(total)


def hosts(session: Session, start: date, end: date, programme_id: str | None) -> tuple[int, int, int]:
    """(active hosts, active 副業・兼業 中小企業, 副業・兼業 中小企業 registered): 例1 counts the hosts
    flagged both 中小企業 and 副業・兼業, whatever their kind.

    Active: a 実施済 stay (as host or lodging), a letter sent or received, or a shipment
    sent, in the period.
    """
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id}
    programme = _programme_clause("programme_id", programme_id)
    row = session.execute(statement(session, f"""
        WITH active AS (
            SELECT host_id AS id FROM stay INDEXED BY ix_stay_live_period WHERE status = {_DONE}
                AND deleted_at IS NULL AND end_on >= :start AND start_on <= :end{programme}
            UNION SELECT lodging_id FROM stay INDEXED BY ix_stay_live_period WHERE status = {_DONE}
                AND deleted_at IS NULL AND end_on >= :start AND start_on <= :end{programme}
            UNION SELECT host_id FROM letter WHERE +deleted_at IS NULL{programme}
                AND (sent_on BETWEEN :start AND :end OR received_on BETWEEN :start AND :end)
            UNION SELECT host_id FROM shipment WHERE +deleted_at IS NULL{programme}
                AND shipped_on BETWEEN :start AND :end)
        SELECT count(*), count(*) FILTER (WHERE h.small_business AND h.hosts_side_job_talent)
        FROM host AS h WHERE h.deleted_at IS NULL AND h.id IN (SELECT id FROM active WHERE id IS NOT NULL)
    """), params).one()
    registered = session.execute(statement(session,
        "SELECT count(*) FROM host WHERE deleted_at IS NULL AND small_business AND hosts_side_job_talent"
    )).scalar_one()
    return row[0], row[1], registered


def active_persons(session: Session, start: date, end: date, programme_id: str | None,
                   limit: int | None = None, only: Iterable[str] | None = None) -> list[tuple]:
    """[(person id, name, のべ, last activity day)] of the persons behind 実人数, in フリガナ order
    (then by id, as the participants list); with ``only``, of those persons only (the
    persons behind リピーター, 継続者…: ``services.kpis.persons_behind``).

    Walks the persons in the list's index order and counts each one's activities with
    index lookups, stopping at ``limit``: the first 2,000 of 86,000 active persons take
    a few hundred milliseconds, where grouping every activity of the period and sorting
    took seconds. The counts are the KPI's: participation interactions on a day of the
    period, 実施済 stays touching it (their day is the first one inside it), and the
    お米レター parcels and letters (``mail_parts``).
    """
    programme = _programme_clause("programme_id", programme_id)
    interactions = f"""
        FROM interaction AS i INDEXED BY ix_interaction_person_date
        WHERE i.person_id = p.id AND i.occurred_on BETWEEN :start AND :end AND i.deleted_at IS NULL
          AND i.kind IN ({_PARTICIPATION}){_programme_clause("i.programme_id", programme_id)}"""
    stays = f"""
        FROM stay_participant AS sp INDEXED BY ix_stay_participant_person JOIN stay AS s ON s.id = sp.stay_id
        WHERE sp.person_id = p.id AND sp.deleted_at IS NULL AND s.deleted_at IS NULL AND s.status = {_DONE}
          AND s.start_on <= :end AND s.end_on >= :start{_programme_clause("s.programme_id", programme_id)}"""
    mail = mail_parts(f" AND person_id = p.id{programme}")
    mail_count = "".join(f" + (SELECT count(*) {body})" for _column, body in mail)
    mail_last = "".join(f", coalesce((SELECT max({column}) {body}), '')" for column, body in mail)
    chosen = " AND p.id IN (SELECT value FROM json_each(:only))" if only is not None else ""
    params = {"start": _iso(start), "end": _iso(end), "programme": programme_id,
              "limit": limit or _no_limit(session), "only": json.dumps(list(only)) if only is not None else None}
    if is_postgresql(session):  # greatest() skips NULLs, and a date is never ''
        mail_last = "".join(f", (SELECT max({column}) {body})" for column, body in mail)
        return _fetch(session, f"""
            SELECT id, name, visits, last FROM (
                SELECT p.id, p.name, p.furigana_sort,
                       (SELECT count(*) {interactions}) + (SELECT count(*) {stays}){mail_count} AS visits,
                       greatest((SELECT max(i.occurred_on) {interactions}),
                                (SELECT max(greatest(s.start_on, CAST(:start AS date))) {stays}){mail_last}) AS last
                FROM person AS p WHERE p.deleted_at IS NULL{chosen}) AS counted
            WHERE visits > 0 ORDER BY furigana_sort, id LIMIT :limit
        """, params)
    return _fetch(session, f"""
        SELECT id, name, visits, last FROM (
            SELECT p.id, p.name,
                   (SELECT count(*) {interactions}) + (SELECT count(*) {stays}){mail_count} AS visits,
                   max(coalesce((SELECT max(i.occurred_on) {interactions}), ''),
                       coalesce((SELECT max(max(s.start_on, :start)) {stays}), ''){mail_last}) AS last
            FROM person AS p INDEXED BY ix_person_list_furigana
            WHERE p.deleted_at IS NULL{chosen}
            ORDER BY p.furigana_sort, p.id)
        WHERE visits > 0 LIMIT :limit
    """, params)


def persons_at_stage_on(session: Session, stage: str, day: date, limit: int | None = None) -> list[tuple]:
    """[(person id, name, last activity day)] of the persons the ladder figure counts at ``stage``
    on ``day`` (the rule of ``ladder_figures``), in フリガナ order: the list behind a bar of the
    ladder chart."""
    params = {"end": _iso(day), "registered_before": _iso(day + timedelta(days=1)), "stage": stage,
              "interested": LadderStage.INTERESTED.value, "limit": limit or _no_limit(session)}
    return _fetch(session, f"""
        WITH latest AS ({_latest_stages(session, f"deleted_at IS NULL AND person_id {_LIVE_PERSON}")}),
        chosen AS (
            SELECT person_id AS id FROM latest WHERE stage = :stage
            UNION ALL
            SELECT p.id FROM person AS p
            WHERE p.deleted_at IS NULL AND p.created_at < :registered_before
              AND NOT EXISTS (SELECT 1 FROM ladder_stage_change AS c INDEXED BY ix_ladder_stage_change_live
                              WHERE c.person_id = p.id AND c.deleted_at IS NULL AND c.changed_on <= :end)
              AND coalesce((SELECT coalesce(c.from_stage, :interested)
                            FROM ladder_stage_change AS c INDEXED BY ix_ladder_stage_change_live
                            WHERE c.person_id = p.id AND c.deleted_at IS NULL
                            ORDER BY c.changed_on, c.created_at, c.rowid LIMIT 1), p.ladder_stage) = :stage)
        SELECT p.id, p.name, p.last_activity_on FROM person AS p JOIN chosen ON chosen.id = p.id
        ORDER BY p.furigana_sort, p.name LIMIT :limit
    """, params)


def persons_at_stage(session: Session, stage: str, limit: int | None = None) -> list[tuple]:
    """[(person id, name, last activity day)] of live persons now at a ladder stage, in フリガナ order."""
    return _fetch(session, """
        SELECT id, name, last_activity_on FROM person WHERE deleted_at IS NULL AND ladder_stage = :stage
        ORDER BY furigana_sort, name LIMIT :limit
    """, {"stage": stage, "limit": limit or _no_limit(session)})
