"""The shared row machinery of the activity imports (activities.py): one sheet row, the lookups of
persons, hosts and programmes by name, and reading a row's cells into fields and messages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import Host, Person
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import KIND_LABELS, to_note
from kankei_desktop.services.imports.programmes import ProgrammeFinder
from kankei_desktop.services.records import RECORDS
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.imports.existing import _database_keys
from kankei_desktop.services.imports.types import UPDATE, CellMessage, PlanRow
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.services.participants import validate as validate_person

_CONVERTERS = {"text": cells.to_text, "date": cells.to_date, "int": cells.to_int, "id": cells.to_text,
               "kana": cells.to_katakana_text, "phone": cells.to_phone, "note": to_note,
               "year": cells.to_fiscal_year, "postal": cells.to_postal_code,
               "number": lambda value: None if cells.is_blank(value) else value,  # read by the service
               "bool": lambda value: None if cells.is_blank(value) else cells.to_bool(value, False)}


@dataclass
class ActivityRow(PlanRow):
    label: str = ""
    group: list[int] | None = None  # stays: the sheet rows that make one stay (see _group_stays)
    members: list[ActivityRow] | None = None  # stays: those rows themselves, the first one leads
    new_person: PersonInput | None = None  # stays: an unknown person registered with the stay
    reply_to_row: ActivityRow | None = None  # letters: the original is an earlier row of the file
    written_id: str | None = None  # the record this row wrote (in the plan's check, then the commit)
    changed: bool = True  # an update that the service found to change nothing is 変更なし

    @property
    def name(self) -> str:
        return self.label


class _Lookups:
    """Persons, hosts and programmes by name, read once per plan."""

    def __init__(self, session: Session):
        self.session = session
        self._hosts: dict[str, list[str]] | None = None
        self._programmes: ProgrammeFinder | None = None

    def person(self, person_id: str, name: str) -> tuple[str | None, str, str]:
        """(id or None, name for messages, problem)."""
        if person_id:
            found = self.session.execute(select(Person.name, Person.deleted_at).where(Person.id == person_id)).first()
            if found is None:
                return None, "", f"ID「{person_id}」の参加者が見つかりません（別のデータベースの ID かもしれません）。"
            if found[1] is not None:
                return None, found[0], f"参加者「{found[0]}」は削除されています。"
            return person_id, found[0], ""
        name = normalise_spaces(name)
        if not name:
            return None, "", "参加者ID か氏名を入力してください。"
        ids = list(self.session.execute(
            select(Person.id).where(Person.name == name, Person.deleted_at.is_(None))).scalars())
        if not ids:
            return None, name, (f"参加者「{name}」が見つかりません。先に参加者として登録するか、"
                                "参加者ID の列で指定してください。")
        if len(ids) > 1:
            return None, name, f"「{name}」という参加者が {len(ids)} 人います。参加者ID の列で指定してください。"
        return ids[0], name, ""

    def host(self, name: str) -> tuple[str | None, str]:
        if self._hosts is None:
            self._hosts = {}
            for host_id, host_name in self.session.execute(
                    select(Host.id, Host.name).where(Host.deleted_at.is_(None))):
                self._hosts.setdefault(normalise_spaces(host_name), []).append(host_id)
        found = self._hosts.get(normalise_spaces(name), [])
        if not found:
            return None, f"受入先「{name}」が見つかりません（受入先の一覧の名前と同じにしてください）。"
        if len(found) > 1:
            return None, f"「{name}」という受入先が {len(found)} 件あります。名前を区別してください。"
        return found[0], ""

    def programme(self, name: str, year: int | None = None, on: date | None = None) -> tuple[str | None, str]:
        if self._programmes is None:
            self._programmes = ProgrammeFinder(self.session)
        return self._programmes.find(name, year, on)


class ActivityCells:
    """Reads a row's cells and names; a mixin of ``ActivityPlanner``, which sets ``self.session``,
    ``self.plan``, ``self.today``, ``self.lookups``, ``self.columns`` and ``self.present``."""

    def _fields(self, row: ActivityRow, raw: list) -> None:
        for index, key, column in self.columns:
            value = raw[index] if index < len(raw) else None
            if not cells.is_blank(value):
                row.filled.add(key)
            try:
                row.fields[key] = (cells.FIELD_CONVERTERS.get(key) or _CONVERTERS[column.kind])(value)
            except ValueError as error:
                row.messages.append(CellMessage(row.number, self.plan.headers[index], str(error), index))

    def _error(self, row: PlanRow, key: str, message: str) -> None:
        index = next((i for i, k in self.plan.mapping.items() if k == key), None)
        if index is None and key == "person_id":  # named by 氏名 instead
            index = next((i for i, k in self.plan.mapping.items() if k == "person_name"), None)
        header = self.plan.headers[index] if index is not None else ""
        row.messages.append(CellMessage(row.number, header, message, index))

    def _person(self, row: ActivityRow) -> str | None:
        person_id, name, problem = self.lookups.person(row.fields.get("person_id", ""),
                                                       row.fields.get("person_name", ""))
        row.label = row.label or name
        if problem and person_id is None and self._new_person(row, problem):
            return None
        if problem:
            self._error(row, "person_id", problem)
        return person_id

    def _new_person(self, row: ActivityRow, problem: str) -> bool:
        """An unknown person with フリガナ and a phone or e-mail is registered by the person rules."""
        f = row.fields
        if self.plan.kind not in ("stays", "interactions") or row.fields.get("person_id") or "見つかりません" not in problem:
            return False
        if not (f.get("person_name") and f.get("furigana") and (f.get("phone") or f.get("email"))):
            return False
        data = PersonInput(name=normalise_spaces(f["person_name"]), furigana=f["furigana"],
                           phone=f.get("phone", ""), email=f.get("email", ""))
        for key, message in validate_person(data, self.today).items():
            self._error(row, {"name": "person_name"}.get(key, key), message)
        keys = duplicate_key_sets(data.furigana, data.birth_date, data.email, data.phone, data.postal_code)
        known = _database_keys(self.session, {k[1] for k in keys})
        matches = sorted({pid for key in keys for pid in known.get(key, ())})
        if matches:
            self._error(row, "person_id", f"登録済みの参加者と同じ人と思われます（ID: {', '.join(matches)}）。"
                                          "参加者ID の列で指定してください。")
        row.new_person, row.label = data, f"{data.name}（新規の参加者）"
        return True

    def _ref(self, row: ActivityRow, key: str, finder) -> str | None:
        name = row.fields.get(key, "")
        if not name:
            return None
        found, problem = finder(name)
        if problem:
            self._error(row, key, problem)
        return found

    def _programme(self, row: ActivityRow, data) -> str | None:
        """The row's programme: by name, and 年度 or else the fiscal year of the row's own date."""
        name = row.fields.get("programme", "")
        if not name:
            return None
        on = next((getattr(data, f) for f in RECORDS[self.plan.kind].programme_date if getattr(data, f, None)), None)
        found, problem = self.lookups.programme(name, row.fields.get("fiscal_year"), on)
        if problem:
            self._error(row, "programme", problem)
        return found

    def _existing_id(self, row: ActivityRow, loader) -> None:
        record_id = row.fields.get("id", "")
        if not record_id:
            return
        try:
            row.base = loader(self.session, record_id)
        except KankeiError:
            self._error(row, "id", f"ID「{record_id}」の{KIND_LABELS[self.plan.kind]}が見つかりません（削除されたか、別のデータベースの ID です）。")
            return
        row.person_id, row.status, row.action = record_id, UPDATE, UPDATE

    def _take(self, row: ActivityRow, base, names: dict[str, str]):
        """``base`` with every mapped column laid over it (a blank mapped cell clears the field)."""
        values = {field: row.fields[key] for key, field in names.items() if key in row.fields}
        if getattr(row, "base", None) is not None:  # an update: a ? that replaced a stored character is refused
            for field, message in cells.keep_cp932_originals(base, values).items():
                self._error(row, next(key for key, name in names.items() if name == field), message)
        return replace(base, **values)
