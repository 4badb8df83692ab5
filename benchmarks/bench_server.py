"""The same work on a SQLite file and on a PostgreSQL server, in one run, with the ratio.

    eval "$(scripts/pg_cluster.sh start /tmp/bench-pg)"     # a throw-away local server
    python benchmarks/bench_server.py --server "$KANKEI_TEST_PG" [--rows 100000] [--runs 3]

For each store: the persons workbook import (bench_import_export's generator, --rows rows:
read, plan, commit), then on what it made the participants screen's calls (first rows,
a search keystroke, a sort: what bench_participants measures) and the KPI year
(compute_kpis). The server database is made fresh (``kankei_bench_<pid>``) and dropped
after. Target (issue 20): every server figure within 2× of the file's. Medians of --runs;
the import once. Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402

from bench_import_export import build_workbook  # noqa: E402
from kankei_desktop.io.readers import read_table  # noqa: E402
from kankei_desktop.services import imports, participants  # noqa: E402
from kankei_desktop.services.kpis import compute_kpis  # noqa: E402
from kankei_desktop.services.participants import PersonFilter  # noqa: E402
from kankei_desktop.store import create_database  # noqa: E402
from kankei_desktop.store.server import ServerAddress  # noqa: E402

FIRST_ROWS = 100
SEARCH_TERMS = ("ヤ", "ヤマ", "やまだ", "ｻﾄｳ", "はなこ")


def median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def screen(database, flt: PersonFilter, sort: str = "furigana", descending: bool = False):
    def run():
        with database.session() as session:
            ids = participants.list_person_ids(session, flt, sort, descending)
            participants.fetch_list_rows(session, ids[:FIRST_ROWS])
    return run


def measure(database, workbook: Path, runs: int, year: int, vacuum: bool) -> dict[str, float]:
    figures = {}
    start = time.perf_counter()
    table = read_table(workbook)
    with database.session() as session:
        plan = imports.build_plan(session, table)
        imports.commit_plan(session, plan)
    figures["import (s)"] = time.perf_counter() - start
    if database.is_server:  # what autovacuum does soon after a bulk load (statistics, visibility map)
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE" if vacuum else "ANALYZE"))
    figures["first rows (ms)"] = median_ms(screen(database, PersonFilter()), runs)
    figures["search keystroke (ms)"] = statistics.median(
        median_ms(screen(database, PersonFilter(text=term)), runs) for term in SEARCH_TERMS)
    figures["sort (ms)"] = statistics.median(
        median_ms(screen(database, PersonFilter(), column, True), runs)
        for column in ("name", "ladder_stage", "residence_area", "last_activity_on"))

    def kpis():
        with database.session() as session:
            compute_kpis(session, year)

    figures["KPI year (ms)"] = median_ms(kpis, runs)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="a PostgreSQL URL on which a database may be created")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--no-vacuum", action="store_true", help="ANALYZE only after the import (no VACUUM)")
    args = parser.parse_args(argv)
    admin_address = ServerAddress(args.server)
    admin = create_engine(admin_address.url, isolation_level="AUTOCOMMIT")
    name = f"kankei_bench_{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "persons.xlsx"
        build_workbook(workbook, args.rows)
        results = {}
        for store in ("SQLite", "PostgreSQL"):
            if store == "SQLite":
                database = create_database(Path(folder) / "bench.sqlite3")
            else:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    connection.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE 'C.UTF-8'"))
                database = create_database(admin_address.with_database(name))
            try:
                results[store] = measure(database, workbook, args.runs, args.year, not args.no_vacuum)
            finally:
                database.close()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"{args.rows:,} persons imported; medians of {args.runs} runs")
    print(f"{'':24} {'SQLite':>10} {'PostgreSQL':>11} {'ratio':>6}")
    worst = 0.0
    for label, file_figure in results["SQLite"].items():
        server_figure = results["PostgreSQL"][label]
        ratio = server_figure / file_figure if file_figure else float("inf")
        worst = max(worst, ratio)
        print(f"{label:24} {file_figure:10.1f} {server_figure:11.1f} {ratio:6.2f}")
    print(f"worst ratio {worst:.2f} (target ≤ 2.00)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
