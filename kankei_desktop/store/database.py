"""Opening, creating and migrating the coordinator's SQLite file (or a server database).

A PostgreSQL URL instead of a path opens the same schema on a server (``store.server``);
the file-only parts below (lock, probe, -wal identity, file backups) are skipped there.

Every connection gets foreign keys, WAL, synchronous=FULL (laptops lose power)
and a busy timeout. We issue BEGIN ourselves so that DDL and savepoints are
transactional (pysqlite's implicit transactions are not).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from kankei_desktop.domain import tables  # noqa: F401  (registers every table)
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import backup, location, migrations, probe, server
from kankei_desktop.store import lock as lock_file
from kankei_desktop.store import changes
from kankei_desktop.store import versions  # noqa: F401  (raises row versions in every session)

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """``read_only``: every connection is ``mode=ro`` — it can neither write a row nor fold a
    -wal into the file (only a writer checkpoints), and it never switches the journal mode."""
    if read_only:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool,
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


class Database:
    """An open coordinator file. Services get sessions from it; nothing else opens it."""

    def __init__(self, path: Path | server.ServerAddress, engine: Engine):
        self.path = path
        self.engine = engine
        # True on a PostgreSQL server: no file, no lock, no file backups (store.server).
        self.is_server = isinstance(path, server.ServerAddress)
        # Set by open_database(lock=True): the one-writer lock, what happened on
        # open (lock taken over after a crash, full check run), place warnings.
        self.lock: lock_file.DatabaseLock | None = None
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.after_crash = False
        self.read_only = False
        # Names this window in the server's change notices (store/changes.py).
        self.origin = secrets.token_hex(8)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                if self.is_server:
                    changes.announce(session, self.origin)
                session.commit()
            except OperationalError as error:
                session.rollback()
                if self.is_server:
                    message = server.error_message(error, self.path)
                    raise (StoreError(message) if message else error) from error
                raise _translated(error, self.path) from error
            except BaseException:
                session.rollback()
                raise

    def change_listener(self) -> changes.ChangeListener | None:
        """On a server, a listener for other windows' saves; None for a file (one writer)."""
        return changes.ChangeListener(self.engine, self.origin) if self.is_server else None

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _translated(error: OperationalError, path: Path) -> Exception:
    """A full disk or failing drive, in words; anything else stays the original error."""
    text = str(error.orig)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"「{path}」は読み取り専用で開いています。このコマンドでは書き込めません。")
    if "full" in text or "disk I/O" in text:
        return StoreError(
            f"「{path}」に書き込めませんでした（ディスクの空きが足りないか、ドライブに問題があります）。"
            "この操作の変更は保存していません（元のままです）。空き容量を確かめてからやり直してください。"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"「{path}」はほかの処理が使用中のため保存できませんでした。少し待ってからやり直してください。")
    return error


def create_database(path: Path, *, overwrite: bool = False) -> Database:
    """Create a new, empty coordinator file at ``path`` with the current schema.

    A server URL: the schema in an empty server database (``overwrite`` is refused there:
    the program never empties a server database)."""
    if server.is_server_url(path):
        address = server.location(path)
        if overwrite:
            raise StoreError(f"サーバーのデータベース「{address}」は上書きしません（--force は使えません）。")
        return Database(address, server.create_server(address))
    path = Path(path)
    if not path.parent.is_dir():
        raise StoreError(f"フォルダー「{path.parent}」がありません。先にフォルダーを作成してください。")
    if path.exists() and not overwrite:
        raise StoreError(
            f"「{path}」はすでにあります。上書きする場合は --force を付けてください（元のファイルは消えます）。"
        )
    if path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(path)
    with engine.begin() as connection:
        migrations.upgrade_to_head(connection)
    ensure_identity(engine, path)
    return Database(path, engine)


def ensure_identity(engine: Engine, path: Path) -> None:
    """Give the file its random identity number (header user_version) if it has none.

    Every copy of page 1 in the file's -wal carries it, which is how a -wal left
    by another file is told apart (``probe._wal_problem``). Backups and copies
    share it with their original: they are the same data.
    """
    if probe.file_identity(path) != 0 and not _wal_has_content(path):
        return
    with engine.begin() as connection:
        if connection.exec_driver_sql("PRAGMA user_version").scalar():
            return
        connection.exec_driver_sql(f"PRAGMA user_version = {secrets.randbelow(2**31 - 1) + 1}")


def _set_foreign_wal_aside(path: Path) -> Path:
    """Rename another file's -wal (and its -shm) so that nothing replays it into this file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(f"{path}-wal.foreign-{stamp}")
    for suffix in ("-shm", "-wal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{path}{suffix}.foreign-{stamp}"))
    return target


class DamagedDatabaseError(StoreError):
    """The file is damaged; it was moved aside and ``backup`` (if any) can replace it."""

    def __init__(self, message: str, moved_to: Path | None, newest_backup: backup.BackupInfo | None):
        super().__init__(message)
        self.moved_to = moved_to
        self.newest_backup = newest_backup


def describe_newest_backup(info: backup.BackupInfo | None) -> str:
    if info is None:
        return "検査に通るバックアップは見つかりませんでした。"
    persons = "" if info.person_count is None else f"、参加者 {info.person_count:,} 名"
    return (
        f"最新の正常なバックアップは {info.taken_at:%Y/%m/%d %H:%M} のもの（{info.path}{persons}）です。"
        "「バックアップから復元」で戻せます。"
    )


def _backup_before_migration(path: Path) -> None:
    """Default ``before_migration``: a verified backup, or no migration at all."""
    folder = backup.configured_backup_dir(path)
    try:
        backup.ensure_default_dir(folder)
        backup.make_backup(path, folder, "migration")
    except StoreError as error:
        fallback = backup.default_backup_dir()
        if folder == fallback:
            raise StoreError(f"更新前のバックアップを作れないため、更新を中止しました。{error.message}") from error
        backup.ensure_default_dir(fallback)
        backup.make_backup(path, fallback, "migration")


def _wal_has_content(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.is_file() and wal.stat().st_size > 0


def open_database(
    path: Path,
    *,
    before_migration=None,
    lock: bool = False,
    break_garbage_lock: bool = False,
    backup_dir: Path | None = None,
    verify: str = "quick",
    read_only: bool = False,
    move_damaged: bool = True,
) -> Database:
    """Open an existing coordinator file, migrating it if it is older.

    A file that is missing, not SQLite, or written by a newer version of the
    program is refused with a ``StoreError`` and left exactly as it was. A
    *damaged* file (bad page or header, zero bytes, a WAL that is not its own)
    is moved aside with its -wal/-shm, never deleted, and
    ``DamagedDatabaseError`` names the newest verified backup.

    ``before_migration(path)`` runs before any schema change; by default a
    verified backup into the configured folder. ``lock=True`` (the app) refuses
    network locations, takes the one-writer lock (``Database.close`` releases
    it) and, when the previous session ended uncleanly, runs the full
    integrity and foreign-key check instead of the quick one.

    ``verify="deferred"`` skips the page check of a cleanly closed file (it
    takes seconds on a large one); the caller must verify in the background —
    the app's verified start-up backup does (``integrity_check`` of the copy).
    After an unclean shutdown the full check runs regardless.

    ``read_only=True`` (the reading commands): no lock, every connection
    ``mode=ro``, the page check always runs; a -wal written for another file, a
    damaged file or one that needs a migration is refused, never changed.
    ``move_damaged=False`` (the writing commands): a damaged file is refused
    with the newest verified backup named, not moved aside.

    With the lock and ``move_damaged`` (the app), a -wal written for another file
    is renamed to ``<name>-wal.foreign-<time>`` and the file opened without it
    (``Database.notes`` says so).
    """
    if server.is_server_url(path):
        return _open_server(server.location(path), read_only=read_only, before_migration=before_migration)
    path = Path(path)
    held, warnings = _take_lock(path, lock=lock and not read_only, break_garbage=break_garbage_lock)
    try:
        engine, after_crash, notes = _checked_engine(
            path, held, verify=verify, read_only=read_only, move_damaged=move_damaged, backup_dir=backup_dir,
            before_migration=before_migration,
        )
    except BaseException:
        if held is not None:
            held.release()
        raise
    database = Database(path, engine)
    database.lock = held
    database.warnings = warnings
    database.after_crash = after_crash
    database.read_only = read_only
    database.notes = _opening_notes(held, notes, after_crash=after_crash)
    return database


def _open_server(address: server.ServerAddress, *, read_only: bool, before_migration) -> Database:
    """No lock, no page check and no file backup before a migration: the server has its
    own (docs/decisions.md); ``before_migration(address)`` still runs when given."""
    engine, notes = server.open_server(address, read_only=read_only, before_migration=before_migration)
    database = Database(address, engine)
    database.read_only = read_only
    database.notes = notes
    return database


def _damaged(path: Path, report: probe.ProbeReport, backup_dir: Path | None, *, move: bool) -> DamagedDatabaseError:
    """Only the holder of the one-writer lock moves a file; other openers just report."""
    folder = backup_dir or backup.configured_backup_dir(path)
    newest = backup.newest_verified_backup(folder, path.stem)
    if not move:
        return DamagedDatabaseError(f"{report.problems[0]} {describe_newest_backup(newest)}", None, newest)
    moved = backup.move_aside(path)
    return DamagedDatabaseError(
        f"{report.problems[0]} 元のファイルは削除せず「{moved.name}」に名前を変えて残しました。"
        f"{describe_newest_backup(newest)}",
        moved,
        newest,
    )


def _take_lock(path: Path, *, lock: bool, break_garbage: bool) -> tuple[lock_file.DatabaseLock | None, list[str]]:
    """The writer's lock and the place warnings: a network folder is refused before anything is
    locked, and a file that is not there yet has nothing to lock (the probe then says it is missing)."""
    if not lock:
        return None, []
    warnings = location.refuse_network(path).warnings
    held = lock_file.acquire(path, break_garbage=break_garbage) if path.is_file() else None
    return held, warnings


def _checked_engine(path: Path, held: lock_file.DatabaseLock | None, *, verify: str, read_only: bool,
                    move_damaged: bool, backup_dir: Path | None, before_migration) -> tuple[Engine, bool, list[str]]:
    """The file probed, refused when unusable, migrated and given its identity: (engine, after a
    crash, notes). Runs under the lock (when taken) so that nobody writes between check and open.

    After an unclean end (the lock says so, or a -wal is left) the full check runs instead of the
    quick one; a damaged file is moved aside only by the lock holder that may move it."""
    after_crash = held is not None and (held.after_crash or _wal_has_content(path))
    report, notes = _probe_to_open(
        path, full=after_crash, pages=read_only or after_crash or verify != "deferred",
        may_move=held is not None and move_damaged,
    )
    if report.damaged:
        raise _damaged(path, report, backup_dir, move=held is not None and move_damaged)
    report.raise_if_unusable()
    engine = make_engine(path, read_only=read_only)
    _migrate_if_older(engine, path, report, read_only=read_only, before_migration=before_migration)
    if not read_only:
        ensure_identity(engine, path)
    return engine, after_crash, notes


def _probe_to_open(path: Path, *, full: bool, pages: bool, may_move: bool) -> tuple[probe.ProbeReport, list[str]]:
    """The probe's report, and the notes for the user. Only the lock holder that may move files sets
    another file's -wal aside (renamed, never deleted), then looks again at the file without it."""
    report = probe.probe_file(path, full=full, pages=pages)
    if not (report.foreign_wal and may_move):
        return report, []
    moved = _set_foreign_wal_aside(path)
    note = (
        f"「{path.name}-wal」（書きかけの変更の記録）は別のデータベースのものでした。このファイルには読み込まず、"
        f"「{moved.name}」に名前を変えて残しました（削除はしていません）。"
    )
    return probe.probe_file(path, full=full, pages=pages), [note]


def _migrate_if_older(engine: Engine, path: Path, report: probe.ProbeReport, *, read_only: bool,
                      before_migration) -> None:
    """Bring an older file to this program's schema, after ``before_migration`` (a verified backup by
    default); a reading command never changes a file, so it refuses instead."""
    if report.schema_revision == migrations.head_revision():
        return
    if read_only:
        raise StoreError(
            f"「{path}」は古い版のプログラムで作られています。読み取り専用のコマンドでは更新しません。"
            "先に画面で開いてください（更新の前にバックアップを作ります）。"
        )
    (before_migration or _backup_before_migration)(path)
    with engine.begin() as connection:
        migrations.upgrade_to_head(connection)


def _opening_notes(held: lock_file.DatabaseLock | None, notes: list[str], *, after_crash: bool) -> list[str]:
    """What the window tells the user about this open: the lock's story first (taken over after a
    crash…), then what the open itself did, and that the full check after a crash found nothing."""
    result = list(held.notes) if held is not None else []
    result.extend(notes)
    if after_crash:
        result.append(
            "前回正常に終了しなかったため、全体の検査（integrity_check、foreign_key_check）を行いました: 問題ありません。"
        )
    return result
