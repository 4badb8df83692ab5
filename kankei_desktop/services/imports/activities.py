"""Importing stays, shipments, letters, interactions, hosts and custom indicator values: the same
plan → commit flow as persons.

Each row becomes the service's own input (``StayInput``, ``ShipmentInput``,
``LetterInput``) and is checked by really writing it with the service's
create/update function inside a savepoint that is rolled back afterwards. So
an imported row obeys exactly the rules of a row typed into the window, and
every row is checked against the rows above it in the same file (two rows that
overlap, or that fill a lodging beyond its capacity together, are refused).
``commit_activity_plan`` writes the rows again in the caller's transaction and
refuses the whole file while any row has an error: all or nothing. Several rows
of a stays sheet can be one stay of several persons (``stay_groups.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.enums import Carrier, LetterDirection, LetterStatus, ShipmentStatus, StayStatus
from kankei_desktop.domain.errors import KankeiError, NotFoundError, ValidationError
from kankei_desktop.domain.tables import Host, Person
from kankei_desktop.domain.text import normalise_postal_code, normalise_spaces
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import KIND_LABELS, column_by_key, to_note
from kankei_desktop.services import hosts, indicators, interactions, letters, shipments, stays
from kankei_desktop.services.imports.programmes import ProgrammeFinder
from kankei_desktop.services.records import RECORDS
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.imports.existing import _database_keys
from kankei_desktop.services.imports.mapping import save_mapping
from kankei_desktop.services.imports.types import (
    CREATE,
    ERROR,
    NEW,
    SKIP,
    UNCHANGED,
    UPDATE,
    CellMessage,
    ImportPlan,
    ImportResult,
    PlanRow,
)
from kankei_desktop.services.imports.stay_groups import StayGroups, writes_its_stay
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.participants import validate as validate_person
from kankei_desktop.store import audit

_CONVERTERS = {"text": cells.to_text, "date": cells.to_date, "int": cells.to_int, "id": cells.to_text,
               "kana": cells.to_katakana_text, "phone": cells.to_phone, "note": to_note,
               "year": cells.to_fiscal_year, "postal": cells.to_postal_code,
               "number": lambda value: None if cells.is_blank(value) else value,  # read by the service
               "bool": lambda value: None if cells.is_blank(value) else cells.to_bool(value, False)}

# Which column a service's field message belongs to.
_FIELD_COLUMNS = {
    "stays": {"person_ids": "person_id", "host_id": "host", "lodging_id": "lodging", "programme_id": "programme",
              "enrollments": "person_id"},
    "shipments": {"person_id": "person_id", "host_id": "host", "programme_id": "programme"},
    "letters": {"person_id": "person_id", "host_id": "host", "programme_id": "programme", "reply_to_id": "reply_to",
                "returned": "status"},
    "interactions": {"person_id": "person_id", "kind": "interaction_kind", "programme_id": "programme",
                     "amount_yen": "amount_yen"},
    "hosts": {"kind": "host_kind"},
    "indicator_values": {},  # the service names the columns' own keys
}


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


class ActivityPlanner(StayGroups):
    def __init__(self, session: Session, plan: ImportPlan, today: date):
        self.session, self.plan, self.today = session, plan, today
        self.lookups = _Lookups(session)
        self.columns = [(i, key, column_by_key(plan.kind, key)) for i, key in sorted(plan.mapping.items())]
        self.present = set(plan.mapping.values())
        self.letter_keys: dict[str, ActivityRow] = {}  # 番号 → its row, for replies within the file
        self.host_names: dict[str, ActivityRow] = {}  # new hosts of the file by name
        self.periods: dict[tuple, ActivityRow] = {}  # indicator values: (indicator, year, quarter) → its row

    # -------------------------------------------------------------- cells

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

    # -------------------------------------------------------------- kinds

    def _stay(self, row: ActivityRow) -> None:
        self._existing_id(row, stays.load_stay_input)
        base = getattr(row, "base", None) or stays.StayInput()
        data = self._take(row, base, {"start_on": "start_on", "end_on": "end_on", "purpose": "purpose",
                                      "notes": "notes", "override_reason": "override_reason"})
        person_id = self._person(row)
        data.person_ids = [person_id] if person_id else []
        if "host" in self.present:
            data.host_id = self._ref(row, "host", self.lookups.host)
        if "lodging" in self.present:
            data.lodging_id = self._ref(row, "lodging", self.lookups.host)
        if "programme" in self.present:
            data.programme_id = self._programme(row, data)
        status = row.fields.get("status", "")
        if status:
            data.status = status
        elif row.status == NEW:
            data.status = StayStatus.PLANNED.value
        row.data = data

    def _stay_kind(self, row: ActivityRow) -> None:
        given, data = row.fields.get("stay_kind", ""), row.data
        if given and data.start_on and data.end_on and not row.messages:
            derived = stays.kind_for(self.session, data.start_on, data.end_on)
            if given != derived:
                self._error(row, "stay_kind", f"種別「{given}」は日数から決まる「{derived}」と合いません（空欄なら自動で決めます）。")

    def _shipment(self, row: ActivityRow) -> None:
        self._existing_id(row, shipments.load_shipment_input)
        base = getattr(row, "base", None) or shipments.ShipmentInput()
        names = {k: k for k in ("contents", "tracking_number", "prepared_on", "shipped_on", "delivered_on",
                                "returned_on", "cost_yen", "notes", "carrier")}
        data = self._take(row, base, names)
        if "quantity" in row.fields:
            data.quantity = row.fields["quantity"] if row.fields["quantity"] is not None else 1
        if "carrier" in row.fields and not row.fields["carrier"]:
            data.carrier = base.carrier if row.status == UPDATE else Carrier.YUPACK.value
        person_id = self._person(row)
        data.person_id = person_id or ""
        if "host" in self.present:
            data.host_id = self._ref(row, "host", self.lookups.host)
        if "programme" in self.present:
            data.programme_id = self._programme(row, data)
        row.data = data
        self._derived_status(row, shipments.derive_status(data), {s.value for s in ShipmentStatus})

    def _letter(self, row: ActivityRow) -> None:
        self._existing_id(row, letters.load_letter_input)
        base = getattr(row, "base", None) or letters.LetterInput()
        data = self._take(row, base, {"written_on": "written_on", "sent_on": "sent_on",
                                      "received_on": "received_on", "summary": "summary"})
        direction = row.fields.get("direction", "").replace("->", "→").replace("⇒", "→")
        if direction:
            data.direction = direction
        person_id = self._person(row)
        data.person_id = person_id or ""
        # The host is whichever of 差出人 / 宛先 is not the person, as exports write them.
        host_key = "sender" if data.direction == LetterDirection.TO_PERSON.value else "recipient"
        if host_key in self.present:
            data.host_id = self._ref(row, host_key, self.lookups.host)
        if "programme" in self.present:
            data.programme_id = self._programme(row, data)
        self._file_key(row)
        if "reply_to" in self.present:
            data.reply_to_id = row.fields.get("reply_to") or None
            original = self.letter_keys.get(data.reply_to_id or "")
            if original is row:
                self._error(row, "reply_to", "手紙は自分自身への返信にはできません。")
            elif original is not None:  # an earlier row of this file: its id exists once it is written
                row.reply_to_row, data.reply_to_id = original, None
        if "status" in row.fields:
            data.returned = row.fields["status"] == LetterStatus.RETURNED.value
        row.data = data
        self._derived_status(row, letters.derive_status(data), {s.value for s in LetterStatus})

    def _file_key(self, row: ActivityRow) -> None:
        key = row.fields.get("file_key", "")
        if not key:
            return
        if key in self.letter_keys:
            self._error(row, "file_key", f"番号「{key}」は {self.letter_keys[key].number} 行目と同じです。番号は行ごとに別にしてください。")
        else:
            self.letter_keys[key] = row

    def _later_originals(self, rows: list[ActivityRow]) -> None:
        """A reply may only name the 番号 of an earlier row: the original is written first."""
        for row in rows:
            reply_to = row.fields.get("reply_to", "")
            original = self.letter_keys.get(reply_to) if reply_to else None
            if original is not None and original.number > row.number:
                self._error(row, "reply_to", f"返信元の番号「{reply_to}」は後の {original.number} 行目です。"
                                             "元の手紙を返信より前の行に置いてください。")

    def _derived_status(self, row: ActivityRow, derived: str, known: set[str]) -> None:
        given = row.fields.get("status", "")
        if given and given not in known:
            self._error(row, "status", f"状況「{given}」はありません（{'・'.join(sorted(known))}）。")
        elif given and given != derived:
            self._error(row, "status", f"状況「{given}」は日付から決まる「{derived}」と合いません（空欄なら日付から決めます）。")

    def _interaction(self, row: ActivityRow) -> None:
        self._existing_id(row, interactions.load_interaction)
        base = getattr(row, "base", None) or interactions.InteractionInput("", "", None)
        data = self._take(row, base, {"occurred_on": "occurred_on", "note": "note", "interaction_kind": "kind",
                                      "amount_yen": "amount_yen"})
        if data.occurred_on is None:
            self._error(row, "occurred_on", "日付を入力してください。")
        person_id = self._person(row)
        data.person_id = person_id or ""
        if "programme" in self.present:
            data.programme_id = self._programme(row, data)
        row.data = data

    _HOST_KEYS = {"name": "name", "host_kind": "kind", "contact_person": "contact_person", "phone": "phone",
                  "email": "email", "postal_code": "postal_code", "prefecture": "prefecture", "city": "city",
                  "address_line": "address_line", "address_building": "address_building",
                  "capacity_per_night": "capacity_per_night", "notes": "notes"}

    def _host(self, row: ActivityRow) -> None:
        from kankei_desktop.services.addresses import lookup_postal_code

        self._existing_id(row, hosts.load_host_input)
        base = getattr(row, "base", None) or hosts.HostInput()
        f = row.fields
        data = self._take(row, base, {k: v for k, v in self._HOST_KEYS.items() if k != "host_kind" or f.get(k)})
        for flag in ("hosts_side_job_talent", "small_business"):  # a blank cell keeps the stored flag
            if f.get(flag) is not None:
                setattr(data, flag, f[flag])
        # 〒 lookup, as the editor does it: for a new host, or a stored one whose 〒 the row changes (a
        # re-imported export of a host without 都道府県 stays as it is).
        moved = row.status == NEW or normalise_postal_code(data.postal_code) != normalise_postal_code(base.postal_code)
        if data.postal_code and not f.get("prefecture") and not f.get("city") and moved:
            found = lookup_postal_code(data.postal_code)
            if found is not None:
                data.prefecture, data.city = found.prefecture, found.city
                data.address_line = data.address_line or found.town
        row.label = normalise_spaces(data.name)
        row.data = data
        if row.status == NEW and row.label:
            known, _problem = self.lookups.host(row.label)
            earlier = self.host_names.setdefault(row.label, row)
            if known:
                self._error(row, "name", f"受入先「{row.label}」はすでに登録されています（ID: {known}）。"
                                         "更新するときは ID の列で指定してください。")
            elif earlier is not row:
                self._error(row, "name", f"受入先「{row.label}」は {earlier.number} 行目にもあります。")

    def _indicator_value(self, row: ActivityRow) -> None:
        """A period's value: by its ID, or else by 指標・年度・四半期 (an entered period is updated)."""
        self._existing_id(row, indicators.load_value_input)
        base = getattr(row, "base", None) or indicators.ValueInput()
        f = row.fields
        data = replace(base, **{key: f[key] for key in ("indicator", "fiscal_year", "quarter", "value", "target")
                                if key in self.present})
        if data.fiscal_year is None:
            self._error(row, "fiscal_year", "年度を入力してください。")
            return
        try:
            indicator_id, year, quarter, found = indicators.value_period(self.session, data)
        except NotFoundError as error:
            self._error(row, "indicator", error.message)
            return
        except ValidationError as error:
            for key, message in error.errors.items():
                self._error(row, key, message)
            return
        row.label = f"{normalise_spaces(data.indicator)} {year}年度" + (f" 第{quarter}四半期" if quarter else "")
        earlier = self.periods.setdefault((indicator_id, year, quarter), row)
        if earlier is not row:
            self._error(row, "fiscal_year", f"{row.label}の値は {earlier.number} 行目にもあります。1つの期間は1行にしてください。")
        if found and row.status == NEW:  # the period has a value: this row updates it
            row.person_id, row.status, row.action = found, UPDATE, UPDATE
        row.data = data

    # -------------------------------------------------------------- rule checks by writing

    def _write(self, row: ActivityRow):
        """Create or update through the service; returns the record id."""
        kind, data = self.plan.kind, row.data
        if kind == "stays":
            data = replace(row.members[0].data if row.members else data, person_ids=self._stay_persons(row))
            if row.status == UPDATE:
                row.changed = stays.update_stay(self.session, row.person_id, data, today=self.today)
                return row.person_id
            return stays.create_stay(self.session, data, today=self.today)
        if kind == "shipments":
            if row.status == UPDATE:
                row.changed = shipments.update_shipment(self.session, row.person_id, data, today=self.today)
                return row.person_id
            return shipments.create_shipment(self.session, data, today=self.today)
        if kind == "interactions":
            if row.new_person is not None:
                found, _name, _problem = self.lookups.person("", row.new_person.name)
                data = replace(data, person_id=found or create_person(self.session, row.new_person, on=self.today))
            if row.status == UPDATE:
                row.changed = interactions.update_interaction(self.session, row.person_id, data) is not None
                return row.person_id
            return interactions.log_interaction(self.session, data)
        if kind == "indicator_values":
            value_id, row.changed = indicators.write_value(
                self.session, data, row.person_id if row.status == UPDATE else None)
            return value_id
        if kind == "hosts":
            active = row.fields.get("is_active")
            if row.status == UPDATE:
                row.changed = hosts.update_host(self.session, row.person_id, data, today=self.today)
                host_id = row.person_id
            else:
                host_id = hosts.create_host(self.session, data)
            if active is not None and active != self.session.get(Host, host_id).is_active:
                hosts.set_active(self.session, host_id, active)
                row.changed = True
            return host_id
        if row.reply_to_row is not None:
            if row.reply_to_row.written_id is None:
                raise ValidationError({"reply_to_id": f"返信元の {row.reply_to_row.number} 行目が取り込めないため、"
                                                      "この返信も取り込めません。"})
            data = replace(data, reply_to_id=row.reply_to_row.written_id)
        if row.status == UPDATE:
            row.changed = letters.update_letter(self.session, row.person_id, data, today=self.today)
            return row.person_id
        return letters.create_letter(self.session, data, today=self.today)

    def _stay_persons(self, row: ActivityRow) -> list[str]:
        """Every person of the stay: one per row of its group that is not skipped."""
        person_ids: list[str] = []
        for member in row.members or [row]:
            if member.action == SKIP and member is not row:
                continue
            if member.new_person is not None:
                # The first row of a newcomer registers them; later rows find them by name.
                found, _name, _problem = self.lookups.person("", member.new_person.name)
                person_id = found or create_person(self.session, member.new_person, on=self.today)
            else:
                person_id = member.data.person_ids[0] if member.data.person_ids else None
            if person_id and person_id not in person_ids:
                person_ids.append(person_id)
        return person_ids

    def check(self, row: ActivityRow) -> None:
        """Write the row in a savepoint of its own; a refusal becomes the row's message."""
        savepoint = self.session.begin_nested()
        try:
            row.written_id = self._write(row)
        except ValidationError as error:
            savepoint.rollback()
            mapping = _FIELD_COLUMNS[self.plan.kind]
            for field_name, message in error.errors.items():
                self._error(row, mapping.get(field_name, field_name), message)
            return
        except stays.CapacityError as error:
            savepoint.rollback()
            self._error(row, "lodging", error.message.replace(
                "理由を入力してください", "理由を「定員超過の理由」の列に入力してください") + self._group_note(row))
            return
        except KankeiError as error:
            savepoint.rollback()
            self._error(self._named_member(row, error.message), "", error.message + self._group_note(row))
            return
        savepoint.commit()

    def run(self, data_rows: list[tuple[int, list]]) -> None:
        build = {"stays": self._stay, "shipments": self._shipment, "letters": self._letter,
                 "interactions": self._interaction, "hosts": self._host,
                 "indicator_values": self._indicator_value}[self.plan.kind]
        rows: list[ActivityRow] = []
        for number, raw in data_rows:
            row = ActivityRow(number, NEW, CREATE, "")
            self._fields(row, raw)
            if not row.messages:
                build(row)
                if self.plan.kind == "stays" and not row.messages:
                    self._stay_kind(row)
            rows.append(row)
        if self.plan.kind == "stays":
            rows = self._group_stays(rows)
        if self.plan.kind == "letters":
            self._later_originals(rows)
        outer = self.session.begin_nested()  # every check is undone at the end: planning writes nothing
        try:
            for row in rows:
                if row.members and row is not row.members[0]:
                    continue
                if not row.messages and not any(m.messages for m in row.members or ()):
                    self.check(row)
        finally:
            outer.rollback()
            for row in rows:
                row.written_id = None  # rolled back: the commit writes (and numbers) them again
        for row in rows:
            if row.members and row is row.members[0]:
                self._share_refusal(row)
        for row in rows:
            leader = row.members[0] if row.members else row
            if row.messages:
                row.status, row.action = ERROR, SKIP
            elif row.status == UPDATE and not leader.changed:
                row.status, row.action = UNCHANGED, SKIP
        self.plan.rows = rows

def commit_activity_plan(
    session: Session,
    plan: ImportPlan,
    *,
    before_commit: Callable[[], Path | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> ImportResult:
    """All or nothing: refuses while any row has an error, else writes every chosen row."""
    errors = [row for row in plan.rows if row.status == ERROR]
    if errors:
        raise KankeiError(
            f"{len(errors)} 行にエラーがあるため、何も取り込みませんでした（最初は {errors[0].messages[0].text()}）。"
            "ファイルを直してから、もう一度取り込んでください。"
        )
    result = ImportResult(plan.source, kind=plan.kind)
    if before_commit is not None:
        result.backup = before_commit()
    planner = ActivityPlanner(session, plan, today or date.today())
    chosen = [r for r in plan.rows if r.action in (CREATE, UPDATE) and writes_its_stay(r)]
    result.unchanged = sum(1 for r in plan.rows if r.status == UNCHANGED)
    result.skipped = sum(1 for r in plan.rows if r.action == SKIP and r.status != UNCHANGED)
    for done, row in enumerate(chosen, 1):
        try:
            row.written_id = planner._write(row)
        except KankeiError as error:
            text = "; ".join(error.errors.values()) if isinstance(error, ValidationError) else error.message
            raise KankeiError(f"{row.number} 行目: {text}（何も取り込みませんでした）") from error
        # Counted by sheet row, as the plan counts them: a stay of three persons is three rows.
        written = sum(1 for m in row.members if m.action != SKIP) if row.members else 1
        if row.status == UPDATE:
            result.updated += written
        else:
            result.created += written
        if progress is not None:
            progress(done, len(chosen))
    audit.record(session, "import", RECORDS[plan.kind].audit_entity or plan.kind.rstrip("s"), "", {
        "file": Path(plan.source).name, "sheet": plan.sheet, "created": result.created,
        "updated": result.updated, "skipped": result.skipped,
    })
    save_mapping(session, plan.headers, plan.mapping, Path(plan.source).name)
    session.flush()
    return result

