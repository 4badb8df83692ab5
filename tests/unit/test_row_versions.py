"""Two saves of the same record: the second is refused, naming who changed which fields."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date

import pytest
from sqlalchemy import text

from kankei_desktop.services import audit_log, interactions, participants, programmes
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.services.programmes import ProgrammeInput, TargetInput
from kankei_desktop.services.records import RECORDS, resolve
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


_RAW_FIELD_NAME = re.compile(r"[a-z_]{4,}")


def _named_fields(message: str) -> list[str]:
    """The fields a refusal names: 「…保存しました（説明・プログラム名）。」 (the user's name may be latin)."""
    return re.search(r"保存しました（(.+?)）。", message)[1].split("・")


def test_a_refused_programme_save_names_its_fields_as_the_programme_editor_does(database):
    with database.session() as session:
        programme_id = programmes.create_programme(session, ProgrammeInput(name="おてつだいPlus", fiscal_year=2026))
    with database.session() as session:
        version = programmes.programme_version(session, programme_id)
        first = programmes.load_programme_input(session, programme_id)
    with database.session() as session:
        programmes.update_programme(session, programme_id, replace(
            first, name="おてつだいPlus 夏", region="周防大島町", description="夏の募集",
            targets=[TargetInput("participants", "参加者数", 20, "人")]), expected_version=version)
    with pytest.raises(StaleRecordError) as raised, database.session() as session:
        programmes.update_programme(session, programme_id, replace(first, fiscal_year=2027), expected_version=version)
    named = _named_fields(raised.value.message)
    assert sorted(named) == sorted(["プログラム名", "実施地域", "説明", "目標"])  # not 氏名, not "region"
    assert raised.value.entity == "programme"
    with database.session() as session:  # the audit view names them the same way
        [entry] = audit_log.list_entries(session, entity="programme", action="update")
    assert audit_log.describe_changes(entry).startswith("説明:  → 夏の募集; プログラム名: おてつだいPlus → おてつだいPlus 夏")


def test_a_refused_contact_save_names_its_fields_as_the_spreadsheet_does(database):
    with database.session() as session:
        person_id = participants.create_person(session, PersonInput(name="新潟 一郎", furigana="ニイガタ イチロウ"))
        programme_id = programmes.create_programme(session, ProgrammeInput(name="おてつだいPlus", fiscal_year=2026))
        interaction_id = interactions.log_interaction(
            session, InteractionInput(person_id, "相談窓口", date(2026, 11, 2), None, "移住の相談"))
    with database.session() as session:
        version = interactions.interaction_version(session, interaction_id)
        first = interactions.load_interaction(session, interaction_id)
    with database.session() as session:
        interactions.update_interaction(session, interaction_id, replace(
            first, kind="物産購入", occurred_on=date(2026, 11, 3), programme_id=programme_id, note="お米",
            amount_yen=3000), expected_version=version)
    with pytest.raises(StaleRecordError) as raised, database.session() as session:
        interactions.update_interaction(session, interaction_id, replace(first, note="私のメモ"),
                                        expected_version=version)
    named = _named_fields(raised.value.message)
    # The interactions sheet's headers (io/columns.py), never a raw field name.
    assert sorted(named) == sorted(["種類", "日付", "プログラム", "金額（円）", "備考"])
    assert not any(_RAW_FIELD_NAME.search(name) for name in named)


@pytest.mark.parametrize("kind", [kind for kind in RECORDS.values() if kind.input_type and kind.key != "persons"],
                         ids=lambda kind: kind.key)
def test_every_field_a_record_kind_saves_has_a_japanese_name(kind):
    """Its editor's input and its stored columns, as a refusal or the audit view would name them."""
    bookkeeping = {"id", "row_version", "created_at", "updated_at", "deleted_at"}
    names = [field.name for field in fields(resolve(kind.input_type))]
    names += [column.name for column in kind.table.__table__.columns if column.name not in bookkeeping]
    labels = {name: audit_log.field_label(name, kind.audit_entity) for name in names}
    assert not {name: label for name, label in labels.items() if _RAW_FIELD_NAME.search(label)}


def test_the_same_field_name_is_named_per_kind():
    assert [audit_log.field_label("name", entity) for entity in ("person", "programme", "host")] == [
        "氏名", "プログラム名", "名称"]
    assert audit_log.field_label("kind", "stay") == "種別" and audit_log.field_label("kind", "interaction") == "種類"
