"""The hand-written SQL of the fast paths, on either store.

The services' fast paths (KPI counts, the ladder, stay rules, the bulk import) are SQL
written for SQLite and tuned for it: ``INDEXED BY`` names a covering index, ``+column``
keeps a tombstone test from steering the plan, ``julianday`` counts days, ``json_each``
reads a list parameter, and a few run on the driver's own cursor with ``?`` marks
because SQLAlchemy's per-statement cost was larger than the query.

On PostgreSQL the same text is rewritten once (cached) into its twin: the planner hints
are dropped (the server's planner and the same partial indexes do that work), day counts
become date subtraction (``julianday(x)`` → ``CAST(x AS date)``), ``json_each`` becomes ``json_array_elements_text``, two-argument
``max``/``min`` become ``greatest``/``least``, ``CROSS JOIN … ON`` (SQLite's join-order
hint) a plain join, ``x.rowid`` the row's ``ctid``, and ``IS :param`` becomes ``IS NOT DISTINCT
FROM``. Queries whose SQLite text relies on something with no rewrite (``rowid``, the
bare column of ``max()``, summing comparisons) have a twin written next to them in the
service, chosen with ``is_postgresql``. The SQLite text is never changed, so the file's
speed is what it was.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sqlalchemy import Boolean, String, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from kankei_desktop.store.rows import server_rows, stored_form

_INDEXED_BY = re.compile(r"\s+INDEXED BY \w+")
_PLUS_COLUMN = re.compile(r"(?<![\w)])\+((?:\w+\.)?deleted_at)\b")
_JSON_EACH = re.compile(r"json_each\((:\w+)\)")
_IS_PARAM = re.compile(r"\bIS (:\w+)")
_ROWID = re.compile(r"\b(\w+)\.rowid\b")
_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN (\w+(?: AS \w+)?) ON\b")


def is_postgresql(session_or_connection) -> bool:
    bind = session_or_connection.get_bind() if isinstance(session_or_connection, Session) else session_or_connection
    return bind.dialect.name == "postgresql"


def _balanced(sql: str, start: int) -> int:
    """Index just after the parenthesis that closes the one opened at ``sql[start]``."""
    depth = 0
    for index in range(start, len(sql)):
        if sql[index] == "(":
            depth += 1
        elif sql[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    raise ValueError(f"unbalanced SQL: {sql[start:start + 80]}")


def _top_level_commas(inner: str) -> list[int]:
    depth, found, quoted = 0, [], False
    for index, char in enumerate(inner):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            found.append(index)
    return found


def _rewrite_calls(sql: str) -> str:
    """``julianday(x)`` to ``CAST(x AS date)`` (only differences of days are taken, and a
    date minus a date is their days apart); scalar max/min to greatest/least."""
    out, index = [], 0
    call = re.compile(r"\b(julianday|max|min)\(", re.IGNORECASE)
    while True:
        match = call.search(sql, index)
        if match is None:
            out.append(sql[index:])
            return "".join(out)
        out.append(sql[index:match.start()])
        open_at = match.end() - 1
        close = _balanced(sql, open_at)
        inner = _rewrite_calls(sql[open_at + 1:close - 1])
        name = match.group(1).lower()
        if name == "julianday":
            out.append(f"CAST({inner} AS date)")
        elif _top_level_commas(sql[open_at + 1:close - 1]):
            out.append(("greatest(" if name == "max" else "least(") + inner + ")")
        else:
            out.append(f"{match.group(1)}({inner})")
        index = close


@lru_cache(maxsize=512)
def for_postgresql(sql: str) -> str:
    sql = _INDEXED_BY.sub("", sql)
    sql = _PLUS_COLUMN.sub(r"\1", sql)
    sql = _JSON_EACH.sub(r"json_array_elements_text(CAST(\1 AS json))", sql)
    sql = _IS_PARAM.sub(r"IS NOT DISTINCT FROM \1", sql)
    sql = _ROWID.sub(r"\1.ctid", sql)
    sql = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", sql)  # SQLite's join-order hint
    return _rewrite_calls(sql)


def sql_for(session: Session, sql: str) -> str:
    return for_postgresql(sql) if is_postgresql(session) else sql


def statement(session: Session, sql: str):
    """``text(sql)`` for this session's store (the PostgreSQL twin on a server)."""
    return text(sql_for(session, sql))


def fetch(session: Session, sql: str, params: dict | None = None) -> list[tuple]:
    """Plain tuples of a named-parameter query: the driver's own cursor on SQLite (building
    SQLAlchemy rows costs more than the query there), SQLAlchemy on a server, with the values
    in the file's stored forms (ISO text dates, 0/1) so callers read both alike."""
    if not is_postgresql(session):
        cursor = session.connection().connection.driver_connection.cursor()
        try:
            return cursor.execute(sql, params or {}).fetchall()
        finally:
            cursor.close()
    return server_rows(session.connection(), text(for_postgresql(sql)), params)


def fetch_marks(session: Session, sql: str, params: tuple | list = ()) -> list[tuple]:
    """Plain tuples of a ``?``-parameter query, on the session's connection."""
    connection = session.connection()
    if not is_postgresql(session):
        return connection.connection.driver_connection.execute(sql, tuple(params)).fetchall()
    convert = (date, bool)
    return [tuple(stored_form(v) if isinstance(v, convert) else v for v in row) for row in connection.exec_driver_sql(
        for_postgresql(sql).replace("%", "%%").replace("?", "%s"), tuple(params))]


def insert_many(session: Session, table, columns, rows: list[tuple]) -> None:
    """One executemany straight on the driver: rows of values as the SQLite file stores them
    (ISO text for dates, 0/1 for booleans). On a server the booleans become bool again; dates
    and times go as text, which PostgreSQL reads into its own types."""
    if not rows:
        return
    name = table.__tablename__
    connection = session.connection()
    if not is_postgresql(session):
        connection.exec_driver_sql(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                   rows)
        return
    flags = [index for index, column in enumerate(columns)
             if isinstance(table.__table__.c[column].type, Boolean)]
    if flags:
        rows = [tuple(bool(value) if index in flags and value is not None else value
                      for index, value in enumerate(row)) for row in rows]
    quoted = ", ".join(f'"{column}"' for column in columns)  # audit_log has a column named user
    connection.exec_driver_sql(f"INSERT INTO {name} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})", rows)


def list_indexes(session: Session, table: str, prefix: str) -> list[tuple[str, str]]:
    """[(name, SQL that creates it)] of ``table``'s indexes whose name starts with ``prefix``."""
    connection = session.connection()
    if is_postgresql(session):
        return [tuple(row) for row in connection.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            " AND tablename = :table AND starts_with(indexname, :prefix)"), {"table": table, "prefix": prefix})]
    return [tuple(row) for row in connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
        " AND substr(name, 1, ?) = ?", (table, len(prefix), prefix))]


# ---------------------------------------------------------------- SQLAlchemy forms for both


class joined_text(FunctionElement):
    """``joined_text(column, separator)``: the group's values joined (SQLite ``group_concat``,
    PostgreSQL ``string_agg``)."""

    type = String()
    inherit_cache = True


@compiles(joined_text)
def _joined_text_sqlite(element, compiler, **kw):
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(joined_text, "postgresql")
def _joined_text_pg(element, compiler, **kw):
    return f"string_agg({compiler.process(element.clauses, **kw)})"


class slash_date(FunctionElement):
    """``slash_date(column)``: a date as 2026/04/01 text."""

    type = String()
    inherit_cache = True


@compiles(slash_date)
def _slash_date_sqlite(element, compiler, **kw):
    return f"strftime('%Y/%m/%d', {compiler.process(element.clauses, **kw)})"


@compiles(slash_date, "postgresql")
def _slash_date_pg(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY/MM/DD')"
