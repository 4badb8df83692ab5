"""Integrity on open: damaged files are moved aside with their WAL, never deleted."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import backup, create_database, lock, open_database, probe
from kankei_desktop.store.database import DamagedDatabaseError

# page checks, a moved-aside damaged file, -wal and lock files: the SQLite file itself
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "town.sqlite3"
    db = create_database(path)
    with db.session() as session:
        for i in range(300):
            create_person(session, PersonInput(name=f"参加者 {i:03d}", notes="メモ" * 50))
    db.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_page(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * (page - 1))
        handle.write(b"\xa5" * 4096)


def _overwrite_start(path: Path, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.write(data)


def _person_table_page(path: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='person'").fetchone()[0]
    connection.close()
    return root


DAMAGES = {
    "page": lambda p: _damage_page(p, _person_table_page(p)),
    "header": lambda p: _damage_page(p, 1),
    "zero": lambda p: p.write_bytes(b""),
    "header-fields": lambda p: _overwrite_start(p, b"SQLite format 3\x00" + b"\x07\x07" + b"\xee" * 82),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_file_is_moved_aside_and_backup_offered(filled, tmp_path, damage):
    folder = tmp_path / "backups"
    folder.mkdir()
    good = backup.make_backup(filled, folder, "close")
    DAMAGES[damage](filled)
    damaged_bytes = filled.read_bytes()
    # check only reports: the file stays where it is, byte for byte.
    report = probe.probe_file(filled)
    assert report.damaged and not report.ok
    assert filled.read_bytes() == damaged_bytes
    with pytest.raises(DamagedDatabaseError) as error:
        open_database(filled, lock=True, backup_dir=folder)
    moved = error.value.moved_to
    assert not filled.exists() and moved.read_bytes() == damaged_bytes
    assert moved.name.startswith("town.sqlite3.damaged-")
    assert error.value.newest_backup.path == good
    assert "town.sqlite3.damaged-" in error.value.message and "最新の正常なバックアップ" in error.value.message
    assert not lock.lock_path_for(filled).exists()  # the lock is not left behind
    # The offered backup brings the data back.
    backup.restore_backup(good, filled, folder)
    db = open_database(filled, lock=True)
    with db.session() as session:
        assert count_persons(session) == 300
    db.close()


def test_stale_wal_from_another_file_is_damage_and_moves_with_the_file(filled, tmp_path):
    wal = Path(f"{filled}-wal")
    wal.write_bytes(b"not a wal at all" * 100)
    with pytest.raises(DamagedDatabaseError) as error:
        open_database(filled)  # without the lock: reported, nothing moved
    assert error.value.moved_to is None and wal.exists() and filled.exists()
    with pytest.raises(DamagedDatabaseError) as error:
        open_database(filled, lock=True)
    moved = error.value.moved_to
    assert Path(f"{moved}-wal").read_bytes() == b"not a wal at all" * 100
    assert not wal.exists()
    assert "見つかりませんでした" in error.value.message  # no backup in the default folder yet


def test_foreign_file_is_refused_but_left_in_place(tmp_path):
    sheet = tmp_path / "名簿.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\x00" * 3000)
    with pytest.raises(StoreError) as error:
        open_database(sheet)
    assert not isinstance(error.value, DamagedDatabaseError)
    assert sheet.exists()


def test_crash_leaves_lock_and_wal_then_open_runs_full_check(filled):
    # A child opens the file with the lock, writes, and is killed before closing.
    code = (
        "import os, signal, sys\n"
        "from kankei_desktop.store import open_database\n"
        "from kankei_desktop.services.participants import PersonInput, create_person\n"
        "db = open_database(sys.argv[1], lock=True)\n"
        "with db.session() as s:\n"
        "    create_person(s, PersonInput(name='最後の人'))\n"
        "conn = db.engine.raw_connection()\n"  # keeps the WAL from being folded in on close
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(filled)])
    assert result.returncode == -signal.SIGKILL
    assert lock.lock_path_for(filled).exists()
    db = open_database(filled, lock=True)
    try:
        assert db.after_crash
        assert any("正常に終了しなかった" in note for note in db.notes)
        with db.session() as session:
            assert count_persons(session) == 301
    finally:
        db.close()
    assert not lock.lock_path_for(filled).exists()


def test_deferred_open_leaves_the_page_check_to_the_verified_startup_backup(filled):
    from kankei_desktop.services import backups

    import sqlite3

    connection = sqlite3.connect(filled)
    index_page = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE type='index' AND tbl_name='interaction' "
        "ORDER BY name LIMIT 1").fetchone()[0]
    connection.close()
    _damage_page(filled, index_page)  # a page the deferred open does not read
    damaged = filled.read_bytes()
    database = open_database(filled, lock=True, verify="deferred")  # header and schema only
    try:
        status = backups.auto_backup(database, "open")
    finally:
        database.close()
    assert not status.ok and status.source_damaged and "壊れている可能性" in status.message
    assert filled.read_bytes() == damaged
    assert list(backup.default_backup_dir().iterdir()) == []
    with pytest.raises(DamagedDatabaseError):
        open_database(filled, lock=True)  # the normal open still refuses it


def test_broken_reference_is_found_by_the_full_check(filled):
    import sqlite3

    connection = sqlite3.connect(filled)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(
        "INSERT INTO person_tie (id, created_at, updated_at, person_id, tie) "
        "VALUES ('t1', '2026-01-01', '2026-01-01', 'no-such-person', 'なし')"
    )
    connection.commit()
    connection.close()
    assert probe.probe_file(filled).ok  # the quick check on open reads pages, not references
    report = probe.probe_file(filled, full=True)
    assert not report.ok and "foreign_key_check" in report.problems[0] and not report.damaged
