"""The record services' shared steps (services/record_ops.py), seen through the services that use them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import NotFoundError
from kankei_desktop.domain.tables import AuditEntry, Person
from kankei_desktop.services import hosts, interactions, letters, participants, segments, shipments, stays
from kankei_desktop.services.hosts import HostInput
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.services.shipments import ShipmentInput
from kankei_desktop.services.stays import StayInput

GONE = "が見つかりません（削除された可能性があります）。"


def _audit(session, entity_id: str) -> list[tuple[str, dict]]:
    rows = session.execute(select(AuditEntry.action, AuditEntry.changes_json)
                           .where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.at, AuditEntry.created_at))
    return [(action, json.loads(changes)) for action, changes in rows]


def test_a_deleted_record_is_refused_by_name_in_each_service(session):
    person = participants.create_person(session, PersonInput(name="山田 太郎"))
    host = hosts.create_host(session, HostInput(name="棚田農園"))
    letter = letters.create_letter(session, LetterInput(person_id=person, summary="お礼"))
    shipment = shipments.create_shipment(session, ShipmentInput(person_id=person, contents="お米 5kg"))
    stay = stays.create_stay(session, StayInput(person_ids=[person], host_id=host, start_on=date(2026, 5, 1), end_on=date(2026, 5, 2)),
                             today=date(2026, 4, 1))
    for delete, load, record_id, what in (
        (letters.delete_letter, letters.load_letter_input, letter, "手紙の記録"),
        (shipments.delete_shipment, shipments.load_shipment_input, shipment, "発送の記録"),
        (stays.delete_stay, stays.load_stay_input, stay, "滞在"),
        (hosts.delete_host, hosts.load_host_input, host, "受入先"),
        (participants.delete_person, participants.live_person, person, "参加者"),
    ):
        delete(session, record_id)
        with pytest.raises(NotFoundError, match=f"^{what}{GONE}$"):
            load(session, record_id)
        assert "delete" in [action for action, _ in _audit(session, record_id)]


def test_delete_and_restore_are_audited_and_keep_the_last_activity(session):
    person = participants.create_person(session, PersonInput(name="山田 太郎"))
    touch = interactions.log_interaction(session, InteractionInput(person, "イベント参加", date(2026, 4, 5)))
    last = lambda: session.execute(select(Person.last_activity_on).where(Person.id == person)).scalar_one()  # noqa: E731
    assert last() == date(2026, 4, 5)
    interactions.delete_interaction(session, touch)
    assert last() is None
    with pytest.raises(NotFoundError, match=f"^関わりの記録{GONE}$"):
        interactions.load_interaction(session, touch)
    interactions.restore_interaction(session, touch)
    assert last() == date(2026, 4, 5)
    with pytest.raises(NotFoundError, match="^復元できる削除済みの関わりの記録が見つかりません。$"):
        interactions.restore_interaction(session, touch)
    assert sorted(action for action, _ in _audit(session, touch)) == ["create", "delete", "restore"]
    participants.delete_person(session, person)
    participants.restore_person(session, person)
    entries = _audit(session, person)
    assert ("delete", {"name": ["山田 太郎", None]}) in entries and ("restore", {"name": [None, "山田 太郎"]}) in entries


def test_a_merge_names_the_person_it_cannot_find_as_the_one_to_merge(session):
    from kankei_desktop.services import merge

    kept = participants.create_person(session, PersonInput(name="山田 太郎"))
    gone = participants.create_person(session, PersonInput(name="山田 太朗"))
    participants.delete_person(session, gone)
    with pytest.raises(NotFoundError, match=f"^統合する参加者{GONE}$"):
        merge.merge_persons(session, kept, gone)


def test_a_one_field_edit_is_audited_once_and_returns_the_old_value(session):
    segment = segments.save_segment(session, "若い人", segments.SegmentCriteria(ladder_stages=["関心"]))
    assert segments.rename_segment(session, segment, "若い人たち") == "若い人"
    assert segments.rename_segment(session, segment, "若い人たち") == "若い人たち"  # unchanged: no entry
    assert [entry for entry in _audit(session, segment) if entry[0] == "update"] == [
        ("update", {"name": ["若い人", "若い人たち"]})]
