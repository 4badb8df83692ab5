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

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import ImportMapping, Person, utc_now
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import ACTIVITY_KINDS, KINDS, auto_mapping, column_by_key, detect_kind, header_signature
from kankei_desktop.io.readers import MAX_COLUMNS, ImportFileError, RawTable
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.memory import gc_paused
from kankei_desktop.services.participants import LIST_FIELDS, PERSON_FIELDS, PersonInput

NEW, UPDATE, UNCHANGED, DUPLICATE, ERROR = "new", "update", "unchanged", "duplicate", "error"
# 変更なし: an ID column matched a record that the row would leave exactly as it is (a re-imported export).
STATUS_LABELS = {NEW: "新規", UPDATE: "更新", UNCHANGED: "変更なし", DUPLICATE: "重複", ERROR: "エラー"}
CREATE, SKIP = "create", "skip"
ACTION_LABELS = {CREATE: "新規登録", UPDATE: "更新", SKIP: "取り込まない"}
HEADER_SEARCH_ROWS = 30
CHUNK = 2000

_PERSON_FIELDS, _LIST_FIELDS = PERSON_FIELDS, LIST_FIELDS  # the person field list (services.participants)
_INPUT_FIELDS = frozenset((*_PERSON_FIELDS, *_LIST_FIELDS))
_ENROLLMENT_KEYS = ("enrollment_id", "programme", "fiscal_year", "stage", "applied_on", "joined_on", "enrollment_notes")


class ImportCancelled(KankeiError):
    pass


# Byte maps that set the version (4) and variant (RFC 4122) bits of a random UUID.
_UUID_VERSION = bytes((b & 0x0F) | 0x40 for b in range(256))
_UUID_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))


def fresh_ids(count: int) -> list[str]:
    """``count`` random ids in ``new_id``'s form (version-4 UUID text) from one urandom call:
    ``uuid.uuid4()`` one at a time costs more than SQLite's insert of the row."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_UUID_VERSION)
    raw[8::16] = raw[8::16].translate(_UUID_VARIANT)
    text = raw.hex()
    return [f"{text[i:i + 8]}-{text[i + 8:i + 12]}-{text[i + 12:i + 16]}-{text[i + 16:i + 20]}-{text[i + 20:i + 32]}"
            for i in range(0, 32 * count, 32)]


@dataclass
class CellMessage:
    row: int  # the sheet's row number, as Excel shows it
    column: str  # the header as written in the file
    message: str
    column_index: int | None = None

    def text(self) -> str:
        where = f"「{self.column}」" if self.column else ""
        return f"{self.row} 行目{where}: {self.message}"


@dataclass
class PlanRow:
    number: int
    status: str
    action: str
    person_id: str  # the record it writes: an existing id, or a new one chosen now
    data: PersonInput | None = None
    fields: dict = field(default_factory=dict)  # converted values of the mapped columns
    filled: set = field(default_factory=set)  # fields whose cell was not blank
    messages: list[CellMessage] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    duplicate_row: int | None = None
    enrollment: dict | None = None

    @property
    def name(self) -> str:
        return self.data.name if self.data else normalise_spaces(str(self.fields.get("name", "")))

    def choices(self) -> list[str]:
        """Actions that make sense for this row."""
        if self.status in (ERROR, UNCHANGED):
            return [SKIP]
        if self.status == UPDATE:
            return [UPDATE, SKIP]
        if self.status == DUPLICATE:
            return [SKIP, UPDATE, CREATE]
        return [CREATE, SKIP]


@dataclass
class ImportPlan:
    kind: str
    source: str
    sheet: str
    encoding: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    signature: str
    rows: list[PlanRow]
    mapping_source: str = "auto"  # auto, saved, file, manual
    notes: list[str] = field(default_factory=list)
    summary_rows: list[tuple[int, str]] = field(default_factory=list)  # 集計行 (合計, 33名 …): not records

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUS_LABELS, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def set_action(self, index: int, action: str) -> None:
        row = self.rows[index]
        if action not in row.choices():
            raise KankeiError(f"{row.number} 行目は「{ACTION_LABELS.get(action, action)}」にできません。")
        row.action = action

    def set_action_for_status(self, status: str, action: str) -> int:
        changed = 0
        for row in self.rows:
            if row.status == status and action in row.choices():
                row.action = action
                changed += 1
        return changed

    def header_of(self, key: str) -> str:
        for index, mapped in self.mapping.items():
            if mapped == key:
                return self.headers[index]
        return column_by_key(self.kind, key).header


@dataclass
class ImportResult:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    enrolled: int = 0
    problems: list[CellMessage] = field(default_factory=list)  # skipped and error rows with reasons
    backup: Path | None = None
    kind: str = "persons"

    def summary(self) -> str:
        if self.kind in ACTIVITY_KINDS:
            return (f"新規 {self.created:,} 件、更新 {self.updated:,} 件、変更なし {self.unchanged:,} 件、"
                    f"取り込まない {self.skipped:,} 件")
        return (
            f"新規 {self.created:,} 件、更新 {self.updated:,} 件、変更なし {self.unchanged:,} 件、"
            f"取り込まない {self.skipped:,} 件、参加登録 {self.enrolled:,} 件"
        )


# ---------------------------------------------------------------- header and mapping


def detect_header_row(rows: list[list], kind: str = "enrollments") -> int:
    """0-based index of the header row: the row (of the first 30) naming the most known columns."""
    best, best_score = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len(auto_mapping(row, kind))
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(not cells.is_blank(value) for value in row) >= 2:
            return index
    raise ImportFileError("見出しの行が見つかりません（最初の 30 行に、2 つ以上の列見出しが並んだ行がありません）。")


def load_saved_mapping(session: Session, headers: list) -> dict[int, str] | None:
    saved = session.execute(
        select(ImportMapping.mapping_json)
        .where(ImportMapping.signature == header_signature(headers), ImportMapping.deleted_at.is_(None))
        .order_by(ImportMapping.updated_at.desc())
    ).scalars().first()
    if saved is None:
        return None
    by_header = json.loads(saved)
    return {i: by_header[str(h)] for i, h in enumerate(headers) if str(h) in by_header and by_header[str(h)]}


def save_mapping(session: Session, headers: list, mapping: dict[int, str], name: str = "") -> None:
    signature = header_signature(headers)
    body = json.dumps({str(headers[i]): key for i, key in mapping.items()}, ensure_ascii=False)
    existing = session.execute(
        select(ImportMapping).where(ImportMapping.signature == signature, ImportMapping.deleted_at.is_(None))
    ).scalars().first()
    if existing is None:
        session.add(ImportMapping(signature=signature, name=name[:100], mapping_json=body))
    else:
        existing.mapping_json = body
        existing.updated_at = utc_now()


def mapping_from_file(path: Path) -> dict[str, str]:
    """A mapping file: JSON {"見出し": "氏名" (a documented header) or "name" (a field key), …}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise KankeiError(f"対応表ファイル「{path}」を読めません（{error}）。") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise KankeiError(f"対応表ファイル「{path}」は {{\"見出し\": \"項目\"}} の形の JSON にしてください。")
    return {str(k): v for k, v in data.items()}


def resolve_header_mapping(by_header: dict[str, str], headers: list[str], kind: str = "enrollments") -> dict[int, str]:
    """Column index → field key from {header: documented header or field key}; unknown targets refused."""
    by_label = {c.header: c.key for c in KINDS[kind]} | {c.key: c.key for c in KINDS[kind]}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = by_header.get(str(header))
        if not target:
            continue
        if target not in by_label:
            raise KankeiError(f"列の対応「{header}」→「{target}」: 「{target}」という項目はありません。")
        mapping[index] = by_label[target]
    return mapping


def _check_mapping(mapping: dict[int, str], headers: list[str], kind: str = "persons") -> None:
    seen: dict[str, int] = {}
    for index, key in mapping.items():
        if key in seen:
            raise KankeiError(
                f"列「{headers[seen[key]]}」と列「{headers[index]}」が同じ項目に対応しています。どちらか一方にしてください。"
            )
        seen[key] = index
    if kind == "indicator_values":
        if "indicator" not in seen and "id" not in seen:
            raise KankeiError("「指標」の列が見つかりません。列の対応で、指標名の列を指定してください。")
        return
    if kind == "hosts":
        if "name" not in seen and "id" not in seen:
            raise KankeiError("「名称」の列が見つかりません。列の対応で、受入先の名称の列を指定してください。")
        return
    if kind in ACTIVITY_KINDS:
        if "person_id" not in seen and "person_name" not in seen and "id" not in seen:
            raise KankeiError("参加者ID か氏名の列が見つかりません。列の対応で、参加者を示す列を指定してください。")
        return
    if "name" not in seen and "id" not in seen:
        raise KankeiError("「氏名」の列が見つかりません。列の対応で、氏名の列を指定してください。")


# ---------------------------------------------------------------- the plan


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
        from kankei_desktop.services.imports_activities import ActivityPlanner

        ActivityPlanner(session, plan, today or date.today()).run(data_rows)
    else:
        from kankei_desktop.services.imports_plan import PersonPlanner

        PersonPlanner(session, plan, today or date.today(), on_duplicate).run(data_rows)
    return plan


def _database_keys(session: Session, kana: set[str]) -> dict[tuple, list[str]]:
    """Duplicate keys of live persons whose folded フリガナ occurs in the file."""
    columns = (Person.id, Person.furigana, Person.birth_date, Person.email, Person.phone, Person.postal_code)
    found: dict[tuple, list[str]] = {}
    if not kana:
        return found
    if len(kana) > 5000:  # one pass over the table beats hundreds of IN lists
        batches = [select(*columns, Person.furigana_sort).where(Person.deleted_at.is_(None))]
    else:
        ordered = sorted(kana)
        batches = [select(*columns, Person.furigana_sort).where(
            Person.deleted_at.is_(None), Person.furigana_sort.in_(ordered[i : i + 500]))
            for i in range(0, len(ordered), 500)]
    for statement in batches:
        for person_id, *values, sort_key in session.execute(statement):
            if sort_key not in kana:
                continue
            for key in duplicate_key_sets(*values):
                found.setdefault(key, []).append(person_id)
    return found


def load_person_inputs(session: Session, person_ids: list[str]) -> dict[str, PersonInput]:
    """Live persons as PersonInput (without ties and tags), read in chunks."""
    result: dict[str, PersonInput] = {}
    columns = [getattr(Person, name) for name in _PERSON_FIELDS]
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        for person_id, *values in session.execute(
            select(Person.id, *columns).where(Person.id.in_(chunk), Person.deleted_at.is_(None))
        ):
            result[person_id] = PersonInput(**dict(zip(_PERSON_FIELDS, values)))
    return result


from kankei_desktop.services.imports_commit import (  # noqa: E402  (they build on the names above)
    commit_plan,
    preview_table,
    report_table,
    write_report,
)

__all__ = [
    "ACTION_LABELS", "CREATE", "DUPLICATE", "ERROR", "NEW", "SKIP", "STATUS_LABELS", "UNCHANGED", "UPDATE",
    "CellMessage", "ImportCancelled", "ImportPlan", "ImportResult", "PlanRow", "build_plan",
    "commit_plan", "detect_header_row", "load_saved_mapping", "mapping_from_file", "preview_table",
    "report_table", "resolve_header_mapping", "save_mapping", "write_report",
]
