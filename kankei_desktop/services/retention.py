"""The retention period on ホーム: persons with no contact for longer than the period, shown until
the coordinator acts (erases or brings them back into contact) or postpones the reminder.

The period is a setting in years or months (「5年」「18か月」); persons never contacted count
from the day they were registered, as in データの保護 → 個人情報 (``services.privacy``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import or_, select
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Person
from kankei_desktop.services import settings_store
from kankei_desktop.services.settings_store import Declared


def parse_period(value) -> str:
    """「5年」「5 years」「18か月」「18ヶ月」「18 months」「5」(years) → 「5年」 or 「18か月」; 1 month to 30 years."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip().lower().replace(" ", "")
    match = re.fullmatch(r"([0-9]+)(年|years?|y|か月|ヶ月|ケ月|カ月|箇月|months?|m)?", text)
    if not match:
        raise ValueError("年数か月数で入力してください（例: 5年、18か月）")
    number, unit = int(match.group(1)), match.group(2) or "年"
    months = number * 12 if unit in ("年", "year", "years", "y") else number
    if not 1 <= months <= 360:
        raise ValueError("1か月から30年までで入力してください")
    return f"{months // 12}年" if months % 12 == 0 else f"{months}か月"


RETENTION_PERIOD = Declared("retention_period", "5年", "保存期間（関わりがこれより長くない人をホームで知らせる）",
                            parse_period)
POSTPONED_UNTIL = "retention_postponed_until"
_POSTPONED = Declared(POSTPONED_UNTIL, "", "保存期間の通知を延期した日")


def months_of(period: str) -> int:
    text = parse_period(period)
    return int(text[:-1]) * 12 if text.endswith("年") else int(text[:-2])


def cutoff(today: date, months: int) -> date:
    """The day ``months`` before ``today`` (the end of a shorter month when needed)."""
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for day in range(today.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(today.day, 28))


@dataclass(frozen=True)
class RetentionNotice:
    period: str  # 「5年」
    count: int  # persons past the period
    postponed_until: date | None  # reminder postponed until this day (not shown before)
    shown: bool  # ホーム shows it now


def period_of(session: Session, period=None) -> str:
    """``period`` as stored (「5年」「18か月」; a bare number is years), or the setting when None;
    a period that is not one is refused naming the field."""
    if period is None or period == "":
        return settings_store.get(session, RETENTION_PERIOD)
    try:
        return parse_period(period)
    except ValueError as error:
        raise ValidationError({"period": f"保存期間「{period}」: {error}。"}) from None


def persons_past(session: Session, months: int, today: date, limit: int | None = None) -> list[tuple]:
    """[(id, name, last contact day or None, registered at)] of live, not anonymised persons with no
    contact since the cutoff (never contacted: registered before it), longest quiet first."""
    day = cutoff(today, months)
    statement = (
        select(Person.id, Person.name, Person.last_activity_on, Person.created_at)
        .where(Person.deleted_at.is_(None), Person.anonymised_at.is_(None),
               or_(Person.last_activity_on < day,
                   Person.last_activity_on.is_(None)
                   & (Person.created_at < datetime.combine(day, time(), tzinfo=timezone.utc))))
        .order_by(Person.last_activity_on.is_(None), Person.last_activity_on, Person.furigana_sort)
    )
    if limit:
        statement = statement.limit(limit)
    return [tuple(row) for row in session.execute(statement).all()]


def notice(session: Session, today: date) -> RetentionNotice:
    period = settings_store.get(session, RETENTION_PERIOD)
    count = len(persons_past(session, months_of(period), today))
    raw = settings_store.get(session, _POSTPONED)
    postponed = date.fromisoformat(raw) if raw else None
    return RetentionNotice(period, count, postponed, count > 0 and (postponed is None or today >= postponed))


def postpone(session: Session, today: date, days: int = 30) -> date:
    """Hide the reminder for ``days`` days (it comes back then if persons are still past the period)."""
    if not 1 <= days <= 365:
        raise ValidationError({"days": "延期は1〜365日で指定してください。"})
    until = today + timedelta(days=days)
    settings_store.put(session, _POSTPONED, until.isoformat())
    return until


def describe(item: RetentionNotice) -> str:
    text = f"保存期間（{item.period}）を過ぎた参加者が {item.count:,} 名います。"
    if item.postponed_until and not item.shown and item.count:
        text += f"（{display_date(item.postponed_until)} まで通知を延期中）"
    return text
