"""A second reading connection that sees exactly what a session sees.

Reports count some figures on a second connection in a thread: SQLite does that work
with the interpreter lock released, so on two cores it costs no wall time beside the
Python-heavy counting. Two connections read two WAL snapshots, and a figure must never
mix them, so the pair is only handed out when both are proven to read the same one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlmodel import Session


@contextmanager
def paired_reader(session: Session) -> Iterator[Session | None]:
    """A read-only session on its own connection with ``session``'s snapshot, or None.

    None when ``session`` has already begun (its snapshot may be older than any new
    connection could see, or hold its own unsaved changes) or holds objects to flush,
    when the file is in memory, or when another connection committed while the pair was
    being opened.

    ``PRAGMA data_version`` changes for a connection only when another one has committed;
    read inside a transaction it names the snapshot that transaction reads. So: the new
    connection reads it outside any transaction, ``session`` pins its snapshot, then the
    new connection pins its own and reads it again. The same number twice means nothing
    was committed between the two readings, hence both snapshots are the same.
    """
    engine = session.get_bind()
    pending = session.new or session.dirty or session.deleted
    # On a PostgreSQL server: None (the caller counts on its one session). A server runs each
    # query in its own process, so the second connection would gain little (docs/decisions.md).
    server = engine.dialect.name != "sqlite"
    if server or pending or session.in_transaction() or engine.url.database in (None, "", ":memory:"):
        yield None
        return
    version = text("PRAGMA data_version")
    connection = engine.connect()
    try:
        before = connection.connection.driver_connection.execute(str(version)).fetchone()[0]  # no transaction yet
        session.execute(version)  # the session's first read: BEGIN, and its snapshot is taken
        reader = Session(bind=connection)
        try:
            yield reader if reader.execute(version).scalar_one() == before else None
        finally:
            reader.close()
    finally:
        connection.close()
