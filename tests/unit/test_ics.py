"""The .ics export parsed back with a real iCalendar parser: all-day events, exclusive end, Japanese intact."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io.ics import write_stays_ics
from kankei_desktop.services import stays
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.stays import StayInput


@pytest.fixture
def two_stays(session):
    taro = create_person(session, PersonInput(name="山田 太郎"))
    hanako = create_person(session, PersonInput(name="佐藤 花子"))
    farm = create_host(session, HostInput(name="棚田農園"))
    inn = create_host(session, HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=5))
    group = stays.create_stay(session, StayInput(
        person_ids=[taro, hanako], host_id=farm, lodging_id=inn, start_on=date(2026, 11, 27),
        end_on=date(2026, 11, 29), purpose="稲刈り；はさ掛け, 体験", notes="長靴持参\n雨天決行",
    ), today=date(2026, 11, 1))
    day = stays.create_stay(session, StayInput(
        person_ids=[taro], host_id=farm, start_on=date(2026, 12, 5), end_on=date(2026, 12, 5),
    ), today=date(2026, 11, 1))
    cancelled = stays.create_stay(session, StayInput(
        person_ids=[hanako], host_id=farm, start_on=date(2026, 12, 6), end_on=date(2026, 12, 6), status="中止",
    ), today=date(2026, 11, 1))
    session.flush()
    return group, day, cancelled


def _events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_events_parse_back_with_japanese_intact(session, two_stays, tmp_path):
    group, day, cancelled = two_stays
    path = tmp_path / "滞在.ics"
    assert write_stays_ics(session, path) == 2
    events = _events(path)
    assert set(events) == {f"stay-{group}@kankei-desktop.local", f"stay-{day}@kankei-desktop.local"}
    event = events[f"stay-{group}@kankei-desktop.local"]
    assert event.decoded("DTSTART") == date(2026, 11, 27)
    assert event.decoded("DTEND") == date(2026, 11, 30)  # exclusive: the day after the last
    summary = str(event["SUMMARY"])
    assert "山田 太郎 様 ほか1名" in summary and "棚田農園" in summary and "稲刈り；はさ掛け, 体験" in summary
    description = str(event["DESCRIPTION"])
    assert "佐藤 花子 様" in description and "長靴持参\n雨天決行" in description
    assert str(event["LOCATION"]) == "民宿やまびこ"
    one_day = events[f"stay-{day}@kankei-desktop.local"]
    assert one_day.decoded("DTEND") == date(2026, 12, 6)
    # plain bytes: UTF-8, lines folded within 75 octets, CRLF endings
    raw = path.read_bytes()
    assert "山田".encode() in raw.replace(b"\r\n ", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert not list(tmp_path.glob(".tmp-*"))


def test_uid_stable_and_cancelled_on_request(session, two_stays, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_stays_ics(session, first)
    write_stays_ics(session, second, include_cancelled=True)
    assert set(_events(first)) < set(_events(second))
    cancelled = _events(second)[f"stay-{two_stays[2]}@kankei-desktop.local"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and str(cancelled["SUMMARY"]).startswith("【中止】")


def test_missing_folder_is_a_clear_error(session, two_stays, tmp_path):
    with pytest.raises(KankeiError) as error:
        write_stays_ics(session, tmp_path / "nowhere" / "x.ics")
    assert "フォルダー" in error.value.message
