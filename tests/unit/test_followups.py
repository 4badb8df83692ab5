"""要対応: detection by date, settings for N, and the one-click actions closing each item."""

from __future__ import annotations

from datetime import date, timedelta

from kankei_desktop.domain.tables import Host
from kankei_desktop.services import followups, letters, mail, settings_store, shipments
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.shipments import ShipmentInput

TODAY = date(2026, 11, 27)


def _setup(session):
    host = Host(name="佐藤農園", kind="農家")
    session.add(host)
    session.flush()
    person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    return host.id, person


def _kinds(session, today=TODAY):
    return [(item.kind, item.person_name) for item in followups.list_followups(session, today)]


def test_shipment_not_delivered_after_n_days(session):
    host, person = _setup(session)
    sid = shipments.create_shipment(session, ShipmentInput(person_id=person, host_id=host, contents="お米 5kg",
                                                           shipped_on=TODAY - timedelta(days=6)), today=TODAY)
    assert _kinds(session) == []  # 6 days: still within the default 7
    assert _kinds(session, TODAY + timedelta(days=1)) == [("not_delivered", "山田 太郎")]
    item = followups.list_followups(session, TODAY + timedelta(days=1))[0]
    assert (item.record_id, item.days, item.action, item.action_label) == (sid, 7, "mark_delivered", "配達済にする")
    assert "お米 5kg" in item.title

    settings_store.put(session, followups.SHIPMENT_DAYS, 3)
    assert _kinds(session) == [("not_delivered", "山田 太郎")]
    mail.run_followup_action(session, followups.list_followups(session, TODAY)[0], TODAY)
    assert shipments.load_shipment_input(session, sid).delivered_on == TODAY
    assert _kinds(session) == []


def test_letter_without_reply_then_reply_then_tour(session):
    host, person = _setup(session)
    sent = TODAY - timedelta(days=31)
    letter = letters.create_letter(session, LetterInput(person_id=person, host_id=host, sent_on=sent), today=TODAY)
    assert _kinds(session) == [("no_reply", "山田 太郎")]
    assert _kinds(session, sent + timedelta(days=29)) == []

    reply = letters.record_reply(session, letter, received_on=TODAY - timedelta(days=61), today=TODAY)
    assert _kinds(session) == [("no_tour", "山田 太郎")]
    item = followups.list_followups(session, TODAY)[0]
    assert (item.record_id, item.action) == (reply, "record_tour")

    mail.run_followup_action(session, item, TODAY)  # a 訪問 record today counts as the tour
    assert _kinds(session) == []


def test_returned_letter_and_deleted_person_are_not_followed_up(session):
    host, person = _setup(session)
    letters.create_letter(session, LetterInput(person_id=person, sent_on=TODAY - timedelta(days=40), returned=True),
                          today=TODAY)
    assert _kinds(session) == []


def test_no_reply_action_records_the_reply(session):
    host, person = _setup(session)
    letters.create_letter(session, LetterInput(person_id=person, sent_on=TODAY - timedelta(days=45)), today=TODAY)
    item = followups.list_followups(session, TODAY)[0]
    reply_id = mail.run_followup_action(session, item, TODAY)
    assert letters.load_letter_input(session, reply_id).reply_to_id == item.record_id
    assert _kinds(session) == []  # received today: the tour wait has only begun


def test_loops_older_than_the_horizon_are_not_listed(session):
    _host, person = _setup(session)
    letters.create_letter(session, LetterInput(person_id=person, sent_on=TODAY - timedelta(days=181)), today=TODAY)
    assert _kinds(session) == []  # default horizon 180 days
    settings_store.put(session, followups.HORIZON_DAYS, 365)
    assert _kinds(session) == [("no_reply", "山田 太郎")]
