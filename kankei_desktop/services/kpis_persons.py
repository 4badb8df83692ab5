"""Person figures counted in Python from one fetch of activity rows (``services.kpis``).

Rows are ``(person id, first day, last day, programme id, is stay, stay status)`` with
ISO-text dates, which compare and slice correctly as strings. An activity touches a
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


def is_activity(row: tuple) -> bool:
    return not row[4] or row[5] == _DONE


def count_period(rows: list[tuple], start: date, end: date) -> tuple[Counted, dict[str, Counted]]:
    """(all activities, {programme id: its activities}) in the period."""
    s, e = start.isoformat(), end.isoformat()
    total = Counted()
    by_programme: dict[str, Counted] = defaultdict(Counted)
    for row in rows:
        person, first, last, programme, is_stay, status = row
        if first > e or last < s or (is_stay and status != _DONE):
            continue
        day = first if first > s else s
        targets = (total, by_programme[programme]) if programme else (total,)
        for counted in targets:
            counted.visits += 1
            counted.from_stays += is_stay
            counted.days_by_person[person].add(day)
    return total, by_programme


def persons_between(rows: list[tuple], start: date, end: date, programme_id: str | None = None) -> set[str]:
    s, e = start.isoformat(), end.isoformat()
    return {row[0] for row in rows if row[1] <= e and row[2] >= s and is_activity(row)
            and (programme_id is None or row[3] == programme_id)}


def quarters_active(rows: list[tuple], window_start: date, end: date, programme_id: str | None) -> tuple[int, int]:
    """(persons active in 2+ quarters of the window, persons active in it).

    Each activity sits in the quarter of its (clipped) date, so one long stay never makes
    two quarters by itself.
    """
    s, e = window_start.isoformat(), end.isoformat()
    quarters: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row[1] > e or row[2] < s or not is_activity(row) or (programme_id and row[3] != programme_id):
            continue
        day = row[1] if row[1] > s else s
        quarters[row[0]].add((int(day[:4]) * 12 + int(day[5:7]) - 4) // 3)
    return sum(1 for q in quarters.values() if len(q) >= 2), len(quarters)


def monthly(rows: list[tuple], start: date, end: date, programme_id: str | None) -> dict[str, tuple[int, int]]:
    """{YYYY-MM: (のべ, 実人数)} by the activity's clipped date."""
    s, e = start.isoformat(), end.isoformat()
    visits: dict[str, int] = defaultdict(int)
    persons: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row[1] > e or row[2] < s or not is_activity(row) or (programme_id and row[3] != programme_id):
            continue
        month = (row[1] if row[1] > s else s)[:7]
        visits[month] += 1
        persons[month].add(row[0])
    return {month: (visits[month], len(persons[month])) for month in visits}


def person_days(rows: list[tuple], start: date, end: date) -> dict[str | None, tuple[int, int]]:
    """{programme id: (achieved 人日, planned 人日)}: each person's stay days inside the period."""
    s, e = start.isoformat(), end.isoformat()
    result: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for person, first, last, programme, is_stay, status in rows:
        if not is_stay or first > e or last < s:
            continue
        days = (date.fromisoformat(min(last, e)) - date.fromisoformat(max(first, s))).days + 1
        result[programme][0 if status == _DONE else 1] += days
    return {key: (value[0], value[1]) for key, value in result.items()}


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


def tally(rows: list[tuple], period: tuple[date, date], previous: tuple[date, date], window_start: date,
          programme_id: str | None = None) -> Tally:
    """The same figures as ``count_period``, ``persons_between``, ``quarters_active``, ``monthly`` and
    ``person_days``, from a single loop over the rows (each of them alone is a full pass; on a
    few hundred thousand rows the passes, not the arithmetic, are the cost).

    With ``programme_id``, the period's figures count only that programme's activities; the
    previous year's persons (for 継続者) count all activities.
    """
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
    quarter_of: dict[str, int] = {}
    for person, first, last, programme, is_stay, status in rows:
        in_period = first <= e and last >= s
        if is_stay:
            if in_period:
                length = (date.fromisoformat(min(last, e)) - date.fromisoformat(max(first, s))).days + 1
                days[programme][0 if status == _DONE else 1] += length
            if status != _DONE:
                continue
        if first <= pe and last >= ps:
            previous_persons.add(person)
        if programme_id and programme != programme_id:
            continue
        if first <= e and last >= ws:
            month = (first if first > ws else ws)[:7]
            quarter = quarter_of.get(month)
            if quarter is None:
                quarter = quarter_of[month] = (int(month[:4]) * 12 + int(month[5:7]) - 4) // 3
            quarters[person].add(quarter)
        if not in_period:
            continue
        day = first if first > s else s
        total.visits += 1
        total.from_stays += is_stay
        total.days_by_person[person].add(day)
        month_visits[day[:7]] += 1
        month_persons[day[:7]].add(person)
        if programme:
            counted = by_programme[programme]
            counted.visits += 1
            counted.from_stays += is_stay
            counted.days_by_person[person].add(day)
    return Tally(
        total=total, by_programme=by_programme, previous_persons=previous_persons,
        sustained=sum(1 for q in quarters.values() if len(q) >= 2), sustained_base=len(quarters),
        monthly={month: (visits, len(month_persons[month])) for month, visits in month_visits.items()},
        person_days={key: (value[0], value[1]) for key, value in days.items()},
    )
