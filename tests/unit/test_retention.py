"""The retention period: years or months, the persons past it, the reminder postponed (issue 16 item 8)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Person
from kankei_desktop.services import retention, settings_store


@pytest.mark.parametrize("typed, stored, months", [("5年", "5年", 60), ("５年", "5年", 60), ("18か月", "18か月", 18),
                                                   ("18ヶ月", "18か月", 18), ("24 months", "2年", 24),
                                                   ("3", "3年", 36), ("2 years", "2年", 24)])
def test_period_in_years_or_months(typed, stored, months):
    assert retention.parse_period(typed) == stored and retention.months_of(stored) == months


@pytest.mark.parametrize("typed", ["", "半年", "0か月", "31年", "5週"])
def test_bad_period_refused_naming_the_setting(session, typed):
    with pytest.raises(ValidationError) as refused:
        settings_store.save(session, {retention.RETENTION_PERIOD: typed})
    assert "保存期間" in refused.value.errors["retention_period"]
    assert settings_store.get(session, retention.RETENTION_PERIOD) == "5年"


def test_cutoff_takes_the_end_of_a_short_month():
    assert retention.cutoff(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert retention.cutoff(date(2026, 12, 4), 18) == date(2025, 6, 4)


def test_persons_past_the_period_and_the_reminder(session):
    today = date(2026, 12, 4)
    registered = datetime(2024, 1, 1, tzinfo=timezone.utc)
    quiet = Person(name="静か 一郎", furigana="シズカ", last_activity_on=date(2025, 5, 1), created_at=registered)
    recent = Person(name="最近 花子", furigana="サイキン", last_activity_on=date(2026, 10, 1), created_at=registered)
    never = Person(name="未接触 次郎", furigana="ミセッショク", created_at=registered)
    new = Person(name="新規 三郎", furigana="シンキ", created_at=datetime(2026, 11, 1, tzinfo=timezone.utc))
    session.add_all([quiet, recent, never, new])
    session.flush()
    settings_store.save(session, {retention.RETENTION_PERIOD: "18か月"})
    assert [row[0] for row in retention.persons_past(session, 18, today)] == [quiet.id, never.id]
    item = retention.notice(session, today)
    assert (item.period, item.count, item.shown) == ("18か月", 2, True)
    assert retention.describe(item) == "保存期間（18か月）を過ぎた参加者が 2 名います。"
    until = retention.postpone(session, today)
    assert until == date(2027, 1, 3)
    assert not retention.notice(session, today).shown
    assert retention.notice(session, until).shown  # back when the postponement ends
