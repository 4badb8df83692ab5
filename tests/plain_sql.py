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

    sql = for_postgresql(sql.replace("%", "%%"))
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

    def commit(self):
        self._connection.commit()

    def rollback(self):
        self._connection.rollback()

    def close(self):
        self._connection.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, _value, _tb):
        (self.rollback if kind else self.commit)()
        return False
