"""Planning an import of persons (and their enrollments): every row converted, checked, classified.

Called by ``imports.build_plan`` once the header row and the column mapping are known. Cells
are converted a column at a time, each converter once per distinct value; rows are then
checked with ``participants.validate`` and sorted into new / update / duplicate / error by the
shared duplicate keys of ``services.duplicates``. Nothing is written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.tables import Programme, ProgrammeStage
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import column_by_key
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.imports import (
    _INPUT_FIELDS,
    _LIST_FIELDS,
    CREATE,
    DUPLICATE,
    ERROR,
    NEW,
    SKIP,
    UPDATE,
    CellMessage,
    ImportPlan,
    PlanRow,
    _database_keys,
    fresh_ids,
    load_person_inputs,
)
from kankei_desktop.services.participants import PersonInput, validate

_BLANK_VALUES = {  # what a blank cell means, without running the converter
    "text": str, "kana": str, "phone": str, "postal": str, "id": str, "address": str,
    "date": lambda: None, "year": lambda: None, "int": lambda: None, "list": list,
}
_NEVER_BLANK = frozenset(("ladder_stage", "contact_ok", "photo_ok"))
_CONVERTERS = {
    "text": cells.to_text, "kana": cells.to_katakana_text, "date": cells.to_date, "phone": cells.to_phone,
    "postal": cells.to_postal_code, "list": cells.split_list, "year": cells.to_fiscal_year,
    "int": cells.to_int, "id": cells.to_text, "address": cells.to_text,
}


_KEEP = object()  # a blank cell leaves the field out (its default, or the stored value, stays)


def _convert_once(convert, value, as_list: bool) -> tuple[bool, object]:
    """(True, stored value) or (False, the reason); a list result kept as a tuple, to be copied."""
    try:
        result = convert(value)
    except ValueError as error:
        return False, str(error)
    return True, tuple(result) if as_list else result


class PersonPlanner:
    def __init__(self, session: Session, plan: ImportPlan, today: date, on_duplicate: str):
        self.session, self.plan, self.today, self.on_duplicate = session, plan, today, on_duplicate
        self.columns = [(i, key, column_by_key(plan.kind, key)) for i, key in sorted(plan.mapping.items())]
        self.keys_present = set(plan.mapping.values())
        self.programmes: dict[tuple, tuple | str] = {}
        self.cells = []  # (column index, field, what a blank cell means, converter, gives a list)
        defaults = PersonInput()
        for index, key, column in self.columns:
            if column.kind == "ignore":
                continue
            if key in _NEVER_BLANK:  # a blank 段階 or 可否 keeps the default (or the stored value)
                blank = _KEEP
            else:
                blank = _BLANK_VALUES.get(column.kind)  # None: the converter reads the blank cell
            if column.kind == "bool":
                default = getattr(defaults, key)
                convert = lambda value, default=default: cells.to_bool(value, default)  # noqa: E731
            else:
                convert = cells.FIELD_CONVERTERS.get(key) or _CONVERTERS[column.kind]
            self.cells.append((index, key, blank, convert, column.kind == "list"))
        self.addresses: dict[str, tuple[str, str]] = {}

    def run(self, data_rows: list[tuple[int, list]]) -> None:
        ids = {cells.to_text(row[i]) for i, key in self.plan.mapping.items() if key == "id"
               for _n, row in data_rows if i < len(row)} - {""}
        self.existing = load_person_inputs(self.session, list(ids))
        new_ids = fresh_ids(len(data_rows))
        rows = [PlanRow(number, NEW, CREATE, person_id) for (number, _raw), person_id in zip(data_rows, new_ids)]
        raws = [raw for _number, raw in data_rows]
        for index, key, blank, convert, as_list in self.cells:
            self._column(rows, raws, index, key, blank, convert, as_list)
        for row in rows:
            self._person(row)
        self._classify(rows)
        self.plan.rows = rows

    def _column(self, rows: list[PlanRow], raws: list[list], index: int, key: str, blank, convert, as_list: bool):
        """One column of every row. Its converter runs once per distinct cell value: a column of
        100,000 cells holds far fewer values (genders, schools, ゆかり, towns, dates), and the
        converters are pure."""
        header = self.plan.headers[index]
        done: dict = {}
        for row, raw in zip(rows, raws):
            value = raw[index] if index < len(raw) else None
            if value is None or value == "" or (type(value) is str and value.isspace()):
                if blank is _KEEP:
                    continue
                if blank is not None:
                    row.fields[key] = blank()
                    continue
            else:
                row.filled.add(key)
            seen = value if type(value) is str else (type(value), value)  # True and 1 convert differently
            try:
                outcome = done.get(seen)
            except TypeError:  # an unhashable cell, which calamine and csv never give
                outcome = _convert_once(convert, value, as_list)
            else:
                if outcome is None:
                    outcome = done[seen] = _convert_once(convert, value, as_list)
            ok, result = outcome
            if ok:
                row.fields[key] = list(result) if as_list else result
            else:
                row.messages.append(CellMessage(row.number, header, result, index))

    def _person(self, row: PlanRow) -> None:
        fields = row.fields
        self._address(row)
        base = PersonInput()
        person_id = fields.pop("id", "") or ""
        if person_id:
            if person_id not in self.existing:
                self._error(row, "id", f"ID「{person_id}」の参加者が見つかりません（削除されたか、別のデータベースの ID です）。")
            else:
                row.person_id, row.status, row.action = person_id, UPDATE, UPDATE
                base = self.existing[person_id]
        # The converters already give the stored form (participants.normalise is too slow for
        # 100,000 rows because of dataclasses.asdict); lists only need their repeats removed.
        person_values = {k: v for k, v in fields.items() if k in _INPUT_FIELDS}
        for key in _LIST_FIELDS:
            if key in person_values:
                person_values[key] = list(dict.fromkeys(person_values[key]))
        if person_id:
            for key, message in cells.keep_cp932_originals(base, person_values).items():
                self._error(row, key, message)
        data = replace(base, **person_values) if person_id else PersonInput(**person_values)
        for key, message in validate(data, self.today).items():
            self._error(row, key, message)
        row.data = data
        if "programme" in self.keys_present:
            self._enrollment(row)
        if row.messages:
            row.status, row.action = ERROR, SKIP

    def _address(self, row: PlanRow) -> None:
        address = row.fields.pop("address", None)
        if address is None:
            return
        if "prefecture" in self.keys_present or "address_line" in self.keys_present:
            row.fields.setdefault("address_line", address)
            return
        split = self.addresses.get(address)
        if split is None:
            split = self.addresses[address] = cells.split_address(address)
        prefecture, rest = split
        row.fields["prefecture"], row.fields["address_line"] = prefecture, rest
        if "address" in row.filled:
            row.filled |= {"prefecture", "address_line"}

    def _error(self, row: PlanRow, key: str, message: str) -> None:
        index = next((i for i, k in self.plan.mapping.items() if k == key), None)
        header = self.plan.headers[index] if index is not None else column_by_key(self.plan.kind, key).header
        row.messages.append(CellMessage(row.number, header, message, index))

    def _enrollment(self, row: PlanRow) -> None:
        name = row.fields.get("programme", "")
        if not name:
            return
        year = row.fields.get("fiscal_year")
        found = self._programme(name, year)
        if isinstance(found, str):
            self._error(row, "programme", found)
            return
        programme_id, stages = found
        stage_name = row.fields.get("stage", "")
        if stage_name and stage_name not in stages:
            self._error(row, "stage", f"段階「{stage_name}」はプログラム「{name}」にありません（{'、'.join(stages)}）。")
            return
        for key in ("applied_on", "joined_on"):
            day = row.fields.get(key)
            if day and day > self.today:
                self._error(row, key, "未来の日付です。")
        row.enrollment = {
            "programme_id": programme_id, "programme": name,
            "stage_id": stages[stage_name] if stage_name else next(iter(stages.values())),
            "applied_on": row.fields.get("applied_on"), "joined_on": row.fields.get("joined_on"),
        }

    def _programme(self, name: str, year: int | None):
        key = (name, year)
        if key not in self.programmes:
            statement = select(Programme.id, Programme.fiscal_year).where(
                Programme.name == name, Programme.deleted_at.is_(None))
            if year is not None:
                statement = statement.where(Programme.fiscal_year == year)
            found = self.session.execute(statement).all()
            label = f"{year}年度の" if year else ""
            if not found:
                self.programmes[key] = f"{label}プログラム「{name}」が見つかりません。"
            elif len(found) > 1:
                years = "、".join(str(y) for _i, y in found)
                self.programmes[key] = f"プログラム「{name}」は複数の年度（{years}）にあります。「年度」の列で指定してください。"
            else:
                stages = dict(self.session.execute(
                    select(ProgrammeStage.name, ProgrammeStage.id)
                    .where(ProgrammeStage.programme_id == found[0][0], ProgrammeStage.deleted_at.is_(None))
                    .order_by(ProgrammeStage.position)
                ).all())
                self.programmes[key] = (found[0][0], stages) if stages else f"プログラム「{name}」には段階がありません。"
        return self.programmes[key]

    def _classify(self, rows: list[PlanRow]) -> None:
        row_keys = {}
        kana = set()
        for row in rows:
            if row.status != ERROR:
                d = row.data
                row_keys[row.number] = keys = duplicate_key_sets(d.furigana, d.birth_date, d.email, d.phone, d.postal_code)
                kana.update(k[1] for k in keys)
        in_db = _database_keys(self.session, kana)
        in_file: dict[tuple, PlanRow] = {}
        by_id: dict[str, PlanRow] = {}
        for row in rows:
            if row.status == ERROR:
                continue
            if row.status == UPDATE:
                if row.person_id in by_id:
                    first = by_id[row.person_id]
                    row.status, row.action, row.duplicate_row = ERROR, SKIP, first.number
                    self._error(row, "id", f"同じ ID の行が {first.number} 行目にもあります。")
                    continue
                by_id[row.person_id] = row
            keys = row_keys[row.number]
            if row.status == NEW:
                matches = sorted({pid for key in keys for pid in in_db.get(key, ())})
                if matches:
                    row.status, row.duplicate_ids = DUPLICATE, matches
                else:
                    earlier = next((in_file[key] for key in keys if key in in_file), None)
                    if earlier is not None:
                        row.status, row.duplicate_row = DUPLICATE, earlier.number
                if row.status == DUPLICATE:
                    row.action = self.on_duplicate
            for key in keys:
                in_file.setdefault(key, row)
