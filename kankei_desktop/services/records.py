"""Every kind of record, declared once.

A ``RecordKind`` says, for persons, enrollments, stays, letters, shipments,
interactions, hosts, programmes and custom indicator values:

- its table, the tables that belong to it (``parts``) and the service's input type;
- its spreadsheet columns (``io/columns.py``), the ID columns that key a re-imported row,
  the export builder, the import planner and whether it has a template;
- which fields are personal (what erasure blanks) and which free text may hold a name
  (what erasure searches for the person's name, e-mail and phone);
- what a person merge does with its rows;
- its timeline rows and the date that counts as activity.

Merge, erasure, the per-person audit view, the timeline, the exports, the
templates, the CLI's ``--what``/``--kind``/``template`` choices and the import
wizard's lists all read ``RECORDS``. ``tests/unit/test_records.py`` fails when a
table that points at a person or a host is not declared here.

Functions are named as "module:function" (resolved on use) so that this module
imports no service and every service may import it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.domain.tables import (
    CustomIndicatorValue,
    Enrollment,
    EnrollmentStageChange,
    Host,
    Interaction,
    LadderStageChange,
    Letter,
    Person,
    PersonTag,
    PersonTie,
    Programme,
    Shipment,
    Stay,
    StayParticipant,
)
from kankei_desktop.io.columns import KINDS, Column

ERASED = "（消去済み）"


@dataclass(frozen=True)
class PersonLink:
    """A table whose rows point at a person, and what happens to them."""

    table: type
    column: str = "person_id"
    # Merge: "move" (to the survivor; rows equal on ``same`` are kept once) or "stay" (with the merged-away record).
    merge: str = "move"
    same: tuple[str, ...] = ()
    # Erasure: values set on every row of the person (a tombstone with ``deleted_at`` when "tombstone").
    blank: dict[str, Any] = field(default_factory=dict)
    tombstone: bool = False
    # Free text of the person's own rows, emptied whole.
    own_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordKind:
    key: str  # persons, enrollments, stays, …: the CLI's --what / --kind names
    label: str  # as the coordinator says it
    table: type
    input_type: str = ""  # "module:Class" of the service's input
    parts: tuple[type, ...] = ()  # tables that belong to a record of this kind
    person_links: tuple[PersonLink, ...] = ()  # how this kind's rows reach a person
    host_columns: tuple[str, ...] = ()  # columns of ``table`` that point at a host
    # Spreadsheets
    columns: tuple[Column, ...] = ()
    id_headers: tuple[str, ...] = ()  # the headers that key a re-imported row to its record
    export_only: tuple[str, ...] = ()  # headers the export writes for reading only (not imported)
    sheet: str = ""  # export sheet name
    export: str = ""  # "module:function(session, exclude_no_contact) -> Table"
    importer: str = ""  # "persons" (imports/persons.py) or "activity" (imports/activities.py); "" none
    template: bool = False
    # Fields of the row's own record whose date decides its programme's fiscal year, in order.
    programme_date: tuple[str, ...] = ()
    # Erasure: the record's own personal fields (blank value each) and shared free text searched
    # for the person's name, e-mail and phone (a stay of several persons keeps the others' words).
    personal: dict[str, Any] = field(default_factory=dict)
    shared_text: tuple[str, ...] = ()
    # Timeline and activity
    timeline: str = ""  # "module:function(session, person_id) -> list[TimelineEntry]"
    activity_date: str = ""  # said in words, for docs and the audit view
    activity: str = ""  # "module:function(person_ids) -> select(person_id, on)"
    audit_entity: str = ""  # the audit log's ``entity`` for this kind's records
    # Field names as a refused save and the audit log name them: a field is called by its
    # spreadsheet column's header; ``field_columns`` maps the fields stored under another name than
    # their column's key, ``field_words`` names the fields no column holds.
    field_columns: dict[str, str] = field(default_factory=dict)
    field_words: dict[str, str] = field(default_factory=dict)

    def field_label(self, name: str) -> str | None:
        """The coordinator's word for a field of this kind, or None when the kind does not name it."""
        if name in self.field_words:
            return self.field_words[name]
        key = self.field_columns.get(name, name)
        return next((column.header for column in self.columns if column.key == key), None)

    @property
    def importable(self) -> bool:
        return bool(self.importer)

    @property
    def exportable(self) -> bool:
        return bool(self.export)


def resolve(reference: str):
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(f"kankei_desktop.{module}"), name)


_PERSON_PERSONAL: dict[str, Any] = {
    "name": ERASED, "furigana": "", "furigana_sort": "", "birth_date": None, "gender": "",
    "email": "", "phone": "", "postal_code": "", "city": "", "address_line": "",
    "address_building": "", "affiliation": "", "notes": "", "search_text": "",
    "contact_ok": False, "photo_ok": False, "consent_date": None,
}


def _stay_activity(person_ids):
    return (select(StayParticipant.person_id, Stay.end_on.label("on"))
            .join(Stay, Stay.id == StayParticipant.stay_id)
            .where(StayParticipant.person_id.in_(person_ids), StayParticipant.deleted_at.is_(None),
                   Stay.deleted_at.is_(None), Stay.status == StayStatus.DONE.value))


def _letter_activity(person_ids):
    return select(Letter.person_id, func.coalesce(Letter.received_on, Letter.sent_on).label("on")).where(
        Letter.person_id.in_(person_ids), Letter.deleted_at.is_(None))


def _shipment_activity(person_ids):
    return select(Shipment.person_id, Shipment.delivered_on.label("on")).where(
        Shipment.person_id.in_(person_ids), Shipment.deleted_at.is_(None))


def _interaction_activity(person_ids):
    return select(Interaction.person_id, Interaction.occurred_on.label("on")).where(
        Interaction.person_id.in_(person_ids), Interaction.deleted_at.is_(None))


RECORDS: dict[str, RecordKind] = {kind.key: kind for kind in (
    RecordKind(
        "persons", "参加者", Person, "services.participants:PersonInput",
        parts=(PersonTie, PersonTag, LadderStageChange),
        person_links=(
            PersonLink(PersonTie, same=("tie",)),  # ゆかり stays for the figures
            PersonLink(PersonTag, same=("kind", "name"), blank={"name": ""}, tombstone=True),
            # The merged-away record's ladder history stays with it (moved, it would count as the survivor's moves).
            PersonLink(LadderStageChange, merge="stay", own_text=("reason",)),
        ),
        columns=KINDS["persons"], id_headers=("ID",), export_only=("最終関わり日", "登録日"),
        sheet="参加者", export="services.exports:persons_table",
        importer="persons", template=True,
        personal=_PERSON_PERSONAL, shared_text=("found_via",),
        timeline="services.timeline:ladder_entries", activity_date="（関わりの記録から）",
        audit_entity="person",
    ),
    RecordKind(
        "enrollments", "参加登録", Enrollment, "",  # no input type: enrollments.enroll_persons / move_enrollments
        parts=(EnrollmentStageChange,),
        person_links=(PersonLink(Enrollment, same=("programme_id",), own_text=("notes",)),),
        columns=KINDS["enrollments"], id_headers=("参加登録ID", "参加者ID"), export_only=("段階開始日",),
        sheet="参加登録",
        export="services.exports:enrollments_table", importer="persons", template=True,
        programme_date=("joined_on", "applied_on"),
        timeline="services.timeline:enrollment_entries", activity_date="（数えない）", audit_entity="enrollment",
    ),
    RecordKind(
        "stays", "滞在", Stay, "services.stays:StayInput", parts=(StayParticipant,),
        person_links=(PersonLink(StayParticipant, same=("stay_id",)),),
        host_columns=("host_id", "lodging_id"),
        columns=KINDS["stays"], id_headers=("滞在ID", "参加者ID"), sheet="滞在",
        export="services.exports:stays_table", importer="activity", template=True, programme_date=("start_on",),
        shared_text=("purpose", "notes", "capacity_override_reason"),
        timeline="services.timeline:stay_entries", activity_date="実施済の滞在の終了日",
        activity="services.records:_stay_activity", audit_entity="stay",
        field_columns={"host_id": "host", "lodging_id": "lodging", "kind": "stay_kind", "programme_id": "programme",
                       "capacity_override_reason": "override_reason"},
        field_words={"person_ids": "参加者", "enrollments": "参加登録"},
    ),
    RecordKind(
        "letters", "手紙", Letter, "services.letters:LetterInput",
        person_links=(PersonLink(Letter, own_text=("summary",)),), host_columns=("host_id",),
        columns=KINDS["letters"], id_headers=("ID", "参加者ID"), sheet="手紙",
        export="services.exports:letters_table", importer="activity", template=True,
        programme_date=("sent_on", "received_on", "written_on"),
        timeline="services.timeline:letter_entries", activity_date="受取日（なければ発送日）",
        activity="services.records:_letter_activity", audit_entity="letter",
        field_columns={"programme_id": "programme"},
        field_words={"person_id": "参加者", "host_id": "受入先", "reply_to_id": "返信元", "shipment_id": "発送",
                     "returned": "返送"},
    ),
    RecordKind(
        "shipments", "発送", Shipment, "services.shipments:ShipmentInput",
        person_links=(PersonLink(Shipment, own_text=("notes", "tracking_number", "contents")),),
        host_columns=("host_id",),
        columns=KINDS["shipments"], id_headers=("ID", "参加者ID"), sheet="発送",
        export="services.exports:shipments_table", importer="activity", template=True,
        programme_date=("shipped_on", "prepared_on", "delivered_on"),
        timeline="services.timeline:shipment_entries", activity_date="配達日",
        activity="services.records:_shipment_activity", audit_entity="shipment",
        field_columns={"person_id": "person_name", "host_id": "host", "programme_id": "programme"},
    ),
    RecordKind(
        "interactions", "関わり", Interaction, "services.interactions:InteractionInput",
        person_links=(PersonLink(Interaction, own_text=("note",)),),
        columns=KINDS["interactions"], id_headers=("ID", "参加者ID"), sheet="関わり",
        export="services.exports:interactions_table", importer="activity", template=True,
        programme_date=("occurred_on",),
        timeline="services.timeline:interaction_entries", activity_date="日付",
        activity="services.records:_interaction_activity", audit_entity="interaction",
        field_columns={"kind": "interaction_kind", "programme_id": "programme"}, field_words={"person_id": "参加者"},
    ),
    RecordKind(
        "hosts", "受入先", Host, "services.hosts:HostInput",
        columns=KINDS["hosts"], id_headers=("ID",), sheet="受入先",
        export="services.exports:hosts_table", importer="activity", template=True, audit_entity="host",
        field_columns={"kind": "host_kind"},
    ),
    # Created in the window from a template (stages, targets); rows name them by name + 年度.
    # No spreadsheet columns: its fields are named as the programme editor names them.
    RecordKind("programmes", "プログラム", Programme, "services.programmes:ProgrammeInput", audit_entity="programme",
               field_words={"name": "プログラム名", "kind": "種類", "fiscal_year": "年度", "region": "実施地域",
                            "description": "説明", "targets": "目標", "archived": "アーカイブ"}),
    # Entered by hand per fiscal year or quarter (services/indicators.py); rows name their indicator by name.
    RecordKind(
        "indicator_values", "独自指標の値", CustomIndicatorValue, "services.indicators:ValueInput",
        columns=KINDS["indicator_values"], id_headers=("ID",), sheet="独自指標の値",
        export="services.exports:indicator_values_table", importer="activity", template=True,
        audit_entity="custom_indicator_value", field_columns={"indicator_id": "indicator"},
    ),
)}


def kinds(*, importable: bool | None = None, exportable: bool | None = None, template: bool | None = None) -> list[str]:
    """Kind keys in declaration order, filtered."""
    found = []
    for kind in RECORDS.values():
        if importable is not None and kind.importable != importable:
            continue
        if exportable is not None and kind.exportable != exportable:
            continue
        if template is not None and kind.template != template:
            continue
        found.append(kind.key)
    return found


def kind_of(key: str) -> RecordKind:
    return RECORDS[key]


def person_links() -> list[PersonLink]:
    """Every table that points at a person, once."""
    return [link for kind in RECORDS.values() for link in kind.person_links]


def shared_text_tables() -> list[tuple[type, tuple[str, ...]]]:
    """(table, free text fields) of records several persons share, to search for one person's words."""
    return [(kind.table, kind.shared_text) for kind in RECORDS.values()
            if kind.shared_text and kind.table is not Person]


def personal_field_names() -> set[str]:
    """Every field name that holds a personal value somewhere (for scrubbing audit entries)."""
    names = set(_PERSON_PERSONAL)
    for kind in RECORDS.values():
        names |= set(kind.personal) | set(kind.shared_text)
        for link in kind.person_links:
            names |= set(link.blank) | set(link.own_text)
    return names


def person_record_ids(session, person_id: str) -> dict[str, list[str]]:
    """Ids of every row that belongs to the person, by table name (shared records included: a stay)."""
    ids: dict[str, list[str]] = {}
    for link in person_links():
        table = link.table
        ids[table.__tablename__] = list(session.execute(
            select(table.id).where(getattr(table, link.column) == person_id)).scalars())
    ids["stay"] = list(session.execute(
        select(StayParticipant.stay_id).where(StayParticipant.person_id == person_id)).scalars())
    return ids


def activity_selects(person_ids) -> list:
    """(person_id, on) selects of every kind whose records count as activity."""
    return [resolve(kind.activity)(person_ids) for kind in RECORDS.values() if kind.activity]
