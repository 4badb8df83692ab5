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


def server_rows(connection, statement, params: dict | None = None) -> list[tuple]:
    """On PostgreSQL: the same rows in the forms the file's driver gives (ISO text for dates
    and times, 0/1 for booleans), which the callers convert themselves."""
    convert = (date, bool)  # datetime is a date
    return [tuple(stored_form(v) if isinstance(v, convert) else v for v in row)
            for row in connection.execute(statement, params or {})]


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
