"""Rows of a SQLAlchemy statement as the driver's plain tuples, for lists of many rows."""

from __future__ import annotations

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
    # Memory-mapped reads skip a system call per page (this connection only, as the KPIs do).
    connection.exec_driver_sql(f"PRAGMA mmap_size = {MMAP_BYTES}")
    sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.driver_connection.cursor()
    try:
        return cursor.execute(sql).fetchall()
    finally:
        cursor.close()
