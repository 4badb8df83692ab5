"""Duplicate detection: the rule, one incoming person, and the whole table."""

from __future__ import annotations

from datetime import date

from kankei_desktop.services.duplicates import (
    duplicate_key_sets,
    find_duplicate_groups,
    find_duplicates_of,
    match_reasons,
)
from kankei_desktop.services.participants import PersonInput, create_person, delete_person


def _person(session, name="山田 太郎", furigana="ヤマダ タロウ", **fields):
    return create_person(session, PersonInput(name=name, furigana=furigana, **fields))


def test_keys_fold_kana_width_and_spaces():
    a = duplicate_key_sets("やまだ たろう", date(1990, 1, 2), "Taro@Example.JP", "090-1234-5678", "949-4392")
    b = duplicate_key_sets("ﾔﾏﾀﾞﾀﾛｳ", "1990-01-02", "taro@example.jp", "09012345678", "9494392")
    assert a == b
    assert match_reasons(a, b) == ["生年月日", "メール", "電話番号", "郵便番号"]


def test_no_furigana_no_keys():
    assert duplicate_key_sets("", date(1990, 1, 2), "a@b.jp", "09012345678", "9494392") == set()


def test_same_furigana_alone_is_not_a_duplicate(session):
    _person(session, email="a@example.jp")
    assert find_duplicates_of(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", email="b@example.jp")) == []


def test_find_duplicates_of_an_incoming_person(session):
    first = _person(session, phone="090-1234-5678")
    other = _person(session, name="山田 花子", furigana="ヤマダ ハナコ", phone="090-1234-5678")
    incoming = PersonInput(name="山田太郎", furigana="やまだたろう", phone="０９０１２３４５６７８")
    assert find_duplicates_of(session, incoming) == [first]
    assert find_duplicates_of(session, incoming, exclude_id=first) == []
    assert other not in find_duplicates_of(session, incoming)


def test_groups_are_joined_transitively_and_skip_deleted(session):
    a = _person(session, phone="090-1111-2222")
    b = _person(session, phone="090-1111-2222", email="taro@example.jp")
    c = _person(session, email="TARO@example.jp")
    lone = _person(session, name="佐藤 花子", furigana="サトウ ハナコ", birth_date=date(2000, 1, 1))
    d = _person(session, name="佐藤 花子", furigana="さとう はなこ", birth_date=date(2000, 1, 2))
    gone = _person(session, name="鈴木 一郎", furigana="スズキ イチロウ", postal_code="9494392")
    _person(session, name="鈴木 一郎", furigana="スズキ イチロウ", postal_code="949-4392")
    delete_person(session, gone)
    session.flush()
    groups = find_duplicate_groups(session)
    assert groups == [[a, b, c]]
    assert lone not in groups[0] and d not in groups[0]
