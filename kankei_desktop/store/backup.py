"""Writing verified backups of a coordinator file, and restoring one.

A backup is written with SQLite's online backup API into a temporary file in
the backup folder, checked with ``integrity_check``, flushed to disk and only
then renamed to its final name. A crash or a full disk at any point leaves
either no new backup or a complete one, never a half file under a real name.
Naming, listing and rotating backups, and the backup folder setting, are in
backup_catalog.py; the names are re-exported here for callers.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import stat
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import probe
from kankei_desktop.store.backup_catalog import (  # the catalogue, re-exported for callers of backup
    _STAMP_FORMAT,
    _TEMP_PREFIX,
    ATTACHMENTS_FOLDER,
    BACKUP_FOLDER_SETTING,
    BACKUP_SUFFIX,
    REASON_LABELS,
    BackupInfo,
    RetentionPolicy,
    configured_backup_dir,
    default_backup_dir,
    ensure_default_dir,
    list_backups,
    newest_verified_backup,
    parse_backup_name,
    rotate_backups,
    verify_backup,
)

__all__ = [
    "ATTACHMENTS_FOLDER", "BACKUP_FOLDER_SETTING", "BACKUP_SUFFIX", "REASON_LABELS",
    "BackupInfo", "DamagedCopyError", "Progress", "RetentionPolicy",
    "configured_backup_dir", "copy_database", "default_backup_dir", "ensure_default_dir", "file_sha256",
    "list_backups", "make_backup", "mirror_files", "move_aside", "newest_verified_backup",
    "parse_backup_name", "restore_backup", "rotate_backups", "verify_backup",
]


class DamagedCopyError(StoreError):
    """The copy of a file failed ``integrity_check``: the source itself is damaged."""


def _check_folder(backup_dir: Path) -> None:
    if not backup_dir.exists():
        raise StoreError(
            f"バックアップ先のフォルダー「{backup_dir}」がありません。"
            "USB メモリーなどが外れていないか確かめるか、設定でバックアップ先を変更してください。"
        )
    if not backup_dir.is_dir():
        raise StoreError(f"バックアップ先「{backup_dir}」はフォルダーではありません。設定でバックアップ先を変更してください。")
    if not os.access(backup_dir, os.W_OK | os.X_OK):
        raise StoreError(
            f"バックアップ先のフォルダー「{backup_dir}」に書き込めません（読み取り専用です）。"
            "設定で書き込めるフォルダーに変更してください。"
        )


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; rename is durable there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _safe_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")
    return cleaned or "manual"


def _final_name(backup_dir: Path, stem: str, taken_at: datetime, reason: str) -> Path:
    stamp = taken_at.strftime(_STAMP_FORMAT)
    candidate = backup_dir / f"{stem}_{stamp}_{reason}{BACKUP_SUFFIX}"
    seq = 2
    while candidate.exists():
        candidate = backup_dir / f"{stem}_{stamp}-{seq}_{reason}{BACKUP_SUFFIX}"
        seq += 1
    return candidate


#: ``progress(stage, fraction)``: stage "copy" then "check", fraction 0..1 (the check's is an
#: estimate, see ``_CHECK_CALLS_PER_1000_PAGES``; None before it starts).
#: It may raise to stop the work (a cancel); the half-made copy is removed as on any error.
Progress = Callable[[str, "float | None"], None]
_COPY_STEP_PAGES = 1024  # pages per step of the online backup between two progress calls
_CHECK_STEP_OPS = 200_000  # SQLite VM steps between two progress calls during the check
# The check's length is not known in advance; on the 100,000-person benchmark file (256,298
# pages) integrity_check made 643 progress calls and quick_check 347. The fraction shown is
# calls / (pages × this), held below 1 until the check ends.
_CHECK_CALLS_PER_1000_PAGES = {"integrity_check": 2.5, "quick_check": 1.35}


def _checked(connection: sqlite3.Connection, pragma: str, progress: Progress | None) -> list[str]:
    """The rows of ``PRAGMA pragma``, calling ``progress`` now and then; an exception it
    raises interrupts SQLite and is raised again here."""
    if progress is None:
        return [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
    stopped: list[BaseException] = []
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    expected = max(1.0, pages * _CHECK_CALLS_PER_1000_PAGES.get(pragma, 2.5) / 1000)
    calls = [0]

    def handler() -> int:
        calls[0] += 1
        try:
            progress("check", min(0.99, calls[0] / expected))
        except BaseException as exc:  # noqa: BLE001 (raised again below, outside SQLite)
            stopped.append(exc)
            return 1
        return 0

    connection.set_progress_handler(handler, _CHECK_STEP_OPS)
    try:
        progress("check", 0.0)
        rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
        progress("check", 1.0)
        return rows
    except sqlite3.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        connection.set_progress_handler(None, 0)


def copy_database(source: Path, target: Path, check: str = "integrity", progress: Progress | None = None) -> None:
    """A consistent copy of ``source`` (with whatever its WAL holds) into a new file ``target``.

    The copy is switched to a rollback journal so it is one self-contained
    file, checked with ``integrity_check`` (``check="quick"``: ``quick_check``,
    the page structure only, ten times faster on a large file) and flushed;
    ``target`` is removed again if anything fails.
    """
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                if progress is None:
                    src.backup(dst)
                else:
                    progress("copy", 0.0)
                    src.backup(dst, pages=_COPY_STEP_PAGES,
                               progress=lambda _status, remaining, total:
                               progress("copy", 1 - remaining / total if total else 1.0))
                dst.execute("PRAGMA journal_mode=DELETE")
                pragma = "quick_check" if check == "quick" else "integrity_check"
                rows = _checked(dst, pragma, progress)
            finally:
                dst.close()
        finally:
            src.close()
        if rows != ["ok"]:
            raise DamagedCopyError(
                f"「{source}」のコピーが検査に通りませんでした（{'; '.join(rows[:3])}）。"
                "元のファイルが壊れている可能性があります。"
            )
        _fsync_file(target)
    except BaseException as exc:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        if isinstance(exc, sqlite3.DatabaseError) and any(word in str(exc) for word in probe.DAMAGE_WORDS):
            raise DamagedCopyError(
                f"「{source}」を読み取れませんでした（{exc}）。元のファイルが壊れている可能性があります。"
            ) from exc
        if isinstance(exc, sqlite3.Error):
            raise StoreError(_explain_sqlite_error(exc, source, target.parent)) from exc
        if isinstance(exc, OSError):
            raise StoreError(_explain_os_error(exc, target.parent)) from exc
        raise


def _explain_sqlite_error(exc: sqlite3.Error, source: Path, folder: Path) -> str:
    text = str(exc)
    if "full" in text or "disk I/O" in text:
        return f"「{folder}」に書き込めませんでした（{text}）。空き容量を確かめてください。元のファイルは変更していません。"
    return f"「{source}」をコピーできませんでした（{text}）。元のファイルは変更していません。"


def _explain_os_error(exc: OSError, folder: Path) -> str:
    return f"「{folder}」に書き込めませんでした（{exc.strerror or exc}）。空き容量と書き込み権限を確かめてください。"


def make_backup(
    db_path: Path, backup_dir: Path, reason: str = "manual", *, now: datetime | None = None,
    check: str = "integrity", progress: Progress | None = None,
) -> Path:
    """Write a verified backup of ``db_path`` into ``backup_dir``; returns its path.

    Raises ``StoreError`` (and leaves nothing behind) when the folder is missing,
    read-only or full, or when the source cannot be read.
    """
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    if not db_path.is_file():
        raise StoreError(f"バックアップ元のファイル「{db_path}」がありません。")
    _check_folder(backup_dir)
    reason = _safe_reason(reason)
    taken_at = (now or datetime.now()).replace(microsecond=0)
    temp = backup_dir / f"{_TEMP_PREFIX}{db_path.stem}-{uuid.uuid4().hex}{BACKUP_SUFFIX}"
    if progress is None:
        copy_database(db_path, temp, check)
    else:
        copy_database(db_path, temp, check, progress=progress)
    final = _final_name(backup_dir, db_path.stem, taken_at, reason)
    try:
        os.replace(temp, final)
        _fsync_dir(backup_dir)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StoreError(_explain_os_error(exc, backup_dir)) from exc
    return final


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's content, read in 1 MiB blocks (photos are named by it)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def mirror_files(source: Path, target: Path) -> int:
    """Copy every content-addressed file of ``source`` (``ab/<sha256>.<ext>``) that ``target``
    lacks; returns how many were copied.

    Files are named by their SHA-256, so one that exists is complete and never copied
    again. Each copy is written to a temporary name, checked against its name, flushed
    and only then renamed. A file whose content does not match its name (damaged) is not
    copied; the others are, and then every damaged one is named in the error.
    """
    source, target = Path(source), Path(target)
    if not source.is_dir():
        return 0
    copied, damaged = 0, []
    for path in sorted(source.glob("??/*.*")):
        if path.name.startswith("."):
            continue  # a copy in progress (``.incoming-``)
        final = target / path.parent.name / path.name
        if final.exists():
            continue
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            temp = final.parent / f"{_TEMP_PREFIX}{uuid.uuid4().hex}"
            try:
                shutil.copyfile(path, temp)
                if file_sha256(temp) != path.stem:
                    damaged.append(path)
                    continue
                _fsync_file(temp)
                os.replace(temp, final)
                final.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # content-addressed: never rewritten
                _fsync_dir(final.parent)
            finally:
                temp.unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(_explain_os_error(exc, final.parent)) from exc
        copied += 1
    if copied:
        _fsync_dir(target)
    if damaged:
        names = "、".join(f"「{path}」" for path in damaged)
        raise StoreError(f"写真のファイル {names} は中身が記録と合いません（壊れています）。"
                         f"このファイルはコピーしませんでした（ほかの {copied} 枚はコピーしました）。")
    return copied


def _stamp() -> str:
    return datetime.now().strftime(_STAMP_FORMAT)


def move_aside(db_path: Path) -> Path:
    """Rename a damaged file *with* its -wal and -shm to ``<name>.damaged-<time>``.

    Nothing is deleted: the renamed set can still be opened by a specialist.
    Returns the new path of the main file.
    """
    db_path = Path(db_path)
    target = Path(f"{db_path}.damaged-{_stamp()}")
    seq = 2
    while target.exists():
        target = Path(f"{db_path}.damaged-{_stamp()}-{seq}")
        seq += 1
    try:
        for suffix in ("-wal", "-shm", ""):  # main file last: its name is what the user looks for
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{target}{suffix}"))
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise StoreError(
            f"壊れたファイル「{db_path}」を別名に移せませんでした（{exc.strerror or exc}）。"
            "ファイルはそのままです。"
        ) from exc
    return target


def restore_backup(backup: Path, db_path: Path, backup_dir: Path, progress: Progress | None = None) -> Path | None:
    """Replace ``db_path`` by a verified copy of ``backup``.

    The current file is first backed up into ``backup_dir`` (or, when it is
    damaged, moved aside); the replacement is a rename, so a crash leaves either
    the old file or the restored one. Returns the safety backup (or the moved
    damaged file), ``None`` when there was no current file.
    """
    backup, db_path, backup_dir = Path(backup), Path(db_path), Path(backup_dir)
    report = verify_backup(backup)
    if not report.ok:
        raise StoreError(
            f"「{backup}」は復元に使えません: {report.problems[0]} 別のバックアップを選んでください。"
        )
    if not db_path.parent.is_dir():
        raise StoreError(f"復元先のフォルダー「{db_path.parent}」がありません。")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise StoreError("復元元と復元先が同じファイルです。")
    keep: Path | None = None
    current = probe.probe_file(db_path) if db_path.exists() else None
    temp = db_path.parent / f"{_TEMP_PREFIX}{db_path.name}-{uuid.uuid4().hex}"
    copy_database(backup, temp, progress=progress)  # before touching the current file: a full disk stops here
    try:
        if current is not None and current.ok:
            keep = make_backup(db_path, backup_dir, "before-restore", progress=progress)
            _checkpoint(db_path)
        elif current is not None or Path(f"{db_path}-wal").exists():
            keep = move_aside(db_path)
        os.replace(temp, db_path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    # The old WAL belongs to the old file; left beside the new one it would be replayed into it.
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    _fsync_dir(db_path.parent)
    return keep


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into the main file so nothing of value is left in a -wal we remove."""
    try:
        connection = sqlite3.connect(db_path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"「{db_path}」を復元の前に整理できませんでした（{exc}）。ファイルはそのままです。") from exc
