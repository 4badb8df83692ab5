"""Importing persons (and their enrollments) from a spreadsheet: plan, then commit.

``build_plan`` reads nothing but the table and the database: it finds the
header row below any title rows, maps the columns (saved mapping for this
shape of file, else the documented header variants), normalises and validates
every row and sorts it into new / update (an ID column matched) / duplicate
(the shared rule of ``services.duplicates``, inside the file and against the
database) / error. The coordinator then picks skip / update / create per row
or per status, and ``commit_plan`` writes everything in the caller's single
transaction with Core executemany, so a failure or a cancel leaves nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import ACTIVITY_KINDS, KINDS, auto_mapping, detect_kind, header_signature
from kankei_desktop.io.readers import MAX_COLUMNS, ImportFileError, RawTable
from kankei_desktop.services.imports.activities import ActivityPlanner
from kankei_desktop.services.imports.mapping import (
    _check_mapping,
    detect_header_row,
    load_saved_mapping,
    resolve_header_mapping,
)
from kankei_desktop.services.imports.persons import PersonPlanner
from kankei_desktop.services.imports.types import SKIP, ImportPlan
from kankei_desktop.services.memory import gc_paused


def _table_width(rows: list[list]) -> int:
    width = 0
    for row in rows:
        for index in range(len(row) - 1, width - 1, -1):
            if not cells.is_blank(row[index]):
                width = index + 1
                break
    return width


def build_plan(
    session: Session,
    table: RawTable,
    *,
    kind: str | None = None,
    mapping: dict[int, str] | None = None,
    header_mapping: dict[str, str] | None = None,
    header_row: int | None = None,
    on_duplicate: str = SKIP,
    today: date | None = None,
) -> ImportPlan:
    """Read, map, normalise, validate and classify every row; writes nothing."""
    with gc_paused():
        return _build_plan(session, table, kind, mapping, header_mapping, header_row, on_duplicate, today)


def _build_plan(session, table, kind, mapping, header_mapping, header_row, on_duplicate, today) -> ImportPlan:
    name = Path(table.source).name
    if not any(any(not cells.is_blank(v) for v in row) for row in table.rows):
        raise ImportFileError(f"「{name}」のシート「{table.sheet}」には何も入力されていません。")
    width = _table_width(table.rows)
    if width > MAX_COLUMNS:
        raise ImportFileError(
            f"「{name}」のシート「{table.sheet}」は {width} 列あり、参加者の一覧としては多すぎます（上限 {MAX_COLUMNS} 列）。"
            "取り込む列だけのシートにしてください。"
        )
    if kind is None:
        kind = detect_kind(table.rows)  # None: persons or enrollments, decided by the mapping below
    if kind is not None and kind not in KINDS:
        raise KankeiError(f"取り込みの種類「{kind}」はありません（{'、'.join(KINDS)}）。")
    activity = kind in ACTIVITY_KINDS
    if header_row is not None:
        index = header_row - 1
    else:
        index = detect_header_row(table.rows, kind if activity else "enrollments")
    headers = [cells.to_text(v) for v in table.rows[index]] + [""] * (width - len(table.rows[index]))
    headers = [h or f"（{i + 1}列目）" for i, h in enumerate(headers[:width])]
    source = "manual"
    if header_mapping is not None:
        mapping, source = resolve_header_mapping(header_mapping, headers, kind if activity else "enrollments"), "file"
    if mapping is None:
        saved = load_saved_mapping(session, headers)
        mapping, source = (saved, "saved") if saved else (auto_mapping(headers, kind if activity else "enrollments"), "auto")
    if kind is None:
        kind = "enrollments" if "programme" in mapping.values() else "persons"
    mapping = {i: key for i, key in mapping.items() if any(c.key == key for c in KINDS[kind]) and i < width}
    _check_mapping(mapping, headers, kind)
    data_rows, summary_rows = cells.split_rows(table.rows[index + 1 :], index + 2, headers)
    if not data_rows:
        raise ImportFileError(f"「{name}」のシート「{table.sheet}」には見出しの行だけで、データの行がありません。")
    plan = ImportPlan(kind, table.source, table.sheet, table.encoding, index + 1, headers, dict(mapping),
                      header_signature(headers), [], source)
    plan.notes.extend(getattr(table, "notes", ()))
    plan.summary_rows = summary_rows
    if summary_rows:
        plan.notes.append(cells.summary_note(summary_rows))
    unmapped = [headers[i] for i in range(width) if i not in mapping and not headers[i].startswith("（")]
    if unmapped:
        plan.notes.append(f"取り込まない列: {'、'.join(unmapped)}")
    if activity:
        ActivityPlanner(session, plan, today or date.today()).run(data_rows)
    else:
        PersonPlanner(session, plan, today or date.today(), on_duplicate).run(data_rows)
    return plan
