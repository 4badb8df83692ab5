"""Phone, e-mail and 〒: one rule for participants and hosts (domain/contact.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Host, Person
from kankei_desktop.services import hosts, participants
from kankei_desktop.services.hosts import HostInput
from kankei_desktop.services.participants import PersonInput


def _refusal(create, session, data) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        create(session, data)
    return refused.value.errors


@pytest.mark.parametrize("field, value, message", [
    ("phone", "090-1234", "電話番号「090-1234」は桁数が合いません（10桁または11桁）。"),
    ("phone", "１２３", "電話番号「123」は桁数が合いません（10桁または11桁）。"),
    ("postal_code", "949-43", "郵便番号は7桁の数字で入力してください（例: 949-4392）。"),
    ("postal_code", "〒１２３４５６７８", "郵便番号は7桁の数字で入力してください（例: 949-4392）。"),
])
def test_a_bad_phone_or_postal_code_is_refused_alike_for_a_person_and_a_host(session, field, value, message):
    person = _refusal(participants.create_person, session, PersonInput(name="山田 太郎", **{field: value}))
    host = _refusal(hosts.create_host, session, HostInput(name="棚田農園", **{field: value}))
    assert person == host == {field: message}


def test_a_bad_email_is_refused_alike_but_for_the_example_each_form_suggests(session):
    person = _refusal(participants.create_person, session, PersonInput(name="山田 太郎", email="ｙａｍａｄａ＠example"))
    host = _refusal(hosts.create_host, session, HostInput(name="棚田農園", email="ｙａｍａｄａ＠example"))
    assert person == {"email": "メールアドレス「yamada@example」の形式が正しくありません（例: name@example.jp）。"}
    assert host == {"email": "メールアドレス「yamada@example」の形式が正しくありません（例: info@example.jp）。"}


def test_every_contact_problem_is_named_in_the_order_each_form_shows_them(session):
    values = {"phone": "12", "email": "x@", "postal_code": "1"}
    person = _refusal(participants.create_person, session, PersonInput(name="山田 太郎", **values))
    host = _refusal(hosts.create_host, session, HostInput(name="棚田農園", **values))
    assert list(person) == ["email", "phone", "postal_code"]
    assert list(host) == ["phone", "email", "postal_code"]
    assert person["phone"] == host["phone"] and person["postal_code"] == host["postal_code"]


def test_a_person_and_a_host_store_the_same_contact_values_alike(session):
    typed = {"phone": "０２５８（７８）３３０９", "email": " Info＠Example．jp ", "postal_code": "９４９４３９２"}
    person_id = participants.create_person(session, PersonInput(name="山田 太郎", **typed))
    host_id = hosts.create_host(session, HostInput(name="棚田農園", **typed))
    session.flush()
    stored = [tuple(session.execute(select(table.phone, table.email, table.postal_code).where(table.id == row_id)).one())
              for table, row_id in ((Person, person_id), (Host, host_id))]
    assert stored[0] == stored[1] == ("0258-78-3309", "Info@Example.jp", "9494392")
