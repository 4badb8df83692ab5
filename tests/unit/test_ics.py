"""The .ics export parsed back with a real iCalendar parser: all-day events, exclusive end, Japanese intact."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar
from sqlalchemy import text

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import Stay
from kankei_desktop.services.stay_ics import write_per_host, write_stays_ics
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


def test_sequence_and_last_modified_come_from_the_record(session, two_stays, tmp_path):
    group, day, _cancelled = two_stays
    before = tmp_path / "before.ics"
    write_stays_ics(session, before)
    again = tmp_path / "again.ics"
    write_stays_ics(session, again)
    assert before.read_bytes() == again.read_bytes()  # nothing changed: the same file, DTSTAMP included
    event = _events(before)[f"stay-{group}@kankei-desktop.local"]
    assert int(event["SEQUENCE"]) == 0
    stay = session.get(Stay, group)
    assert event.decoded("LAST-MODIFIED").replace(tzinfo=None) == stay.updated_at.replace(microsecond=0, tzinfo=None)
    assert event.decoded("DTSTAMP") == event.decoded("LAST-MODIFIED")

    data = stays.load_stay_input(session, group)
    data.end_on = date(2026, 11, 30)
    assert stays.update_stay(session, group, data, today=date(2026, 11, 1))
    session.flush()
    after = tmp_path / "after.ics"
    write_stays_ics(session, after)
    edited = _events(after)[f"stay-{group}@kankei-desktop.local"]
    assert int(edited["SEQUENCE"]) == 1 and edited.decoded("DTEND") == date(2026, 12, 1)
    assert edited.decoded("LAST-MODIFIED").replace(tzinfo=None) == stay.updated_at.replace(microsecond=0, tzinfo=None)
    assert int(_events(after)[f"stay-{day}@kankei-desktop.local"]["SEQUENCE"]) == 0  # untouched

    # Cancelled: exported as CANCELLED with its counter raised once more.
    stays.set_status(session, group, "中止", today=date(2026, 11, 1))
    session.flush()
    cancelled = tmp_path / "cancelled.ics"
    write_stays_ics(session, cancelled, include_cancelled=True)
    gone = _events(cancelled)[f"stay-{group}@kankei-desktop.local"]
    assert (str(gone["STATUS"]), int(gone["SEQUENCE"])) == ("CANCELLED", 2)
    # Recounted in plain SQL from the audit log.
    count = session.execute(text("SELECT count(*) FROM audit_log WHERE entity = 'stay' AND action = 'update' "
                                 "AND entity_id = :id"), {"id": group}).scalar_one()
    assert count == 2


def test_one_file_per_host(session, two_stays, tmp_path):
    group, day, _cancelled = two_stays
    files = write_per_host(session, tmp_path)
    assert [(f.host_name, f.path.name, f.events) for f in files] == [
        ("棚田農園", "滞在_棚田農園.ics", 2), ("民宿やまびこ", "滞在_民宿やまびこ.ics", 1)]
    assert set(_events(files[1].path)) == {f"stay-{group}@kankei-desktop.local"}
    calendar = Calendar.from_ical(files[0].path.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "関係人口デスク 滞在予定（棚田農園）"


def test_no_method_so_dtstamp_means_last_revised(session, two_stays, tmp_path):
    """RFC 5545 3.8.7.2: with a METHOD, DTSTAMP would be the file's creation time instead of the record's."""
    path = tmp_path / "x.ics"
    write_stays_ics(session, path)
    assert "METHOD" not in Calendar.from_ical(path.read_bytes())
