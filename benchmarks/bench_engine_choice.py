"""Engine choice for the office exchange (docs/decisions.md): capture 10,000 changes three ways.

raw: plain UPDATEs, nothing captured (baseline);
session: SQLite's session extension through APSW, changeset of the same UPDATEs;
journal: our own row versions, an AFTER UPDATE trigger filling a per-field journal.

Run: python benchmarks/bench_engine_choice.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

COLUMNS = ("name", "phone", "email", "notes")


def _make(path: Path, rows: int) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT, phone TEXT, email TEXT, notes TEXT,"
                       " updated_at TEXT, deleted_at TEXT)")
    connection.executemany("INSERT INTO person VALUES (?,?,?,?,?,?,NULL)",
                           [(str(uuid.uuid4()), f"name {i}", "090", f"{i}@x.jp", "", "t") for i in range(rows)])
    connection.commit()
    connection.close()


def _edit(execute, rows: int) -> None:
    execute("UPDATE person SET phone = '080-' || rowid, updated_at = 'u' WHERE rowid <= ?", (rows,))


def raw(path: Path, rows: int) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    start = time.perf_counter()
    connection.execute("BEGIN")
    _edit(connection.execute, rows)
    connection.execute("COMMIT")
    return time.perf_counter() - start


def session(path: Path, rows: int) -> tuple[float, int]:
    import apsw

    connection = apsw.Connection(str(path))
    start = time.perf_counter()
    capture = apsw.Session(connection, "main")
    capture.attach("person")
    with connection:
        _edit(connection.execute, rows)
    changeset = capture.changeset()
    return time.perf_counter() - start, len(changeset)


TRIGGER = """
CREATE TABLE journal (tbl TEXT, row_id TEXT, col TEXT, seq INTEGER, PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID;
CREATE INDEX ix_journal_seq ON journal (seq);
CREATE TABLE counter (value INTEGER); INSERT INTO counter VALUES (0);
CREATE TRIGGER person_journal AFTER UPDATE ON person BEGIN
  UPDATE counter SET value = value + 1;
  INSERT INTO journal (tbl, row_id, col, seq)
    SELECT 'person', NEW.id, c, (SELECT value FROM counter) FROM (
      SELECT 'name' AS c WHERE OLD.name IS NOT NEW.name UNION ALL
      SELECT 'phone' WHERE OLD.phone IS NOT NEW.phone UNION ALL
      SELECT 'email' WHERE OLD.email IS NOT NEW.email UNION ALL
      SELECT 'notes' WHERE OLD.notes IS NOT NEW.notes)
    WHERE true ON CONFLICT (tbl, row_id, col) DO UPDATE SET seq = excluded.seq;
END;
"""


def journal(path: Path, rows: int) -> tuple[float, float]:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript(TRIGGER)
    start = time.perf_counter()
    connection.execute("BEGIN")
    _edit(connection.execute, rows)
    connection.execute("COMMIT")
    captured = time.perf_counter() - start
    start = time.perf_counter()
    changed = connection.execute("SELECT count(DISTINCT row_id) FROM journal WHERE seq > 0").fetchone()[0]
    assert changed == rows
    return captured, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: Path(folder) / f"{name}.db" for name in ("raw", "session", "journal")}
        for path in paths.values():
            _make(path, args.size)
        base = raw(paths["raw"], args.rows)
        seconds, size = session(paths["session"], args.rows)
        captured, query = journal(paths["journal"], args.rows)
    print(f"{args.rows:,} changed rows in a {args.size:,}-row table")
    print(f"raw UPDATE (baseline)        {base:.3f} s")
    print(f"APSW session changeset       {seconds:.3f} s  ({size:,} bytes)")
    print(f"trigger journal (per field)  {captured:.3f} s  ; 'changed since' query {query * 1000:.1f} ms")


if __name__ == "__main__":
    main()
