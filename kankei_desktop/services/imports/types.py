"""The words and shapes every part of an import shares: row statuses and actions, a cell's message,
a planned row, the plan, the result. Nothing here reads the database, so the planners and the
commit can all build on it without importing one another."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.io.columns import ACTIVITY_KINDS, column_by_key
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
