"""Speed of the stays area at 200,000 stays, each figure beside a raw sqlite3 baseline.

    python benchmarks/bench_stays.py [--db benchmarks/data/bench.sqlite3] [--no-gui]

- the rule check for a new stay (person overlap + lodging capacity by night), target ≤ 20 ms;
- person-days of a fiscal year;
- the calendar's timeline view painting one month (target ≤ 200 ms with 2,000 stays in the
  database; the benchmark database has far more, which is the harder case).

The benchmark database (``benchmarks/generate.py``) is opened read-only and never changed.
Without it, a temporary database with 200,000 stays is generated here.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from sqlalchemy import event  # noqa: E402
from sqlmodel import Session, create_engine  # noqa: E402

from kankei_desktop.domain.calendar import fiscal_year_period  # noqa: E402
from kankei_desktop.domain.errors import ConflictError  # noqa: E402
from kankei_desktop.domain.tables import new_id  # noqa: E402
from kankei_desktop.services import stays  # noqa: E402
from kankei_desktop.services.stays import StayInput  # noqa: E402
from kankei_desktop.store import create_database  # noqa: E402


def timed(function, repeat: int = 30) -> tuple[float, float, object]:
    """(median ms, max ms, last result) over ``repeat`` runs."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def generate(path: Path, count: int = 200_000) -> None:
    """Hosts, persons and ``count`` stays (1–9 days, 1–3 persons) over five years."""
    rng = random.Random(11)
    database = create_database(path)
    database.close()
    now = datetime.now(timezone.utc).isoformat(" ")
    connection = sqlite3.connect(path)
    hosts = [(new_id(), f"受入先{i}", "宿泊施設" if i < 50 else "農家", 20 if i < 50 else None) for i in range(500)]
    connection.executemany(
        "INSERT INTO host (id, created_at, updated_at, name, kind, contact_person, phone, email, postal_code, "
        "prefecture, city, address_line, address_building, capacity_per_night, hosts_side_job_talent, is_active, notes)"
        " VALUES (?, ?, ?, ?, ?, '', '', '', '', '', '', '', '', ?, 0, 1, '')",
        [(h, now, now, name, kind, cap) for h, name, kind, cap in hosts],
    )
    persons = [new_id() for _ in range(100_000)]
    connection.executemany(
        "INSERT INTO person (id, created_at, updated_at, name, furigana, furigana_sort, gender, email, phone, "
        "postal_code, prefecture, city, address_line, address_building, residence_area, affiliation, ladder_stage, "
        "contact_ok, photo_ok, found_via, notes, search_text) VALUES (?, ?, ?, ?, '', '', '', '', '', '', '', '', '',"
        " '', '', '', '関心', 1, 0, '', '', '')",
        [(p, now, now, f"参加者{i}") for i, p in enumerate(persons)],
    )
    first = date(2022, 4, 1)
    stay_rows, part_rows = [], []
    for _ in range(count):
        stay_id = new_id()
        start = first + timedelta(days=rng.randrange(5 * 365))
        length = rng.choice((1, 1, 2, 3, 5, 9))
        stay_rows.append((stay_id, now, now, rng.choice(hosts[50:])[0], rng.choice(hosts[:50])[0] if length > 1 else None,
                          start.isoformat(), (start + timedelta(days=length - 1)).isoformat(), "短期滞在", "",
                          rng.choice(("実施済", "実施済", "予定", "中止"))))
        for person in rng.sample(persons, rng.choice((1, 1, 2, 3))):
            part_rows.append((new_id(), now, now, stay_id, person))
    connection.executemany(
        "INSERT INTO stay (id, created_at, updated_at, host_id, lodging_id, start_on, end_on, kind, purpose, status,"
        " capacity_override_reason, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')", stay_rows)
    connection.executemany(
        "INSERT INTO stay_participant (id, created_at, updated_at, stay_id, person_id) VALUES (?, ?, ?, ?, ?)",
        part_rows)
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


RAW_PERSON_SQL = """
SELECT p.name, s.start_on, s.end_on FROM stay_participant sp
JOIN stay s ON s.id = sp.stay_id JOIN person p ON p.id = sp.person_id
WHERE sp.person_id IN (?, ?) AND sp.deleted_at IS NULL AND s.deleted_at IS NULL AND s.status != '中止'
  AND s.start_on <= ? AND s.end_on >= ? LIMIT 1
"""
RAW_LODGING_SQL = """
SELECT s.start_on, s.end_on, (SELECT count(*) FROM stay_participant sp WHERE sp.stay_id = s.id AND sp.deleted_at IS NULL)
FROM stay s WHERE s.lodging_id = ? AND s.start_on < ? AND s.end_on > ? AND s.deleted_at IS NULL AND s.status != '中止'
"""


def read_only_session(path: Path) -> Session:
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")

    @event.listens_for(engine, "connect")
    def _pragmas(connection, _record):
        connection.execute("PRAGMA foreign_keys=ON")

    return Session(engine)


def bench_rules(path: Path) -> None:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    stay_count = raw.execute("SELECT count(*) FROM stay").fetchone()[0]
    lodging = raw.execute(
        "SELECT lodging_id FROM stay WHERE lodging_id IS NOT NULL GROUP BY lodging_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    lodging_stays = raw.execute("SELECT count(*) FROM stay WHERE lodging_id = ?", (lodging,)).fetchone()[0]
    farm = raw.execute("SELECT host_id FROM stay WHERE host_id IS NOT NULL LIMIT 1").fetchone()[0]
    person_ids = [row[0] for row in raw.execute("SELECT id FROM person WHERE deleted_at IS NULL LIMIT 5000")]
    max_day = date.fromisoformat(raw.execute("SELECT max(start_on) FROM stay").fetchone()[0])
    print(f"stays in the database: {stay_count:,}; busiest lodging has {lodging_stays:,} stays")
    columns = [row[2] for row in raw.execute("PRAGMA index_info(ix_stay_lodging_dates)")]
    if "end_on" not in columns:
        print("  NOTE: this file predates migration 0002 (ix_stay_lodging_dates without end_on); open it once "
              "with the app or regenerate it to measure the indexed check")

    rng = random.Random(3)
    cases = []
    for _ in range(40):
        start = max_day - timedelta(days=rng.randrange(700))
        cases.append((rng.sample(person_ids, 2), start, start + timedelta(days=3)))

    session = read_only_session(path)
    iterator = iter(cases * 2)
    outcomes = {"accepted": 0, "refused": 0}

    def service_check():
        persons, start, end = next(iterator)
        try:
            stays.check_stay(session, StayInput(person_ids=persons, host_id=farm, lodging_id=lodging,
                                                start_on=start, end_on=end), today=max_day)
            outcomes["accepted"] += 1
        except ConflictError:
            outcomes["refused"] += 1

    service_ms, service_max, _ = timed(service_check, repeat=len(cases))
    raw_iter = iter(cases)

    def raw_check():
        persons, start, end = next(raw_iter)
        raw.execute(RAW_PERSON_SQL, (*persons, end.isoformat(), start.isoformat())).fetchall()
        raw.execute(RAW_LODGING_SQL, (lodging, end.isoformat(), start.isoformat())).fetchall()

    raw_ms, raw_max, _ = timed(raw_check, repeat=len(cases))
    print(f"rule check for a new stay (service, {outcomes['accepted']} accepted / {outcomes['refused']} refused): "
          f"median {service_ms:6.2f} ms, max {service_max:6.2f} ms   [target ≤ 20 ms]")
    print(f"rule check, raw sqlite3 (same two queries):                median {raw_ms:6.2f} ms, max {raw_max:6.2f} ms")
    for label, sql, params in (
        ("person overlap", RAW_PERSON_SQL, ("a", "b", "2026-01-01", "2026-01-01")),
        ("lodging nights", RAW_LODGING_SQL, (lodging, "2026-01-01", "2026-01-01")),
    ):
        plan = "; ".join(row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params))
        print(f"  plan, {label}: {plan}")

    period = fiscal_year_period(2026)
    days_ms, _, result = timed(lambda: stays.person_days(session, period), repeat=5)

    def raw_days():
        return raw.execute(
            """SELECT s.status, SUM((julianday(MIN(s.end_on, ?)) - julianday(MAX(s.start_on, ?)) + 1)
                   * (SELECT count(*) FROM stay_participant sp JOIN person p ON p.id = sp.person_id
                      WHERE sp.stay_id = s.id AND sp.deleted_at IS NULL AND p.deleted_at IS NULL))
               FROM stay s WHERE s.deleted_at IS NULL AND s.start_on <= ? AND s.end_on >= ? GROUP BY s.status""",
            (period.end.isoformat(), period.start.isoformat(), period.end.isoformat(), period.start.isoformat()),
        ).fetchall()

    raw_days_ms, _, raw_result = timed(raw_days, repeat=5)
    raw_done = int(dict(raw_result).get("実施済") or 0)
    print(f"person_days FY2026 (achieved {result.achieved:,}, planned {result.planned:,}): {days_ms:8.1f} ms")
    print(f"person-days, raw sqlite3 (achieved {raw_done:,}):                      {raw_days_ms:8.1f} ms")
    session.close()
    raw.close()


def bench_paint(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bench_month_paint(read_only_session(path), timed)


def bench_month_paint(session, timed) -> None:
    """Load and paint the busiest month of the database (the timeline view, 1366 px wide)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from kankei_desktop.services.stay_calendar import calendar_rows, stays_between
    from kankei_desktop.ui.areas.stays.timeline import TimelineView, month_span

    app = QApplication.instance() or QApplication([])
    busiest = session.execute(text(
        "SELECT substr(start_on, 1, 7) AS m, count(*) FROM stay WHERE deleted_at IS NULL GROUP BY m ORDER BY 2 DESC LIMIT 1"
    )).first()
    year, month = map(int, busiest[0].split("-"))
    first = date(year, month, 1)
    days = month_span(first)
    last = first + timedelta(days=days - 1)
    view = TimelineView()
    view.resize(1366, 700)
    rows = calendar_rows(session)

    def load():
        return stays_between(session, first, last)

    load_ms, _max, stays = timed(load, repeat=3)
    view.set_data(first, days, rows, stays)
    image = QImage(view.width(), view.minimumHeight(), QImage.Format.Format_ARGB32_Premultiplied)

    def paint():
        painter = QPainter(image)
        view.paint_into(painter)
        painter.end()

    paint_ms, paint_max, _ = timed(paint, repeat=3)
    screen = QImage(view.width(), 700, QImage.Format.Format_ARGB32_Premultiplied)

    def paint_screen():
        painter = QPainter(screen)
        view.paint_into(painter, QRect(0, 0, view.width(), 700))
        painter.end()

    screen_ms, screen_max, _ = timed(paint_screen, repeat=10)
    setup_ms, _m, _ = timed(lambda: view.set_data(first, days, rows, stays), repeat=3)

    def raw_load():
        return session.execute(text(
            "SELECT s.id, s.start_on, s.end_on, s.status, h.name, (SELECT group_concat(p.name) FROM stay_participant sp"
            " JOIN person p ON p.id = sp.person_id WHERE sp.stay_id = s.id) FROM stay s LEFT JOIN host h ON"
            " h.id = s.host_id WHERE s.deleted_at IS NULL AND s.end_on >= :a AND s.start_on <= :b"
        ), {"a": first.isoformat(), "b": last.isoformat()}).all()

    raw_ms, _m, _ = timed(raw_load, repeat=3)
    print(f"calendar month {first:%Y/%m} ({len(stays):,} stays, {len(rows)} host rows, {view.minimumHeight()} px):")
    print(f"  load stays_between {load_ms:8.1f} ms   (raw sqlite3 same rows {raw_ms:8.1f} ms)")
    print(f"  lay out lanes      {setup_ms:8.1f} ms")
    print(f"  paint one screen (1366×700, what a repaint costs) {screen_ms:8.1f} ms (max {screen_max:.1f})"
          "   [target ≤ 200 ms]")
    print(f"  paint all {len(rows)} rows at once                   {paint_ms:8.1f} ms (max {paint_max:.1f})")
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args()
    path = args.db
    temp_dir = None
    if not path.exists():
        temp_dir = tempfile.TemporaryDirectory()
        path = Path(temp_dir.name) / "stays.sqlite3"
        print("no benchmark database found: generating 200,000 stays")
        generate(path)
    print(f"benchmark database: {path} (read-only)")
    bench_rules(path)
    if not args.no_gui:
        bench_paint(path)
    if temp_dir:
        temp_dir.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
