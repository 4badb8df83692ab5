"""The backup folder as a catalogue: backup names, listing, verifying and rotating backups, and
which folder holds them.

Every name carries the database's stem, the local time and the reason, so one folder can hold the
backups of several files and be read by a person. Writing a backup and restoring one live in
backup.py, which re-exports these names.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kankei_desktop import paths
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import probe

BACKUP_SUFFIX = ".sqlite3"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?_(?P<reason>[a-z0-9-]+)\.sqlite3$"
)
_TEMP_PREFIX = ".tmp-"
# Photos and other attachments, kept once per content beside the backups of every file.
ATTACHMENTS_FOLDER = "attachments"

# Reasons shown in the list, in the user's words.
REASON_LABELS = {
    "open": "起動時",
    "close": "終了時",
    "periodic": "定期",
    "manual": "手動",
    "migration": "更新前",
    "before-import": "取り込み前",
    "after-import": "取り込み後",
    "before-merge": "統合前",
    "after-merge": "統合後",
    "before-bulk": "一括変更前",
    "before-restore": "復元前",
    "before-anonymise": "消去前",
}


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups survive rotation: the newest few, then one per day, week, month."""

    recent: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    stem: str
    taken_at: datetime
    reason: str
    size_bytes: int
    person_count: int | None  # None: the file could not be read

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def parse_backup_name(path: Path) -> tuple[str, datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT)
    except ValueError:
        return None
    return match["stem"], taken_at, match["reason"]


def _person_count(path: Path) -> int | None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute("SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _backup_files(backup_dir: Path, stem: str | None) -> list[tuple[Path, str, datetime, str]]:
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        if path.name.startswith(_TEMP_PREFIX) or not path.is_file():
            continue
        parsed = parse_backup_name(path)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        found.append((path, *parsed))
    # Newest first; within one second the sequence number (-2, -3 …) says which came later.
    found.sort(key=lambda item: (item[2], int(_NAME.match(item[0].name)["seq"] or 1)), reverse=True)
    return found


def list_backups(backup_dir: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups in ``backup_dir`` (of the database named ``stem``, or all), newest first.

    Only reads: each file is opened read-only to count its persons.
    """
    return [
        BackupInfo(path, file_stem, taken_at, reason, path.stat().st_size, _person_count(path))
        for path, file_stem, taken_at, reason in _backup_files(Path(backup_dir), stem)
    ]


def verify_backup(path: Path) -> probe.ProbeReport:
    """The full check of a backup file (integrity_check, foreign keys, our schema)."""
    return probe.probe_file(Path(path), full=True)


def newest_verified_backup(backup_dir: Path, stem: str | None) -> BackupInfo | None:
    """The newest backup that passes the full check; damaged ones are skipped."""
    for info in list_backups(backup_dir, stem):
        if verify_backup(info.path).ok:
            return info
    return None


def rotate_backups(
    backup_dir: Path, stem: str, policy: RetentionPolicy = RetentionPolicy()
) -> list[Path]:
    """Delete the backups of ``stem`` that the policy no longer keeps; returns them.

    Kept: the ``recent`` newest, and the newest of each of the latest ``daily``
    days, ``weekly`` ISO weeks and ``monthly`` months that have a backup.
    """
    files = _backup_files(Path(backup_dir), stem)
    keep: set[Path] = {item[0] for item in files[: policy.recent]}
    buckets = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for count, bucket_of in buckets:
        seen: list = []
        for path, _stem, taken_at, _reason in files:  # newest first: first seen is newest
            bucket = bucket_of(taken_at)
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(bucket)
            keep.add(path)
    removed = []
    _remove_stale_temps(Path(backup_dir), stem)
    for path, *_ in files:
        if path not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # a locked or read-only old backup is simply kept
    return removed


def _remove_stale_temps(backup_dir: Path, stem: str, older_than_seconds: float = 3600) -> None:
    """Temporary files of backups that were cut off (power loss, killed program)."""
    limit = time.time() - older_than_seconds
    for temp in backup_dir.glob(f"{_TEMP_PREFIX}{stem}-*"):
        try:
            if temp.stat().st_mtime < limit:
                temp.unlink()
        except OSError:
            pass


BACKUP_FOLDER_SETTING = "backup_folder"


def default_backup_dir() -> Path:
    return paths.user_data_dir() / "backups"


def configured_backup_dir(db_path: Path) -> Path:
    """The backup folder chosen in 設定 (stored in the file itself), else the default.

    Read with a read-only connection so it works before a migration and on a
    file nobody has opened yet.
    """
    try:
        connection = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value_json FROM setting WHERE key = ? AND deleted_at IS NULL",
                (BACKUP_FOLDER_SETTING,),
            ).fetchone()
        finally:
            connection.close()
        value = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        value = None
    return Path(value) if value else default_backup_dir()


def ensure_default_dir(backup_dir: Path) -> None:
    """Create the *default* folder on first use; a chosen folder that is gone is an error."""
    if backup_dir == default_backup_dir():
        try:
            backup_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"バックアップ用のフォルダー「{backup_dir}」を作成できません（{exc.strerror or exc}）。") from exc
