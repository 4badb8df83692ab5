"""A -wal is read only by the file it was written for: the identity number in page 1.

The dangerous mistake would be the other way round — calling a file's own log foreign
and refusing (or setting aside) real work — so the genuine cases are tested as hard as
the foreign one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.programmes import ProgrammeInput, create_programme
from kankei_desktop.store import create_database, open_database, probe
from kankei_desktop.store.database import DamagedDatabaseError

# the file's -wal identity
pytestmark = pytest.mark.sqlite_only


def _identity(path: Path) -> int:
    return probe.file_identity(path)


def _programme_names(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM programme ORDER BY name")]
    finally:
        connection.close()


def _write_and_keep_the_log(path: Path, name: str) -> sqlite3.Connection:
    """A write whose log is not folded in: another connection stays open, as the window's would."""
    keeper = sqlite3.connect(path)
    keeper.execute("SELECT count(*) FROM person").fetchone()
    database = open_database(path)
    with database.session() as session:
        for number in range(40):  # enough rows to grow the file, so page 1 is in the log
            create_programme(session, ProgrammeInput(name=f"{name} {number:02d}", fiscal_year=2026))
    database.close()
    assert probe.read_wal(Path(f"{path}-wal")).page_one_identities, "the log holds page 1"
    return keeper


def test_every_new_file_gets_an_identity_of_its_own(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    create_database(first).close()
    create_database(second).close()
    assert _identity(first) and _identity(second) and _identity(first) != _identity(second)


def test_a_files_own_log_is_read_by_a_reader_while_the_writer_keeps_it(tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    keeper = _write_and_keep_the_log(path, "秋の収穫体験")
    try:
        assert probe.probe_file(path).ok
        reader = open_database(path, read_only=True)
        try:
            with reader.session() as session:
                count = session.connection().exec_driver_sql("SELECT count(*) FROM programme").scalar()
        finally:
            reader.close()
        assert count == 40, "the reader sees what the log holds"
    finally:
        keeper.close()


def test_an_older_file_gets_its_identity_from_the_first_writer_and_its_log_stays_its_own(tmp_path):
    path = tmp_path / "old.sqlite3"
    create_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 0")  # as every file made before this change
    connection.close()
    assert _identity(path) == 0
    keeper = sqlite3.connect(path)
    keeper.execute("SELECT count(*) FROM person").fetchone()
    try:
        database = open_database(path)  # the first writer gives the number; it lies in the log only
        database.close()
        assert _identity(path) == 0 and probe.read_wal(Path(f"{path}-wal")).page_one_identities[-1] != 0
        assert probe.probe_file(path).ok, "the file's own log is not called foreign"
    finally:
        keeper.close()
    assert _identity(path) != 0  # folded in once the last connection closed


def _file_with_foreign_log(tmp_path: Path) -> tuple[Path, bytes]:
    ours, theirs = tmp_path / "office.sqlite3", tmp_path / "other.sqlite3"
    create_database(ours).close()
    database = open_database(ours)
    with database.session() as session:
        create_programme(session, ProgrammeInput(name="うちの企画", fiscal_year=2026))
    database.close()
    create_database(theirs).close()
    keeper = _write_and_keep_the_log(theirs, "よその企画")
    log = Path(f"{theirs}-wal").read_bytes()
    keeper.close()
    Path(f"{ours}-wal").write_bytes(log)
    return ours, log


def test_another_files_log_is_refused_by_readers_and_command_writers_and_changes_nothing(tmp_path):
    path, log = _file_with_foreign_log(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    report = probe.probe_file(path)
    assert report.damaged and report.foreign_wal and "別のデータベース" in report.problems[0]
    with pytest.raises(DamagedDatabaseError):
        open_database(path, read_only=True)
    with pytest.raises(DamagedDatabaseError):
        open_database(path, lock=True, move_damaged=False)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert Path(f"{path}-wal").read_bytes() == log
    assert not Path(f"{path}.lock").exists()


def test_the_window_sets_another_files_log_aside_and_opens_its_own_data(tmp_path):
    path, log = _file_with_foreign_log(tmp_path)
    database = open_database(path, lock=True, verify="deferred")
    try:
        assert any("別のデータベース" in note and "foreign" in note for note in database.notes)
        with database.session() as session:
            names = session.connection().exec_driver_sql("SELECT name FROM programme").scalars().all()
        assert names == ["うちの企画"]
    finally:
        database.close()
    kept = list(tmp_path.glob("office.sqlite3-wal.foreign-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == log, "set aside, never deleted"
    assert _programme_names(path) == ["うちの企画"]


def test_a_reader_refuses_a_file_that_needs_a_migration_and_leaves_it(tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0006'")
    connection.commit()
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="古い版"):
        open_database(path, read_only=True)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_reader_cannot_write(tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    database = open_database(path, read_only=True)
    try:
        with pytest.raises(StoreError, match="読み取り専用"):
            with database.session() as session:
                create_programme(session, ProgrammeInput(name="書けない", fiscal_year=2026))
    finally:
        database.close()
    assert _programme_names(path) == []
