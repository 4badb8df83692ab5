"""Speed of the participants screen on the 100,000-person benchmark database.

    python benchmarks/generate.py                 # once: benchmarks/data/bench.sqlite3
    python benchmarks/bench_participants.py [--db benchmarks/data/bench.sqlite3] [--runs 5] [--no-qt]

Each figure is the median wall time of the service calls the screen makes. Beside
it, the baseline: the very SQL statements those calls sent (captured by sqlite3's
trace callback during the measured run) replayed through a bare sqlite3 connection in
the same run, so the ratio is what our Python layers add on top of SQLite. A
figure near its baseline with a miss of the target means the query itself must
change (see EXPLAIN QUERY PLAN, printed with --plans).

Targets (issue 2): first rows ≤ 1 s; search keystroke ≤ 100 ms; sort ≤ 300 ms;
timeline ≤ 100 ms. The database is only read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event  # noqa: E402

from kankei_desktop.services import participants  # noqa: E402
from kankei_desktop.services.participants import LIST_COLUMNS, PersonFilter  # noqa: E402
from kankei_desktop.store import open_database  # noqa: E402
from kankei_desktop.store.database import make_engine, Database  # noqa: E402

FIRST_ROWS = 100  # what a maximised list shows at once, with room to spare
TARGETS_MS = {"first rows": 1000, "search": 100, "sort": 300, "timeline": 100, "qt": None, "open": None}
# A katakana prefix, hiragana, half-width kana, an e-mail fragment, a phone fragment in full-width digits.
SEARCH_TERMS = ("ヤ", "ヤマ", "やまだ", "ｻﾄｳ", "kobayashi", "０９０－１２", "１２３４")


class Capture:
    """Records every SELECT sqlite3 runs for our code, to replay it raw as the baseline.

    sqlite3's trace callback sees each statement with its parameters filled in, also
    those a service runs on the driver's cursor directly (``store.rows``), which the
    engine's events never see.
    """

    def __init__(self, engine):
        self.statements: list[tuple[str, tuple]] = []
        self.on = False
        event.listen(engine, "connect", lambda connection, _record: connection.set_trace_callback(self._record))

    def _record(self, statement: str):
        if self.on and statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, ()))

    def __enter__(self):
        self.statements.clear()
        self.on = True
        return self

    def __exit__(self, *_exc):
        self.on = False


def median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def replay(raw: sqlite3.Connection, statements: list[tuple[str, tuple]]) -> None:
    for statement, parameters in statements:
        raw.execute(statement, parameters).fetchall()


class Bench:
    def __init__(self, path: Path, runs: int, plans: bool):
        self.path = path
        self.runs = runs
        self.plans = plans
        self.database = Database(path, make_engine(path))
        self.capture = Capture(self.database.engine)
        self.raw = sqlite3.connect(path)
        self.results: list[tuple[str, str, float, float | None]] = []

    def measure(self, group: str, label: str, function) -> float:
        """Median of the service call; baseline: its captured SQL replayed raw."""
        function()  # warm the page cache once, as a user's second look would
        with self.capture as captured:
            function()
        statements = list(captured.statements)
        figure = median_ms(function, self.runs)
        baseline = median_ms(lambda: replay(self.raw, statements), self.runs) if statements else None
        self.results.append((group, label, figure, baseline))
        target = TARGETS_MS.get(group)
        flag = "" if target is None else ("ok" if figure <= target else "MISS")
        base = f"{baseline:9.1f}" if baseline is not None else "        -"
        ratio = f"{figure / baseline:6.1f}x" if baseline else "      -"
        print(f"  {group:<10} {label:<38} {figure:9.1f} {base} {ratio}  {target or '':>5} {flag}", flush=True)
        if self.plans and (flag == "MISS" or group in ("search", "sort")):
            for statement, parameters in statements[:1]:
                plan = self.raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                for row in plan:
                    print(f"      plan: {row[-1]}")
        return figure

    def screen_calls(self, flt: PersonFilter, sort: str = "furigana", descending: bool = False):
        """What a model reset costs: the ordered ids, then the rows the view paints first."""
        def run():
            with self.database.session() as session:
                ids = participants.list_person_ids(session, flt, sort, descending)
                participants.fetch_list_rows(session, ids[:FIRST_ROWS])
            return ids
        return run

    def run(self, with_qt: bool) -> None:
        print(f"{'':2} {'group':<10} {'operation':<38} {'ms':>9} {'raw ms':>9} {'ratio':>7}  {'target':>5}")
        self.measure("open", "open_database (probe: quick_check)", lambda: open_database(self.path).close())
        self.measure("first rows", "all persons by フリガナ + first 100 rows", self.screen_calls(PersonFilter()))
        for term in SEARCH_TERMS:
            self.measure("search", f"「{term}」", self.screen_calls(PersonFilter(text=term)))
        self.measure("search", "stage 担い手 + tie 出身者", self.screen_calls(PersonFilter(ladder_stage="担い手", tie="出身者")))
        for column in LIST_COLUMNS:
            for descending in (False, True):
                self.measure("sort", f"{column} {'desc' if descending else 'asc'}",
                             self.screen_calls(PersonFilter(), column, descending))
        self.timeline()
        if with_qt:
            self.qt_model()

    def timeline(self) -> None:
        try:
            from kankei_desktop.services.timeline import person_timeline
        except ImportError:
            print("  timeline: services/timeline.py not present yet, skipped")
            return
        busiest = self.raw.execute(
            "SELECT person_id FROM interaction GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        typical = self.raw.execute("SELECT id FROM person ORDER BY furigana_sort LIMIT 1 OFFSET 50000").fetchone()[0]
        count = self.raw.execute("SELECT COUNT(*) FROM interaction WHERE person_id = ?", (busiest,)).fetchone()[0]
        for label, person_id in ((f"busiest person ({count} interactions)", busiest), ("a typical person", typical)):
            def run(person_id=person_id):
                with self.database.session() as session:
                    return person_timeline(session, person_id)
            self.measure("timeline", label, run)

    def qt_model(self) -> None:
        try:
            from PySide6.QtCore import QModelIndex, Qt
            from PySide6.QtWidgets import QApplication

            from kankei_desktop.ui.areas.participants.list_model import PersonListModel
        except ImportError as error:
            print(f"  qt: list model not importable ({error}), skipped")
            return
        app = QApplication.instance() or QApplication([])
        model = PersonListModel(self.database)

        def paint_first_rows():
            for row in range(min(40, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column, QModelIndex()))

        def open_list():
            model.reload()
            paint_first_rows()

        def keystroke():
            model.set_filter(PersonFilter(text="ヤマ"))
            paint_first_rows()

        def sort_column():
            model.sort(5, Qt.SortOrder.DescendingOrder)
            paint_first_rows()

        self.measure("qt", "PersonListModel.reload + paint 40 rows", open_list)
        self.measure("qt", "set_filter「ヤマ」 + paint 40 rows", keystroke)
        self.measure("qt", "sort 最終関わり日 desc + paint 40 rows", sort_column)
        del app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the participants screen's queries.")
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN of search, sort and misses")
    parser.add_argument("--no-qt", action="store_true", help="skip the Qt list model")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} does not exist: run benchmarks/generate.py first.", file=sys.stderr)
        return 2
    persons = sqlite3.connect(args.db).execute("SELECT COUNT(*) FROM person").fetchone()[0]
    print(f"{args.db}: {persons:,} persons, {os.cpu_count()} cores, median of {args.runs} runs (ms)")
    Bench(args.db, args.runs, args.plans).run(with_qt=not args.no_qt)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
