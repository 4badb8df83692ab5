"""store.snapshot.paired_reader: a second connection is handed out only with the session's snapshot."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, text

from kankei_desktop.domain.tables import Programme
from kankei_desktop.store.snapshot import paired_reader

# PRAGMA data_version pairs; a server session has no second reader (decisions.md)
pytestmark = pytest.mark.sqlite_only

COUNT = text("SELECT count(*) FROM programme")


def _commit_elsewhere(database, name: str) -> None:
    """Another program adds a copy of a programme under a new id and name."""
    connection = sqlite3.connect(database.path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(programme)")]
        copied = ", ".join({"id": "lower(hex(randomblob(16)))", "name": "?"}.get(c, c) for c in columns)
        connection.execute(f"INSERT INTO programme ({', '.join(columns)}) SELECT {copied} FROM programme LIMIT 1",
                           (name,))
        connection.commit()
    finally:
        connection.close()


def _one_programme(database) -> None:
    with database.session() as session:
        session.add(Programme(name="おてつだいPlus", kind="おてつだい", fiscal_year=2026))


def test_pair_reads_one_snapshot_while_others_commit(database):
    _one_programme(database)
    with database.session() as session, paired_reader(session) as reader:
        assert reader is not None
        _commit_elsewhere(database, "後から")
        assert session.execute(COUNT).scalar_one() == reader.execute(COUNT).scalar_one() == 1
    with database.session() as session:
        assert session.execute(COUNT).scalar_one() == 2


def test_no_pair_when_a_commit_lands_while_it_opens(database):
    _one_programme(database)
    fired = []

    def commit_once(_conn, _cursor, statement, *_args):
        if statement == "PRAGMA data_version" and not fired:
            fired.append(True)  # the session has pinned its snapshot, the new connection not yet
            _commit_elsewhere(database, "割り込み")

    event.listen(database.engine, "after_cursor_execute", commit_once)
    try:
        with database.session() as session, paired_reader(session) as reader:
            assert reader is None  # it would have read the newer snapshot
            assert session.execute(COUNT).scalar_one() == 1
    finally:
        event.remove(database.engine, "after_cursor_execute", commit_once)
    assert fired


def test_no_pair_for_a_session_that_has_begun_or_holds_changes(database):
    _one_programme(database)
    with database.session() as session:
        session.execute(COUNT)
        with paired_reader(session) as reader:
            assert reader is None
    with database.session() as session:
        session.add(Programme(name="お米レター", kind="お米レター", fiscal_year=2026))
        with paired_reader(session) as reader:
            assert reader is None
        session.rollback()
