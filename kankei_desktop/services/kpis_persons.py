"""Person figures counted in Python from one fetch of activity rows (``services.kpis``).

Rows come from ``kpis_queries.activity_rows`` (interactions and stay places, two shapes)
with ISO-text dates, which compare and slice correctly as strings. An activity touches a
period when it starts on or before the last day and ends on or after the first; its
date there is its first day clipped to the period, so a stay across 31 March is one
activity in each fiscal year it touches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain, compress, count, repeat
from operator import add, floordiv, ge, itemgetter, mod, mul

from kankei_desktop.domain.enums import StayStatus

_DONE = StayStatus.DONE.value


@dataclass
class Counted:
    """のべ, 実人数 and リピーター (persons active on two or more different dates)."""

    visits: int = 0
    from_stays: int = 0
    unique: int = 0
    repeaters: int = 0


@dataclass
class Tally:
    """Everything counted from the activity rows (see ``tally``)."""

    total: Counted
    persons: set[str]  # ids of the persons behind total.unique
    by_programme: dict[str, Counted]
    sustained: int
    sustained_base: int
    monthly: dict[str, tuple[int, int]]
    person_days: dict[str | None, tuple[int, int]]


class _Calendar:
    """Day, month and fiscal-quarter numbers for every day of a window (ISO text → int)."""

    def __init__(self, first: date, last: date):
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self.number = {day.isoformat(): n for n, day in enumerate(days)}
        self.months = sorted({f"{day.year:04d}-{day.month:02d}" for day in days})
        month_number = {month: n for n, month in enumerate(self.months)}
        self.month_of = [month_number[f"{day.year:04d}-{day.month:02d}"] for day in days]
        quarters = [(day.year * 12 + day.month - 4) // 3 for day in days]  # fiscal quarters since year 0
        self.quarter_of = [quarter - quarters[0] for quarter in quarters]  # counted from the window's first
        self.quarter_count = quarters[-1] - quarters[0] + 1

    def numbers(self, days: list[str]) -> list[int]:
        return list(map(self.number.__getitem__, days))


def _pairs(keys: list[int], values: list[int], span: int) -> set[int]:
    """The different (key, value) pairs as ``key * span + value``, for values below ``span``."""
    return set(map(add, map(mul, keys, repeat(span)), values))


def _per_key(pairs: set[int], span: int) -> Counter:
    """{key: different values} from ``_pairs``."""
    return Counter(map(floordiv, pairs, repeat(span)))


def _at_least_two(counts: Counter) -> int:
    return sum(map(ge, counts.values(), repeat(2)))


def tally(rows: tuple[list[tuple], list[tuple]], period: tuple[date, date], window_start: date,
          programme_id: str | None = None) -> Tally:
    """Every person figure from ``kpis_queries.activity_rows`` (interactions, stays) over
    ``window_start`` … the period's end: 実人数, のべ, repeaters, 継続的関与者, monthly figures
    and 人日.

    Person ids, ISO days and programmes are numbered once, and every figure is a set or a
    counter over integer columns built with ``map``: on a few hundred thousand rows,
    per-row interpreter work and hashing 36-character ids were the cost, not the
    arithmetic. With ``programme_id`` only that programme's activities count (人日 are
    returned per programme and picked by the caller).
    """
    interactions, stays = rows
    s = period[0].isoformat()
    ws = window_start.isoformat()
    done = [row for row in stays if row[4] == _DONE]
    if programme_id:
        interactions = [row for row in interactions if row[2] == programme_id]
        done = [row for row in done if row[3] == programme_id]
    in_period = [row for row in done if row[5] is not None]
    if ws < s:  # a quarter's window starts before the period
        period_interactions = [row for row in interactions if row[1] >= s]
    else:
        period_interactions = interactions

    calendar = _Calendar(window_start, period[1])
    span = len(calendar.number)
    person_ids = list(dict.fromkeys(chain(map(itemgetter(0), interactions), map(itemgetter(0), done))))
    number_of = dict(zip(person_ids, count()))

    def persons_of(rows: list[tuple]) -> list[int]:
        return list(map(number_of.__getitem__, map(itemgetter(0), rows)))

    # 継続的関与者: the quarters of the activities' dates (a stay's first day clipped to the window).
    window_persons = persons_of(interactions) + persons_of(done)
    window_days = calendar.numbers(list(map(itemgetter(1), interactions))
                                   + [row[1] if row[1] > ws else ws for row in done])
    window_quarters = list(map(calendar.quarter_of.__getitem__, window_days))
    quarters = _per_key(_pairs(window_persons, window_quarters, calendar.quarter_count), calendar.quarter_count)

    # The period's activities: an interaction on its day, a stay on its first day inside it.
    if ws < s:
        persons = persons_of(period_interactions) + persons_of(in_period)
        days = calendar.numbers(list(map(itemgetter(1), period_interactions))
                                + [row[1] if row[1] > s else s for row in in_period])
    else:  # a whole fiscal year: the window is the period, every stay fetched touches it
        persons, days = window_persons, window_days
    dates_per_person = _per_key(_pairs(persons, days, span), span)
    total = Counted(len(persons), len(in_period), len(dates_per_person), _at_least_two(dates_per_person))

    programme_ids = list(dict.fromkeys(chain(map(itemgetter(2), period_interactions), map(itemgetter(3), in_period))))
    programme_number = dict(zip(programme_ids, count()))
    programmes = list(map(programme_number.__getitem__, chain(map(itemgetter(2), period_interactions),
                                                               map(itemgetter(3), in_period))))
    stay_programmes = Counter(programmes[len(period_interactions):])
    visits = Counter(programmes)
    # (programme, person) → different dates, as one integer key per programme and person.
    dates = _per_key(_pairs(list(map(add, map(mul, programmes, repeat(len(number_of))), persons)), days, span),
                     span)
    unique = _per_key(set(dates), len(number_of))
    repeaters = _per_key(set(compress(dates, map(ge, dates.values(), repeat(2)))), len(number_of))
    by_programme = {
        pid: Counted(visits[number], stay_programmes[number], unique[number], repeaters[number])
        for pid, number in programme_number.items() if pid is not None
    }

    months = list(map(calendar.month_of.__getitem__, days))
    month_visits = Counter(months)
    month_persons = Counter(map(mod, _pairs(persons, months, span), repeat(span)))

    person_days: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for _person, _first, _last, programme, status, length in stays:
        if length is not None:
            person_days[programme][0 if status == _DONE else 1] += length
    return Tally(
        total=total, persons={person_ids[number] for number in dates_per_person}, by_programme=by_programme,
        sustained=_at_least_two(quarters), sustained_base=len(quarters),
        monthly={calendar.months[month]: (n, month_persons[month]) for month, n in month_visits.items()},
        person_days={key: (value[0], value[1]) for key, value in person_days.items()},
    )
