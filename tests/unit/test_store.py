"""The store: pragmas, the baseline schema, refusal of newer or foreign files."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import create_database, open_database, probe
from kankei_desktop.store.migrations import head_revision

EXPECTED_TABLES = {
    "person", "person_tie", "person_tag", "ladder_stage_change", "interaction", "programme",
    "programme_stage", "programme_target", "enrollment", "enrollment_stage_change", "host", "stay",
    "stay_participant", "letter", "shipment", "attachment", "custom_indicator", "custom_indicator_value",
    "report_comment", "segment", "import_mapping", "setting", "audit_log",
}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_every_connection_has_the_safety_pragmas(database):
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_whole_schema_exists_with_common_columns(database):
    with database.engine.connect() as connection:
        found = inspect(connection)
        assert EXPECTED_TABLES <= set(found.get_table_names())
        for table in EXPECTED_TABLES:
            columns = {column["name"] for column in found.get_columns(table)}
            assert {"id", "created_at", "updated_at", "deleted_at"} <= columns, table


def test_transactions_roll_back_as_a_whole(database):
    from kankei_desktop.services.participants import PersonInput, count_persons, create_person

    with pytest.raises(RuntimeError):
        with database.session() as session:
            create_person(session, PersonInput(name="山田 太郎"))
            raise RuntimeError("power cut")
    with database.session() as session:
        assert count_persons(session) == 0


def test_foreign_keys_are_enforced(database):
    with pytest.raises(IntegrityError):
        with database.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO person_tie (id, created_at, updated_at, person_id, tie) "
                "VALUES ('x', '2026-01-01', '2026-01-01', 'missing', '出身者')"
            )


@pytest.mark.sqlite_only
def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"precious")
    with pytest.raises(StoreError, match="すでにあります"):
        create_database(path)
    assert path.read_bytes() == b"precious"


@pytest.mark.sqlite_only
def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    create_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = digest(path)
    with pytest.raises(StoreError, match="新しい版"):
        open_database(path)
    assert digest(path) == before


@pytest.mark.sqlite_only
@pytest.mark.parametrize("content, message", [
    (b"", "空"), (b"%PDF-1.7 not a database", "SQLite"), (b"SQLite format 3\x00" + b"\x00" * 20, "途中で切れて"),
])
def test_foreign_files_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(content)
    report = probe.probe_file(path)
    assert not report.ok and message in report.problems[0]
    with pytest.raises(StoreError):
        open_database(path)
    assert path.read_bytes() == content


@pytest.mark.sqlite_only
def test_probe_reports_schema_and_count(database):
    report = probe.probe_file(database.path)
    assert report.ok and report.schema_revision == head_revision() and report.person_count == 0


def test_migrations_produce_exactly_the_declared_schema(database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from kankei_desktop.store.server import SERVER_ONLY_INDEXES

    def ours(_object, name, kind, _reflected, _compare_to):
        return not (kind == "index" and name in SERVER_ONLY_INDEXES)

    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, SQLModel.metadata) == []


@pytest.mark.sqlite_only
def test_an_older_file_is_backed_up_then_upgraded(tmp_path):
    from alembic import command

    from kankei_desktop.services.participants import PersonInput, count_persons, create_person
    from kankei_desktop.store import migrations
    from kankei_desktop.store.database import make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    with engine.begin() as connection:
        config = migrations._config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    backed_up = []
    database = open_database(path, before_migration=lambda p: backed_up.append(p.read_bytes()))
    try:
        assert backed_up, "the backup hook runs before the schema changes"
        assert probe.probe_file(path).schema_revision == head_revision()
        with database.session() as session:
            create_person(session, PersonInput(name="山田 太郎"))
        with database.session() as session:
            assert count_persons(session) == 1
    finally:
        database.close()
