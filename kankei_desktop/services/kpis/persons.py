"""Person figures counted with numpy from one fetch of activity rows (``services.kpis``).

Rows come from ``queries.activity_rows`` (interactions and stays, two shapes) with
every date already a day number counted from the window's first day. An activity touches
a period when it starts on or before the last day and ends on or after the first; its
date there is its first day clipped to the period, so a stay across 31 March is one
activity in each fiscal year it touches.

Every figure is a count of different (key, day) pairs: the pairs are packed into one
integer column, sorted so repeats sit side by side and dropped, and counted per key. On
the 100,000-person file that takes tens of milliseconds where Python sets took most
of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain
from operator import itemgetter

import numpy as np


@dataclass
class Counted:
    """のべ, 実人数 and リピーター (persons active on two or more different dates)."""

    visits: int = 0
    from_stays: int = 0
    unique: int = 0
    repeaters: int = 0
    from_mail: int = 0  # お米レター parcels and letters


@dataclass
class Tally:
    """Everything counted from the activity rows (see ``tally``)."""

    total: Counted
    persons: set[str]  # ids of the persons behind total.unique
    repeater_ids: list[str]  # ids behind total.repeaters
    sustained_ids: list[str]  # ids behind sustained
    by_programme: dict[str, Counted]
    sustained: int
    sustained_base: int
    monthly: dict[str, tuple[int, int]]
    person_days: dict[str | None, tuple[int, int]]  # programme → (実施済, 予定・確定)


class _Calendar:
    """Month and fiscal-quarter numbers of every day number of a window."""

    def __init__(self, first: date, last: date):
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self.span = len(days)
        self.months = sorted({f"{day.year:04d}-{day.month:02d}" for day in days})
        month_number = {month: n for n, month in enumerate(self.months)}
        self.month_of = np.array([month_number[f"{day.year:04d}-{day.month:02d}"] for day in days], np.int64)
        quarters = np.array([(day.year * 12 + day.month - 4) // 3 for day in days], np.int64)  # since year 0
        self.quarter_of = quarters - quarters[0]  # counted from the window's first quarter
        self.quarter_count = int(quarters[-1] - quarters[0] + 1)


def number_ids(ids: list, key=hash) -> tuple[np.ndarray, list]:
    """(a dense number for each id, equal ids equal numbers; the id of each number).

    Numbered by ``key`` (the string hash, computed in C) and ``numpy.unique``: a dict
    lookup per row costs several times more. Should two different ids ever share a hash,
    the count of different ids tells, and they are numbered through a dict instead.
    """
    hashes = np.fromiter(map(key, ids), np.int64, len(ids))
    _unique, first, numbers = np.unique(hashes, return_index=True, return_inverse=True)
    names = [ids[i] for i in first.tolist()]
    if len(set(ids)) != len(names):
        index = {name: n for n, name in enumerate(dict.fromkeys(ids))}
        return np.fromiter(map(index.__getitem__, ids), np.int64, len(ids)), list(index)
    return numbers.reshape(-1), names


def _distinct(values: np.ndarray) -> np.ndarray:
    """The different values, sorted (``numpy.unique`` hashes first and was several times slower)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _values_per_key(keys: np.ndarray, values: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray]:
    """(each key once, how many different values it has: days, quarters…), for values in 0 … span - 1."""
    pair_keys = _distinct(keys * span + values) // span  # sorted, so a key's pairs are side by side
    if not len(pair_keys):
        return pair_keys, pair_keys
    starts = np.flatnonzero(np.concatenate(([True], pair_keys[1:] != pair_keys[:-1])))
    return pair_keys[starts], np.diff(np.append(starts, len(pair_keys)))


def _per_group(keys: np.ndarray, group_size: int, groups: int) -> np.ndarray:
    """How many of ``keys`` (group * group_size + member) fall in each group."""
    return np.bincount(keys // group_size, minlength=groups)


def tally(rows: tuple[list[tuple], list[tuple]], period: tuple[date, date], window_start: date,
          programme_id: str | None = None) -> Tally:
    """Every person figure from ``queries.activity_rows`` (interactions, stays, お米レター mail) over
    ``window_start`` … the period's end: 実人数, のべ, repeaters, 継続的関与者, monthly figures
    and 人日.

    With ``programme_id`` only that programme's activities count (人日 are returned per
    programme and picked by the caller).
    """
    interactions, mail_from, done, stays = _counted_rows(rows, programme_id)
    calendar = _Calendar(window_start, period[1])
    span, first_day = calendar.span, (period[0] - window_start).days
    window = _activities(interactions, mail_from, done, stays)

    # 継続的関与者: persons active in two or more of the window's quarters.
    window_persons, quarters = _values_per_key(window.person, calendar.quarter_of[window.day], calendar.quarter_count)
    sustained, sustained_base = int(np.count_nonzero(quarters >= 2)), len(quarters)

    inside = _in_period(window, first_day)
    persons, dates = _values_per_key(inside.person, inside.day, span)
    total = Counted(len(inside.person), int(np.count_nonzero(inside.from_stay)), len(persons),
                    int(np.count_nonzero(dates >= 2)), int(np.count_nonzero(inside.from_mail)))
    person_ids = window.person_ids
    return Tally(
        total=total, persons={person_ids[n] for n in persons.tolist()},
        repeater_ids=[person_ids[n] for n in persons[dates >= 2].tolist()],
        sustained_ids=[person_ids[n] for n in window_persons[quarters >= 2].tolist()],
        by_programme=_by_programme(inside, len(person_ids), window.programme_number, span),
        sustained=sustained, sustained_base=sustained_base, monthly=_monthly(inside, calendar),
        person_days=_person_days(stays, window.programme_number, first_day, span - 1),
    )


def _counted_rows(rows: tuple[list[tuple], ...], programme_id: str | None) -> tuple[list, int, list, list]:
    """(one-day activities: interactions then mail, where the mail starts, 実施済 stays, every stay),
    narrowed to one programme when asked."""
    interactions, stays, *rest = rows
    mail = rest[0] if rest else []
    if programme_id:
        interactions = [row for row in interactions if row[2] == programme_id]
        mail = [row for row in mail if row[2] == programme_id]
    # A parcel or a letter of お米レター is a one-day activity like an interaction.
    mail_from = len(interactions)
    interactions = interactions + mail
    done = [row for row in stays if row[4]]
    if programme_id:
        done = [row for row in done if row[3] == programme_id]
    return interactions, mail_from, done, stays


@dataclass
class _Activities:
    """One entry per activity, as numpy columns (one-day activities first, then stays)."""

    person: np.ndarray  # dense person numbers (see number_ids)
    day: np.ndarray  # day number of the activity's first day inside the window
    programme: np.ndarray  # dense programme numbers
    from_stay: np.ndarray
    from_mail: np.ndarray
    ends: np.ndarray  # the stays' last days
    one_day: int  # how many one-day activities come first
    person_ids: list
    programme_number: dict[str | None, int]


def _activities(interactions: list[tuple], mail_from: int, done: list[tuple], stays: list[tuple]) -> _Activities:
    """Number persons and programmes and turn the rows into columns, so everything after is vectorised."""
    person, person_ids = number_ids(list(chain(map(itemgetter(0), interactions), map(itemgetter(0), done))))
    programme_ids = list(dict.fromkeys(chain(map(itemgetter(2), interactions), map(itemgetter(3), stays))))
    programme_number = {pid: n for n, pid in enumerate(programme_ids)}
    programme = np.fromiter(map(programme_number.__getitem__, chain(map(itemgetter(2), interactions),
                                                                     map(itemgetter(3), done))),
                            np.int64, len(person))
    starts = np.fromiter(map(itemgetter(1), done), np.int64, len(done))
    ends = np.fromiter(map(itemgetter(2), done), np.int64, len(done))
    day = np.concatenate([np.fromiter(map(itemgetter(1), interactions), np.int64, len(interactions)),
                          np.maximum(starts, 0)])  # a stay on its first day inside the window
    from_stay = np.arange(len(person)) >= len(interactions)
    from_mail = (np.arange(len(person)) >= mail_from) & ~from_stay
    return _Activities(person, day, programme, from_stay, from_mail, ends, len(interactions), person_ids,
                       programme_number)


def _in_period(window: _Activities, first_day: int) -> _Activities:
    """The period's activities: an interaction on its day, a stay on its first day inside it."""
    inside = np.concatenate([window.day[:window.one_day] >= first_day, window.ends >= first_day])
    # ends and one_day describe the window and are carried along unused.
    return _Activities(window.person[inside], np.maximum(window.day[inside], first_day), window.programme[inside],
                       window.from_stay[inside], window.from_mail[inside], window.ends, window.one_day,
                       window.person_ids, window.programme_number)


def _by_programme(inside: _Activities, people: int, programme_number: dict[str | None, int],
                  span: int) -> dict[str, Counted]:
    """のべ, 実人数 and repeaters per programme, from (programme, person) pairs packed into one key."""
    pairs, dates = _values_per_key(inside.programme * people + inside.person, inside.day, span)
    groups = len(programme_number)
    unique = _per_group(pairs, people, groups)
    repeaters = _per_group(pairs[dates >= 2], people, groups)
    visits = np.bincount(inside.programme, minlength=groups)
    visits_from_stays = np.bincount(inside.programme[inside.from_stay], minlength=groups)
    visits_from_mail = np.bincount(inside.programme[inside.from_mail], minlength=groups)
    return {
        pid: Counted(int(visits[n]), int(visits_from_stays[n]), int(unique[n]), int(repeaters[n]),
                     int(visits_from_mail[n]))
        for pid, n in programme_number.items() if pid is not None
    }


def _monthly(inside: _Activities, calendar: _Calendar) -> dict[str, tuple[int, int]]:
    """{month: (のべ, 実人数)} for the months with activities."""
    month = calendar.month_of[inside.day]
    months = len(calendar.months)
    month_visits = np.bincount(month, minlength=months)
    month_persons = np.bincount(_distinct(inside.person * months + month) % months, minlength=months)
    return {label: (int(month_visits[n]), int(month_persons[n]))
            for n, label in enumerate(calendar.months) if month_visits[n]}


def _person_days(stays: list[tuple], programme_number: dict[str | None, int], first_day: int,
                 last_day: int) -> dict[str | None, tuple[int, int]]:
    """{programme id: (人日 of 実施済 stays, of 予定・確定 stays)} inside first_day … last_day."""
    programme = np.fromiter(map(programme_number.__getitem__, map(itemgetter(3), stays)), np.int64, len(stays))
    starts = np.maximum(np.fromiter(map(itemgetter(1), stays), np.int64, len(stays)), first_day)
    ends = np.minimum(np.fromiter(map(itemgetter(2), stays), np.int64, len(stays)), last_day)
    days = np.maximum(ends - starts + 1, 0)
    done = np.fromiter(map(itemgetter(4), stays), bool, len(stays))
    achieved = np.bincount(programme[done], weights=days[done], minlength=len(programme_number))
    planned = np.bincount(programme[~done], weights=days[~done], minlength=len(programme_number))
    return {pid: (int(achieved[n]), int(planned[n])) for pid, n in programme_number.items()}
