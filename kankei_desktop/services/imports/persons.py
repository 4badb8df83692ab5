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

from kankei_desktop.domain.tables import Enrollment, ProgrammeStage
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import column_by_key, to_note
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.imports.existing import _current_lists, _database_keys, load_person_inputs
from kankei_desktop.services.imports.types import (
    _INPUT_FIELDS,
    _LIST_FIELDS,
    _PERSON_FIELDS,
    CREATE,
    DUPLICATE,
    ERROR,
    NEW,
    SKIP,
    UNCHANGED,
    UPDATE,
    CellMessage,
    ImportPlan,
    PlanRow,
    fresh_ids,
)
from kankei_desktop.services.imports.programmes import ProgrammeFinder
from kankei_desktop.services.participants import PersonInput, validate

_BLANK_VALUES = {  # what a blank cell means, without running the converter
    "text": str, "note": str, "kana": str, "phone": str, "postal": str, "id": str, "address": str,
    "date": lambda: None, "year": lambda: None, "int": lambda: None, "list": list,
}
_NEVER_BLANK = frozenset(("ladder_stage", "contact_ok", "photo_ok"))
_CONVERTERS = {
    "text": cells.to_text, "kana": cells.to_katakana_text, "date": cells.to_date, "phone": cells.to_phone,
    "postal": cells.to_postal_code, "list": cells.split_list, "year": cells.to_fiscal_year,
    "int": cells.to_int, "id": cells.to_text, "address": cells.to_text, "note": to_note,
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
        self.programmes = ProgrammeFinder(session)
        self.stages: dict[str, dict[str, str]] = {}
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
        if "enrollment_id" in self.keys_present:
            wanted = {cells.to_text(raw[i]) for i, key in self.plan.mapping.items() if key == "enrollment_id"
                      for raw in raws if i < len(raw)} - {""}
            self.enrollments = self._load_enrollments(sorted(wanted))
        if "programme" in self.keys_present and self.existing:
            # Without a 参加登録ID, a known person's enrollment is the live one of that programme.
            self.by_pair = self._live_enrollments(sorted(self.existing))
        for row in rows:
            self._person(row)
        self._classify(rows)
        self._unchanged(rows)
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

    def _load_enrollments(self, ids: list[str]) -> dict[str, tuple]:
        found = {}
        for start in range(0, len(ids), 500):
            for row in self.session.execute(
                select(Enrollment.id, Enrollment.programme_id, Enrollment.person_id, Enrollment.stage_id,
                       Enrollment.applied_on, Enrollment.joined_on, Enrollment.notes, Enrollment.deleted_at)
                .where(Enrollment.id.in_(ids[start : start + 500]))
            ):
                found[row[0]] = tuple(row[1:])
        return found

    def _live_enrollments(self, person_ids: list[str]) -> dict[tuple[str, str], tuple]:
        found = {}
        for start in range(0, len(person_ids), 500):
            for row in self.session.execute(
                select(Enrollment.programme_id, Enrollment.person_id, Enrollment.stage_id, Enrollment.applied_on,
                       Enrollment.joined_on, Enrollment.notes, Enrollment.deleted_at)
                .where(Enrollment.person_id.in_(person_ids[start : start + 500]), Enrollment.deleted_at.is_(None))
            ):
                found[(row[0], row[1])] = tuple(row)
        return found

    def _stages(self, programme_id: str) -> dict[str, str]:
        if programme_id not in self.stages:
            self.stages[programme_id] = dict(self.session.execute(
                select(ProgrammeStage.name, ProgrammeStage.id)
                .where(ProgrammeStage.programme_id == programme_id, ProgrammeStage.deleted_at.is_(None))
                .order_by(ProgrammeStage.position)
            ).all())
        return self.stages[programme_id]

    def _enrollment(self, row: PlanRow) -> None:
        fields = row.fields
        name = fields.get("programme", "")
        enrollment_id = fields.get("enrollment_id", "")
        existing = None
        if enrollment_id:
            existing = getattr(self, "enrollments", {}).get(enrollment_id)
            if existing is None or existing[6] is not None:
                state = "削除されています" if existing is not None else "見つかりません（別のデータベースの ID かもしれません）"
                self._error(row, "enrollment_id", f"参加登録ID「{enrollment_id}」の参加登録は{state}。")
                return
            if row.status != UPDATE or existing[1] != row.person_id:
                self._error(row, "enrollment_id", f"参加登録ID「{enrollment_id}」は別の参加者の参加登録です。")
                return
        if not name:
            if existing is not None:
                self._error(row, "programme", "参加登録ID のある行にはプログラムを入力してください。")
            return
        on = fields.get("joined_on") or fields.get("applied_on")
        programme_id, problem = self.programmes.find(name, fields.get("fiscal_year"), on)
        if problem:
            self._error(row, "programme", problem)
            return
        if existing is None and row.status == UPDATE:
            existing = getattr(self, "by_pair", {}).get((programme_id, row.person_id))
        if existing is not None and existing[0] != programme_id:
            self._error(row, "programme", f"参加登録ID「{enrollment_id}」の参加登録は別のプログラムのものです"
                                          "（プログラムを変えるときは、新しい行にしてください）。")
            return
        stages = self._stages(programme_id)
        if not stages:
            self._error(row, "programme", f"プログラム「{name}」には段階がありません。")
            return
        stage_name = fields.get("stage", "")
        if stage_name and stage_name not in stages:
            self._error(row, "stage", f"段階「{stage_name}」はプログラム「{name}」にありません（{'、'.join(stages)}）。")
            return
        for key in ("applied_on", "joined_on"):
            day = fields.get(key)
            if day and day > self.today:
                self._error(row, key, "未来の日付です。")
        row.enrollment = {
            "programme_id": programme_id, "programme": name, "enrollment_id": enrollment_id or None,
            "stage_id": stages[stage_name] if stage_name else next(iter(stages.values())),
            "applied_on": fields.get("applied_on"), "joined_on": fields.get("joined_on"),
            "notes": fields.get("enrollment_notes") if "enrollment_notes" in self.keys_present else None,
        }
        if existing is not None:
            _programme, _person, stage_id, applied_on, joined_on, notes, _deleted = existing
            item = row.enrollment
            if not stage_name:
                item["stage_id"] = stage_id  # a blank ステージ keeps the stage
            before = {"stage_id": stage_id, "applied_on": applied_on, "joined_on": joined_on, "notes": notes}
            after = {"stage_id": item["stage_id"], "applied_on": item["applied_on"] or applied_on,
                     "joined_on": item["joined_on"] or joined_on,
                     "notes": notes if item["notes"] is None else item["notes"]}
            item["changes"] = {k: v for k, v in after.items() if v != before[k]}

    def _unchanged(self, rows: list[PlanRow]) -> None:
        """An update that would leave the person (and the row's enrollment) as stored is 変更なし."""
        updates = [row for row in rows if row.status == UPDATE]
        lists_present = [key for key in _LIST_FIELDS if key in self.keys_present]
        current = {}
        for start in range(0, len(updates), 2000):
            if lists_present:
                current |= _current_lists(self.session, [r.person_id for r in updates[start : start + 2000]])
        for row in updates:
            before = self.existing[row.person_id]
            if any(getattr(before, name) != getattr(row.data, name) for name in _PERSON_FIELDS):
                continue
            if any(sorted(current[row.person_id][key]) != sorted(getattr(row.data, key)) for key in lists_present):
                continue
            item = row.enrollment
            if item is not None and ("changes" not in item or item["changes"]):
                continue
            row.status, row.action = UNCHANGED, SKIP

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
                    # A person in two programmes has a row for each (as the enrollments export writes them).
                    if row.enrollment and first.enrollment and row.data == first.data and (
                            row.enrollment["programme_id"] != first.enrollment["programme_id"]):
                        continue
                    row.status, row.action, row.duplicate_row = ERROR, SKIP, first.number
                    if row.enrollment and first.enrollment and row.data != first.data:
                        self._error(row, "id", f"同じ参加者の {first.number} 行目と参加者の項目が違います。どちらかに揃えてください。")
                    else:
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
