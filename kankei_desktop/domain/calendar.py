"""Fiscal years (年度, April to March), quarters and 和暦 with the Western year."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# (first day, era name, one-letter abbreviation)
_ERAS = (
    (date(2019, 5, 1), "令和", "R"),
    (date(1989, 1, 8), "平成", "H"),
    (date(1926, 12, 25), "昭和", "S"),
    (date(1912, 7, 30), "大正", "T"),
    (date(1868, 1, 25), "明治", "M"),
)


def era_for(day: date) -> tuple[str, int]:
    for start, name, _abbr in _ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day} is before 明治")


def era_year_text(name: str, year: int) -> str:
    return f"{name}{'元' if year == 1 else year}"


def wareki_date(day: date) -> str:
    """令和8年11月27日"""
    name, year = era_for(day)
    return f"{era_year_text(name, year)}年{day.month}月{day.day}日"


def fiscal_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_label(fiscal_year: int) -> str:
    """令和8年度（2026年度）.

    The era is the one in force for most of the year, so 2019 is 令和元年度
    (as the government writes it) and 1988 is 昭和63年度.
    """
    name, year = era_for(date(fiscal_year, 10, 1))
    return f"{era_year_text(name, year)}年度（{fiscal_year}年度）"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def fiscal_year_period(fiscal_year: int, quarter: int | None = None) -> Period:
    """The dates of a fiscal year, or of its quarter 1–4 (Q4 is January–March)."""
    if quarter is None:
        return Period(date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31))
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1 to 4")
    first_month = 4 + 3 * (quarter - 1)
    year = fiscal_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = date(year, month, 1)
    end_month = month + 2
    next_first = date(year + (end_month // 12), end_month % 12 + 1, 1)
    return Period(start, date.fromordinal(next_first.toordinal() - 1))


def display_date(day: date | None) -> str:
    return day.strftime("%Y/%m/%d") if day else ""


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


_ERA_BY_NAME = {name: start for start, name, _abbr in _ERAS} | {abbr: start for start, _name, abbr in _ERAS}
_WESTERN = re.compile(r"^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$")
_ERA_DATE = re.compile(r"^(令和|平成|昭和|大正|明治|[RHSTMrhstm])\s*(\d{1,2}|元)[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$")


def era_range(start: date) -> tuple[str, date, date | None]:
    """(name, first day, last day or None for the current era) of the era starting on ``start``."""
    for index, (first, name, _abbr) in enumerate(_ERAS):
        if first == start:
            last = _ERAS[index - 1][0].fromordinal(_ERAS[index - 1][0].toordinal() - 1) if index else None
            return name, first, last
    raise KeyError(start)


def _check_era(text: str, start: date, day: date) -> None:
    """A 和暦 date must fall inside its era: 令和1年4月30日 was still 平成, H32 never came."""
    name, first, last = era_range(start)
    if first <= day and (last is None or day <= last):
        return
    span = f"{wareki_date(first)}（{first:%Y/%m/%d}）から" + (
        f"{name}{last.year - first.year + 1}年{last.month}月{last.day}日（{last:%Y/%m/%d}）まで" if last else "")
    raise ValueError(f"「{text}」は{name}の範囲外です（{name}は {span}）。")


def parse_date(text: str) -> date:
    """A date as coordinators type it: 2001/7/7, 2001-07-07, 2001年7月7日, H13.7.7, 平成13年7月7日.

    Raises ValueError with a Japanese message for anything else or a date
    that does not exist (2025/04/31).
    """
    raw = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    match = _WESTERN.match(raw)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = _ERA_DATE.match(raw)
        if match:
            start = _ERA_BY_NAME[match[1].upper() if len(match[1]) == 1 else match[1]]
            era_year = 1 if match[2] == "元" else int(match[2])
            day = date(start.year + era_year - 1, int(match[3]), int(match[4]))
    except ValueError:
        raise ValueError(f"{text} は存在しない日付です。") from None
    if match:
        _check_era(text, start, day)
        return day
    raise ValueError(f"「{text}」は日付として読めません（例: 2026/11/27、R8.11.27、令和8年11月27日）。")


def document_date(day: date) -> str:
    """How a date reads in a document (PDF): 令和8年11月27日（2026/11/27）, 和暦 with the Western year."""
    return f"{wareki_date(day)}（{display_date(day)}）"


def document_period(start: date, end: date) -> str:
    """令和8年4月1日〜令和9年3月31日（2026/04/01〜2027/03/31）."""
    return f"{wareki_date(start)}〜{wareki_date(end)}（{display_date(start)}〜{display_date(end)}）"
