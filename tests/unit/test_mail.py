"""Letters and shipments: the お米レター loop, refusals that change nothing, the cohort batch."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.carriers import check_digit_hint, normalise_tracking_number, tracking_number_problem
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import AuditEntry, Enrollment, Host, Letter, Person, ProgrammeStage, Shipment
from kankei_desktop.services import enrollments, letters, mail, programmes, shipments
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.services.shipments import ShipmentInput

TODAY = date(2026, 11, 27)


def _host(session, name, kind="農家"):
    host = Host(name=name, kind=kind, postal_code="9583200", prefecture="新潟県", city="村上市",
                address_line="山北1-2", phone="0254-77-1234")
    session.add(host)
    session.flush()
    return host.id


def _person(session, name, kana, **extra):
    return create_person(session, PersonInput(name=name, furigana=kana, postal_code="9518000", prefecture="新潟県",
                                              city="新潟市中央区", address_line="旭町1-1", **extra))


def _state(session):
    return tuple(
        session.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (Shipment, Letter, AuditEntry)
    ) + (session.execute(select(Shipment.id, Shipment.status, Shipment.delivered_on, Shipment.tracking_number)
                         .order_by(Shipment.id)).all(),
         session.execute(select(Letter.id, Letter.status, Letter.received_on).order_by(Letter.id)).all(),
         session.execute(select(Person.id, Person.last_activity_on).order_by(Person.id)).all())


def test_tracking_formats_per_carrier():
    assert normalise_tracking_number("４０１２－３４５６－７８９０", "ヤマト運輸") == "401234567890"
    assert tracking_number_problem("401234567890", "ヤマト運輸") is None
    assert "11桁" in tracking_number_problem("40123456789", "ヤマト運輸")
    assert tracking_number_problem("12345678901", "ゆうパック") is None
    assert tracking_number_problem("1234567890", "佐川急便") is None
    assert "数字以外" in tracking_number_problem("12AB56789012", "ゆうパック")
    assert tracking_number_problem("ABC-123", "その他") is None
    assert check_digit_hint("123456789016", "ヤマト運輸") is (12345678901 % 7 == 6)
    assert check_digit_hint("12345678901", "ゆうパック") is None


def test_the_kome_letter_loop_send_deliver_reply_tour(session):
    farmer = _host(session, "佐藤農園")
    student = _person(session, "山田 太郎", "ヤマダ タロウ")
    shipment_id = shipments.create_shipment(session, ShipmentInput(
        person_id=student, host_id=farmer, contents="お米 5kg", carrier="ヤマト運輸", prepared_on=date(2026, 10, 1),
        cost_yen=1500), today=TODAY)
    letter_id = letters.create_letter(session, LetterInput(
        person_id=student, host_id=farmer, written_on=date(2026, 10, 1), summary="新米です", shipment_id=shipment_id),
        today=TODAY)
    assert session.get(Shipment, shipment_id).status == "準備中"
    assert session.get(Letter, letter_id).status == "作成中"

    mail.mark_shipped(session, [shipment_id], date(2026, 10, 2), tracking_numbers={shipment_id: "4012-3456-7890"},
                      today=TODAY)
    shipment = session.get(Shipment, shipment_id)
    assert (shipment.status, shipment.tracking_number) == ("発送済", "401234567890")
    assert (session.get(Letter, letter_id).status, session.get(Letter, letter_id).sent_on) == ("発送済", date(2026, 10, 2))

    mail.mark_delivered(session, [shipment_id], date(2026, 10, 4), today=TODAY)
    assert session.get(Shipment, shipment_id).status == "配達済"
    letter = session.get(Letter, letter_id)
    assert (letter.status, letter.received_on) == ("受取済", date(2026, 10, 4))
    assert session.get(Person, student).last_activity_on == date(2026, 10, 4)

    reply_id = letters.record_reply(session, letter_id, sent_on=date(2026, 10, 20), received_on=date(2026, 10, 22),
                                    summary="おにぎりにしました", today=TODAY)
    reply = session.get(Letter, reply_id)
    assert (reply.direction, reply.reply_to_id, reply.person_id, reply.status) == ("参加者→地域", letter_id, student, "受取済")
    assert session.get(Person, student).last_activity_on == date(2026, 10, 22)
    rows = {row[0]: row for row in letters.list_letter_rows(session)}
    assert rows[letter_id][9] is True and rows[reply_id][9] is False

    mail.record_thank_you_tour(session, reply_id, date(2026, 11, 20))
    assert session.get(Person, student).last_activity_on == date(2026, 11, 20)
    actions = set(session.execute(select(AuditEntry.entity, AuditEntry.action)).all())
    assert {("shipment", "create"), ("shipment", "update"), ("letter", "create"), ("letter", "update")} <= actions


def test_delivered_before_shipped_is_refused_naming_the_shipment(session):
    farmer = _host(session, "佐藤農園")
    student = _person(session, "山田 太郎", "ヤマダ タロウ")
    shipment_id = shipments.create_shipment(session, ShipmentInput(
        person_id=student, host_id=farmer, contents="お米 5kg", carrier="ゆうパック", prepared_on=date(2026, 10, 1),
        shipped_on=date(2026, 10, 5), tracking_number="123456789012"), today=TODAY)
    before = _state(session)
    with pytest.raises(ValidationError) as error:
        mail.mark_delivered(session, [shipment_id], date(2026, 10, 3), today=TODAY)
    assert "「山田 太郎」さん宛の発送（お米 5kg）" in error.value.message
    assert "配達日 2026/10/03 が発送日 2026/10/05 より前" in error.value.message
    assert _state(session) == before

    data = shipments.load_shipment_input(session, shipment_id)
    data.delivered_on = date(2026, 10, 1)
    with pytest.raises(ValidationError) as error:
        shipments.update_shipment(session, shipment_id, data, today=TODAY)
    assert "delivered_on" in error.value.errors
    assert _state(session) == before


def test_tracking_number_that_does_not_fit_the_carrier_is_refused(session):
    student = _person(session, "山田 太郎", "ヤマダ タロウ")
    before = _state(session)
    with pytest.raises(ValidationError) as error:
        shipments.create_shipment(session, ShipmentInput(person_id=student, contents="お米 5kg", carrier="ヤマト運輸",
                                                         tracking_number="12345"), today=TODAY)
    assert "ヤマト運輸の伝票番号「12345」は5桁" in error.value.errors["tracking_number"]
    assert "「山田 太郎」さん宛" in error.value.errors["tracking_number"]
    assert _state(session) == before


def test_letter_dates_in_order_and_reply_rules(session):
    a = _person(session, "山田 太郎", "ヤマダ タロウ")
    b = _person(session, "佐藤 花子", "サトウ ハナコ")
    before = _state(session)
    with pytest.raises(ValidationError) as error:
        letters.create_letter(session, LetterInput(person_id=a, written_on=date(2026, 10, 5), sent_on=date(2026, 10, 1)),
                              today=TODAY)
    assert "「山田 太郎」さんへの手紙" in error.value.errors["sent_on"]
    with pytest.raises(ValidationError) as error:
        letters.create_letter(session, LetterInput(person_id=a, sent_on=date(2026, 10, 5), received_on=date(2026, 10, 4)),
                              today=TODAY)
    assert "受取日 2026/10/04 が発送日 2026/10/05 より前" in error.value.errors["received_on"]
    assert _state(session) == before

    to_a = letters.create_letter(session, LetterInput(person_id=a, sent_on=date(2026, 10, 5)), today=TODAY)
    from_a = letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=a, received_on=date(2026, 10, 9)),
                                   today=TODAY)
    before = _state(session)
    bad = [
        LetterInput(direction="参加者→地域", person_id=b, reply_to_id=to_a),  # someone else's letter
        LetterInput(direction="地域→参加者", person_id=a, reply_to_id=to_a),  # wrong direction
        LetterInput(direction="参加者→地域", person_id=a, reply_to_id=from_a),  # answering a reply
    ]
    for data in bad:
        with pytest.raises(ValidationError) as error:
            letters.create_letter(session, data, today=TODAY)
        assert "reply_to_id" in error.value.errors
    assert _state(session) == before


@pytest.fixture
def kome(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    return pid, {s.name: s.id for s in programmes.programme_stages(session, pid)}


def test_batch_for_a_cohort_round_robin_and_stage_moves(session, kome):
    pid, stages = kome
    farmers = [_host(session, name) for name in ("安藤農園", "伊藤農園")]
    _host(session, "山北公民館", kind="集落・公民館")
    people = [_person(session, f"学生 {i}", f"ガクセイ {chr(0x30A2 + i * 2)}") for i in range(5)]
    quiet = _person(session, "連絡 不可", "レンラク フカ", contact_ok=False)
    enrollments.enroll_persons(session, pid, [*people, quiet], on=date(2026, 9, 1))

    result = mail.create_batch(session, mail.BatchInput(programme_id=pid, contents="お米 5kg", carrier="ヤマト運輸",
                                                        prepared_on=date(2026, 10, 1), letter_summary="新米をどうぞ"),
                               today=TODAY)
    assert len(result.shipment_ids) == len(result.letter_ids) == 5
    assert result.skipped == [("連絡 不可", "連絡不可")]
    per_farmer = [list(result.assignments.values()).count(f) for f in farmers]
    assert sorted(per_farmer) == [2, 3]
    carried = session.execute(select(Letter.shipment_id).where(Letter.id.in_(result.letter_ids))).scalars().all()
    assert set(carried) == set(result.shipment_ids)

    mail.mark_shipped(session, result.shipment_ids[:3], date(2026, 10, 2), advance_enrollments=True, today=TODAY)
    mail.mark_delivered(session, result.shipment_ids[:1], date(2026, 10, 4), advance_enrollments=True, today=TODAY)
    names = dict(session.execute(select(ProgrammeStage.id, ProgrammeStage.name)).all())
    stage_of = {person: names[stage] for person, stage in session.execute(
        select(Enrollment.person_id, Enrollment.stage_id).where(Enrollment.programme_id == pid)).all()}
    moved = [stage_of[session.get(Shipment, sid).person_id] for sid in result.shipment_ids]
    assert moved == ["到着確認", "発送済", "発送済", "対象者登録", "対象者登録"]

    # Without the coordinator's consent nothing moves.
    mail.mark_shipped(session, result.shipment_ids[3:], date(2026, 10, 3), today=TODAY)
    assert stage_of[session.get(Shipment, result.shipment_ids[3]).person_id] == "対象者登録"

    # The same cohort again: everybody already has a parcel.
    before = _state(session)
    with pytest.raises(ValidationError):
        mail.create_batch(session, mail.BatchInput(programme_id=pid), today=TODAY)
    assert _state(session) == before


def test_batch_with_explicit_mapping(session, kome):
    pid, _stages = kome
    a_farm, b_farm = _host(session, "安藤農園"), _host(session, "伊藤農園")
    people = [_person(session, f"学生 {i}", "ガクセイ") for i in range(3)]
    result = mail.create_batch(session, mail.BatchInput(programme_id=pid, person_ids=people,
                                                        farmer_for_person={p: b_farm for p in people}), today=TODAY)
    assert set(result.assignments.values()) == {b_farm}
    assert a_farm not in result.assignments.values()


def test_returned_parcel_marks_its_letter_returned_and_deletes_unlink(session):
    farmer = _host(session, "佐藤農園")
    student = _person(session, "山田 太郎", "ヤマダ タロウ")
    shipment_id = shipments.create_shipment(session, ShipmentInput(
        person_id=student, host_id=farmer, contents="お米 5kg", shipped_on=date(2026, 10, 2)), today=TODAY)
    letter_id = letters.create_letter(session, LetterInput(person_id=student, shipment_id=shipment_id), today=TODAY)
    shipments.mark_shipments(session, [shipment_id], "returned", date(2026, 10, 9), today=TODAY)
    assert session.get(Shipment, shipment_id).status == "返送"
    assert (session.get(Letter, letter_id).status, session.get(Letter, letter_id).sent_on) == ("返送", date(2026, 10, 2))

    reply_id = letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=student,
                                                          reply_to_id=letter_id, received_on=date(2026, 10, 20)),
                                     today=TODAY)
    shipments.delete_shipment(session, shipment_id)
    assert session.get(Letter, letter_id).shipment_id is None  # the letter stays, unlinked
    letters.delete_letter(session, letter_id)
    assert session.get(Letter, reply_id).reply_to_id is None and session.get(Letter, reply_id).deleted_at is None


def test_future_dates_are_refused(session):
    student = _person(session, "山田 太郎", "ヤマダ タロウ")
    before = _state(session)
    with pytest.raises(ValidationError) as error:
        shipments.create_shipment(session, ShipmentInput(person_id=student, contents="お米",
                                                         shipped_on=date(2026, 12, 1)), today=TODAY)
    assert "発送日 2026/12/01 は未来の日付です" in error.value.message
    with pytest.raises(ValidationError):
        letters.create_letter(session, LetterInput(person_id=student, received_on=date(2026, 12, 1)), today=TODAY)
    assert _state(session) == before
