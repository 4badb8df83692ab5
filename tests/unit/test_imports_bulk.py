"""The shortcuts of the bulk import path give exactly what the general code gives."""

from __future__ import annotations

import re
import unicodedata
import uuid

import jaconv
import openpyxl
import plain_sql

from kankei_desktop.domain.text import fold
from kankei_desktop.io.readers import read_table
from kankei_desktop.services import imports
from kankei_desktop.services.imports import fresh_ids
from kankei_desktop.services.imports.commit import _drop_list_indexes, _rebuild_indexes
from kankei_desktop.services.participants import PersonInput, create_person, update_person


def test_fresh_ids_are_version_4_uuids_in_new_id_form():
    ids = fresh_ids(5000)
    assert len(set(ids)) == 5000 and fresh_ids(0) == []
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_folding_ascii_by_the_shortcut_gives_the_general_key():
    """``fold`` skips NFKC and kana for ASCII text (most e-mails and phones of a bulk import)."""
    def general(text):
        return re.sub(r"[\s\u3000]+", "", jaconv.hira2kata(unicodedata.normalize("NFKC", text))).lower()

    samples = ["Hanako@Example.JP", "090-1234-5678", " a b\tc\x1fD ", "x\x1c\x1d\x1ey", "".join(map(chr, range(128)))]
    for text in samples:
        assert text.isascii() and fold(text) == general(text)


# The same person, typed as coordinators type: half-width kana, full-width digits and marks.
_TYPED = {"name": "ﾔﾏﾀﾞ　太郎", "furigana": "やまだ　たろう", "email": "Taro＠Example．JP", "phone": "０９０１２３４５６７８"}
_HEADER = ["ID", "お名前", "ふりがな", "E-mail", "TEL"]


def _sheet(path, rows):
    book = openpyxl.Workbook()
    for row in ([*_HEADER], *rows):
        book.active.append(list(row))
    book.save(path)
    return path


def _import(database, path):
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
        plan.set_action_for_status("duplicate", "create")
        imports.commit_plan(session, plan)


def _derived(database, name: str) -> list[tuple]:
    connection = plain_sql.connect(database)
    try:
        return connection.execute("SELECT furigana_sort, search_text FROM person WHERE name = ? ORDER BY id",
                                  (name,)).fetchall()
    finally:
        connection.close()


def test_bulk_import_writes_the_search_and_sort_columns_create_person_writes(database, tmp_path):
    with database.session() as session:
        create_person(session, PersonInput(**_TYPED))
    _import(database, _sheet(tmp_path / "new.xlsx", [["", *_TYPED.values()]]))
    written = _derived(database, "ヤマダ 太郎")
    assert len(written) == 2 and written[0] == written[1]
    assert written[0] == ("ヤマダタロウ", "\x1f".join(["ヤマダ太郎", "ヤマダタロウ", "taro@example.jp", "090-1234-5678",
                                                      "09012345678"]))


def test_an_import_update_rederives_them_as_update_person_does(database, tmp_path):
    with database.session() as session:
        imported = create_person(session, PersonInput(name="仮の名前", furigana="カリ"))
        edited = create_person(session, PersonInput(name="仮の名前２", furigana="カリ"))
        update_person(session, edited, PersonInput(**{**_TYPED, "name": "ﾔﾏﾀﾞ　太郎"}))
    _import(database, _sheet(tmp_path / "update.xlsx", [[imported, *_TYPED.values()]]))
    written = _derived(database, "ヤマダ 太郎")
    assert len(written) == 2 and written[0] == written[1] and written[0][0] == "ヤマダタロウ"


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
