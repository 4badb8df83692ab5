"""Rows of a SQLAlchemy statement as the driver's plain tuples, for lists of many rows."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlmodel import Session

MMAP_BYTES = 1 << 30


def plain_rows(session: Session, statement) -> list[tuple]:
    """Rows of ``statement`` as the driver's plain tuples, in the session's transaction.

    At 100,000 persons SQLAlchemy's row objects and its per-value date, datetime
    and boolean conversion cost more than the query; the callers convert the few
    columns that need it themselves. Parameters are rendered by the dialect's own
    literal quoting.
    """
    session.flush()  # pending ORM changes must be visible to the driver's cursor
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return server_rows(connection, statement)
    # Memory-mapped reads skip a system call per page (this connection only, as the KPIs do).
    connection.exec_driver_sql(f"PRAGMA mmap_size = {MMAP_BYTES}")
    sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.driver_connection.cursor()
    try:
        return cursor.execute(sql).fetchall()
    finally:
        cursor.close()


# PostgreSQL type OIDs whose values the file's driver gives in another form: bool, date,
# timestamp, timestamptz.
_STORED_FORM_TYPES = frozenset({16, 1082, 1114, 1184})


def server_rows(connection, statement, params: dict | None = None) -> list[tuple]:
    """On PostgreSQL: the same rows in the forms the file's driver gives (ISO text for dates
    and times, 0/1 for booleans), which the callers convert themselves.

    SQLAlchemy executes (its parameter handling is kept) but the rows are the driver's own
    tuples, read straight off its cursor: building SQLAlchemy rows for 100,000 ids cost
    three times the query. Only the columns of a type the file gives in another form are
    converted."""
    result = connection.execute(statement, params or {})
    try:
        cursor = result.cursor
        rows = cursor.fetchall()
        converted = [index for index, column in enumerate(cursor.description or ())
                     if column.type_code in _STORED_FORM_TYPES]
    finally:
        result.close()
    if not converted:
        return rows
    return [tuple(stored_form(value) if index in converted and value is not None else value
                  for index, value in enumerate(row)) for row in rows]


def stored_form(value):
    """A value as SQLite stores it through SQLAlchemy's types."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
