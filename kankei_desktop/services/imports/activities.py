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
of a stays sheet can be one stay of several persons (``stay_groups.py``). The
row machinery is in ``activity_rows.py``, the per-kind planners in ``activity_kinds.py``.
"""


from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.domain.tables import Host
from kankei_desktop.io.columns import column_by_key
from kankei_desktop.services import hosts, indicators, interactions, letters, shipments, stays
from kankei_desktop.services.records import RECORDS
from kankei_desktop.services.imports.activity_kinds import ActivityKinds
from kankei_desktop.services.imports.activity_rows import ActivityRow, _Lookups
from kankei_desktop.services.imports.mapping import save_mapping
from kankei_desktop.services.imports.types import (
    CREATE,
    ERROR,
    NEW,
    SKIP,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    ImportResult,
)
from kankei_desktop.services.imports.stay_groups import StayGroups, writes_its_stay
from kankei_desktop.services.participants import create_person
from kankei_desktop.store import audit

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


class ActivityPlanner(ActivityKinds, StayGroups):
    """Plans an activity sheet: cells (activity_rows.py), per-kind inputs (activity_kinds.py), stay
    groups (stay_groups.py), then checks every row by writing it in a savepoint."""

    def __init__(self, session: Session, plan: ImportPlan, today: date):
        self.session, self.plan, self.today = session, plan, today
        self.lookups = _Lookups(session)
        self.columns = [(i, key, column_by_key(plan.kind, key)) for i, key in sorted(plan.mapping.items())]
        self.present = set(plan.mapping.values())
        self.letter_keys: dict[str, ActivityRow] = {}  # 番号 → its row, for replies within the file
        self.host_names: dict[str, ActivityRow] = {}  # new hosts of the file by name
        self.periods: dict[tuple, ActivityRow] = {}  # indicator values: (indicator, year, quarter) → its row

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
