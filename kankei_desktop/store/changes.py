"""On a server: every window hears, within a few seconds, that another one saved something.

A session that wrote (INSERT, UPDATE or DELETE went through its connection) sends
``NOTIFY kankei_changes`` with its window's origin just before its commit; PostgreSQL
delivers it only if the commit succeeds, to every connection listening. ``ChangeListener``
holds one such connection per window; the window asks ``changed()`` on a timer and
refreshes the open area when another origin wrote. A file has one writer: nothing here.
"""

from __future__ import annotations

import psycopg
from sqlalchemy import Engine, event, text

CHANNEL = "kankei_changes"
_WROTE = "kankei_wrote"


def watch_writes(engine: Engine) -> None:
    """Mark a connection that wrote in its current transaction (server engines only)."""

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.info.pop(_WROTE, None)

    @event.listens_for(engine, "before_cursor_execute")
    def _note(connection, _cursor, statement, _parameters, _context, _many):
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            connection.info[_WROTE] = True


def announce(session, origin: str) -> None:
    """Before the commit: tell the listeners, if this session wrote anything."""
    if not session.in_transaction():
        return
    session.flush()
    connection = session.connection()
    if connection.info.pop(_WROTE, False):
        connection.execute(text("SELECT pg_notify(:channel, :origin)"), {"channel": CHANNEL, "origin": origin})


class ChangeListener:
    """One listening connection; ``changed()`` is True when another origin saved since last asked."""

    def __init__(self, engine: Engine, origin: str):
        self._origin = origin
        self._heard: list[str] = []
        self._raw = engine.raw_connection()
        connection = self._raw.driver_connection
        connection.rollback()
        connection.autocommit = True
        connection.add_notify_handler(lambda note: self._heard.append(note.payload))
        connection.execute(f"LISTEN {CHANNEL}")

    def changed(self) -> bool:
        if self._raw is None:
            return False
        try:
            self._raw.driver_connection.execute("SELECT 1")  # notifications arrive with any exchange
        except psycopg.Error:
            return False  # the server went away: the next save says so in words
        heard, self._heard = self._heard, []
        return any(payload != self._origin for payload in heard)

    def close(self) -> None:
        if self._raw is not None:
            self._raw.invalidate()  # a listening connection is not handed back to the pool
            self._raw = None
