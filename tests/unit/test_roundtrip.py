"""Every export re-imports, for every kind services/records.py declares, on the demo file.

Driven by the declarations: a kind declared with an export builder and an
importer is tried here without a line of its own. On the demo data (two fiscal
years, programme names repeating in both):

- re-imported unchanged: 0 errors, 0 new, every row 変更なし, and the dry run's counts
  equal the real run's;
- one free-text cell changed by openpyxl (as Excel or LibreOffice saves it), with a line
  break and a full-width space: exactly one update, stored as typed, and a new export of
  it re-imports unchanged again.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pg_support
import pytest
from sqlalchemy import text

from kankei_desktop.io.readers import read_table
from kankei_desktop.services import demo, exports, imports
from kankei_desktop.services.records import RECORDS, kinds
from kankei_desktop.store import open_database

ROUND_TRIP = [k for k in kinds(importable=True, exportable=True)]
EDITED = "一行目の　メモ\n二行目（全角の空白も そのまま）"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    database = pg_support.create(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    with database.session() as session:
        demo.load_demo_data(session)
    database.close()
    return database.path


@pytest.fixture
def database(demo_file, tmp_path):
    db = open_database(pg_support.copy(demo_file, tmp_path / "copy.sqlite3"))
    yield db
    db.close()


def _export(database, kind: str, out: Path) -> Path:
    with database.session() as session:
        exports.export(session, kind, out)
    return out


def _plan_and_commit(database, path: Path, kind: str, dry_only: bool = False):
    table = read_table(path)
    with database.session() as session:
        plan = imports.build_plan(session, table, kind=kind)
        counts = plan.counts()
        if dry_only:
            session.rollback()
            return plan, counts, None
        result = imports.commit_plan(session, plan)
    return plan, counts, result


EDITED_NUMBER = 77.25  # a kind without free text (独自指標の値): its number is edited


def _note_column(kind: str, headers: list[str]) -> int:
    """The first free-text (multi-line) column of the kind that its export writes, else its first number."""
    notes = [c.header for c in RECORDS[kind].columns if c.kind == "note"]
    notes = notes or [c.header for c in RECORDS[kind].columns if c.kind == "number"]
    return next(i for i, h in enumerate(headers) if h in notes)


def _edited(kind: str):
    return EDITED if any(c.kind == "note" for c in RECORDS[kind].columns) else EDITED_NUMBER


def _row_to_edit(kind: str, sheet, headers: list[str]) -> int:
    """A row whose record has only that row (a stay of one person), so one edit is one record."""
    if kind not in ("stays",):
        return 2
    at = headers.index("滞在ID")
    ids = Counter(row[at] for row in sheet.iter_rows(min_row=2, values_only=True))
    return next(n for n, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), 2) if ids[row[at]] == 1)


def _live_values(database, kind: str, column: str) -> list:
    table = RECORDS[kind].table.__tablename__
    with database.session() as session:
        return sorted(session.execute(text(
            f"SELECT {column} FROM {table} WHERE deleted_at IS NULL AND {column} = :v"),
            {"v": _edited(kind)}).scalars())


def test_every_exportable_kind_is_tried():
    assert {"persons", "enrollments", "stays", "letters", "shipments", "interactions", "hosts",
            "indicator_values"} <= set(ROUND_TRIP)


@pytest.mark.parametrize("kind", ROUND_TRIP)
def test_an_export_re_imports_unchanged_and_one_edit_is_one_update(database, kind, tmp_path):
    path = _export(database, kind, tmp_path / f"{kind}.xlsx")
    rows = read_table(path).rows
    assert len(rows) > 1, "the demo has records of every kind"

    _plan, dry, _ = _plan_and_commit(database, path, kind, dry_only=True)
    assert dry[imports.ERROR] == 0 and dry[imports.NEW] == 0 and dry[imports.UPDATE] == 0
    assert dry[imports.UNCHANGED] == len(rows) - 1
    _plan, counts, result = _plan_and_commit(database, path, kind)
    assert counts == dry
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(rows) - 1)

    # One cell changed as a spreadsheet program saves it.
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    column = _note_column(kind, headers)
    row = _row_to_edit(kind, sheet, headers)
    sheet.cell(row=row, column=column + 1, value=_edited(kind))
    edited = tmp_path / f"{kind}-edited.xlsx"
    book.save(edited)

    _plan, dry, _ = _plan_and_commit(database, edited, kind, dry_only=True)
    assert (dry[imports.ERROR], dry[imports.NEW], dry[imports.UPDATE]) == (0, 0, 1)
    _plan, counts, result = _plan_and_commit(database, edited, kind)
    assert counts == dry
    assert (result.created, result.updated, result.unchanged) == (0, 1, len(rows) - 2)

    # Stored exactly as typed (line break and full-width space), and it comes back unchanged.
    field = next(c.key for c in RECORDS[kind].columns if c.header == headers[column])
    stored = {"purpose": "purpose", "enrollment_notes": "notes"}.get(field, field)
    assert _live_values(database, kind, stored) == [_edited(kind)]
    again = _export(database, kind, tmp_path / f"{kind}-again.xlsx")
    _plan, dry, _ = _plan_and_commit(database, again, kind, dry_only=True)
    assert dry[imports.UNCHANGED] == len(rows) - 1 and dry[imports.UPDATE] == 0


@pytest.mark.parametrize("kind", ROUND_TRIP)
def test_a_csv_export_re_imports_unchanged_too(database, kind, tmp_path):
    with database.session() as session:
        session.execute(text("UPDATE person SET notes = :n WHERE id = (SELECT min(id) FROM person)"),
                        {"n": EDITED})  # a line break inside a quoted CSV field
    path = _export(database, kind, tmp_path / f"{kind}.csv")
    rows = read_table(path).rows
    _plan, dry, _ = _plan_and_commit(database, path, kind, dry_only=True)
    assert (dry[imports.ERROR], dry[imports.NEW], dry[imports.UPDATE]) == (0, 0, 0)
    assert dry[imports.UNCHANGED] == len(rows) - 1
