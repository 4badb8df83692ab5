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
from kankei_desktop.services import followups, letters, shipments  # noqa: E402

TODAY = date(2026, 11, 27)

RAW_SHIPPED = """SELECT s.id FROM shipment s JOIN person p ON p.id = s.person_id
 WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND s.status = '発送済' AND s.shipped_on <= ?"""
RAW_SENT = """SELECT l.id, l.person_id FROM letter l
 WHERE l.deleted_at IS NULL AND l.direction = '地域→参加者' AND l.sent_on IS NOT NULL
   AND l.sent_on <= ? AND l.status != '返送'"""
RAW_REPLIED = "SELECT reply_to_id FROM letter WHERE reply_to_id IS NOT NULL AND deleted_at IS NULL"
RAW_REPLIES = """SELECT l.id, l.person_id, l.received_on FROM letter l
 WHERE l.deleted_at IS NULL AND l.direction = '参加者→地域' AND l.reply_to_id IS NOT NULL
   AND l.received_on <= ?"""
RAW_TOURS = """SELECT person_id, MAX(occurred_on) FROM interaction WHERE deleted_at IS NULL
   AND kind IN ('訪問', 'イベント参加', 'ボランティア') GROUP BY person_id"""


def timed(function, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def raw_followups(connection: sqlite3.Connection) -> int:
    """The same three lists with plain sqlite3 and the same strategy (scans, then sets in Python)."""
    shipped = connection.execute(RAW_SHIPPED, ("2026-11-20",)).fetchall()
    replied = {row[0] for row in connection.execute(RAW_REPLIED)}
    waiting = [row for row in connection.execute(RAW_SENT, ("2026-10-28",)) if row[0] not in replied]
    toured = dict(connection.execute(RAW_TOURS).fetchall())
    no_tour = [r for r in connection.execute(RAW_REPLIES, ("2026-09-28",)) if toured.get(r[1], "") < r[2]]
    ids = list({row[1] for row in waiting + no_tour})
    names = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        names.update(connection.execute(
            f"SELECT id, name FROM person WHERE deleted_at IS NULL AND id IN ({','.join('?' * len(chunk))})", chunk))
    return len(shipped) + len(waiting) + len(no_tour) + 0 * len(names)


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
        addresses = carrier_csv.load_addresses(session, ids, today=TODAY, require_complete=False)
        ours, _ = timed(lambda: carrier_csv.render(
            "yamato-b2", session, carrier_csv.load_addresses(session, ids, today=TODAY, require_complete=False)), 3)
        marks = ",".join("?" * len(ids))
        base, _ = timed(lambda: raw.execute(
            f"SELECT * FROM shipment s JOIN person p ON p.id = s.person_id JOIN host h ON h.id = s.host_id "
            f"WHERE s.id IN ({marks})", ids).fetchall(), 3)
        line(f"B2 CSV, {len(addresses):,} parcels (query+render)", ours, base)

    people = raw.execute("SELECT postal_code, prefecture, city, address_line, name FROM person LIMIT 1000").fetchall()
    labels = [LabelAddress(code, f"{pref}{city}{line}", "", name) for code, pref, city, line, name in people]
    with tempfile.TemporaryDirectory() as folder:
        ours, _ = timed(lambda: write_labels_pdf(Path(folder) / "labels.pdf", labels, PRESETS["a4-24"]), 3)
    print(f"{'label PDF, 1,000 labels (a4-24), no baseline':44} {ours:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
