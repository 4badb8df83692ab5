"""The shortcuts of the bulk import path give exactly what the general code gives."""

from __future__ import annotations

import uuid

import plain_sql

from kankei_desktop.domain.text import fold, furigana_sort_key, person_search_text
from kankei_desktop.services.imports import fresh_ids
from kankei_desktop.services.imports.commit import _drop_list_indexes, _fold_quick, _rebuild_indexes, _search_text


def test_fresh_ids_are_version_4_uuids_in_new_id_form():
    ids = fresh_ids(5000)
    assert len(set(ids)) == 5000 and fresh_ids(0) == []
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_search_text_and_quick_fold_equal_the_domain_rules():
    samples = [
        ("山田 花子", "ヤマダ　ハナコ", "Hanako@Example.JP", "090-1234-5678"),
        ("ﾔﾏﾀﾞ", "やまだ", "", ""),
        ("", "", " a b\tc\x1fD ", "０９０１２３４５６７８"),
        ("髙橋 𠮷郎", "タカハシ キチロウ", "ｍａｉｌ@ｅｘ.jp", "+81 90 1234 5678"),
        ("Ａｂｃ", "ｶﾀｶﾅ", "x\u3000y@z.jp", "03(1234)5678"),
    ]
    for name, furigana, email, phone in samples:
        for text in (name, furigana, email, phone):
            assert _fold_quick(text) == fold(text)
        assert _search_text(name, furigana_sort_key(furigana), email, phone) == \
            person_search_text(name, furigana, email, phone)


def _index_sql(database) -> list:
    return plain_sql.index_definitions(database)


def test_list_indexes_are_rebuilt_as_they_were_and_come_back_on_rollback(database):
    before = _index_sql(database)
    with database.session() as session:
        assert _drop_list_indexes(session, 10) == []  # a small import keeps them
        statements = _drop_list_indexes(session, 10_000)
        assert len(statements) >= 5 and all("ix_person_list_" in s for s in statements)
        _rebuild_indexes(session, statements)
    assert _index_sql(database) == before
    try:
        with database.session() as session:
            assert _drop_list_indexes(session, 10_000)
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert _index_sql(database) == before
