"""Opening, creating and migrating the coordinator's SQLite file.

Every connection gets foreign keys, WAL, synchronous=FULL (laptops lose power)
and a busy timeout. We issue BEGIN ourselves so that DDL and savepoints are
transactional (pysqlite's implicit transactions are not).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from kankei_desktop.domain import tables  # noqa: F401  (registers every table)
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import migrations, probe

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


class Database:
    """An open coordinator file. Services get sessions from it; nothing else opens it."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def create_database(path: Path, *, overwrite: bool = False) -> Database:
    """Create a new, empty coordinator file at ``path`` with the current schema."""
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
    return Database(path, engine)


def open_database(path: Path, *, before_migration=None) -> Database:
    """Open an existing coordinator file, migrating it if it is older.

    A file that is missing, not SQLite, damaged, or written by a newer version
    of the program is refused with a ``StoreError`` and left exactly as it was.
    ``before_migration(path)`` runs before any schema change (the backup).
    """
    path = Path(path)
    report = probe.probe_file(path)
    report.raise_if_unusable()
    engine = make_engine(path)
    if report.schema_revision != migrations.head_revision():
        if before_migration is not None:
            before_migration(path)
        with engine.begin() as connection:
            migrations.upgrade_to_head(connection)
    return Database(path, engine)
