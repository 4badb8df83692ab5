"""Speed of importing stays: every row checked and written through the stay service.

    python benchmarks/bench_import_activities.py [--rows 2000]

Builds a coordinator file with 500 persons and 20 hosts, then a CSV of ``--rows``
stays (persons cycling through non-overlapping weeks). Times the plan (each row
written in a savepoint and rolled back, so the rules see the rows above it) and
the commit (written again, one transaction). Baseline in the same run: one
sqlite3 executemany of the same stays and participants, unchecked.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kankei_desktop.io.readers import read_table
from kankei_desktop.services import imports
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import create_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    database = create_database(folder / "bench.sqlite3")
    with database.session() as s:
        persons = [create_person(s, PersonInput(name=f"参加者 {i:04d}")) for i in range(500)]
        hosts = [create_host(s, HostInput(name=f"受入先 {i:02d}")) for i in range(20)]
    start = date(2026, 4, 1)
    rows = []
    for i in range(args.rows):
        first = start + timedelta(days=7 * (i // 500))
        rows.append([f"参加者 {i % 500:04d}", f"受入先 {i % 20:02d}", first.isoformat(),
                     (first + timedelta(days=2)).isoformat(), "農作業"])
    path = folder / "stays.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["氏名", "受入先", "開始日", "終了日", "目的"], *rows])

    t0 = time.perf_counter()
    with database.session() as s:
        plan = imports.build_plan(s, read_table(path), today=date(2027, 3, 31))
        t1 = time.perf_counter()
        result = imports.commit_plan(s, plan, on=date(2027, 3, 31))
    t2 = time.perf_counter()
    assert result.created == args.rows, plan.counts()

    baseline = sqlite3.connect(folder / "baseline.sqlite3")
    baseline.executescript("CREATE TABLE stay (id TEXT PRIMARY KEY, host_id TEXT, start_on TEXT, end_on TEXT, purpose TEXT);"
                           "CREATE TABLE stay_participant (id TEXT PRIMARY KEY, stay_id TEXT, person_id TEXT);")
    t3 = time.perf_counter()
    with baseline:
        stays = [(str(uuid.uuid4()), hosts[i % 20], r[2], r[3], r[4]) for i, r in enumerate(rows)]
        baseline.executemany("INSERT INTO stay VALUES (?, ?, ?, ?, ?)", stays)
        baseline.executemany("INSERT INTO stay_participant VALUES (?, ?, ?)",
                             [(str(uuid.uuid4()), s[0], persons[i % 500]) for i, s in enumerate(stays)])
    t4 = time.perf_counter()
    print(f"{args.rows:,} stays: plan {t1 - t0:.2f} s, commit {t2 - t1:.2f} s "
          f"({(t2 - t0) / args.rows * 1000:.2f} ms/row); raw sqlite3 executemany {t4 - t3:.3f} s")
    database.close()


if __name__ == "__main__":
    main()
