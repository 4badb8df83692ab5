"""Speed of the 手紙・発送 area at scale, each figure beside a raw sqlite3 baseline in the same run.

    python benchmarks/bench_mail.py [--db benchmarks/data/bench.sqlite3]

Reads only: the benchmark database is opened read-only (no copy needed). Measures the 要対応
list over 50,000 shipments and 100,000 letters, the letter and shipment lists, and the carrier
CSV rendering and label PDF for 1,000 parcels / persons.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlmodel import Session

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from kankei_desktop.io import carrier_csv  # noqa: E402
from kankei_desktop.reports.labels import PRESETS, LabelAddress, write_labels_pdf  # noqa: E402
from kankei_desktop.services import carrier_export, followups, letters, shipments  # noqa: E402

TODAY = date(2026, 11, 27)

# The same scans as services.followups (default settings: 7 / 30 / 60 days, horizon 180 days),
# tombstones checked in Python as there.
OLDEST = "2026-05-31"
RAW_SHIPPED = """SELECT id, person_id, deleted_at FROM shipment
 WHERE shipped_on <= '2026-11-20' AND shipped_on >= :oldest AND status = '発送済'"""
RAW_SENT = """SELECT id, person_id, deleted_at FROM letter
 WHERE sent_on <= '2026-10-28' AND sent_on >= :oldest AND direction = '地域→参加者' AND status != '返送'"""
RAW_REPLIED = "SELECT reply_to_id, deleted_at FROM letter WHERE reply_to_id IS NOT NULL"
RAW_REPLIES = """SELECT id, person_id, received_on, deleted_at FROM letter
 WHERE received_on <= '2026-09-28' AND received_on >= :oldest AND direction = '参加者→地域'
   AND reply_to_id IS NOT NULL"""
RAW_TOURS = """SELECT person_id, occurred_on, deleted_at FROM interaction
 WHERE kind IN ('訪問', 'イベント参加', 'ボランティア') AND person_id IN ({marks})"""


def timed(function, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def raw_followups(connection: sqlite3.Connection) -> int:
    """The same lists with plain sqlite3 and the same strategy (index scans, then sets in Python)."""
    bound = {"oldest": OLDEST}
    shipped = [r for r in connection.execute(RAW_SHIPPED, bound) if r[2] is None]
    replied = {r[0] for r in connection.execute(RAW_REPLIED) if r[1] is None}
    waiting = [r for r in connection.execute(RAW_SENT, bound) if r[2] is None and r[0] not in replied]
    replies = [r for r in connection.execute(RAW_REPLIES, bound) if r[3] is None]
    toured: dict[str, str] = {}
    for chunk in _chunks(list({r[1] for r in replies})):
        for person_id, on, deleted_at in connection.execute(RAW_TOURS.format(marks=",".join("?" * len(chunk))), chunk):
            if deleted_at is None and on > toured.get(person_id, ""):
                toured[person_id] = on
    no_tour = [r for r in replies if toured.get(r[1], "") < r[2]]
    names = {}
    for chunk in _chunks(list({r[1] for r in shipped + waiting + no_tour})):
        names.update((i, n) for i, n, d in connection.execute(
            f"SELECT id, name, deleted_at FROM person WHERE id IN ({','.join('?' * len(chunk))})", chunk) if d is None)
    return len(shipped) + len(waiting) + len({r[1] for r in no_tour})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.sqlite3")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no benchmark database at {args.db}: run benchmarks/generate.py first")
        return 1
    uri = f"file:{args.db.resolve()}?mode=ro"
    raw = sqlite3.connect(uri, uri=True)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))

    @event.listens_for(engine, "connect")
    def _pragmas(connection, _record):
        connection.execute("PRAGMA foreign_keys=ON")

    counts = raw.execute("SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM shipment), "
                         "(SELECT COUNT(*) FROM letter)").fetchone()
    print(f"persons {counts[0]:,}, shipments {counts[1]:,}, letters {counts[2]:,}\n")
    print(f"{'what':44} {'ours ms':>9} {'sqlite3 ms':>11} {'ratio':>6}")

    def line(what, ours, base):
        print(f"{what:44} {ours:9.1f} {base:11.1f} {ours / base if base else 0:6.1f}")

    with Session(engine) as session:
        ours, items = timed(lambda: followups.list_followups(session, TODAY), 3)
        base, _n = timed(lambda: raw_followups(raw), 3)
        line(f"要対応 list ({len(items):,} items)", ours, base)

        ours, rows = timed(lambda: letters.list_letter_rows(session, limit=2000), 3)
        base, _ = timed(lambda: raw.execute(
            "SELECT l.id, p.name, h.name FROM letter l JOIN person p ON p.id = l.person_id "
            "LEFT JOIN host h ON h.id = l.host_id WHERE l.deleted_at IS NULL "
            "ORDER BY l.sent_on IS NOT NULL, l.sent_on DESC LIMIT 2000").fetchall(), 3)
        line(f"letter list, newest {len(rows):,} of all", ours, base)

        ours, rows = timed(lambda: shipments.list_shipment_rows(session, limit=2000), 3)
        base, _ = timed(lambda: raw.execute(
            "SELECT s.id, p.name, h.name FROM shipment s JOIN person p ON p.id = s.person_id "
            "LEFT JOIN host h ON h.id = s.host_id WHERE s.deleted_at IS NULL "
            "ORDER BY s.prepared_on DESC LIMIT 2000").fetchall(), 3)
        line(f"shipment list, newest {len(rows):,} of all", ours, base)

        ids = [r[0] for r in raw.execute("SELECT id FROM shipment LIMIT 1000")]
        addresses, _ = carrier_export.load_parcels(session, ids, today=TODAY, require_complete=False)
        ours, _ = timed(lambda: carrier_csv.build(
            "yamato-b2", carrier_export.load_parcels(session, ids, today=TODAY, require_complete=False)[0],
            account=carrier_export.account(session)), 3)
        marks = ",".join("?" * len(ids))
        base, _ = timed(lambda: raw.execute(
            f"SELECT * FROM shipment s JOIN person p ON p.id = s.person_id JOIN host h ON h.id = s.host_id "
            f"WHERE s.id IN ({marks})", ids).fetchall(), 3)
        line(f"B2 CSV, {len(addresses):,} parcels (query+check)", ours, base)

    people = raw.execute("SELECT postal_code, prefecture, city, address_line, name FROM person LIMIT 1000").fetchall()
    labels = [LabelAddress(code, f"{pref}{city}{line}", "", name) for code, pref, city, line, name in people]
    with tempfile.TemporaryDirectory() as folder:
        ours, _ = timed(lambda: write_labels_pdf(Path(folder) / "labels.pdf", labels, PRESETS["a4-24"]), 3)
    print(f"{'label PDF, 1,000 labels (a4-24), no baseline':44} {ours:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
