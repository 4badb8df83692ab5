"""Offices exchanging packages: convergence, conflicts, merges, erasures, photos, order, rules."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from exchange_offices import PASSPHRASE, differences, dump, office_name, offices, send
from PIL import Image

from kankei_desktop.services import exchange
from kankei_desktop.services.attachments import attachments_dir
from kankei_desktop.services.exchange import PackageRefused
from kankei_desktop.services.letters import LetterInput, attach_photo, create_letter
from kankei_desktop.services.merge import merge_persons
from kankei_desktop.services.participants import (
    PersonInput,
    create_person,
    delete_person,
    load_person_input,
    update_person,
)
from kankei_desktop.services.privacy import anonymise_person, file_contains, purge_freed_space
from kankei_desktop.services.stays import StayInput, create_stay
from kankei_desktop.store import open_database

# Offices exchange files; a shared server has no journal (docs/decisions.md).
pytestmark = pytest.mark.sqlite_only


def _edit(database, person_id, **changes):
    with database.session() as session:
        update_person(session, person_id, replace(load_person_input(session, person_id), **changes))


def _person(database, person_id) -> tuple:
    connection = sqlite3.connect(database.path)
    try:
        return connection.execute("SELECT name, phone, notes, deleted_at FROM person WHERE id = ?",
                                  (person_id,)).fetchone()
    finally:
        connection.close()


def _photo(path):
    Image.new("RGB", (8, 8), (200, 30, 30)).save(path)
    return path


def test_three_offices_converge_with_conflicts_deletes_merges_erasures_and_photos(tmp_path, monkeypatch):
    (honcho, island, branch), ids = offices(tmp_path, 3)
    # The island office records a stay and a letter with a photo, offline.
    with island.session() as session:
        stay = create_stay(session, StayInput(person_ids=[ids["sato"]], lodging_id=ids["lodge"],
                                              start_on=date(2026, 12, 10), end_on=date(2026, 12, 12)))
        letter = create_letter(session, LetterInput(person_id=ids["sato"], written_on=date(2026, 12, 1),
                                                    summary="お米のお礼"))
        attach_photo(session, letter, _photo(tmp_path / "rice.png"))
        newcomer = create_person(session, PersonInput(name="田中 三郎", furigana="タナカ サブロウ"))
    # Both change 山田's phone (a conflict); 本庁 deletes 鈴木 while the island edits him.
    _edit(honcho, ids["yamada"], phone="090-9999-0000")
    _edit(island, ids["yamada"], phone="070-5555-6666")
    with honcho.session() as session:
        delete_person(session, ids["suzuki"])
    _edit(island, ids["suzuki"], notes="島で面談")
    # The branch merges 田中 (once it has him) later; first 本庁 erases nobody, the branch edits 佐藤.
    _edit(branch, ids["sato"], notes="支所で追記")

    written = exchange.write_package(island, "本庁", tmp_path / "island-1", PASSPHRASE)
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "honcho-computer"))  # another computer
    result = exchange.apply_package(honcho, written.path, PASSPHRASE, backup=False)
    assert result.photos == 1 and any(attachments_dir().glob("??/*.png"))  # the photo arrived on this computer
    assert result.conflicts == 2  # the phone, and the deletion of an edited person
    with honcho.session() as session:
        fields = {(c.record_label, c.field) for c in exchange.list_conflicts(session)}
        assert fields == {("山田 花子", "phone"), ("鈴木 次郎", "deleted_at")}
        assert exchange.marked_rows(session) == {("person", ids["yamada"]), ("person", ids["suzuki"])}
    assert _person(honcho, ids["yamada"])[1] == "090-9999-0000"  # kept the local value
    assert _person(honcho, ids["suzuki"])[2] == "島で面談"  # the edit arrived; the deletion stands, marked
    with honcho.session() as session:  # the town hall sees the island's stay and letter
        assert session.execute(exchange_sql("stay", stay)).first() is not None
        assert session.execute(exchange_sql("letter", letter)).first() is not None

    send(honcho, island, tmp_path)
    with island.session() as session:
        assert {c.field for c in exchange.list_conflicts(session)} == {"phone", "deleted_at"}
    # The town hall decides: the island's phone, and 鈴木 stays deleted.
    with honcho.session() as session:
        conflicts = {c.field: c.id for c in exchange.list_conflicts(session)}
        exchange.resolve_conflict(session, conflicts["phone"], "remote")
        exchange.resolve_conflict(session, conflicts["deleted_at"], "local")
    # A merge at the island and an erasure at 本庁.
    for source, target in ((honcho, island), (island, branch), (branch, honcho), (honcho, branch)):
        send(source, target, tmp_path)
    with island.session() as session:
        twin = create_person(session, PersonInput(name="田中 三郎", furigana="タナカ サブロウ", phone="080-1234-5678"))
        merge_persons(session, newcomer, twin, {"phone": "other"})
    with honcho.session() as session:
        anonymise_person(session, ids["sato"])
    purge_freed_space(honcho, ["佐藤 一郎", "080-3333-4444"])
    _edit(branch, ids["sato"], notes="支所でさらに追記 佐藤 一郎")

    for _round in range(2):
        for source, target in ((island, honcho), (honcho, branch), (branch, honcho), (honcho, island),
                               (island, branch), (branch, island)):
            send(source, target, tmp_path)
    dumps = [dump(database) for database in (honcho, island, branch)]
    assert differences(dumps[0], dumps[1]) == []
    assert differences(dumps[0], dumps[2]) == []
    for database in (honcho, island, branch):
        with database.session() as session:
            assert exchange.list_conflicts(session) == []
        assert _person(database, ids["yamada"])[1] == "070-5555-6666"
        assert _person(database, ids["suzuki"])[3] is not None
        assert _person(database, twin)[3] is not None  # merged away everywhere
        assert _person(database, newcomer)[1] == "080-1234-5678"
        for path in (database.path, database.path.with_name(database.path.name + "-wal")):
            assert not file_contains(path, ["佐藤 一郎", "080-3333-4444", "佐藤一郎"]), (office_name(database), path)


def exchange_sql(table, row_id):
    from sqlalchemy import text

    return text(f"SELECT 1 FROM {table} WHERE id = :id AND deleted_at IS NULL").bindparams(id=row_id)


def test_the_same_package_twice_and_an_older_one_change_nothing(tmp_path):
    (honcho, island), ids = offices(tmp_path)
    _edit(island, ids["yamada"], notes="一回目")
    first = exchange.write_package(island, "本庁", tmp_path / "one", PASSPHRASE)
    _edit(island, ids["yamada"], notes="二回目")
    second = exchange.write_package(island, "本庁", tmp_path / "two", PASSPHRASE)
    assert exchange.apply_package(honcho, second.path, PASSPHRASE, backup=False).updated == 1
    before = dump(honcho, skip_columns=())
    again = exchange.apply_package(honcho, second.path, PASSPHRASE, backup=False)
    older = exchange.apply_package(honcho, first.path, PASSPHRASE, backup=False)
    assert again.already_applied and older.already_applied
    assert "第2号まで適用済み" in older.message
    assert dump(honcho, skip_columns=()) == before
    assert _person(honcho, ids["yamada"])[2] == "二回目"


def test_a_missing_package_is_named_and_nothing_applied(tmp_path):
    (honcho, island), ids = offices(tmp_path)
    _edit(island, ids["yamada"], notes="一回目")
    first = exchange.write_package(island, "本庁", tmp_path / "one", PASSPHRASE)
    stale = tmp_path / "honcho-before.sqlite3"  # 本庁 as it was before package 1 (a restored backup)
    from kankei_desktop.store.backup import copy_database

    copy_database(honcho.path, stale)
    exchange.apply_package(honcho, first.path, PASSPHRASE, backup=False)
    send(honcho, island, tmp_path)  # confirms package 1
    _edit(island, ids["yamada"], notes="二回目")
    second = exchange.write_package(island, "本庁", tmp_path / "two", PASSPHRASE)
    restored = open_database(stale)
    before = dump(restored, skip_columns=())
    with pytest.raises(PackageRefused, match="第1号"):
        exchange.apply_package(restored, second.path, PASSPHRASE, backup=False)
    assert dump(restored, skip_columns=()) == before
    restored.close()


def test_own_office_and_newer_schema_packages_are_refused(tmp_path, monkeypatch):
    (honcho, island), ids = offices(tmp_path)
    own = exchange.write_package(island, "本庁", tmp_path / "own", PASSPHRASE)
    with pytest.raises(PackageRefused, match="自身が書き出した"):
        exchange.apply_package(island, own.path, PASSPHRASE, backup=False)
    from kankei_desktop.store import migrations

    monkeypatch.setattr(migrations, "head_revision", lambda: "0099_future")
    newer = exchange.write_package(island, "本庁", tmp_path / "newer", PASSPHRASE)
    monkeypatch.undo()
    before = dump(honcho, skip_columns=())
    with pytest.raises(PackageRefused, match="新しい版のデータ形式"):
        exchange.apply_package(honcho, newer.path, PASSPHRASE, backup=False)
    assert dump(honcho, skip_columns=()) == before


def test_rules_after_apply_list_capacity_overlap_and_duplicates(tmp_path):
    (honcho, island), ids = offices(tmp_path)
    with honcho.session() as session:
        create_stay(session, StayInput(person_ids=[ids["yamada"], ids["sato"]], lodging_id=ids["lodge"],
                                       start_on=date(2026, 12, 20), end_on=date(2026, 12, 22)))
        create_person(session, PersonInput(name="高橋 海", furigana="タカハシ ウミ", phone="090-7777-8888"))
    with island.session() as session:
        create_stay(session, StayInput(person_ids=[ids["yamada"], ids["suzuki"]], lodging_id=ids["lodge"],
                                       start_on=date(2026, 12, 21), end_on=date(2026, 12, 23)))
        create_person(session, PersonInput(name="高橋 海", furigana="タカハシ ウミ", phone="09077778888"))
    result = send(island, honcho, tmp_path)
    rules = sorted(f["rule"] for f in result.findings)
    assert rules == ["capacity", "duplicate", "overlap"]
    capacity = next(f for f in result.findings if f["rule"] == "capacity")
    assert "民宿うみかぜ" in capacity["message"] and "2026/12/21" in capacity["message"]
    with honcho.session() as session:
        assert exchange.history(session)[0].findings == result.findings


def test_journal_query_reads_an_index_not_the_file(tmp_path):
    (honcho, _island), _ids = offices(tmp_path)
    connection = sqlite3.connect(honcho.path)
    plan = " ".join(str(row) for row in connection.execute(
        "EXPLAIN QUERY PLAN SELECT tbl, row_id, col FROM exchange_journal WHERE seq > 5 AND seq <= 10"))
    connection.close()
    assert "ix_exchange_journal_seq" in plan and "SCAN" not in plan


def test_office_rename_keeps_its_id(tmp_path):
    (honcho, island), _ids = offices(tmp_path)
    with honcho.session() as session:
        before = exchange.own_office(session)
        exchange.rename_office(session, before.id, "町役場本庁")
        assert exchange.own_office(session).id == before.id
    send(honcho, island, tmp_path)
    with island.session() as session:
        assert [p.name for p in exchange.peers(session)] == ["町役場本庁"]


def test_the_same_enrollment_made_at_both_offices_stays_once(tmp_path):
    from kankei_desktop.services.enrollments import enroll_persons
    from kankei_desktop.services.programmes import ProgrammeInput, create_programme

    (honcho, island), ids = offices(tmp_path)
    with honcho.session() as session:
        programme = create_programme(session, ProgrammeInput(name="島の暮らし体験", fiscal_year=2026))
    send(honcho, island, tmp_path)
    for database in (honcho, island):
        with database.session() as session:
            enroll_persons(session, programme, [ids["yamada"]])
    result = send(island, honcho, tmp_path)
    assert [f["rule"] for f in result.findings] == ["enrollment"]
    send(honcho, island, tmp_path)
    send(island, honcho, tmp_path)
    assert differences(dump(honcho), dump(island)) == []
    connection = sqlite3.connect(honcho.path)
    live = connection.execute("SELECT count(*) FROM enrollment WHERE deleted_at IS NULL").fetchone()[0]
    connection.close()
    assert live == 1


def test_a_conflict_resolved_with_an_edited_value_reaches_the_other_office(tmp_path):
    (honcho, island), ids = offices(tmp_path)
    _edit(honcho, ids["sato"], notes="本庁のメモ")
    _edit(island, ids["sato"], notes="島のメモ")
    send(island, honcho, tmp_path)
    send(honcho, island, tmp_path)
    with honcho.session() as session:
        (conflict,) = exchange.list_conflicts(session)
        assert (conflict.local_value, conflict.remote_value, conflict.remote_office) == ("本庁のメモ", "島のメモ", "支所1")
        exchange.resolve_conflict(session, conflict.id, "edited", "本庁と島のメモ")
    send(honcho, island, tmp_path)
    for database in (honcho, island):
        assert _person(database, ids["sato"])[2] == "本庁と島のメモ"
        with database.session() as session:
            assert exchange.list_conflicts(session) == []
            assert len(exchange.list_conflicts(session, include_resolved=True)) == 1


def test_two_lists_that_were_never_copies_meet_in_full_and_duplicates_are_listed(tmp_path):
    from kankei_desktop.store import create_database

    town = create_database(tmp_path / "town.sqlite3")
    npo = create_database(tmp_path / "npo.sqlite3")
    with town.session() as session:
        town_office = exchange.set_up_office(session, "町役場")
        create_person(session, PersonInput(name="森 葉子", furigana="モリ ヨウコ", email="yoko@example.jp"))
    with npo.session() as session:
        npo_office = exchange.set_up_office(session, "NPOしまつなぎ", town_office.organisation_id)
        create_person(session, PersonInput(name="森 葉子", furigana="モリ ヨウコ", email="yoko@example.jp"))
        create_person(session, PersonInput(name="川口 渉", furigana="カワグチ ワタル"))
        exchange.add_peer(session, town_office.id, town_office.name)
        assert exchange.pending_changes(session, town_office.id) == -1  # everything goes first
    with town.session() as session:
        exchange.add_peer(session, npo_office.id, npo_office.name)
    result = send(npo, town, tmp_path)
    assert result.added >= 2
    assert [f["rule"] for f in result.findings] == ["duplicate"]
    send(town, npo, tmp_path)
    assert differences(dump(town), dump(npo)) == []
    town.close()
    npo.close()


def test_erasure_also_removes_the_values_kept_by_conflicts(tmp_path):
    from kankei_desktop.services.privacy import anonymise_and_purge

    (honcho, island), ids = offices(tmp_path)
    _edit(honcho, ids["sato"], phone="090-4242-4242")
    _edit(island, ids["sato"], phone="080-2424-2424")
    send(island, honcho, tmp_path)
    with honcho.session() as session:
        (conflict,) = exchange.list_conflicts(session)
        exchange.resolve_conflict(session, conflict.id, "local")  # resolved conflicts keep both values
    anonymise_and_purge(honcho, ids["sato"])
    with honcho.session() as session:
        assert exchange.list_conflicts(session, include_resolved=True) == []
    for path in (honcho.path, honcho.path.with_name(honcho.path.name + "-wal")):
        assert not file_contains(path, ["090-4242-4242", "080-2424-2424", "佐藤 一郎"])


def test_all_conflicts_of_one_record_resolved_at_once_with_progress(tmp_path):
    (honcho, island), ids = offices(tmp_path)
    _edit(honcho, ids["yamada"], phone="090-1212-3434", notes="本庁")
    _edit(honcho, ids["sato"], notes="本庁")
    _edit(island, ids["yamada"], phone="080-5656-7878", notes="島")
    _edit(island, ids["sato"], notes="島")
    written = exchange.write_package(island, "本庁", tmp_path / "p", PASSPHRASE)
    seen = []
    exchange.apply_package(honcho, written.path, PASSPHRASE, lambda done, total, _m: seen.append((done, total)),
                           backup=False)
    assert seen and seen[-1][0] == seen[-1][1]
    with honcho.session() as session:
        assert exchange.resolve_all(session, "remote", table="person", row_id=ids["yamada"]) == 2
        assert [c.record_label for c in exchange.list_conflicts(session)] == ["佐藤 一郎"]
    assert _person(honcho, ids["yamada"])[1:3] == ("080-5656-7878", "島")


def test_every_shared_table_and_field_is_journaled(database):
    """A table or column added later must be journaled (a migration calling ``journal_triggers``
    of 0009) or declared local-only in ``package.LOCAL_TABLES``; else its changes never travel."""
    from kankei_desktop.services.exchange.package import journaled_columns, shared_tables

    connection = sqlite3.connect(database.path)
    triggers = dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    connection.close()
    missing = []
    for table in shared_tables():
        if f"{table}_journal_insert" not in triggers:
            missing.append(f"{table}: no insert trigger")
        update = triggers.get(f"{table}_journal_update", "")
        missing += [f"{table}.{column}" for column in journaled_columns(table)
                    if not re.search(rf"OLD\.{column} IS NOT NEW\.{column}\b", update)]
    assert missing == []
