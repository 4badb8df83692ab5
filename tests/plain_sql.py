"""Plain SQL on a test's database, beside our code: ``sqlite3`` on a file, ``psycopg`` on a server.

Tests recount figures and read rows back with their own SQL, written for SQLite (``?`` and
``?1`` marks, ``julianday``, scalar ``min``/``max``). On a server database the same text is
put into PostgreSQL's words (marks, and ``store.dialect``'s rewrite of the functions) and
run on a psycopg connection of its own, and the values come back in the forms the file
stores (ISO text for dates and times, 0/1 for booleans), so one assertion serves both.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime, timezone
from decimal import Decimal

_MARK = re.compile(r"\?(\d*)")
_SUBSTR = re.compile(r"\bsubstr\((\w+(?:\.\w+)?),")  # of a date or time: of its ISO text, as in the file


def connect(target):
    """A DB-API-like connection to ``target`` (a Database, a file path or a server address)."""
    where = getattr(target, "path", target)
    if type(where).__name__ == "ServerAddress":
        return ServerConnection(where)
    return sqlite3.connect(where)


def _stored(value):
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def translate(sql: str, params) -> tuple[str, list]:
    from kankei_desktop.store.dialect import for_postgresql

    params = list(params or ())
    ordered: list = []
    position = 0

    def mark(match):
        nonlocal position
        if match.group(1):
            ordered.append(params[int(match.group(1)) - 1])
        else:
            ordered.append(params[position])
            position += 1
        return "%s"

    sql = _SUBSTR.sub(r"substr(CAST(\1 AS text),", for_postgresql(sql.replace("%", "%%")))
    sql = sql.replace("group_concat(", "string_agg(")
    return _MARK.sub(mark, sql), ordered


class _Rows:
    def __init__(self, cursor):
        self._cursor = cursor

    def fetchone(self):
        row = self._cursor.fetchone() if self._cursor.description else None
        return None if row is None else tuple(_stored(v) for v in row)

    def fetchall(self):
        if not self._cursor.description:
            return []
        return [tuple(_stored(v) for v in row) for row in self._cursor.fetchall()]

    def __iter__(self):
        return iter(self.fetchall())


class ServerConnection:
    def __init__(self, address):
        import psycopg

        url = address.url
        query = dict(url.query)
        self._connection = psycopg.connect(
            dbname=url.database, host=query.get("host") or url.host or "", port=url.port or query.get("port"),
            user=url.username or query.get("user"), options="-c timezone=UTC")

    def execute(self, sql: str, params=()):
        statement, ordered = translate(sql, params)
        return _Rows(self._connection.execute(statement, ordered))

    def iterdump(self):
        """Every table's definition (its columns and indexes) and rows, in a fixed order: what
        ``sqlite3``'s dump is to the tests that prove a database was left exactly as it was."""
        tables = [row[0] for row in self._connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
        for table in tables:
            columns = self._connection.execute(
                "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
                [table]).fetchall()
            yield f"TABLE {table} {columns}"
            for name, definition in self._connection.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND tablename = %s ORDER BY indexname", [table]):
                yield f"INDEX {name} {definition}"
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            for row in self._connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                yield f"ROW {table} {tuple(_stored(v) for v in row)}"

    def commit(self):
        self._connection.commit()

    def rollback(self):
        self._connection.rollback()

    def close(self):
        self._connection.close()

    def __del__(self):
        # As sqlite3's connection (Python 3.11) is closed quietly when a test drops it: the tests
        # use `with` for the transaction, as sqlite3 does, and psycopg would warn on its own.
        connection = getattr(self, "_connection", None)
        if connection is not None and not connection.closed:
            connection.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, _value, _tb):
        (self.rollback if kind else self.commit)()
        return False


def index_definitions(target) -> list[tuple[str, str]]:
    """Sorted (name, SQL) of every index of the database."""
    connection = connect(target)
    try:
        if isinstance(connection, ServerConnection):
            sql = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        else:
            sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        return sorted(connection.execute(sql).fetchall())
    finally:
        connection.close()


def stored_bytes(database) -> bytes:
    """What a search for an erased value looks in: the file and its -wal; on a server, every
    row of every table (the server's data files and WAL are its operator's, decisions.md)."""
    from pathlib import Path

    connection = connect(database)  # a Database, or the path or address of one
    if isinstance(connection, ServerConnection):
        try:
            return "\n".join(connection.iterdump()).encode("utf-8")
        finally:
            connection.close()
    connection.close()
    path = Path(getattr(database, "path", database))
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
