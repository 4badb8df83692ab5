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
