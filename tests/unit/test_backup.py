"""Backups: verified copies, rotation, listing, restore, and the bad-input cases."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services import backups
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import backup, backup_catalog, create_database, open_database
from kankei_desktop.store.backup import RetentionPolicy

# file backups (SQLite backup API); a server's backups are the operator's or pg_dump's
pytestmark = pytest.mark.sqlite_only


def _add_persons(database, *names: str) -> None:
    with database.session() as session:
        for name in names:
            create_person(session, PersonInput(name=name))


def _persons(path: Path) -> int:
    db = open_database(path)
    try:
        with db.session() as session:
            return count_persons(session)
    finally:
        db.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "backups"
    target.mkdir()
    return target


def test_backup_is_verified_named_and_holds_uncheckpointed_changes(database, folder):
    _add_persons(database, "山田 太郎", "佐藤 花子")
    made = backup.make_backup(database.path, folder, "manual", now=datetime(2026, 11, 27, 10, 42, 5))
    assert made.name == "test_20261127-104205_manual.sqlite3"
    assert backup.verify_backup(made).ok
    assert not list(folder.glob(".tmp-*"))
    # A standalone file: rollback journal, no -wal needed beside it.
    connection = sqlite3.connect(made)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    (info,) = backup.list_backups(folder)
    assert (info.person_count, info.reason, info.reason_label) == (2, "manual", "手動")
    assert info.taken_at == datetime(2026, 11, 27, 10, 42, 5)
    assert info.size_bytes == made.stat().st_size


def test_same_second_backups_get_distinct_names(database, folder):
    moment = datetime(2026, 1, 1, 9, 0, 0)
    first = backup.make_backup(database.path, folder, "open", now=moment)
    second = backup.make_backup(database.path, folder, "open", now=moment)
    third = backup.make_backup(database.path, folder, "open", now=moment)
    assert len({first, second, third}) == 3
    assert [info.path for info in backup.list_backups(folder, "test")] == [third, second, first]


@pytest.mark.parametrize("kind", ["missing", "readonly", "file"])
def test_bad_backup_folder_is_a_clear_error_and_leaves_nothing(database, tmp_path, kind):
    target = tmp_path / "target"
    if kind == "readonly":
        target.mkdir()
        target.chmod(0o500)
        if os.access(target, os.W_OK):  # root ignores modes: emulate with a folder we cannot write
            pytest.skip("running as a user that can write anywhere")
    elif kind == "file":
        target.write_text("x")
    before = _digest(database.path)
    with pytest.raises(StoreError) as error:
        backup.make_backup(database.path, target, "manual")
    assert str(target) in error.value.message
    assert _digest(database.path) == before


def test_readonly_folder_refused_even_as_root(database, tmp_path, monkeypatch):
    target = tmp_path / "ro"
    target.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == target else real_access(p, mode))
    with pytest.raises(StoreError, match="読み取り専用"):
        backup.make_backup(database.path, target, "manual")
    assert list(target.iterdir()) == []


def test_rotation_keeps_recent_daily_weekly_monthly(database, folder):
    start = datetime(2025, 1, 1, 12, 0, 0)
    for hour in range(0, 400 * 24, 6):  # four backups a day for 400 days
        name = f"test_{(start + timedelta(hours=hour)).strftime('%Y%m%d-%H%M%S')}_periodic.sqlite3"
        (folder / name).write_bytes(b"")
    (folder / "other_20250101-120000_open.sqlite3").write_bytes(b"")  # another database: untouched
    policy = RetentionPolicy(recent=10, daily=14, weekly=8, monthly=12)
    removed = backup.rotate_backups(folder, "test", policy)
    kept = backup_catalog._backup_files(folder, "test")
    times = [taken for _path, _stem, taken, _reason in kept]
    assert removed and len(kept) <= 10 + 14 + 8 + 12
    assert times[:10] == sorted(times, reverse=True)[:10]
    assert len({t.date() for t in times}) >= 14
    assert len({(t.year, t.month) for t in times}) == 12
    assert (folder / "other_20250101-120000_open.sqlite3").exists()
    # Rotating again changes nothing.
    assert backup.rotate_backups(folder, "test", policy) == []


def test_restore_backs_up_current_then_replaces(database, folder):
    _add_persons(database, "山田 太郎")
    made = backup.make_backup(database.path, folder, "manual")
    _add_persons(database, "佐藤 花子", "鈴木 一郎")
    database.close()
    safety = backups.restore(database.path, made, folder)
    assert safety is not None and safety.exists()
    assert _persons(database.path) == 1
    assert _persons(safety) == 3
    assert not Path(f"{database.path}-wal").exists() or Path(f"{database.path}-wal").stat().st_size == 0
    reasons = sorted(info.reason for info in backup.list_backups(folder))
    assert reasons == ["before-restore", "manual"]


def test_restore_from_a_file_that_is_not_a_backup_changes_nothing(database, folder, tmp_path):
    _add_persons(database, "山田 太郎")
    database.close()
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("これはバックアップではありません", encoding="utf-8")
    plain = tmp_path / "plain.sqlite3"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.close()
    before = _digest(database.path)
    for candidate in (bogus, plain, tmp_path / "missing.sqlite3"):
        with pytest.raises(StoreError, match="復元に使えません"):
            backups.restore(database.path, candidate, folder)
    assert _digest(database.path) == before
    assert list(folder.iterdir()) == []


def _damage_page(path: Path, page: int = 3) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * (page - 1))
        handle.write(b"\xff" * 4096)


def test_damaged_backup_is_skipped_and_the_next_one_offered(database, folder):
    _add_persons(database, "山田 太郎")
    older = backup.make_backup(database.path, folder, "open", now=datetime(2026, 11, 1, 9, 0))
    newer = backup.make_backup(database.path, folder, "close", now=datetime(2026, 11, 2, 9, 0))
    _damage_page(newer)
    assert not backup.verify_backup(newer).ok
    offered = backups.offer_after_damage(database.path, folder)
    assert offered is not None and offered.path == older
    database.close()
    with pytest.raises(StoreError, match="復元に使えません"):
        backups.restore(database.path, newer, folder)


def test_auto_backup_reports_failure_without_raising(database, tmp_path):
    with database.session() as session:
        backups.set_backup_folder(session, tmp_path)
    (tmp_path / "gone").mkdir()
    with database.session() as session:
        backups.set_backup_folder(session, tmp_path / "gone")
    (tmp_path / "gone").rmdir()  # the USB stick was pulled
    status = backups.auto_backup(database, "periodic")
    assert not status.ok and "gone" in status.message
    assert status.status_text().startswith("バックアップ失敗")


def test_auto_backup_uses_default_folder_and_rotates(database):
    status = backups.auto_backup(database, "open")
    assert status.ok and status.path.parent == backup.default_backup_dir()
    assert status.status_text().startswith("最終バックアップ")
    assert [info.reason for info in backups.list_for(database)] == ["open"]


def test_periodic_backup_only_after_changes():
    start = datetime(2026, 11, 27, 9, 0)
    timer = backups.PeriodicBackup(30, last_backup=start)
    assert not timer.due(start + timedelta(hours=2))  # idle: nothing to save
    timer.note_change()
    assert not timer.due(start + timedelta(minutes=29))
    assert timer.due(start + timedelta(minutes=30))
    timer.done(backups.BackupStatus(True, start + timedelta(minutes=30), "periodic"))
    assert not timer.due(start + timedelta(minutes=90))


def test_open_backs_up_before_migration(tmp_path, monkeypatch):
    from kankei_desktop.store import migrations

    path = tmp_path / "old.sqlite3"
    create_database(path).close()
    # Pretend the file is one revision behind: open must back up before migrating.
    calls = []
    monkeypatch.setattr(migrations, "head_revision", lambda: "9999_future")
    monkeypatch.setattr(migrations, "upgrade_to_head", lambda connection: calls.append("migrated"))
    db = open_database(path)
    db.close()
    (info,) = backup.list_backups(backup.default_backup_dir(), "old")
    assert info.reason == "migration" and calls == ["migrated"]


def test_settings_validate(database, tmp_path):
    from kankei_desktop.domain.errors import ValidationError

    with database.session() as session:
        with pytest.raises(ValidationError):
            backups.set_backup_folder(session, tmp_path / "nope")
        with pytest.raises(ValidationError):
            backups.set_interval_minutes(session, 1)
        backups.set_retention(session, RetentionPolicy(recent=3, daily=2, weekly=1, monthly=0))
        assert backups.retention(session) == RetentionPolicy(3, 2, 1, 0)


def test_around_a_big_change_backs_up_before_and_after(database):
    with backups.around(database, "import") as statuses:
        _add_persons(database, "山田 太郎")
    assert [status.reason for status in statuses] == ["before-import", "after-import"]
    assert all(status.ok for status in statuses)
    counts = {info.reason: info.person_count for info in backups.list_for(database)}
    assert counts == {"before-import": 0, "after-import": 1}
    with pytest.raises(RuntimeError):
        with backups.around(database, "merge") as statuses:
            raise RuntimeError("merge failed")
    assert [status.reason for status in statuses] == ["before-merge"]


def test_routine_backups_get_the_quick_check_and_risky_ones_the_full(database, monkeypatch):
    checks = []
    real = backup.copy_database
    monkeypatch.setattr(backup, "copy_database", lambda s, t, check="integrity": checks.append(check) or real(s, t, check))
    for reason in ("open", "periodic", "close", "manual", "before-import"):
        assert backups.auto_backup(database, reason).ok
    assert checks == ["quick", "quick", "quick", "integrity", "integrity"]


def _stored_photo(database, tmp_path, colour=(30, 120, 200)) -> Path:
    """A letter with one photo; returns the stored file (outside the database file)."""
    from datetime import date

    from PIL import Image

    from kankei_desktop.services import attachments, letters
    from kankei_desktop.services.letters import LetterInput

    picture = tmp_path / f"photo-{colour[0]}.jpg"
    Image.new("RGB", (64, 48), colour).save(picture, "JPEG")
    with database.session() as session:
        person = create_person(session, PersonInput(name="写真 太郎"))
        letter = letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=person,
                                                            received_on=date(2026, 10, 22)), today=date(2026, 11, 27))
        letters.attach_photo(session, letter, picture, "稲刈り")
        row = attachments.list_attachments(session, "letter", letter)[0]
    return attachments.stored_path(row.sha256, row.mime_type)


def test_backups_carry_the_photos_and_a_restore_brings_them_back(database, folder, tmp_path):
    photo = _stored_photo(database, tmp_path)
    made = backups.backup_now(database, "manual", (folder, RetentionPolicy()))
    kept = folder / backup.ATTACHMENTS_FOLDER / photo.parent.name / photo.name
    assert kept.read_bytes() == photo.read_bytes()
    copied_at = kept.stat().st_mtime_ns
    again = backups.backup_now(database, "manual", (folder, RetentionPolicy()))
    assert again != made and kept.stat().st_mtime_ns == copied_at  # stored once, not copied again
    assert backups.backup_photos(folder) == 0

    photo.chmod(0o600)
    photo.unlink()  # a new computer, or a lost data folder
    database.close()
    backups.restore(database.path, made, folder)
    assert _digest(photo) == photo.stem


def test_a_damaged_photo_is_named_and_not_copied_the_others_are(database, folder, tmp_path):
    photo = _stored_photo(database, tmp_path, colour=(200, 30, 30))
    good = _stored_photo(database, tmp_path, colour=(30, 200, 30))
    photo.chmod(0o600)
    photo.write_bytes(b"not the picture any more")
    with pytest.raises(StoreError) as raised:
        backups.backup_now(database, "manual", (folder, RetentionPolicy()))
    assert str(photo) in raised.value.message and "壊れています" in raised.value.message
    assert "データベースのバックアップは作成しました" in raised.value.message
    assert backup.list_backups(folder)  # the database's own backup is there
    assert not list((folder / backup.ATTACHMENTS_FOLDER).rglob(photo.name))
    assert _digest(folder / backup.ATTACHMENTS_FOLDER / good.parent.name / good.name) == good.stem
    assert not list((folder / backup.ATTACHMENTS_FOLDER).rglob(".tmp-*"))  # no half copy left
