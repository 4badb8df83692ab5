"""Backups as the app uses them: where they go, when they are made, what the user sees.

The mechanics (verified copy, rotation, restore) live in ``store.backup``; this
module adds the coordinator's settings (folder, schedule, retention) and the
rule that an automatic backup never stops the work: it reports a status the
GUI shows in the status bar instead of raising.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError, StoreError, ValidationError
from kankei_desktop.domain.tables import Setting, utc_now
from kankei_desktop.store import audit, backup
from kankei_desktop.store.backup import BACKUP_FOLDER_SETTING, BackupInfo, RetentionPolicy

# Routine backups are checked with quick_check (page structure: ~7 s against ~70 s for
# integrity_check at 850 MB); the ones taken before something risky get the full check.
# Any backup offered for a restore gets the full check then (newest_verified_backup).
QUICK_CHECK_REASONS = {"open", "periodic", "close"}
INTERVAL_SETTING = "backup_interval_minutes"
RETENTION_SETTING = "backup_retention"
DEFAULT_INTERVAL_MINUTES = 30


@dataclass(frozen=True)
class BackupStatus:
    """The outcome of one automatic backup, for the status bar."""

    ok: bool
    at: datetime
    reason: str
    path: Path | None = None
    message: str = ""
    # The copy failed its integrity check: the open file itself is damaged.
    source_damaged: bool = False
    # A server database: nothing copied here, the server's own backups stand (docs/decisions.md).
    on_server: bool = False

    def status_text(self) -> str:
        if self.on_server:
            return "バックアップはサーバー側で行います"
        if self.ok:
            return f"最終バックアップ {self.at:%H:%M}"
        return f"バックアップ失敗 {self.at:%H:%M}: {self.message}"


def _get(session: Session, key: str, default):
    raw = session.execute(
        select(Setting.value_json).where(Setting.key == key, Setting.deleted_at.is_(None))
    ).scalar_one_or_none()
    return default if raw is None else json.loads(raw)


def _put(session: Session, key: str, value) -> None:
    row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    before = _get(session, key, None)
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value_json=encoded))
    else:
        row.value_json, row.deleted_at, row.updated_at = encoded, None, utc_now()
    if before != value:
        audit.record(session, "update", "setting", key, {key: [before, value]})


def backup_folder(session: Session) -> Path:
    value = _get(session, BACKUP_FOLDER_SETTING, None)
    return Path(value) if value else backup.default_backup_dir()


def set_backup_folder(session: Session, folder: Path | None) -> None:
    """Choose the backup folder (``None``: back to the default); it must exist and be writable."""
    if folder is None:
        _put(session, BACKUP_FOLDER_SETTING, None)
        return
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError({"backup_folder": f"フォルダー「{folder}」がありません。"})
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError({"backup_folder": f"フォルダー「{folder}」に書き込めません（読み取り専用です）。"})
    _put(session, BACKUP_FOLDER_SETTING, str(folder))


def interval_minutes(session: Session) -> int:
    return int(_get(session, INTERVAL_SETTING, DEFAULT_INTERVAL_MINUTES))


def set_interval_minutes(session: Session, minutes: int) -> None:
    if not 5 <= int(minutes) <= 24 * 60:
        raise ValidationError({"backup_interval_minutes": "バックアップの間隔は5分から1440分（1日）の間で指定してください。"})
    _put(session, INTERVAL_SETTING, int(minutes))


def retention(session: Session) -> RetentionPolicy:
    values = _get(session, RETENTION_SETTING, None) or {}
    defaults = RetentionPolicy()
    return RetentionPolicy(**{name: int(values.get(name, getattr(defaults, name)))
                              for name in ("recent", "daily", "weekly", "monthly")})


def set_retention(session: Session, policy: RetentionPolicy) -> None:
    values = {"recent": policy.recent, "daily": policy.daily, "weekly": policy.weekly, "monthly": policy.monthly}
    if policy.recent < 1 or any(v < 0 for v in values.values()):
        raise ValidationError({"backup_retention": "保存するバックアップの数は、直近1つ以上・その他0以上で指定してください。"})
    _put(session, RETENTION_SETTING, values)


def backup_target(database) -> tuple[Path, RetentionPolicy]:
    """Folder and retention of this file's backups (read before handing work to a thread)."""
    return _settings_of(database)


def _settings_of(database) -> tuple[Path, RetentionPolicy]:
    with database.session() as session:
        return backup_folder(session), retention(session)


def folder_and_interval(database) -> tuple[Path, int]:
    """The backup folder and the minutes between automatic backups, for the window."""
    with database.session() as session:
        return backup_folder(session), interval_minutes(session)


def backup_now(database, reason: str = "manual", target: tuple[Path, RetentionPolicy] | None = None,
               progress: backup.Progress | None = None) -> Path:
    """A backup the user asked for: errors are raised (``StoreError``) to be shown.

    ``target`` (folder, policy) as read earlier by ``backup_target``; read now when omitted.
    ``progress(stage, fraction)``: "copy", "check", then "photos" (see ``store.backup.Progress``);
    an exception it raises stops the backup before the new file gets its name.
    """
    if getattr(database, "is_server", False):
        raise StoreError("サーバーのデータベースはこの画面ではバックアップしません。サーバーの管理者が"
                         "サーバー側でバックアップします（docs/decisions.md「PostgreSQL サーバー」）。")
    folder, policy = target or _settings_of(database)
    backup.ensure_default_dir(folder)
    made = backup.make_backup(database.path, folder, reason,
                              check="quick" if reason in QUICK_CHECK_REASONS else "integrity", progress=progress)
    backup.rotate_backups(folder, database.path.stem, policy)
    if progress is not None:
        try:
            progress("photos", None)
        except BaseException:  # noqa: BLE001 (a progress callback may raise anything, even a cancel)
            pass  # the backup is made and named: too late to stop, finish it
    backup_photos(folder)
    return made


def backup_photos(folder: Path) -> int:
    """Copy the photos no backup in ``folder`` holds yet (``folder/attachments``).

    Photos live outside the database file (``services.attachments``); without this a
    restored or moved file would point at pictures that are gone. They are stored once
    per content, so a backup copies only the ones added since the last.
    """
    from kankei_desktop.services.attachments import attachments_dir

    try:
        return backup.mirror_files(attachments_dir(), folder / backup.ATTACHMENTS_FOLDER)
    except StoreError as error:
        raise StoreError(f"データベースのバックアップは作成しましたが、写真をコピーできませんでした: {error.message}") from error


def restore_photos(folder: Path) -> int:
    """Bring back the photos of ``folder``'s backups that this computer lacks (after a restore,
    or on a new computer); photos already here are left as they are."""
    from kankei_desktop.services.attachments import attachments_dir

    return backup.mirror_files(folder / backup.ATTACHMENTS_FOLDER, attachments_dir())


def auto_backup(database, reason: str, target: tuple[Path, RetentionPolicy] | None = None) -> BackupStatus:
    """The automatic backup (open, close, every N minutes, around imports and merges).

    Never raises for a backup problem: the returned status carries the message
    and the app keeps working.
    """
    now = datetime.now()
    if getattr(database, "is_server", False):
        return BackupStatus(True, now, reason, None, on_server=True)
    try:
        made = backup_now(database, reason, target)
    except backup.DamagedCopyError as error:
        return BackupStatus(False, now, reason, None, error.message, source_damaged=True)
    except KankeiError as error:
        return BackupStatus(False, now, reason, None, error.message)
    except Exception as error:  # noqa: BLE001 (a failed backup must not take the app down; show it)
        return BackupStatus(False, now, reason, None, f"予期しないエラー（{error}）")
    return BackupStatus(True, now, reason, made)


@contextmanager
def around(database, kind: str):
    """Backups before and after a big change (``kind``: import, merge, bulk).

    ``with backups.around(database, "import") as statuses: ...`` — the
    'before' backup is made first; the 'after' one only when the block
    succeeded. Neither stops the work; ``statuses`` collects both outcomes for
    the caller to show.
    """
    statuses = [auto_backup(database, f"before-{kind}")]
    yield statuses
    statuses.append(auto_backup(database, f"after-{kind}"))


class PeriodicBackup:
    """Decides when the 'every N minutes of activity' backup is due.

    The GUI calls ``note_change()`` after each save and ``due(now)`` from a
    timer; idle time without changes makes no backups.
    """

    def __init__(self, minutes: int = DEFAULT_INTERVAL_MINUTES, last_backup: datetime | None = None):
        self.interval = timedelta(minutes=minutes)
        self.last_backup = last_backup or datetime.now()
        self.changed_since_backup = False

    def note_change(self) -> None:
        self.changed_since_backup = True

    def due(self, now: datetime | None = None) -> bool:
        now = now or datetime.now()
        return self.changed_since_backup and now - self.last_backup >= self.interval

    def done(self, status: BackupStatus) -> None:
        if status.ok:
            self.last_backup = status.at
            self.changed_since_backup = False


def list_for(database) -> list[BackupInfo]:
    if getattr(database, "is_server", False):
        return []
    folder, _policy = _settings_of(database)
    return backup.list_backups(folder, database.path.stem)


def restore(db_path: Path, backup_path: Path, backup_dir: Path | None = None) -> Path | None:
    """Replace the (closed) file at ``db_path`` by ``backup_path``; see ``store.backup.restore_backup``.

    The caller must have closed its own ``Database``; the one-writer lock is
    taken for the duration so nobody else has the file open meanwhile.
    """
    from kankei_desktop.store import lock as lock_file

    db_path = Path(db_path)
    folder = Path(backup_dir) if backup_dir else backup.configured_backup_dir(db_path)
    backup.ensure_default_dir(folder)
    held = lock_file.acquire(db_path) if db_path.exists() else None
    try:
        kept = backup.restore_backup(backup_path, db_path, folder)
    finally:
        if held is not None:
            held.release()
    try:
        restore_photos(Path(backup_path).parent)
    except StoreError as error:
        raise StoreError(f"データベースは復元しましたが、写真を戻せませんでした: {error.message}") from error
    return kept


def offer_after_damage(db_path: Path, backup_dir: Path | None = None) -> BackupInfo | None:
    """The newest backup of this file that passes the full check (damaged ones skipped)."""
    folder = Path(backup_dir) if backup_dir else backup.configured_backup_dir(db_path)
    return backup.newest_verified_backup(folder, Path(db_path).stem)


ENCRYPTED_SUFFIX = ".kankei-backup"


def _organisation_of(path: Path) -> tuple[str, str]:
    """(organisation id, office id) of a file with an office, else ("", "")."""
    import sqlite3

    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT organisation_id, id FROM exchange_office WHERE is_self = 1").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return "", ""
    return (row[0], row[1]) if row else ("", "")


def backup_encrypted(database, folder: Path, passphrase: str) -> Path:
    """A verified backup with its photos, sealed with ``passphrase`` (AES-GCM, scrypt key), for a
    USB stick or other removable media: ``folder/<file>_<time>.kankei-backup``.

    The header (readable, authenticated) names the organisation and office; the database and
    the photos it references are encrypted. Restore with ``restore_encrypted``.
    """
    import io
    import tempfile
    import zipfile

    from kankei_desktop.services.attachments import attachments_dir
    from kankei_desktop.services.exchange import sealed
    from kankei_desktop.store import migrations

    sealed.check_passphrase(passphrase)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError({"folder": f"フォルダー「{folder}」がありません。"})
    with tempfile.TemporaryDirectory() as work:
        copy = backup.make_backup(database.path, Path(work), "removable")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            archive.write(copy, "database.sqlite3")
            photos = attachments_dir()
            if photos.is_dir():
                for path in sorted(photos.glob("??/*.*")):
                    archive.write(path, f"attachments/{path.parent.name}/{path.name}")
    organisation, office = _organisation_of(database.path)
    taken = datetime.now().replace(microsecond=0)
    header = {"format": "kankei-backup", "kind": "backup", "organisation_id": organisation, "office_id": office,
              "schema_revision": migrations.head_revision(), "file_name": database.path.name,
              "taken_at": taken.isoformat()}
    target = folder / f"{database.path.stem}_{taken:%Y%m%d-%H%M%S}{ENCRYPTED_SUFFIX}"
    sealed.write_sealed(target, header, buffer.getvalue(), passphrase)
    return target


def restore_encrypted(db_path: Path, sealed_path: Path, passphrase: str, backup_dir: Path | None = None) -> Path | None:
    """Restore an encrypted backup over the (closed) file at ``db_path``; the current file is backed up first.

    Refused, with nothing changed, on a wrong passphrase, a damaged or truncated file, or a
    backup of another organisation than the current file's.
    """
    import tempfile
    import zipfile

    from kankei_desktop.services.exchange import sealed

    header, body = sealed.unseal(sealed.read_file(sealed_path), passphrase, Path(sealed_path).name)
    if header.get("format") != "kankei-backup":
        raise StoreError(f"「{Path(sealed_path).name}」は暗号化バックアップではありません。")
    current, _office = _organisation_of(db_path) if Path(db_path).exists() else ("", "")
    if current and header.get("organisation_id") and current != header["organisation_id"]:
        raise StoreError(f"「{Path(sealed_path).name}」は別の団体のバックアップです。このファイルには復元できません。")
    with tempfile.TemporaryDirectory() as work:
        import io

        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            archive.extractall(work)
        restored = Path(work) / "database.sqlite3"
        return restore(db_path, restored, backup_dir)

__all__ = [
    "BackupStatus", "PeriodicBackup", "StoreError", "auto_backup", "backup_encrypted", "restore_encrypted", "backup_folder", "backup_now",
    "folder_and_interval", "interval_minutes", "list_for", "offer_after_damage", "restore", "retention", "set_backup_folder",
    "set_interval_minutes", "set_retention",
]
