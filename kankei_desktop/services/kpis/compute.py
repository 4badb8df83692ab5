"""The one KPI computation behind the dashboard, ``kankei-desktop stats`` and the PDF.

``compute_kpis(session, fiscal_year, quarter, programme_id)`` returns plain dataclasses;
``KpiReport.to_json_dict()`` is the stable JSON documented in ``docs/stats-json.md``.
The definitions are in ``docs/kpi.md``; every screen and document reads this result
instead of counting on its own, so a figure is the same wherever it appears.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from sqlmodel import Session

from kankei_desktop.domain.calendar import Period, fiscal_year_period
from kankei_desktop.domain.enums import LadderStage, ProgrammeKind
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.figures import (
    CustomIndicatorFigure,
    HostFigures,
    KpiReport,
    LadderCount,
    LadderFigures,
    MailFigures,
    MonthFigures,
    PersonDays,
    PersonFigures,
    ProgrammeFigures,
    TargetFigure,
    period_label,
)
from kankei_desktop.services.kpis import queries as q
from kankei_desktop.services.kpis.funnels import funnels
from kankei_desktop.services.memory import gc_paused
from kankei_desktop.services.programmes import (
    TARGET_PARTICIPANTS,
    TARGET_PERSON_DAYS,
    TARGET_REPLIES,
    live_programme,
)
from kankei_desktop.store.dialect import statement
from kankei_desktop.store.snapshot import paired_reader

if TYPE_CHECKING:  # numpy is imported late, see _count
    from kankei_desktop.services.kpis.persons import Tally


def share(part: int | float | None, whole: int | float | None) -> float | None:
    """part ÷ whole, or None when there is nothing to divide by."""
    if part is None or not whole:
        return None
    return part / whole


def _sustained_window_start(fiscal_year: int, quarter: int | None) -> date:
    """The first day of the four quarters that end with the period's last quarter."""
    last = quarter or 4
    if last == 4:
        return fiscal_year_period(fiscal_year).start
    return fiscal_year_period(fiscal_year - 1, last + 1).start


def _months(period: Period) -> list[str]:
    months, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _median_days(days: list[int | None]) -> float | None:
    known = [day for day in days if day is not None]
    return float(median(known)) if known else None


def _check(fiscal_year: int, quarter: int | None) -> None:
    if not 1900 <= fiscal_year <= 2200:
        raise ValidationError({"fiscal_year": f"年度 {fiscal_year} は範囲外です（例: 2026）。"})
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": f"四半期は 1〜4 で指定してください（{quarter} が指定されました）。"})


class _RecordFigures(NamedTuple):
    """The figures SQLite counts nearly on its own: SQL aggregates with little Python work, so
    they run beside the activity count without taking turns with it for the interpreter."""

    ladder: tuple[dict[str, int], int, int]
    letters: tuple[int, int, list[tuple]]
    shipments: tuple[int, int, int, list]
    hosts: tuple[int, int, int]


def _record_figures(session: Session, period: Period, programme_id: str | None) -> _RecordFigures:
    start, end = period.start, period.end
    return _RecordFigures(
        ladder=q.ladder_figures(session, start, end, programme_id),
        letters=q.letters(session, start, end, programme_id),
        shipments=q.shipments(session, start, end, programme_id),
        hosts=q.hosts(session, start, end, programme_id),
    )


def compute_kpis(session: Session, fiscal_year: int, quarter: int | None = None,
                 programme_id: str | None = None) -> KpiReport:
    """Every figure for a fiscal year (or one of its quarters), overall or for one programme.

    When ``session`` has not begun yet, the record figures (ladder, mail, hosts) are counted
    on a second connection with the same snapshot (``store.snapshot``) while this thread
    fetches and counts the activities; otherwise everything runs in ``session``, so its own
    unsaved changes count.
    """
    _check(fiscal_year, quarter)
    period = fiscal_year_period(fiscal_year, quarter)
    counted = _count(session, fiscal_year, quarter, period, programme_id)
    days_by_programme = counted.tally.person_days
    if programme_id:
        days_by_programme = {programme_id: days_by_programme.get(programme_id, (0, 0))}

    persons = _person_figures(counted.tally, counted.previous_persons, programme_id)
    monthly = [MonthFigures(month, *counted.tally.monthly.get(month, (0, 0))) for month in _months(period)]
    indicators = custom_indicators(session, fiscal_year, quarter, programme_id)
    programmes, all_targets = _programme_figures(session, period, counted, days_by_programme, indicators)
    person_days = _person_days_total(days_by_programme, all_targets)
    ladder, mail = _ladder_figures(counted.records), _mail_figures(counted.records)
    hosts = HostFigures(*counted.records.hosts)

    has_data = bool(
        persons.person_visits or person_days.planned or mail.letters_sent or mail.letters_received or mail.shipped
        or mail.delivered or mail.returned or ladder.moves_up
        or any(p.enrollments for p in programmes) or any(i.value is not None for i in indicators)
    )
    return KpiReport(
        fiscal_year=fiscal_year, quarter=quarter, period_start=period.start, period_end=period.end,
        period_label=period_label(fiscal_year, quarter), programme_id=programme_id, programme=counted.programme_name,
        has_data=has_data, persons=persons, person_days=person_days, monthly=monthly, ladder=ladder, mail=mail,
        hosts=hosts, programmes=programmes, targets=all_targets, custom_indicators=indicators,
    )


class _Counted(NamedTuple):
    """Everything ``compute_kpis`` fetches and counts before it builds the figures."""

    programme_name: str | None
    programme_rows: list[tuple]  # (id, name, kind, year) of the year's programmes
    tally: Tally
    previous_persons: set[str]  # active in the previous fiscal year
    funnel_by_programme: dict[str, tuple[int, list]]
    records: _RecordFigures


def _count(session: Session, fiscal_year: int, quarter: int | None, period: Period,
           programme_id: str | None) -> _Counted:
    """Fetch and count the activities here while the record figures are counted beside (see compute_kpis)."""
    # Imported here: numpy costs a tenth of a second, and the home page imports this module
    # before its first window appears.
    from kankei_desktop.services.kpis import persons as P

    previous = fiscal_year_period(fiscal_year - 1)
    start, end = period.start, period.end
    with paired_reader(session) as reader, ThreadPoolExecutor(1, thread_name_prefix="kpi-records") as pool:
        programme_name = live_programme(session, programme_id).name if programme_id else None
        programme_rows = _programmes(session, fiscal_year, programme_id)
        programme_ids = [row[0] for row in programme_rows]
        beside = None
        if reader is not None:
            q.prepare(reader)
            beside = pool.submit(_record_figures, reader, period, programme_id)

        q.prepare(session)
        window_start = _sustained_window_start(fiscal_year, quarter)
        with gc_paused():  # a few hundred thousand row tuples, no cycles among them
            tally = P.tally(q.activity_rows(session, window_start, end), (start, end), window_start, programme_id)
            previous_persons = q.active_person_ids(session, previous.start, previous.end)
        funnel_by_programme = funnels(session, programme_ids, end)
        records = beside.result() if beside else _record_figures(session, period, programme_id)
    return _Counted(programme_name, programme_rows, tally, previous_persons, funnel_by_programme, records)


def _person_figures(tally: Tally, previous_persons: set[str], programme_id: str | None) -> PersonFigures:
    """実人数, のべ by source, repeaters, continuing and sustained persons."""
    total = tally.total
    both = len(tally.persons & previous_persons)
    unique, visits = total.unique, total.visits
    return PersonFigures(
        unique_persons=unique, person_visits=visits, visits_from_stays=total.from_stays,
        visits_from_interactions=visits - total.from_stays - total.from_mail, repeaters=total.repeaters,
        repeat_share=share(total.repeaters, unique), continuing=both,
        previous_year_unique_persons=len(previous_persons),
        # The previous year's 実人数 is everybody's: as a programme's denominator it would mislead.
        continuing_rate=None if programme_id else share(both, len(previous_persons)),
        sustained=tally.sustained, sustained_base=tally.sustained_base,
        sustained_share=share(tally.sustained, tally.sustained_base),
        visits_from_mail=total.from_mail,
    )


def _programme_figures(session: Session, period: Period, counted: _Counted,
                       days_by_programme: dict[str | None, tuple[int, int]],
                       indicators: list[CustomIndicatorFigure]) -> tuple[list[ProgrammeFigures], list[TargetFigure]]:
    """(each programme's figures with its funnel and targets, every target in programme order)."""
    from kankei_desktop.services.kpis import persons as P  # numpy is loaded already by _count

    programme_ids = [row[0] for row in counted.programme_rows]
    targets_by_programme = _targets(session, programme_ids)
    mail_programmes = [row[0] for row in counted.programme_rows if row[2] == ProgrammeKind.KOME_LETTER.value]
    mail_reach = q.mail_reach(session, period.start, period.end, mail_programmes)

    programmes: list[ProgrammeFigures] = []
    all_targets: list[TargetFigure] = []
    for pid, name, kind, year in counted.programme_rows:
        figures = counted.tally.by_programme.get(pid, P.Counted())
        p_visits, p_unique, p_repeaters = figures.visits, figures.unique, figures.repeaters
        achieved, planned = days_by_programme.get(pid, (0, 0))
        reach, received = mail_reach.get(pid, (None, None))
        entered = {i.target_key: i.value for i in indicators if i.target_key and i.programme_id == pid}
        targets = []
        for key, target_name, unit, value in targets_by_programme.get(pid, []):
            actual = _target_actual(key, p_unique, achieved, reach, received, entered)
            targets.append(TargetFigure(name, key, target_name, unit, value, actual, share(actual, value)))
        days_target = next((t.target for t in targets if t.key == TARGET_PERSON_DAYS), None)
        enrollments, funnel = counted.funnel_by_programme.get(pid, (0, []))
        programmes.append(ProgrammeFigures(
            pid, name, kind, year, p_unique, p_visits, p_repeaters, share(p_repeaters, p_unique),
            PersonDays(achieved, planned, days_target, share(achieved, days_target)), enrollments, funnel, targets,
            reach, received,
        ))
        all_targets.extend(targets)
    return programmes, all_targets


def _person_days_total(days_by_programme: dict[str | None, tuple[int, int]],
                       all_targets: list[TargetFigure]) -> PersonDays:
    """人日 over every counted programme, against the sum of their 人日 targets (None when none is set)."""
    achieved_total = sum(a for a, _p in days_by_programme.values())
    planned_total = sum(p for _a, p in days_by_programme.values())
    day_targets = [t.target for t in all_targets if t.key == TARGET_PERSON_DAYS]
    days_target = sum(day_targets) if day_targets else None
    return PersonDays(achieved_total, planned_total, days_target, share(achieved_total, days_target))


def _ladder_figures(records: _RecordFigures) -> LadderFigures:
    """Persons per ladder stage (every stage, in ladder order) and the moves up."""
    stage_counts, moves_up, persons_moved = records.ladder
    return LadderFigures([LadderCount(stage.value, stage_counts.get(stage.value, 0)) for stage in LadderStage],
                         moves_up, persons_moved)


def _mail_figures(records: _RecordFigures) -> MailFigures:
    """Letters, replies and parcels, with the median days to a reply and in transit."""
    sent, received, replied = records.letters
    shipped, delivered, returned, transit = records.shipments
    return MailFigures(
        letters_sent=sent, letters_received=received, replies=sum(row[1] for row in replied),
        letters_replied=len(replied), reply_rate=share(len(replied), sent),
        median_days_to_reply=_median_days([row[0] for row in replied]),
        shipped=shipped, delivered=delivered, returned=returned, median_days_in_transit=_median_days(transit),
    )


def _target_actual(key: str, unique: int, achieved: int, reach: int | None, received: int | None,
                   entered: dict[str, float | None]) -> float | None:
    """The counted figure a programme target compares with (docs/kpi.md, 目標): 参加者数 with
    the reach for お米レター (persons sent rice) and 実人数 otherwise, 人日 with achieved 人日,
    お礼状 (``replies``) with the letters received, any other key with the indicator value
    entered for it (受入コーディネーター育成); None when nothing counts it."""
    if key == TARGET_PARTICIPANTS:
        return reach if reach is not None else unique
    if key == TARGET_PERSON_DAYS:
        return achieved
    if key == TARGET_REPLIES and received is not None:
        return received
    return entered.get(key)


def _programmes(session: Session, fiscal_year: int, programme_id: str | None) -> list[tuple]:
    if programme_id:
        where, params = "id = :programme", {"programme": programme_id}
    else:
        where, params = "fiscal_year = :year", {"year": fiscal_year}
    return [tuple(row) for row in session.execute(statement(session,
        f"SELECT id, name, kind, fiscal_year FROM programme WHERE deleted_at IS NULL AND {where} ORDER BY name"
    ), params).all()]


def _targets(session: Session, programme_ids: list[str]) -> dict[str, list[tuple]]:
    result: dict[str, list[tuple]] = {}
    if not programme_ids:
        return result
    marks = ", ".join(f":p{i}" for i in range(len(programme_ids)))
    rows = session.execute(statement(session, f"""
        SELECT programme_id, key, name, unit, target_value FROM programme_target
        WHERE programme_id IN ({marks}) AND deleted_at IS NULL ORDER BY created_at, key
    """), {f"p{i}": pid for i, pid in enumerate(programme_ids)}).all()
    for pid, key, name, unit, value in rows:
        result.setdefault(pid, []).append((key, name, unit, float(value)))
    return result


def custom_indicators(session: Session, fiscal_year: int, quarter: int | None,
                      programme_id: str | None = None) -> list[CustomIndicatorFigure]:
    """The hand-entered indicators (例3, 例4) with their value for exactly this period, as entered;
    an indicator marked ``computed_from`` a kind (物産購入, 寄附) with no value entered for the
    period gets the sum of that kind's amounts in the period (of its programme, if it has one).
    An archived indicator is listed only for a period it has a value or target for."""
    where = " AND ci.programme_id = :programme" if programme_id else ""
    rows = session.execute(statement(session, f"""
        SELECT ci.id, ci.name, ci.unit, ci.source_note, p.name, v.value, v.target, ci.programme_id,
               ci.computed_from, ci.pair_id, ci.target_key, ci.archived_at, v.id
        FROM custom_indicator AS ci
        LEFT JOIN programme AS p ON p.id = ci.programme_id
        LEFT JOIN custom_indicator_value AS v ON v.indicator_id = ci.id AND v.deleted_at IS NULL
             AND v.fiscal_year = :year AND v.quarter IS :quarter
        WHERE ci.deleted_at IS NULL{where}
        ORDER BY ci.created_at, ci.name, v.updated_at
    """), {"year": fiscal_year, "quarter": quarter, "programme": programme_id}).all()
    period = fiscal_year_period(fiscal_year, quarter)
    latest: dict[str, CustomIndicatorFigure] = {}
    names, pairs, archived = {}, {}, set()
    for (indicator_id, name, unit, note, programme, value, target, pid, computed_from, pair_id, target_key,
         archived_at, value_id) in rows:
        computed = False
        if value is None and computed_from:
            value = q.amount_sum(session, computed_from, period.start, period.end, pid)
            computed = value is not None
        latest[indicator_id] = CustomIndicatorFigure(name, unit or "", value, target, note or "", programme,
                                                     indicator_id, computed, None, target_key or "", pid)
        names[indicator_id], pairs[indicator_id] = name, pair_id
        if archived_at is not None and value_id is None:
            archived.add(indicator_id)
    for indicator_id, figure in latest.items():
        figure.pair = names.get(pairs[indicator_id]) if pairs[indicator_id] else None
    return [figure for indicator_id, figure in latest.items() if indicator_id not in archived]


# The person figures whose persons a click lists (ホーム tiles, the PDF's named list).
PERSON_FIGURES = ("unique_persons", "person_visits", "repeaters", "continuing", "sustained")


def persons_behind(session: Session, key: str, fiscal_year: int, quarter: int | None = None,
                   programme_id: str | None = None, limit: int | None = None) -> list[tuple]:
    """[(person id, name, のべ, last activity day)] of exactly the persons a person figure counts,
    in the participants list's order: 実人数 and のべ (every active person), リピーター, 継続者
    (active in the period and the previous fiscal year) or 継続的関与者 (active in two of the
    four quarters; のべ and last day over those four quarters). Counted from the same rows
    as ``compute_kpis``, so the list is as long as the figure."""
    from kankei_desktop.services.kpis import persons as P

    if key not in PERSON_FIGURES:
        raise ValidationError({"figure": f"「{key}」は人の一覧を持つ指標ではありません。"})
    _check(fiscal_year, quarter)
    period = fiscal_year_period(fiscal_year, quarter)
    start, end = period.start, period.end
    if key in ("unique_persons", "person_visits"):
        return q.active_persons(session, start, end, programme_id, limit)
    window_start = _sustained_window_start(fiscal_year, quarter)
    counted = P.tally(q.activity_rows(session, window_start, end), (start, end), window_start, programme_id)
    if key == "repeaters":
        return q.active_persons(session, start, end, programme_id, limit, only=counted.repeater_ids)
    if key == "continuing":
        previous = fiscal_year_period(fiscal_year - 1)
        both = counted.persons & q.active_person_ids(session, previous.start, previous.end)
        return q.active_persons(session, start, end, programme_id, limit, only=both)
    return q.active_persons(session, window_start, end, programme_id, limit, only=counted.sustained_ids)
