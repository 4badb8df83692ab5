"""Person figures counted in Python from one fetch of activity rows (``services.kpis``).

Rows come from ``kpis_queries.activity_rows`` (interactions and stay places, two shapes)
with ISO-text dates, which compare and slice correctly as strings. An activity touches a
period when it starts on or before the last day and ends on or after the first; its
date there is its first day clipped to the period, so a stay across 31 March is one
activity in each fiscal year it touches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from kankei_desktop.domain.enums import LadderStage, StayStatus

_DONE = StayStatus.DONE.value


@dataclass
class Counted:
    visits: int = 0
    from_stays: int = 0
    days_by_person: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def unique(self) -> int:
        return len(self.days_by_person)

    @property
    def repeaters(self) -> int:
        return sum(1 for days in self.days_by_person.values() if len(days) >= 2)


_RANK = {stage.value: stage.rank for stage in LadderStage}


def ladder(persons: list[tuple], changes: list[tuple], start: date, end: date) -> tuple[dict[str, int], int, int]:
    """({stage: persons on the last day}, moves up in the period, persons who moved up).

    A person's stage on a day is the last change on or before it; before their first change
    it is that change's starting stage; with no history it is the current stage. A person
    registered after the day, with no change by then, is not counted.
    """
    s, e = start.isoformat(), end.isoformat()
    at_end: dict[str, str] = {}
    before_first: dict[str, str] = {}
    moves, movers = 0, set()
    for person, from_stage, to_stage, changed_on in changes:
        if changed_on <= e:
            at_end[person] = to_stage
            if changed_on >= s and _RANK.get(to_stage, 0) > _RANK.get(from_stage or LadderStage.INTERESTED.value, 0):
                moves += 1
                movers.add(person)
        elif person not in before_first:
            before_first[person] = from_stage or LadderStage.INTERESTED.value
    counts: dict[str, int] = defaultdict(int)
    for person, current, registered in persons:
        if person in at_end:
            counts[at_end[person]] += 1
        elif registered <= e:
            counts[before_first.get(person, current)] += 1
    return dict(counts), moves, len(movers)


@dataclass
class Tally:
    """Everything counted from the activity rows, in one pass (see ``tally``)."""

    total: Counted
    by_programme: dict[str, Counted]
    previous_persons: set[str]
    sustained: int
    sustained_base: int
    monthly: dict[str, tuple[int, int]]
    person_days: dict[str | None, tuple[int, int]]


def _quarters_of_months(first: str, last: str) -> dict[str, int]:
    """{YYYY-MM: fiscal quarter number} for every month from ``first`` to ``last`` (ISO days)."""
    result, year, month = {}, int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last[:7]:
        result[f"{year:04d}-{month:02d}"] = (year * 12 + month - 4) // 3
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def tally(rows: tuple[list[tuple], list[tuple]], period: tuple[date, date], previous: tuple[date, date],
          window_start: date, programme_id: str | None = None) -> Tally:
    """Every person figure from ``kpis_queries.activity_rows`` (interactions, stays) in one loop
    over each list: 実人数, のべ, repeaters, previous year's persons, 継続的関与者, monthly figures
    and 人日. On a few hundred thousand rows the passes, not the arithmetic, are the cost.

    With ``programme_id``, the period's figures count only that programme's activities; the
    previous year's persons (for 継続者) count all activities.
    """
    interactions, stays = rows
    s, e = period[0].isoformat(), period[1].isoformat()
    ps, pe = previous[0].isoformat(), previous[1].isoformat()
    ws = window_start.isoformat()
    total = Counted()
    by_programme: dict[str, Counted] = defaultdict(Counted)
    previous_persons: set[str] = set()
    quarters: dict[str, set[int]] = defaultdict(set)
    month_visits: dict[str, int] = defaultdict(int)
    month_persons: dict[str, set[str]] = defaultdict(set)
    days: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    quarter_of = _quarters_of_months(min(ws, ps), e)
    total_days = total.days_by_person

    # Interactions: one day each, inside [ps, e] by the query.
    for person, day, programme in interactions:
        if day <= pe:
            previous_persons.add(person)
        if programme_id and programme != programme_id:
            continue
        if day < ws:
            continue
        month = day[:7]
        quarters[person].add(quarter_of[month])
        if day < s:
            continue
        total.visits += 1
        total_days[person].add(day)
        month_visits[month] += 1
        month_persons[month].add(person)
        if programme:
            counted = by_programme[programme]
            counted.visits += 1
            counted.days_by_person[person].add(day)

    for person, first, last, programme, status, length in stays:
        in_period = length is not None
        if in_period:
            days[programme][0 if status == _DONE else 1] += length
        if status != _DONE:
            continue
        if first <= pe and last >= ps:
            previous_persons.add(person)
        if programme_id and programme != programme_id:
            continue
        if first <= e and last >= ws:
            quarters[person].add(quarter_of[(first if first > ws else ws)[:7]])
        if not in_period:
            continue
        day = first if first > s else s
        total.visits += 1
        total.from_stays += 1
        total_days[person].add(day)
        month_visits[day[:7]] += 1
        month_persons[day[:7]].add(person)
        if programme:
            counted = by_programme[programme]
            counted.visits += 1
            counted.from_stays += 1
            counted.days_by_person[person].add(day)
    return Tally(
        total=total, by_programme=by_programme, previous_persons=previous_persons,
        sustained=sum(1 for q in quarters.values() if len(q) >= 2), sustained_base=len(quarters),
        monthly={month: (visits, len(month_persons[month])) for month, visits in month_visits.items()},
        person_days={key: (value[0], value[1]) for key, value in days.items()},
    )
