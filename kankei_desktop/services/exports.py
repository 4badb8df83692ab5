"""Exports: every list, or the whole database as one workbook with a sheet per entity.

Column sets follow shared/design/DATA_EXCHANGE.md, so an exported 参加者 sheet
can be edited and imported again (the ID column updates the same records).
Rows are read as tuples with Core, never as ORM objects.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import and_, null, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import (
    CustomIndicator,
    CustomIndicatorValue,
    Enrollment,
    Host,
    Interaction,
    Letter,
    Person,
    PersonTag,
    PersonTie,
    Programme,
    ProgrammeStage,
    Shipment,
    Stay,
    StayParticipant,
)
from kankei_desktop.io.columns import HOST_COLUMNS, INDICATOR_VALUE_COLUMNS, PERSON_COLUMNS
from kankei_desktop.services.records import RECORDS, kinds, resolve
from kankei_desktop.io.writers import Table, WriteResult, write_csv, write_xlsx
from kankei_desktop.store import audit
from kankei_desktop.store.rows import plain_rows

# Every kind services/records.py declares with an export builder, then the whole file.
WHAT = (*kinds(exportable=True), "all")
SHEET_NAMES = {key: RECORDS[key].sheet for key in kinds(exportable=True)}
PERSONAL_DATA_NOTICE = (
    "この書き出しには個人情報（氏名・連絡先など）が含まれます。"
    "保存先と受け渡し方法に注意し、不要になったら削除してください。"
)

_PERSON_EXPORT = [c for c in PERSON_COLUMNS if c.key not in ("address", "age")]
_KIND_OF = {"date": "date", "bool": "bool", "id": "text"}


def _contact_filter(exclude_no_contact: bool, person=Person) -> list:
    return [person.contact_ok.is_(True)] if exclude_no_contact else []


def _typed(table: Table) -> Table:
    """Driver values made what the writers expect: ISO text → date, 0/1 → bool."""
    if table.rows:
        table.rows = list(zip(*_typed_columns([list(c) for c in zip(*table.rows)], table.kinds)))
    return table


def _typed_columns(columns: list[list], kinds: list[str]) -> list[list]:
    # One comprehension per column costs a fraction of a Python loop over every cell.
    to_date = date.fromisoformat
    for index, kind in enumerate(kinds):
        if kind == "date":
            # [:10]: a DATETIME column (登録日) is stored as 'YYYY-MM-DD HH:MM:SS.ffffff'
            columns[index] = [to_date(v[:10]) if v else None for v in columns[index]]
        elif kind == "bool":
            columns[index] = [None if v is None else bool(v) for v in columns[index]]
    return columns


def _joined_by_person(rows, separator: str = "、") -> dict:
    joined: dict = {}
    for key, name in rows:
        joined[key] = joined[key] + separator + name if key in joined else name
    return joined


def persons_table(session: Session, exclude_no_contact: bool = False) -> Table:
    tag_kinds = {"interests": "関心", "skills": "スキル"}
    filled_later = {"ties", *tag_kinds}
    # One column per export column, in export order; NULL holds the place of the lists filled in below.
    selected = [null() if c.key in filled_later else getattr(Person, c.key) for c in _PERSON_EXPORT]
    rows = plain_rows(session, (
        select(*selected, Person.last_activity_on, Person.created_at)
        .where(Person.deleted_at.is_(None), *_contact_filter(exclude_no_contact))
        .order_by(Person.furigana_sort, Person.created_at, Person.id)
    ))
    ties = _joined_by_person(plain_rows(session, (
        select(PersonTie.person_id, PersonTie.tie).where(PersonTie.deleted_at.is_(None)).order_by(PersonTie.created_at)
    )))
    tags = _joined_by_person(
        ((pid, kind), name) for pid, kind, name in plain_rows(session, (
            select(PersonTag.person_id, PersonTag.kind, PersonTag.name)
            .where(PersonTag.deleted_at.is_(None)).order_by(PersonTag.created_at)
        ))
    )
    headers = [c.header for c in _PERSON_EXPORT] + ["最終関わり日", "登録日"]
    kinds = [_KIND_OF.get(c.kind, "text") for c in _PERSON_EXPORT] + ["date", "date"]
    at = {c.key: i for i, c in enumerate(_PERSON_EXPORT)}
    columns = [list(column) for column in zip(*rows)] or [[] for _ in kinds]
    ids = columns[at["id"]]
    columns[at["ties"]] = [ties.get(pid, "") for pid in ids]
    for key, kind in tag_kinds.items():
        columns[at[key]] = [tags.get((pid, kind), "") for pid in ids]
    return Table(SHEET_NAMES["persons"], headers, kinds, list(zip(*_typed_columns(columns, kinds))))


def enrollments_table(session: Session, exclude_no_contact: bool = False) -> Table:
    rows = plain_rows(session, (
        select(Enrollment.id, Person.id, Person.name, Person.furigana, Programme.name, Programme.fiscal_year,
               ProgrammeStage.name, Enrollment.applied_on, Enrollment.joined_on, Enrollment.notes,
               Enrollment.stage_since)
        .join(Person, Person.id == Enrollment.person_id)
        .join(Programme, Programme.id == Enrollment.programme_id)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.deleted_at.is_(None), Person.deleted_at.is_(None), Programme.deleted_at.is_(None),
               *_contact_filter(exclude_no_contact))
        .order_by(Programme.fiscal_year.desc(), Programme.name, Person.furigana_sort)
    ))
    return _typed(Table(SHEET_NAMES["enrollments"],
                 ["参加登録ID", "参加者ID", "氏名", "フリガナ", "プログラム", "年度", "ステージ", "申込日", "参加日",
                  "参加登録の備考", "段階開始日"],
                 ["text", "text", "text", "text", "text", "int", "text", "date", "date", "text", "date"], rows))


def stays_table(session: Session, exclude_no_contact: bool = False) -> Table:
    lodging = aliased(Host)
    people = (select(StayParticipant.stay_id, Person.id.label("pid"), Person.name.label("pname"))
              .join(Person, Person.id == StayParticipant.person_id)
              .where(StayParticipant.deleted_at.is_(None), Person.deleted_at.is_(None),
                     *_contact_filter(exclude_no_contact)).subquery())
    rows = plain_rows(session, (
        select(Stay.id, people.c.pid, people.c.pname, Host.name, lodging.name, Stay.start_on, Stay.end_on,
               Stay.kind, Stay.purpose, Programme.name, Programme.fiscal_year, Stay.status, Stay.notes,
               Stay.capacity_override_reason)
        .outerjoin(people, people.c.stay_id == Stay.id)
        .outerjoin(Host, Host.id == Stay.host_id)
        .outerjoin(lodging, lodging.id == Stay.lodging_id)
        .outerjoin(Programme, Programme.id == Stay.programme_id)
        .where(Stay.deleted_at.is_(None))
        .order_by(Stay.start_on, Stay.id, people.c.pname)
    ))
    return _typed(Table(SHEET_NAMES["stays"],
                 ["滞在ID", "参加者ID", "氏名", "受入先", "宿泊先", "開始日", "終了日", "種別", "目的", "プログラム",
                  "年度", "状況", "備考", "定員超過の理由"],
                 ["text", "text", "text", "text", "text", "date", "date", "text", "text", "text", "int", "text",
                  "text", "text"], rows))


def letters_table(session: Session, exclude_no_contact: bool = False) -> Table:
    rows = plain_rows(session, (
        select(Letter.id, Letter.direction, Person.id, Person.name, Host.name, Programme.name, Programme.fiscal_year,
               Letter.written_on,
               Letter.sent_on, Letter.received_on, Letter.status, Letter.reply_to_id, Letter.summary)
        .join(Person, Person.id == Letter.person_id)
        .outerjoin(Host, Host.id == Letter.host_id)
        .outerjoin(Programme, Programme.id == Letter.programme_id)
        .where(Letter.deleted_at.is_(None), Person.deleted_at.is_(None), *_contact_filter(exclude_no_contact))
        .order_by(Letter.written_on, Letter.created_at)
    ))
    out = []
    for lid, direction, pid, pname, host, programme, year, written, sent, received, status, reply_to, summary in rows:
        sender, recipient = (host or "", pname) if direction == "地域→参加者" else (pname, host or "")
        out.append((lid, direction, pid, sender, recipient, programme, year, written, sent, received, status, reply_to,
                    summary))
    return _typed(Table(SHEET_NAMES["letters"],
                 ["ID", "方向", "参加者ID", "差出人", "宛先", "プログラム", "年度", "作成日", "発送日", "受取日", "状況",
                  "返信元ID", "概要"],
                 ["text", "text", "text", "text", "text", "text", "int", "date", "date", "date", "text", "text", "text"],
                 out))


def shipments_table(session: Session, exclude_no_contact: bool = False) -> Table:
    rows = plain_rows(session, (
        select(Shipment.id, Person.id, Person.name, Host.name, Programme.name, Programme.fiscal_year,
               Shipment.contents, Shipment.quantity,
               Shipment.carrier, Shipment.tracking_number, Shipment.prepared_on, Shipment.shipped_on,
               Shipment.delivered_on, Shipment.returned_on, Shipment.status, Shipment.cost_yen, Shipment.notes)
        .join(Person, Person.id == Shipment.person_id)
        .outerjoin(Host, Host.id == Shipment.host_id)
        .outerjoin(Programme, Programme.id == Shipment.programme_id)
        .where(Shipment.deleted_at.is_(None), Person.deleted_at.is_(None), *_contact_filter(exclude_no_contact))
        .order_by(Shipment.prepared_on, Shipment.created_at)
    ))
    return _typed(Table(SHEET_NAMES["shipments"],
                 ["ID", "参加者ID", "宛先", "差出人", "プログラム", "年度", "内容", "数量", "運送会社", "伝票番号",
                  "準備日", "発送日", "配達日", "返送日", "状況", "送料", "備考"],
                 ["text", "text", "text", "text", "text", "int", "text", "int", "text", "text", "date", "date",
                  "date", "date", "text", "int", "text"], rows))


def interactions_table(session: Session, exclude_no_contact: bool = False) -> Table:
    rows = plain_rows(session, (
        select(Interaction.id, Person.id, Person.name, Interaction.occurred_on, Interaction.kind, Programme.name,
               Programme.fiscal_year, Interaction.amount_yen, Interaction.note)
        .join(Person, Person.id == Interaction.person_id)
        .outerjoin(Programme, and_(Programme.id == Interaction.programme_id))
        .where(Interaction.deleted_at.is_(None), Person.deleted_at.is_(None), *_contact_filter(exclude_no_contact))
        .order_by(Interaction.occurred_on, Interaction.created_at)
    ))
    return _typed(Table(SHEET_NAMES["interactions"], ["ID", "参加者ID", "氏名", "日付", "種類", "プログラム", "年度", "金額（円）", "備考"],
                 ["text", "text", "text", "date", "text", "text", "int", "int", "text"], rows))


_HOST_FIELDS = {"host_kind": "kind"}  # column key → Host attribute, where they differ


def hosts_table(session: Session, exclude_no_contact: bool = False) -> Table:
    """受入先, archived ones too (受入中 = 不可): stays and letters of past years still name them."""
    columns = [getattr(Host, _HOST_FIELDS.get(c.key, c.key)) for c in HOST_COLUMNS]
    rows = plain_rows(session, select(*columns).where(Host.deleted_at.is_(None)).order_by(Host.name, Host.id))
    kinds_ = [{"bool": "bool", "int": "int"}.get(c.kind, "text") for c in HOST_COLUMNS]
    return _typed(Table(SHEET_NAMES["hosts"], [c.header for c in HOST_COLUMNS], kinds_, rows))


def indicator_values_table(session: Session, exclude_no_contact: bool = False) -> Table:
    """独自指標の値, archived indicators' too (the figures of past years print them)."""
    rows = plain_rows(session, (
        select(CustomIndicatorValue.id, CustomIndicator.name, CustomIndicatorValue.fiscal_year,
               CustomIndicatorValue.quarter, CustomIndicatorValue.value, CustomIndicatorValue.target)
        .join(CustomIndicator, CustomIndicator.id == CustomIndicatorValue.indicator_id)
        .where(CustomIndicatorValue.deleted_at.is_(None), CustomIndicator.deleted_at.is_(None))
        .order_by(CustomIndicator.created_at, CustomIndicator.name, CustomIndicatorValue.fiscal_year,
                  CustomIndicatorValue.quarter)
    ))
    return _typed(Table(SHEET_NAMES["indicator_values"], [c.header for c in INDICATOR_VALUE_COLUMNS],
                        ["text", "text", "int", "int", "number", "number"], rows))


def export_tables(session: Session, what: str, exclude_no_contact: bool = False) -> list[Table]:
    if what not in WHAT:
        raise ValidationError({"what": f"「{what}」は書き出せません（{'、'.join(WHAT)}）。"})
    chosen = [k for k in WHAT if k != "all"] if what == "all" else [what]
    return [resolve(RECORDS[kind].export)(session, exclude_no_contact) for kind in chosen]


def export(
    session: Session,
    what: str,
    out: Path,
    *,
    encoding: str = "utf-8-sig",
    exclude_no_contact: bool = False,
    substitute: bool = False,
) -> WriteResult:
    """Write ``what`` to ``out`` (.xlsx, or .csv for a single list) and record it in the audit log."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError({"out": f"「{out.name}」: 書き出し先は .xlsx か .csv にしてください。"})
    if suffix == ".csv" and what == "all":
        raise ValidationError({"out": "データベース全体は1つの CSV にできません。.xlsx を指定してください（シートごとに書き出します）。"})
    tables = export_tables(session, what, exclude_no_contact)
    result = write_xlsx(out, tables) if suffix == ".xlsx" else write_csv(out, tables[0], encoding, substitute=substitute)
    audit.record(session, "export", what, "", {
        "file": out.name, "rows": result.rows, "encoding": encoding if suffix == ".csv" else "xlsx",
        "exclude_no_contact": exclude_no_contact,
    })
    return result
