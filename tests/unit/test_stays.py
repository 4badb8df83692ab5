"""Stays: capacity by night, overlap per person, dates, status, person-days and the fiscal-year split."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.calendar import Period, fiscal_year_period
from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.tables import AuditEntry, Person, Stay, StayParticipant
from kankei_desktop.services import settings_store, stays
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person, delete_person
from kankei_desktop.services.stay_rules import (
    CLOSED,
    HOLIDAY,
    SUNDAY,
    WEEKEND,
    count_person_days,
    day_marks,
    display_date_with_weekday,
    person_days_by_fiscal_year,
    stay_days,
    stay_kind,
    stay_nights,
)
from kankei_desktop.services.stays import StayInput

TODAY = date(2026, 11, 27)


def _counts(session):
    return tuple(
        session.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (Stay, StayParticipant, AuditEntry)
    )


@pytest.fixture
def world(session):
    persons = [create_person(session, PersonInput(name=f"参加者{i}", furigana="サンカシャ")) for i in range(7)]
    farm = create_host(session, HostInput(name="棚田農園", kind="農家"))
    inn = create_host(session, HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=3))
    session.flush()
    return persons, farm, inn


def _stay(persons, start, end, host=None, lodging=None, **extra):
    return StayInput(person_ids=list(persons), host_id=host, lodging_id=lodging, start_on=start, end_on=end, **extra)


# ------------------------------------------------------------ pure rules


def test_days_nights_and_kind():
    assert stay_days(date(2026, 8, 1), date(2026, 8, 1)) == 1
    assert stay_nights(date(2026, 8, 1), date(2026, 8, 1)) == []
    assert stay_nights(date(2026, 8, 1), date(2026, 8, 3)) == [date(2026, 8, 1), date(2026, 8, 2)]
    assert stay_kind(date(2026, 8, 1), date(2026, 8, 1)) == "日帰り"
    assert stay_kind(date(2026, 8, 1), date(2026, 8, 2)) == "短期滞在"
    assert stay_kind(date(2026, 8, 1), date(2026, 8, 6)) == "短期滞在"
    assert stay_kind(date(2026, 8, 1), date(2026, 8, 7)) == "長期滞在"


def test_fiscal_year_split_counts_both_ends():
    # 30 March to 2 April: 2 days in FY2025 and 2 in FY2026 (docs/stays.md)
    assert person_days_by_fiscal_year(date(2026, 3, 30), date(2026, 4, 2), 1) == {2025: 2, 2026: 2}
    assert person_days_by_fiscal_year(date(2026, 3, 30), date(2026, 4, 2), 3) == {2025: 6, 2026: 6}
    assert person_days_by_fiscal_year(date(2026, 5, 5), date(2026, 5, 5), 2) == {2026: 2}


def test_count_person_days_clips_to_period_and_separates_planned():
    rows = [
        (date(2026, 3, 30), date(2026, 4, 2), 1, "実施済"),
        (date(2026, 6, 1), date(2026, 6, 1), 4, "実施済"),  # 日帰り: 1 day each
        (date(2026, 12, 1), date(2026, 12, 5), 2, "確定"),
        (date(2026, 12, 1), date(2026, 12, 5), 2, "予定"),
        (date(2026, 12, 1), date(2026, 12, 5), 9, "中止"),
    ]
    result = count_person_days(rows, fiscal_year_period(2026))
    assert (result.achieved, result.planned) == (2 + 4, 20)
    assert result.achieved_by_year == {2026: 6}
    whole = count_person_days(rows, Period(date(2025, 4, 1), date(2027, 3, 31)))
    assert whole.achieved_by_year == {2025: 2, 2026: 6}


def test_day_marks():
    assert day_marks(date(2026, 11, 23)) == {HOLIDAY}  # 勤労感謝の日, a Monday
    assert day_marks(date(2026, 11, 29)) == {WEEKEND, SUNDAY}
    assert day_marks(date(2026, 12, 29)) == {CLOSED}
    assert day_marks(date(2027, 1, 1)) == {CLOSED, HOLIDAY}
    assert day_marks(date(2026, 11, 27)) == set()
    assert display_date_with_weekday(date(2026, 11, 27)) == "2026/11/27 (金)"


# ------------------------------------------------------------ the service


def test_create_group_stay_with_kind_and_audit(session, world):
    persons, farm, inn = world
    stay_id = stays.create_stay(session, _stay(persons[:2], date(2026, 8, 1), date(2026, 8, 3), farm, inn,
                                               purpose="稲刈り"), today=TODAY)
    stay = session.get(Stay, stay_id)
    assert (stay.kind, stay.status, stay.purpose) == ("短期滞在", "予定", "稲刈り")
    assert sorted(stays.load_stay_input(session, stay_id).person_ids) == sorted(persons[:2])
    entry = session.execute(select(AuditEntry).where(AuditEntry.entity_id == stay_id)).scalar_one()
    assert entry.action == "create"


def test_kind_thresholds_come_from_settings(session, world):
    persons, farm, _inn = world
    settings_store.put(session, stays.LONG_FROM_DAYS, 4)
    stay_id = stays.create_stay(session, _stay(persons[:1], date(2026, 8, 1), date(2026, 8, 4), farm), today=TODAY)
    assert session.get(Stay, stay_id).kind == "長期滞在"


def test_end_before_start_refused_nothing_written(session, world):
    persons, farm, _inn = world
    before = _counts(session)
    with pytest.raises(ValidationError) as error:
        stays.create_stay(session, _stay(persons[:1], date(2026, 8, 3), date(2026, 8, 1), farm), today=TODAY)
    assert "end_on" in error.value.errors and "2026/08/01" in error.value.message
    assert _counts(session) == before


def test_overlap_for_a_person_refused_naming_them(session, world):
    persons, farm, _inn = world
    stays.create_stay(session, _stay(persons[:2], date(2026, 8, 1), date(2026, 8, 3), farm), today=TODAY)
    before = _counts(session)
    with pytest.raises(ConflictError) as error:
        stays.create_stay(session, _stay([persons[1], persons[2]], date(2026, 8, 3), date(2026, 8, 4), farm),
                          today=TODAY)
    assert "参加者1" in error.value.message and "2026/08/01" in error.value.message
    assert _counts(session) == before
    # the next day is free
    stays.create_stay(session, _stay([persons[1]], date(2026, 8, 4), date(2026, 8, 4), farm), today=TODAY)


def test_cancelled_stays_do_not_block(session, world):
    persons, farm, inn = world
    first = stays.create_stay(session, _stay(persons[:3], date(2026, 8, 1), date(2026, 8, 3), farm, inn), today=TODAY)
    stays.set_status(session, first, "中止", today=TODAY)
    stays.create_stay(session, _stay(persons[:3], date(2026, 8, 1), date(2026, 8, 3), farm, inn), today=TODAY)
    # reopening the cancelled one now breaks both rules and is refused
    with pytest.raises(ConflictError):
        stays.set_status(session, first, "予定", today=TODAY)
    assert session.get(Stay, first).status == "中止"


def test_capacity_counted_by_night_not_by_day(session, world):
    persons, _farm, inn = world
    # 3 persons 8/1–8/3 sleep the nights of 8/1 and 8/2; the inn holds 3
    stays.create_stay(session, _stay(persons[:3], date(2026, 8, 1), date(2026, 8, 3), lodging=inn), today=TODAY)
    # arriving on the departure day takes the night of 8/3: allowed
    stays.create_stay(session, _stay(persons[3:5], date(2026, 8, 3), date(2026, 8, 5), lodging=inn), today=TODAY)
    # a 日帰り occupies no night: allowed even on a full day
    stays.create_stay(session, _stay(persons[5:6], date(2026, 8, 2), date(2026, 8, 2), lodging=inn), today=TODAY)
    # the night of 8/4 has 2 + 1 = 3: fits
    stays.create_stay(session, _stay(persons[6:7], date(2026, 8, 4), date(2026, 8, 6), lodging=inn), today=TODAY)
    before = _counts(session)
    with pytest.raises(ConflictError) as error:
        stays.create_stay(session, _stay(persons[5:6], date(2026, 8, 4), date(2026, 8, 5), lodging=inn), today=TODAY)
    # the night of 8/4 would hold 2 + 1 + 1
    assert "2026/08/04" in error.value.message and "民宿やまびこ" in error.value.message
    assert "定員 3 名" in error.value.message
    assert _counts(session) == before


def test_capacity_override_needs_reason_and_is_audited(session, world):
    persons, _farm, inn = world
    stays.create_stay(session, _stay(persons[:3], date(2026, 8, 1), date(2026, 8, 3), lodging=inn), today=TODAY)
    stay_id = stays.create_stay(
        session,
        _stay(persons[3:4], date(2026, 8, 2), date(2026, 8, 3), lodging=inn, override_reason="添い寝の子ども"),
        today=TODAY,
    )
    assert session.get(Stay, stay_id).capacity_override_reason == "添い寝の子ども"
    entry = session.execute(
        select(AuditEntry).where(AuditEntry.entity_id == stay_id, AuditEntry.action == "capacity_override")
    ).scalar_one()
    assert json.loads(entry.changes_json)["reason"] == [None, "添い寝の子ども"]


def test_override_reason_not_kept_when_not_needed(session, world):
    persons, _farm, inn = world
    stay_id = stays.create_stay(
        session, _stay(persons[:1], date(2026, 8, 1), date(2026, 8, 3), lodging=inn, override_reason="念のため"),
        today=TODAY,
    )
    assert session.get(Stay, stay_id).capacity_override_reason == ""


def test_stay_for_deleted_person_refused(session, world):
    persons, farm, _inn = world
    delete_person(session, persons[0])
    before = _counts(session)
    with pytest.raises(ValidationError) as error:
        stays.create_stay(session, _stay(persons[:1], date(2026, 8, 1), date(2026, 8, 1), farm), today=TODAY)
    assert "参加者0" in error.value.message and "削除" in error.value.message
    assert _counts(session) == before


def test_done_updates_last_activity_and_future_done_refused(session, world):
    persons, farm, _inn = world
    stay_id = stays.create_stay(session, _stay(persons[:2], date(2026, 11, 1), date(2026, 11, 3), farm),
                                today=TODAY)
    stays.set_status(session, stay_id, "確定", today=TODAY)
    assert session.get(Person, persons[0]).last_activity_on is None
    stays.set_status(session, stay_id, "実施済", today=TODAY)
    session.flush()
    session.expire_all()
    assert session.get(Person, persons[0]).last_activity_on == date(2026, 11, 3)
    stays.set_status(session, stay_id, "確定", today=TODAY)  # a correction takes it back
    session.flush()
    session.expire_all()
    assert session.get(Person, persons[0]).last_activity_on is None
    future = stays.create_stay(session, _stay(persons[2:3], date(2026, 12, 1), date(2026, 12, 2), farm), today=TODAY)
    with pytest.raises(ValidationError):
        stays.set_status(session, future, "実施済", today=TODAY)


def test_status_moves_are_limited(session, world):
    persons, farm, _inn = world
    stay_id = stays.create_stay(session, _stay(persons[:1], date(2026, 11, 1), date(2026, 11, 1), farm,
                                               status="実施済"), today=TODAY)
    with pytest.raises(ValidationError):
        stays.set_status(session, stay_id, "中止", today=TODAY)


def test_update_replaces_participants(session, world):
    persons, farm, _inn = world
    stay_id = stays.create_stay(session, _stay(persons[:2], date(2026, 8, 1), date(2026, 8, 2), farm), today=TODAY)
    data = stays.load_stay_input(session, stay_id)
    data.person_ids = [persons[1], persons[2]]
    assert stays.update_stay(session, stay_id, data, today=TODAY)
    assert sorted(stays.load_stay_input(session, stay_id).person_ids) == sorted(persons[1:3])
    assert not stays.update_stay(session, stay_id, stays.load_stay_input(session, stay_id), today=TODAY)
    # the edited stay does not clash with itself
    data = stays.load_stay_input(session, stay_id)
    data.end_on = date(2026, 8, 4)
    assert stays.update_stay(session, stay_id, data, today=TODAY)


def test_person_days_from_the_database(session, world):
    persons, farm, _inn = world
    done = stays.create_stay(session, _stay(persons[:2], date(2026, 3, 30), date(2026, 4, 2), farm,
                                            status="実施済"), today=TODAY)
    stays.create_stay(session, _stay(persons[2:3], date(2026, 12, 1), date(2026, 12, 3), farm), today=TODAY)
    fy2026 = stays.person_days(session, fiscal_year_period(2026))
    assert (fy2026.achieved, fy2026.planned) == (4, 3)
    assert stays.person_days(session, fiscal_year_period(2025)).achieved == 4
    delete_person(session, persons[0])  # deleted persons count nowhere
    assert stays.person_days(session, fiscal_year_period(2026)).achieved == 2
    stays.delete_stay(session, done)
    assert stays.person_days(session, fiscal_year_period(2026)).achieved == 0


# ------------------------------------------------------------ row versions


def test_one_save_raises_the_version_once_so_a_refusal_names_only_that_saves_fields(database):
    """A second editor's save is refused naming the fields of the save it missed, not older ones."""
    from kankei_desktop.store.versions import StaleRecordError, version_of

    with database.session() as session:
        person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
        farm = create_host(session, HostInput(name="棚田農園", kind="農家"))
        stay_id = stays.create_stay(session, _stay([person], date(2026, 8, 1), date(2026, 8, 3), host=farm), today=TODAY)
    with database.session() as session:
        loaded, mine = version_of(session, Stay, stay_id), stays.load_stay_input(session, stay_id)
    with database.session() as session:
        theirs = stays.load_stay_input(session, stay_id)
        theirs.purpose = "稲刈り"
        assert stays.update_stay(session, stay_id, theirs, expected_version=loaded, today=TODAY)
    with database.session() as session:
        assert version_of(session, Stay, stay_id) == loaded + 1
        assert not stays.update_stay(session, stay_id, theirs, today=TODAY)  # nothing differs: no new version
    with database.session() as session:
        assert version_of(session, Stay, stay_id) == loaded + 1
    mine.notes = "布団持参"
    with pytest.raises(StaleRecordError) as refused, database.session() as session:
        stays.update_stay(session, stay_id, mine, expected_version=loaded, today=TODAY)
    assert refused.value.fields == ["purpose"] and refused.value.current_version == loaded + 1
