"""The store on a PostgreSQL server: opening, refusing, reading only (issue 20 item 1).

The tests that need a server run under ``pytest --pg``; the refusals that need none run always.
"""

from __future__ import annotations

import json
import subprocess
import sys

import plain_sql
import pytest
from sqlalchemy import inspect, text

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import create_database, migrations, open_database
from kankei_desktop.store.server import ServerAddress, is_server_url


def _tables(address) -> list[str]:
    connection = plain_sql.connect(address)
    try:
        return sorted(row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall())
    finally:
        connection.close()


def test_a_password_in_the_url_is_refused_before_anything_connects():
    with pytest.raises(StoreError, match="パスワード"):
        ServerAddress("postgresql://coordinator:secret@db.example.jp/kankei")
    with pytest.raises(StoreError, match="パスワード"):
        open_database("postgresql://coordinator:secret@db.example.jp/kankei")
    assert is_server_url("postgresql://db.example.jp/kankei") and not is_server_url("C:/data/kankei.sqlite3")


def test_a_server_that_cannot_be_reached_is_one_message(tmp_path):
    with pytest.raises(StoreError, match="接続できません"):
        open_database(f"postgresql:///kankei?host={tmp_path}/no-server-here")


def test_the_cli_refuses_a_password_in_the_url_on_one_line():
    done = subprocess.run([sys.executable, "-m", "kankei_desktop", "stats", "--db",
                           "postgresql://coordinator:secret@db.example.jp/kankei"], capture_output=True, text=True)
    assert done.returncode == 2 and "パスワード" in done.stderr and "Traceback" not in done.stderr


def test_init_creates_the_schema_in_an_empty_database_and_opens(empty_server_database):
    database = create_database(empty_server_database)
    try:
        assert database.is_server and database.path.name == empty_server_database.name
        with database.session() as session:
            create_person(session, PersonInput(name="山田 太郎"))
        with database.session() as session:
            assert count_persons(session) == 1
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert revision == migrations.head_revision()
        with database.engine.connect() as connection:
            indexes = {index["name"] for index in inspect(connection).get_indexes("person")}
        assert "ix_person_search_trgm" in indexes and "ix_person_list_furigana" in indexes
    finally:
        database.close()
    with pytest.raises(StoreError, match="すでに関係人口デスクのデータ"):
        create_database(empty_server_database)


def test_another_applications_tables_are_refused_and_nothing_is_created(empty_server_database):
    connection = plain_sql.connect(empty_server_database)
    connection.execute("CREATE TABLE invoices (id integer PRIMARY KEY, total integer)")
    connection.commit()
    connection.close()
    for attempt in (open_database, create_database):
        with pytest.raises(StoreError, match="ほかのアプリケーションの表があります（invoices）"):
            attempt(empty_server_database)
    assert _tables(empty_server_database) == ["invoices"]


def test_an_empty_database_is_not_opened_as_if_it_were_ours(empty_server_database):
    with pytest.raises(StoreError, match="init --db"):
        open_database(empty_server_database)
    assert _tables(empty_server_database) == []


def test_a_newer_schema_is_refused_and_left_as_it_was(empty_server_database):
    create_database(empty_server_database).close()
    connection = plain_sql.connect(empty_server_database)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = list(plain_sql.connect(empty_server_database).iterdump())
    for attempt in (open_database, create_database):
        with pytest.raises(StoreError, match="新しい版"):
            attempt(empty_server_database)
    assert list(plain_sql.connect(empty_server_database).iterdump()) == before


def test_a_reader_cannot_write(database):
    if not database.is_server:
        pytest.skip("the file's read-only mode is tested in test_wal_identity")
    reader = open_database(database.path, read_only=True)
    try:
        with pytest.raises(Exception, match="read-only"):
            with reader.session() as session:
                create_person(session, PersonInput(name="山田 太郎"))
        with reader.session() as session:
            assert count_persons(session) == 0
    finally:
        reader.close()


def test_cli_init_check_and_the_file_only_commands_on_a_server(empty_server_database, tmp_path):
    run = [sys.executable, "-m", "kankei_desktop"]
    url = str(empty_server_database)
    made = subprocess.run([*run, "init", "--db", url, "--demo"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    checked = subprocess.run([*run, "check", "--db", url], capture_output=True, text=True)
    assert checked.returncode == 0 and migrations.head_revision() in checked.stdout, checked.stderr
    stats = subprocess.run([*run, "stats", "--db", url, "--fiscal-year", "2025", "--json"], capture_output=True, text=True)
    assert stats.returncode == 0 and json.loads(stats.stdout)["schema_version"] == 1, stats.stderr
    refused = subprocess.run([*run, "backup", "--db", url, "--to", str(tmp_path)], capture_output=True, text=True)
    assert refused.returncode == 2 and "サーバー" in refused.stderr and "Traceback" not in refused.stderr
    assert not list(tmp_path.iterdir())
