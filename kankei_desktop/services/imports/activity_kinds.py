"""Per-kind planners of the activity imports (activities.py): how a row of stays, shipments, letters,
interactions, hosts or indicator values becomes that service's own input.
"""

from __future__ import annotations

from dataclasses import replace

from kankei_desktop.domain.enums import Carrier, LetterDirection, LetterStatus, ShipmentStatus, StayStatus
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.text import normalise_postal_code, normalise_spaces
from kankei_desktop.services import hosts, indicators, interactions, letters, shipments, stays
from kankei_desktop.services.imports.activity_rows import ActivityCells, ActivityRow
from kankei_desktop.services.imports.types import NEW, UPDATE


class ActivityKinds(ActivityCells):
    """One ``_<kind>(row)`` per kind, filling ``row.data``; a mixin of ``ActivityPlanner``, which also
    sets ``self.letter_keys``, ``self.host_names`` and ``self.periods``."""

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
