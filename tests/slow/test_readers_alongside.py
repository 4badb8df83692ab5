"""Read-only commands beside a writer: every read succeeds, sees a growing count, nothing is lost.

The reading commands now open ``mode=ro`` (issue 15); this is the "200 writes alongside
``stats``" run of the issue with the real opening code of the readers.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from kankei_desktop.store import create_database, open_database
from tests.slow.test_crash import bulk_import

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="fork is POSIX")]

WRITES = 200
FORK = multiprocessing.get_context("fork")


def _writer(db_path: str, ready) -> None:
    database = open_database(Path(db_path), lock=True)
    ready.set()
    for number in range(WRITES):
        bulk_import(database, 1, f"w{number:03d}")
    database.close()
    os._exit(0)


def test_readers_beside_a_writer_never_fail_and_lose_nothing(tmp_path, capsys):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    ready = FORK.Event()
    child = FORK.Process(target=_writer, args=(str(path), ready))
    child.start()
    assert ready.wait(60)
    counts: list[int] = []
    failures: list[str] = []
    while child.is_alive() or not counts:
        try:
            reader = open_database(path, read_only=True)
            try:
                with reader.session() as session:
                    counts.append(session.connection().exec_driver_sql("SELECT count(*) FROM person").scalar())
            finally:
                reader.close()
        except Exception as error:  # noqa: BLE001 - every failure is the finding
            failures.append(f"{type(error).__name__}: {error}")
    child.join(120)
    assert child.exitcode == 0
    connection = sqlite3.connect(path)
    final = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    with capsys.disabled():
        print(f"\n[readers-alongside] writes={WRITES} reads={len(counts)} failures={len(failures)} final={final}")
    assert failures == []
    assert counts == sorted(counts), "a later read never sees fewer rows"
    assert final == WRITES and integrity == "ok"
