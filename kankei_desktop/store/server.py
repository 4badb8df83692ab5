"""The same store on a PostgreSQL server (15 or later): addresses, engine, opening checks.

A coordinator names a server database by URL wherever a file is named:
``postgresql://USER@HOST/DBNAME`` (or ``postgresql:///DBNAME?host=/run/postgresql`` on a
Unix socket). The password is never part of it: libpq reads ``~/.pgpass`` (or the file
``PGPASSFILE`` names), and where the optional ``keyring`` package is installed the OS
keyring entry ``kankei-desktop`` / ``USER@HOST:PORT/DBNAME`` is used when no .pgpass line
matches. A URL that carries a password is refused, so it cannot end up in settings, logs
or a command line. libpq's default ``sslmode=prefer`` uses TLS whenever the server offers
it; ``?sslmode=verify-full`` (with the server's CA in ``~/.postgresql/root.crt``) also
proves the server's name (README, docs/decisions.md).

What the file store does with SQLite's own means, and the server's counterpart:
- the one-writer file lock, -wal identity, page check and file backups: absent — the
  server serialises writers itself and its operator backs it up (decisions.md);
- ``mode=ro`` readers: ``default_transaction_read_only`` on every connection;
- PRAGMAs (foreign keys, WAL, synchronous): the server's defaults already do this.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from kankei_desktop.store import changes
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import migrations

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
KEYRING_SERVICE = "kankei-desktop"
# Two programs that open an old schema at once: only one migrates, the other waits.
_MIGRATION_LOCK = 0x6B616E6B  # "kank"
# Made by a migration on PostgreSQL only, so not in the tables' metadata (0009).
SERVER_ONLY_INDEXES = frozenset({"ix_person_search_trgm"})
# The engine's execution option that says its connections cannot write (store/versions.py
# then holds no rows: a read-only transaction may not lock, and has nothing to race).
READ_ONLY_OPTION = "kankei_read_only"
# Collations whose order is the code-point order SQLite sorts by.
CODE_POINT_COLLATIONS = ("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic")


def is_server_url(value) -> bool:
    if isinstance(value, ServerAddress):
        return True
    if not isinstance(value, str):
        return False
    scheme, sep, _rest = value.partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


class ServerAddress:
    """A server database named by URL. ``name`` and ``stem`` are the database's name (the
    file store's ``path.name``/``path.stem`` in window titles and messages); ``str()`` is
    the URL as shown to people."""

    def __init__(self, url: str):
        try:
            parsed = make_url(url)
        except ArgumentError as error:
            raise StoreError(f"データベースの URL「{url}」を読めません（{error}）。") from error
        if parsed.password is not None:
            raise StoreError(
                "URL にパスワードを書かないでください（コマンド履歴や設定に残ります）。"
                "パスワードは ~/.pgpass（または PGPASSFILE）か OS のキーリングに保存してください。"
            )
        if not parsed.database:
            raise StoreError(f"「{url}」にデータベース名がありません（例: postgresql://ユーザー@サーバー/kankei）。")
        self.url: URL = parsed.set(drivername="postgresql+psycopg")
        self.name = self.stem = parsed.database

    def __str__(self) -> str:
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"ServerAddress({str(self)!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, ServerAddress) and str(other) == str(self)

    def __hash__(self) -> int:
        return hash(str(self))

    def exists(self) -> bool:  # the file store asks a path this; a server database is there or refused
        return True

    def with_database(self, name: str) -> ServerAddress:
        return ServerAddress(self.url.set(database=name).set(drivername="postgresql")
                             .render_as_string(hide_password=False))


def location(value) -> Path | ServerAddress:
    """``--db`` and the window's file choice: a server URL, or a file path."""
    if isinstance(value, (Path, ServerAddress)):
        return value
    return ServerAddress(value) if is_server_url(value) else Path(value)


def _keyring_password(params: dict) -> str | None:
    if os.environ.get("PGPASSWORD") or _pgpass_file_exists():
        return None  # libpq finds it (a .pgpass without the line: libpq says so itself)
    try:
        import keyring  # optional: not every installation has an OS keyring
    except ImportError:
        return None
    entry = f"{params.get('user', '')}@{params.get('host', '')}:{params.get('port', 5432)}/{params.get('dbname', '')}"
    try:
        return keyring.get_password(KEYRING_SERVICE, entry)
    except Exception:  # noqa: BLE001 (a locked or absent keyring backend: libpq asks the server without one)
        return None


def _pgpass_file_exists() -> bool:
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named).is_file()
    home = Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf" if os.name == "nt" else Path.home() / ".pgpass"
    return home.is_file()


def make_engine(address: ServerAddress, *, read_only: bool = False) -> Engine:
    # UTC: times are stored as the file stores them (timestamptz read and written in UTC, and the
    # bulk import's ISO text means UTC). A reader's connection cannot write (the file's mode=ro).
    options = "-c timezone=UTC" + (" -c default_transaction_read_only=on" if read_only else "")
    connect_args = {"application_name": "kankei-desktop", "connect_timeout": 10, "options": options}
    engine = create_engine(address.url, pool_pre_ping=True, connect_args=connect_args,
                           execution_options={READ_ONLY_OPTION: read_only})

    @event.listens_for(engine, "do_connect")
    def _password(_dialect, _record, _cargs, cparams):
        if "password" not in cparams:
            found = _keyring_password({**cparams, "dbname": cparams.get("dbname", address.url.database)})
            if found:
                cparams["password"] = found

    changes.watch_writes(engine)  # a session that wrote tells the other windows (store/changes.py)
    return engine


def error_message(error: BaseException, address: ServerAddress) -> str | None:
    """A connection or rights problem in words; None for anything else."""
    original = getattr(error, "orig", None) or error
    text_ = str(original)
    where = f"サーバーのデータベース「{address}」"
    if "password authentication failed" in text_ or "no password supplied" in text_:
        return f"{where}に接続できません: ユーザー名かパスワードが違います（パスワードは .pgpass か OS のキーリングに保存します）。"
    if "does not exist" in text_ and "database" in text_:
        return f"{where}はサーバーにありません。管理者に作成を依頼してください。"
    if "certificate" in text_ or "SSL" in text_ or "root.crt" in text_:
        return f"{where}に暗号化（TLS）で接続できません: {text_.strip().splitlines()[0]}"
    if "permission denied" in text_:
        return f"{where}で、このユーザーには必要な権限がありません（{text_.strip().splitlines()[0]}）。"
    if "Connection refused" in text_ or "could not connect" in text_ or "timeout" in text_ \
            or "No such file or directory" in text_ or "could not translate host" in text_:
        return f"{where}に接続できません（サーバーが止まっているか、住所が違います）。"
    if "server closed the connection" in text_ or "terminating connection" in text_ or "connection is closed" in text_:
        return f"{where}との接続が切れました。この操作の変更は保存していません（元のままです）。"
    return None


def _connect_check(engine: Engine, address: ServerAddress):
    try:
        return engine.connect()
    except DBAPIError as error:
        message = error_message(error, address)
        raise StoreError(message or f"{address}に接続できません（{error.orig}）。") from error


def _state(connection) -> tuple[str | None, list[str]]:
    """(our schema revision or None, the tables that are there)."""
    tables = inspect(connection).get_table_names()
    if "alembic_version" not in tables:
        return None, tables
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision, tables


def _refuse_foreign(address: ServerAddress, tables: list[str]) -> None:
    shown = "、".join(sorted(tables)[:5]) + ("…" if len(tables) > 5 else "")
    raise StoreError(
        f"サーバーのデータベース「{address}」にはほかのアプリケーションの表があります（{shown}）。"
        "関係人口デスクのデータベースではないため、何も変更していません。空のデータベースを用意してください。"
    )


def _refuse_newer(address: ServerAddress, revision: str) -> None:
    raise StoreError(
        f"サーバーのデータベース「{address}」は新しい版のプログラムで作られています（スキーマ {revision}）。"
        "このプログラムを更新してから開いてください。何も変更していません。"
    )


def collation_note(connection) -> str | None:
    collation = connection.execute(
        text("SELECT datcollate FROM pg_database WHERE datname = current_database()")).scalar()
    if collation in CODE_POINT_COLLATIONS:
        return None
    return (f"このサーバーのデータベースの照合順序は「{collation}」です。並び順がファイルと少し違うことがあります"
            "（LOCALE 'C.UTF-8' で作ったデータベースなら同じです）。")


def open_server(address: ServerAddress, *, read_only: bool = False, before_migration=None):
    """An existing server database with our schema, migrated to the head if older."""
    engine = make_engine(address, read_only=read_only)
    notes: list[str] = []
    try:
        with _connect_check(engine, address) as connection:
            revision, tables = _state(connection)
            note = collation_note(connection)
        if revision is None:
            if tables:
                _refuse_foreign(address, tables)
            raise StoreError(
                f"サーバーのデータベース「{address}」は空です。init --db で関係人口デスクのデータベースを作成してください。"
            )
        if revision not in migrations.known_revisions():
            _refuse_newer(address, revision)
        if revision != migrations.head_revision():
            if read_only:
                raise StoreError(
                    f"「{address}」は古い版のプログラムで作られています。読み取り専用のコマンドでは更新しません。"
                    "先に画面か書き込むコマンドで開いてください。"
                )
            if before_migration is not None:
                before_migration(address)
            _migrate(engine, address)
    except BaseException:
        engine.dispose()
        raise
    if note:
        notes.append(note)
    return engine, notes


def create_server(address: ServerAddress) -> Engine:
    """Our schema in an empty server database; one that holds any table is refused, unchanged."""
    engine = make_engine(address)
    try:
        with _connect_check(engine, address) as connection:
            revision, tables = _state(connection)
        if revision is not None:
            if revision not in migrations.known_revisions():
                _refuse_newer(address, revision)
            raise StoreError(f"サーバーのデータベース「{address}」にはすでに関係人口デスクのデータがあります。何も変更していません。")
        if tables:
            _refuse_foreign(address, tables)
        _migrate(engine, address)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _migrate(engine: Engine, address: ServerAddress) -> None:
    try:
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            revision, tables = _state(connection)  # another program may have migrated meanwhile
            if revision is None and tables:
                _refuse_foreign(address, tables)
            if revision != migrations.head_revision():
                migrations.upgrade_to_head(connection)
    except DBAPIError as error:
        message = error_message(error, address)
        if message is None:
            raise
        raise StoreError(f"{message} スキーマの作成・更新は取り消しました（何も変わっていません）。") from error
