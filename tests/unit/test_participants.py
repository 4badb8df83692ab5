"""The participants service: validation, normalisation, search folding, soft delete, audit."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import AuditEntry, Person, PersonTie
from kankei_desktop.services import participants
from kankei_desktop.services.participants import PersonFilter, PersonInput


def names(session, flt=PersonFilter(), sort="furigana", descending=False):
    ids = participants.list_person_ids(session, flt, sort, descending)
    rows = participants.fetch_list_rows(session, ids)
    return [rows[i][0] for i in ids]


def test_create_normalises_what_is_stored(session):
    person_id = participants.create_person(
        session,
        PersonInput(name="  山田　太郎 ", furigana="やまだ たろう", phone="０９０１２３４５６７８",
                    postal_code="949-4392", email=" taro@example.jp ", ties=["出身者", "出身者"]),
    )
    person = session.get(Person, person_id)
    assert person.name == "山田 太郎"
    assert person.furigana == "ヤマダ　タロウ"
    assert person.phone == "090-1234-5678"
    assert person.postal_code == "9494392"
    assert person.email == "taro@example.jp"
    ties = session.execute(select(PersonTie.tie).where(PersonTie.person_id == person_id)).scalars().all()
    assert ties == ["出身者"]


@pytest.mark.parametrize(
    "data, field",
    [
        (PersonInput(name=""), "name"),
        (PersonInput(name="A", furigana="Yamada"), "furigana"),
        (PersonInput(name="A", email="taro@"), "email"),
        (PersonInput(name="A", phone="12345"), "phone"),
        (PersonInput(name="A", postal_code="12"), "postal_code"),
        (PersonInput(name="A", birth_date=date(2999, 1, 1)), "birth_date"),
        (PersonInput(name="A", ties=["宇宙人"]), "ties"),
    ],
)
def test_invalid_input_is_refused_at_its_field_and_nothing_is_saved(session, data, field):
    with pytest.raises(ValidationError) as raised:
        participants.create_person(session, data)
    assert field in raised.value.errors
    assert raised.value.errors[field]
    assert participants.count_persons(session) == 0


def test_search_folds_kana_and_width(session):
    participants.create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", phone="090-1234-5678"))
    participants.create_person(session, PersonInput(name="佐藤 花子", furigana="さとう はなこ", email="hana@example.jp"))
    for term in ("やまだ", "ﾔﾏﾀﾞ", "ヤマダ", "山田", "０９０", "09012345678", "1234-5678"):
        assert names(session, PersonFilter(text=term)) == ["山田 太郎"], term
    assert names(session, PersonFilter(text="HANA@")) == ["佐藤 花子"]
    assert names(session, PersonFilter(text="%")) == []  # LIKE wildcards are literal


def test_list_sorts_by_furigana_and_filters_by_stage_and_tie(session):
    participants.create_person(session, PersonInput(name="渡辺 一郎", furigana="ワタナベ イチロウ", ladder_stage="リピート"))
    participants.create_person(session, PersonInput(name="阿部 二郎", furigana="アベ ジロウ", ties=["出身者"]))
    participants.create_person(session, PersonInput(name="加藤 三郎", furigana="カトウ サブロウ", ties=["大学・ゼミ", "出身者"]))
    assert names(session) == ["阿部 二郎", "加藤 三郎", "渡辺 一郎"]
    assert names(session, descending=True) == ["渡辺 一郎", "加藤 三郎", "阿部 二郎"]
    assert names(session, PersonFilter(ladder_stage="リピート")) == ["渡辺 一郎"]
    assert names(session, PersonFilter(tie="出身者")) == ["阿部 二郎", "加藤 三郎"]
    assert names(session, sort="ladder_stage")[-1] == "渡辺 一郎"  # リピート is above 関心 on the ladder
    assert names(session, sort="ladder_stage", descending=True)[0] == "渡辺 一郎"
    participants.create_person(session, PersonInput(name="O'Neil 'x'", furigana="オニール", ladder_stage="参加"))
    for term in ("'x'", "O'N", "' OR 1=1 --"):  # quotes in the search stay text, also on the ladder sort
        expected = ["O'Neil 'x'"] if term != "' OR 1=1 --" else []
        assert names(session, PersonFilter(text=term), sort="ladder_stage") == expected, term


def test_update_records_field_level_audit_and_ladder_history(session):
    person_id = participants.create_person(session, PersonInput(name="山田 太郎"))
    data = participants.load_person_input(session, person_id)
    data.phone, data.ladder_stage = "0258-78-3309", "参加"
    assert participants.update_person(session, person_id, data) is True
    assert participants.update_person(session, person_id, data) is False  # nothing changed
    entries = session.execute(
        select(AuditEntry).where(AuditEntry.entity_id == person_id).order_by(AuditEntry.at)
    ).scalars().all()
    assert [e.action for e in entries] == ["create", "update"]
    changes = json.loads(entries[1].changes_json)
    assert changes["phone"] == ["", "0258-78-3309"]
    assert changes["ladder_stage"] == ["関心", "参加"]


def test_delete_is_soft_and_restorable(session):
    person_id = participants.create_person(session, PersonInput(name="山田 太郎"))
    participants.delete_person(session, person_id)
    assert names(session) == []
    assert names(session, PersonFilter(deleted=True)) == ["山田 太郎"]
    with pytest.raises(NotFoundError):
        participants.delete_person(session, person_id)
    participants.restore_person(session, person_id)
    assert names(session) == ["山田 太郎"]


def test_empty_values_sort_last_in_both_directions(session):
    participants.create_person(session, PersonInput(name="阿部 一郎", furigana="アベ イチロウ", residence_area="東京圏"))
    participants.create_person(session, PersonInput(name="井上 二郎", furigana="イノウエ ジロウ"))
    participants.create_person(session, PersonInput(name="上田 三郎", furigana="ウエダ サブロウ", residence_area="関西圏"))
    participants.create_person(session, PersonInput(name="江藤 四郎", furigana="エトウ シロウ", residence_area="関西圏"))
    assert names(session, sort="residence_area") == ["阿部 一郎", "上田 三郎", "江藤 四郎", "井上 二郎"]
    # Descending reverses value and フリガナ alike (one index read backwards); the empty one stays last.
    assert names(session, sort="residence_area", descending=True) == ["江藤 四郎", "上田 三郎", "阿部 一郎", "井上 二郎"]
    assert names(session, sort="last_activity_on")[-1] == "江藤 四郎"  # nobody has a touch: フリガナ order


def test_sort_by_ties_uses_the_first_tie_and_puts_persons_without_last(session):
    participants.create_person(session, PersonInput(name="阿部 一郎", furigana="アベ イチロウ"))
    participants.create_person(session, PersonInput(name="井上 二郎", furigana="イノウエ ジロウ", ties=["大学・ゼミ"]))
    participants.create_person(session, PersonInput(name="上田 三郎", furigana="ウエダ サブロウ", ties=["出身者", "大学・ゼミ"]))
    assert names(session, sort="ties") == ["上田 三郎", "井上 二郎", "阿部 一郎"]
    assert names(session, sort="ties", descending=True) == ["井上 二郎", "上田 三郎", "阿部 一郎"]


def test_first_tie_follows_every_change_of_the_ties(session):
    """person.first_tie is kept by triggers: creating, editing, merging and undoing all keep it
    equal to the least live ゆかり, so the list's sort by ゆかり is always right."""
    from sqlalchemy import text

    from kankei_desktop.services import merge

    def first_ties() -> dict[str, str | None]:
        session.flush()
        rows = session.execute(text("""
            SELECT p.id, p.first_tie, (SELECT min(t.tie) FROM person_tie t
                                       WHERE t.person_id = p.id AND t.deleted_at IS NULL) FROM person p""")).all()
        assert all(stored == expected for _id, stored, expected in rows), rows
        return {person_id: stored for person_id, stored, _expected in rows}

    a = participants.create_person(session, PersonInput(name="阿部 一郎", furigana="アベ イチロウ", ties=["大学・ゼミ"]))
    b = participants.create_person(session, PersonInput(name="井上 二郎", furigana="イノウエ ジロウ",
                                                        ties=["出身者", "大学・ゼミ"]))
    assert first_ties() == {a: "大学・ゼミ", b: "出身者"}
    participants.update_person(session, b, PersonInput(name="井上 二郎", furigana="イノウエ ジロウ", ties=["大学・ゼミ"]))
    assert first_ties()[b] == "大学・ゼミ"
    participants.update_person(session, a, PersonInput(name="阿部 一郎", furigana="アベ イチロウ", ties=[]))
    assert first_ties()[a] is None
    participants.update_person(session, a, PersonInput(name="阿部 一郎", furigana="アベ イチロウ", ties=["出身者"]))
    entry = merge.merge_persons(session, b, a, {})
    assert first_ties()[b] == "出身者"
    merge.undo_merge(session, entry)
    assert first_ties() == {a: "出身者", b: "大学・ゼミ"}


def test_a_limit_gives_the_first_ids_of_the_full_order(session):
    for name, kana, tie in (("渡辺 一郎", "ワタナベ イチロウ", None), ("阿部 二郎", "アベ ジロウ", "出身者"),
                            ("加藤 三郎", "カトウ サブロウ", "大学・ゼミ"), ("森 四郎", "モリ シロウ", None)):
        participants.create_person(session, PersonInput(name=name, furigana=kana, ties=[tie] if tie else []))
    for sort in ("furigana", "ties", "ladder_stage"):  # ゆかり: the persons without one come last
        for descending in (False, True):
            everyone = participants.list_person_ids(session, sort=sort, descending=descending)
            for limit in (0, 1, 2, 3, 4, 10):
                assert participants.list_person_ids(session, sort=sort, descending=descending, limit=limit) == \
                    everyone[:limit], (sort, descending, limit)
