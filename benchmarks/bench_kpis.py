"""KPI computation, stats JSON and the PDF on the 100k-person / 1M-interaction file.

    python benchmarks/bench_kpis.py [--db benchmarks/data/bench.sqlite3] [--year 2025] [--runs 3]

Works on a copy (VACUUM INTO a temporary file) so the benchmark file is never migrated or changed.
Prints the median wall and CPU time of our code beside raw sqlite3 queries that count the
headline figures (実人数・のべ, 人日) the same way, measured in the same run. CPU time counts
both threads: ``compute_kpis`` counts the record figures on a second connection in a
thread when its session has not begun, and on one connection otherwise (both are timed).
The whole ``kankei-desktop stats --json`` command is timed too, as a new process.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from kankei_desktop.services.progress_report import ReportOptions, build_progress_pdf  # noqa: E402
from kankei_desktop.services.kpis import compute_kpis  # noqa: E402
from kankei_desktop.store import open_database  # noqa: E402

PARTICIPATION = "('イベント参加','オンラインイベント参加','訪問','ボランティア','主催・講師')"
RAW_PERSONS = f"""
    SELECT count(*), count(DISTINCT person_id) FROM (
        SELECT person_id FROM interaction WHERE occurred_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL
          AND kind IN {PARTICIPATION}
        UNION ALL
        SELECT sp.person_id FROM stay s JOIN stay_participant sp ON sp.stay_id = s.id
        WHERE s.status = '実施済' AND s.deleted_at IS NULL AND sp.deleted_at IS NULL
          AND s.start_on <= ?2 AND s.end_on >= ?1
        UNION ALL  -- お米レター: parcels shipped and letters both ways are activities (docs/kpi.md)
        SELECT person_id FROM shipment WHERE shipped_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL
          AND programme_id IN (SELECT id FROM programme WHERE kind = 'お米レター')
        UNION ALL
        SELECT person_id FROM letter WHERE deleted_at IS NULL
          AND programme_id IN (SELECT id FROM programme WHERE kind = 'お米レター')
          AND CASE direction WHEN '地域→参加者' THEN sent_on ELSE received_on END BETWEEN ?1 AND ?2)
"""
RAW_DAYS = """
    SELECT sum(julianday(min(s.end_on, ?2)) - julianday(max(s.start_on, ?1)) + 1)
    FROM stay s JOIN stay_participant sp ON sp.stay_id = s.id
    WHERE s.status = '実施済' AND s.deleted_at IS NULL AND sp.deleted_at IS NULL
      AND s.start_on <= ?2 AND s.end_on >= ?1
"""


def timed(function, runs: int) -> tuple[float, float, object]:
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / "data" / "bench.sqlite3")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} がありません。先に python benchmarks/generate.py を実行してください。")
        return 1
    start, end = f"{args.year}-04-01", f"{args.year + 1}-03-31"
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "bench-copy.sqlite3"
        source = sqlite3.connect(args.db)
        source.execute("VACUUM INTO ?", (str(copy),))
        source.close()
        database = open_database(copy)
        try:
            def kpis():
                with database.session() as session:
                    return compute_kpis(session, args.year)

            def kpis_one_connection():
                with database.session() as session:
                    session.execute(text("SELECT 1 FROM programme LIMIT 1"))  # begun: no second connection
                    return compute_kpis(session, args.year)

            def pdf():
                with database.session() as session:
                    return build_progress_pdf(session, ReportOptions(fiscal_year=args.year))

            kpi_wall, kpi_cpu, figures = timed(kpis, args.runs)
            one_wall, one_cpu, _figures = timed(kpis_one_connection, args.runs)
            pdf_wall, pdf_cpu, (data, pages, _figures) = timed(pdf, max(1, args.runs - 1))
        finally:
            database.close()
        command = [sys.executable, "-m", "kankei_desktop", "stats", "--db", str(copy), "--fiscal-year",
                   str(args.year), "--json"]
        cli_wall, _cli_cpu, _output = timed(
            lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT), args.runs)
        raw = sqlite3.connect(copy)
        raw_persons_wall, raw_persons_cpu, persons = timed(lambda: raw.execute(RAW_PERSONS, (start, end)).fetchone(),
                                                           args.runs)
        raw_days_wall, raw_days_cpu, days = timed(lambda: raw.execute(RAW_DAYS, (start, end)).fetchone(), args.runs)
        raw.close()
    print(f"fiscal year {args.year}: 実人数 {figures.persons.unique_persons:,}, のべ {figures.persons.person_visits:,}, "
          f"人日 {figures.person_days.achieved:,} (raw: {persons[1]:,} / {persons[0]:,} / {int(days[0] or 0):,})")
    print(f"{'what':<44}{'wall s':>10}{'cpu s':>10}")
    print(f"{'compute_kpis (every figure)':<44}{kpi_wall:>10.2f}{kpi_cpu:>10.2f}")
    print(f"{'compute_kpis, one connection':<44}{one_wall:>10.2f}{one_cpu:>10.2f}")
    print(f"{'kankei-desktop stats --json (new process)':<44}{cli_wall:>10.2f}{'':>10}")
    print(f"{'PDF progress summary (' + str(pages) + ' pages, ' + str(len(data) // 1024) + ' KiB)':<44}"
          f"{pdf_wall:>10.2f}{pdf_cpu:>10.2f}")
    print(f"{'raw sqlite3: 実人数 + のべ':<44}{raw_persons_wall:>10.2f}{raw_persons_cpu:>10.2f}")
    print(f"{'raw sqlite3: 人日':<44}{raw_days_wall:>10.2f}{raw_days_cpu:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
