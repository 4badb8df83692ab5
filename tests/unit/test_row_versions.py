"""Two saves of the same record: the second is refused, naming who changed which fields."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kankei_desktop.services import participants
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.store.versions import StaleRecordError


def _person(database) -> tuple[str, int]:
    with database.session() as session:
        person_id = participants.create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
    with database.session() as session:
        return person_id, participants.person_version(session, person_id)


def test_a_save_raises_the_row_version(database):
    person_id, version = _person(database)
    assert version == 1
    with database.session() as session:
        data = participants.load_person_input(session, person_id)
        data.phone = "090-1234-5678"
        participants.update_person(session, person_id, data, expected_version=version)
    with database.session() as session:
        stored = session.execute(text("SELECT row_version FROM person WHERE id = :id"), {"id": person_id}).scalar_one()
    assert stored == 2


def test_the_second_save_of_the_same_version_is_refused(database):
    person_id, version = _person(database)
    with database.session() as session:
        first = participants.load_person_input(session, person_id)
        second = participants.load_person_input(session, person_id)
    first.phone, first.notes = "090-1234-5678", "電話で相談"
    with database.session() as session:
        participants.update_person(session, person_id, first, expected_version=version)
    second.city = "高山市"
    with pytest.raises(StaleRecordError) as raised, database.session() as session:
        participants.update_person(session, person_id, second, expected_version=version)
    error = raised.value
    assert error.fields == ["notes", "phone"]
    assert error.current_version == 2
    assert "電話" in error.message and "備考" in error.message and "さん" in error.message
    with database.session() as session:
        row = session.execute(text("SELECT city, phone, notes, row_version FROM person WHERE id = :id"),
                              {"id": person_id}).one()
        updates = session.execute(text("SELECT count(*) FROM audit_log WHERE entity = 'person' AND action = 'update'"
                                       " AND entity_id = :id"), {"id": person_id}).scalar_one()
    assert tuple(row) == ("", "090-1234-5678", "電話で相談", 2)  # the first save stands, nothing of the second
    assert updates == 1
    # Saved again on the version it now knows: accepted.
    with database.session() as session:
        assert participants.update_person(session, person_id, second, expected_version=error.current_version)


def test_a_stale_host_or_stay_save_is_refused_too(database):
    from datetime import date

    from kankei_desktop.services import hosts, stays

    person_id, _version = _person(database)
    with database.session() as session:
        host_id = hosts.create_host(session, hosts.HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=4))
        stay_id = stays.create_stay(session, stays.StayInput(
            person_ids=[person_id], lodging_id=host_id, start_on=date(2026, 8, 1), end_on=date(2026, 8, 3)),
            today=date(2026, 7, 1))
    with database.session() as session:
        host_input, stay_input = hosts.load_host_input(session, host_id), stays.load_stay_input(session, stay_id)
    with database.session() as session:
        changed = hosts.load_host_input(session, host_id)
        changed.phone = "0577-12-3456"
        assert hosts.update_host(session, host_id, changed, expected_version=1)
        moved = stays.load_stay_input(session, stay_id)
        moved.purpose = "稲刈り"
        assert stays.update_stay(session, stay_id, moved, expected_version=1, today=date(2026, 7, 1))
    host_input.capacity_per_night, stay_input.notes = 6, "布団持参"
    with pytest.raises(StaleRecordError, match="受入先.*電話"), database.session() as session:
        hosts.update_host(session, host_id, host_input, expected_version=1)
    with pytest.raises(StaleRecordError, match="滞在.*目的"), database.session() as session:
        stays.update_stay(session, stay_id, stay_input, expected_version=1, today=date(2026, 7, 1))
    with database.session() as session:
        row = session.execute(text("SELECT h.capacity_per_night, s.notes, s.purpose FROM host h, stay s"
                                   " WHERE h.id = :h AND s.id = :s"), {"h": host_id, "s": stay_id}).one()
    assert tuple(row) == (4, "", "稲刈り")
