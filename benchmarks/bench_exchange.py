"""Speed of an office exchange package on the 100,000-person file (issue 19).

    python benchmarks/bench_exchange.py [--db benchmarks/data/bench.sqlite3] [--work DIR] [--changes 10000]

1. Names the big file's office (本庁) and makes the island office's copy (``make_office_copy``).
2. At the island, 10,000 records change: 6,000 persons (phone and notes, one UPDATE each) and
   4,000 new interactions — through SQL, so the journal triggers record them as the app's writes do.
3. Writes the package (journal range → rows → JSON → zlib → AES-GCM, scrypt key); target ≤ 5 s.
   Baseline: the same 10,000 rows read by id with bare sqlite3, json + zlib + AES-GCM, no journal.
4. Applies it at the town hall (one transaction, conflict checks, rules); target ≤ 10 s, and the
   verified backup taken before it, timed apart. Baseline: the same updates and inserts with a bare
   executemany in one transaction, rolled back.
Wall and CPU time of this process are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from kankei_desktop.domain.tables import new_id  # noqa: E402
from kankei_desktop.services import exchange  # noqa: E402
from kankei_desktop.store import open_database  # noqa: E402

PASSPHRASE = "benchmark-passphrase"


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def _line(label: str, timer: Timer, baseline: Timer | None = None) -> None:
    extra = f"   baseline {baseline.wall:6.2f} s wall {baseline.cpu:6.2f} s CPU" if baseline else ""
    print(f"{label:<44}{timer.wall:7.2f} s wall {timer.cpu:6.2f} s CPU{extra}", flush=True)


def change_at_island(path: Path, persons: int, interactions: int, rng: random.Random) -> tuple[list, list]:
    connection = sqlite3.connect(path, isolation_level=None)
    ids = [r[0] for r in connection.execute("SELECT id FROM person WHERE deleted_at IS NULL")]
    chosen = rng.sample(ids, persons)
    updates = [(f"070-{i % 10000:04d}-{(i * 7) % 10000:04d}", f"島支所で確認 {i}", pid) for i, pid in enumerate(chosen)]
    now = "2026-12-04 10:00:00.000000"
    inserts = [(new_id(), now, now, rng.choice(ids), "相談窓口", "2026-12-03", f"島で相談 {i}")
               for i in range(interactions)]
    connection.execute("BEGIN")
    connection.executemany("UPDATE person SET phone = ?, notes = ?, updated_at = '2026-12-04 10:00:00.000000'"
                           " WHERE id = ?", updates)
    connection.executemany("INSERT INTO interaction (id, created_at, updated_at, person_id, kind, occurred_on, note)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)", inserts)
    connection.execute("COMMIT")
    connection.close()
    return updates, inserts


def write_baseline(path: Path, updates: list, inserts: list) -> Timer:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with Timer() as timer:
        connection = sqlite3.connect(path)
        rows = []
        for table, ids in (("person", [u[2] for u in updates]), ("interaction", [i[0] for i in inserts])):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows += [list(r) for r in connection.execute(
                    f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        connection.close()
        data = zlib.compress(json.dumps(rows, ensure_ascii=False).encode(), 6)
        AESGCM(os.urandom(32)).encrypt(os.urandom(12), data, b"")
    return timer


def apply_baseline(path: Path, updates: list, inserts: list) -> Timer:
    connection = sqlite3.connect(path, isolation_level=None)
    with Timer() as timer:
        connection.execute("BEGIN")
        connection.executemany("UPDATE person SET phone = ?, notes = ? WHERE id = ?", updates)
        connection.executemany("INSERT INTO interaction (id, created_at, updated_at, person_id, kind, occurred_on, note)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)", inserts)
    connection.execute("ROLLBACK")
    connection.close()
    return timer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--work", type=Path, help="folder for the two offices' files (default: a temporary one)")
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-exchange-"))
    os.environ.setdefault("KANKEI_DESKTOP_DATA_DIR", str(work / "data"))
    hall_path, island_path = work / "hall.sqlite3", work / "island.sqlite3"
    for path in (hall_path, island_path):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Timer() as copying:
        source = sqlite3.connect(args.db)
        target = sqlite3.connect(hall_path)
        source.backup(target)
        target.close()
        source.close()
        hall = open_database(hall_path, before_migration=lambda _path: None)
        with hall.session() as session:
            if exchange.own_office(session) is None:
                exchange.set_up_office(session, "本庁")
        exchange.make_office_copy(hall, island_path, "島支所")
    _line("copy, migrate and make the island's file", copying)
    persons = args.changes * 6 // 10
    updates, inserts = change_at_island(island_path, persons, args.changes - persons, random.Random(4))
    island = open_database(island_path)
    with Timer() as writing:
        written = exchange.write_package(island, "本庁", work / "island-1", PASSPHRASE)
    baseline = write_baseline(island_path, updates, inserts)
    _line(f"write package ({written.records:,} records, {written.size_bytes / 1e6:.1f} MB)", writing, baseline)
    island.close()
    base = apply_baseline(hall_path, updates, inserts)
    with Timer() as backing_up:
        from kankei_desktop.services import backups

        backups.backup_now(hall, "before-exchange")
    _line("verified backup before apply (integrity_check)", backing_up)
    with Timer() as applying:
        result = exchange.apply_package(hall, written.path, PASSPHRASE, backup=False)
    _line(f"apply package (+{result.added:,} ~{result.updated:,} conflicts {result.conflicts})", applying, base)
    journal = sqlite3.connect(hall_path).execute("SELECT count(*) FROM exchange_journal").fetchone()[0]
    print(f"journal rows in the town hall's file: {journal:,}; findings: {len(result.findings)}")
    hall.close()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
