"""Cost of the safety mechanisms on a large file, each beside a raw sqlite3 baseline.

    python benchmarks/bench_safety.py [--db benchmarks/data/bench.sqlite3] [--runs 1]

Works on a copy in a temporary folder (the benchmark file is never changed).
Measured: the page check on open (quick / deferred), the full check after a
crash, a verified backup against a bare backup-API copy, and anonymising one
person (secure_delete + checkpoint, VACUUM only if the values are still found)
against a bare VACUUM. Wall time and process CPU time are printed: on a shared
machine the wall time stretches with the load, the CPU time much less.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from kankei_desktop.services import privacy  # noqa: E402
from kankei_desktop.store import backup, open_database, probe  # noqa: E402


def timed(function, runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def raw(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for statement in statements:
            connection.execute(statement).fetchall()
    finally:
        connection.close()


def raw_backup(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


def raw_vacuum(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("VACUUM")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def row(label: str, ours: tuple[float, float], baseline: tuple[float, float] | None) -> None:
    base = f"{baseline[0]:8.2f} s ({baseline[1]:6.2f} CPU)" if baseline else " " * 22
    ratio = f"{ours[0] / baseline[0]:5.2f}×" if baseline and baseline[0] else ""
    print(f"{label:<58} {ours[0]:8.2f} s ({ours[1]:6.2f} CPU)   {base}  {ratio}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} がありません。先に python benchmarks/generate.py を実行してください。")
        return 1
    with tempfile.TemporaryDirectory(dir=ROOT / "data") as folder:
        work = Path(folder) / "work.sqlite3"
        backups_dir = Path(folder) / "backups"
        backups_dir.mkdir()
        copy_time = timed(lambda: raw_backup(args.db, work), 1)
        size_mb = work.stat().st_size / 1e6
        persons = probe.probe_file(work, pages=False).person_count
        print(f"file: {size_mb:,.0f} MB, {persons:,} persons (copied in {copy_time[0]:.1f} s)")
        print(f"{'operation':<58} {'ours':>22}   {'raw sqlite3':>22}  ratio")
        row("check on open: probe_file (quick_check)",
            timed(lambda: probe.probe_file(work), args.runs),
            timed(lambda: raw(work, "PRAGMA quick_check"), args.runs))
        row("check on open, deferred: header, WAL, schema",
            timed(lambda: probe.probe_file(work, pages=False), args.runs), None)
        row("open_database(lock=True) (quick)",
            timed(lambda: open_database(work, lock=True).close(), args.runs), None)
        row("open_database(lock=True, verify='deferred')",
            timed(lambda: open_database(work, lock=True, verify="deferred").close(), args.runs), None)
        row("after a crash: integrity_check + foreign_key_check",
            timed(lambda: probe.probe_file(work, full=True), args.runs),
            timed(lambda: raw(work, "PRAGMA integrity_check", "PRAGMA foreign_key_check"), args.runs))
        bare = Path(folder) / "bare.sqlite3"
        baseline = timed(lambda: raw_backup(work, bare), args.runs)
        row("make_backup (copy, integrity_check, fsync, rename)",
            timed(lambda: backup.make_backup(work, backups_dir, "manual"), args.runs), baseline)
        row("make_backup, routine (copy, quick_check, fsync, rename)",
            timed(lambda: backup.make_backup(work, backups_dir, "periodic", check="quick"), args.runs), baseline)
        bare.unlink(missing_ok=True)
        row("list_backups (persons counted in each)",
            timed(lambda: backup.list_backups(backups_dir), args.runs), None)
        database = open_database(work)
        with database.session() as session:
            from sqlalchemy import select

            from kankei_desktop.domain.tables import Person

            person_id = session.execute(
                select(Person.id).where(Person.deleted_at.is_(None)).limit(1)
            ).scalar_one()
        result: list = []
        ours = timed(lambda: result.append(privacy.anonymise_and_purge(database, person_id)), 1)
        database.close()
        row(f"anonymise one person (VACUUM ran: {result[0].vacuumed})", ours,
            timed(lambda: raw_vacuum(work), 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
