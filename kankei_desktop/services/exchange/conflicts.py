"""Conflicts: fields both offices changed since they last agreed. Listed side by side; resolved
by keeping this file's value, taking the other office's, or an edited value. A resolution is a
change of this office marked "resolved", so the other office takes it without a new conflict
and closes its own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select, text
from sqlmodel import Session, SQLModel

from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import ExchangeConflict, utc_now
from kankei_desktop.domain.text import PERSON_SEARCH_SOURCES, person_search_columns
from kankei_desktop.store import audit

CHOICES = ("local", "remote", "edited")
# How the coordinator names a table and a field (the rest show their own names).
TABLE_LABELS = {"person": "参加者", "stay": "滞在", "letter": "手紙", "shipment": "発送", "interaction": "関わり",
                "host": "受入先", "enrollment": "参加登録", "programme": "プログラム", "stay_participant": "滞在の参加者",
                "person_tie": "ゆかり", "person_tag": "関心・スキル", "attachment": "写真"}
FIELD_LABELS = {"name": "氏名", "furigana": "フリガナ", "phone": "電話番号", "email": "メールアドレス",
                "postal_code": "郵便番号", "address_line": "住所", "notes": "備考", "deleted_at": "削除",
                "birth_date": "生年月日", "affiliation": "所属", "summary": "概要", "purpose": "目的",
                "start_on": "開始日", "end_on": "終了日", "status": "状況", "ladder_stage": "段階"}


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    table_label: str
    row_id: str
    record_label: str  # e.g. the person's name
    field: str
    field_label: str
    local_value: Any
    local_office: str
    local_at: str
    remote_value: Any
    remote_office: str
    remote_at: str
    package_number: int
    resolved: bool
    resolution: str


def _label(session: Session, table: str, row_id: str) -> str:
    column = {"person": "name", "host": "name", "programme": "name", "stay": "start_on", "letter": "summary",
              "shipment": "contents", "interaction": "kind"}.get(table)
    if column is None:
        return row_id[:8]
    value = session.execute(text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
    return str(value or row_id[:8])


def _stored(value: Any) -> Any:
    """An edited value as SQLite stores it (dates as text, booleans as 0/1)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """Open conflicts (record, field, each side's value with office and time), oldest first."""
    statement = select(ExchangeConflict).order_by(ExchangeConflict.created_at, ExchangeConflict.id)
    if not include_resolved:
        statement = statement.where(ExchangeConflict.resolved_at.is_(None))
    return [ConflictView(
        row.id, row.tbl, TABLE_LABELS.get(row.tbl, row.tbl), row.row_id, _label(session, row.tbl, row.row_id),
        row.col, FIELD_LABELS.get(row.col, row.col), json.loads(row.local_value), row.local_office, row.local_at,
        json.loads(row.remote_value), row.remote_office, row.remote_at, row.package_number,
        row.resolved_at is not None, row.resolution,
    ) for row in session.execute(statement).scalars()]


def marked_rows(session: Session) -> set[tuple[str, str]]:
    """(table, row id) of every record with an open conflict (shown marked in lists)."""
    return {(t, r) for t, r in session.execute(
        select(ExchangeConflict.tbl, ExchangeConflict.row_id).where(ExchangeConflict.resolved_at.is_(None)))}


def _mark_resolved_change(session: Session, table: str, row_id: str, col: str) -> None:
    session.execute(text("UPDATE exchange_context SET seq = seq + 1 WHERE id = 1"))
    session.execute(text(
        "INSERT INTO exchange_journal (tbl, row_id, col, seq, origin, at, resolved)"
        " VALUES (:t, :r, :c, (SELECT seq FROM exchange_context WHERE id = 1), NULL,"
        " strftime('%Y-%m-%d %H:%M:%f', 'now'), 1)"
        " ON CONFLICT (tbl, row_id, col) DO UPDATE SET seq = excluded.seq, origin = NULL, at = excluded.at,"
        " resolved = 1"), {"t": table, "r": row_id, "c": col})


def resolve_conflict(session: Session, conflict_id: str, choice: str, value: Any = None) -> None:
    """Resolve one conflict: ``choice`` "local" (keep), "remote" (take theirs) or "edited" (``value``)."""
    if choice not in CHOICES:
        raise ValidationError({"choice": "解決方法は local（この事務所の値）、remote（相手の値）、edited（編集した値）のいずれかです。"})
    row = session.get(ExchangeConflict, conflict_id)
    if row is None:
        raise NotFoundError("その競合は見つかりません（すでに解決されたか、削除されました）。")
    if row.resolved_at is not None:
        raise ValidationError({"choice": "この競合はすでに解決されています。"})
    if row.tbl not in SQLModel.metadata.tables or row.col not in SQLModel.metadata.tables[row.tbl].columns:
        raise NotFoundError("競合した項目がこのファイルにありません。")
    if choice != "local":
        new = json.loads(row.remote_value) if choice == "remote" else _stored(value)
        session.execute(text(f"UPDATE {row.tbl} SET {row.col} = :v, updated_at = :now WHERE id = :id"),
                        {"v": new, "now": utc_now().isoformat(sep=" "), "id": row.row_id})
        if row.tbl == "person" and row.col in PERSON_SEARCH_SOURCES:
            name, furigana, email, phone = session.execute(text(
                "SELECT name, furigana, email, phone FROM person WHERE id = :id"), {"id": row.row_id}).one()
            kana_key, search_text = person_search_columns(name, furigana, email, phone)
            session.execute(text("UPDATE person SET furigana_sort = :f, search_text = :s WHERE id = :id"), {
                "f": kana_key, "s": search_text, "id": row.row_id})
    _mark_resolved_change(session, row.tbl, row.row_id, row.col)
    row.resolved_at, row.resolution, row.updated_at = utc_now(), choice, utc_now()
    audit.record(session, "resolve", "exchange_conflict", row.id, {"table": row.tbl, "field": row.col, "choice": choice})
    session.flush()


def resolve_all(session: Session, choice: str, *, table: str | None = None, row_id: str | None = None) -> int:
    """Resolve every open conflict the same way ("local" or "remote"), or every one of one record
    (``table`` and ``row_id``); returns how many."""
    if choice not in ("local", "remote"):
        raise ValidationError({"choice": "一括の解決は local か remote のどちらかです。"})
    ids = [c.id for c in list_conflicts(session)
           if (table is None or c.table == table) and (row_id is None or c.row_id == row_id)]
    for conflict_id in ids:
        resolve_conflict(session, conflict_id, choice)
    return len(ids)


def forget_conflicts(session: Session, row_ids: list[str], needles: list[str]) -> int:
    """Drop the conflicts (open or resolved) of an erased person's records, and any whose values
    hold one of ``needles`` (called by the erasure: both sides' values are personal data)."""
    removed = 0
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        marks = ",".join(f":r{n}" for n in range(len(chunk)))
        removed += session.execute(text(f"DELETE FROM exchange_conflict WHERE row_id IN ({marks})"),
                                   {f"r{n}": value for n, value in enumerate(chunk)}).rowcount
    for needle in (n for n in needles if n):
        found = json.dumps(needle, ensure_ascii=False)[1:-1]
        table = ExchangeConflict.__table__  # LIKE with escaping: the same on a file and a server
        removed += session.execute(table.delete().where(or_(
            table.c.local_value.contains(found, autoescape=True),
            table.c.remote_value.contains(found, autoescape=True)))).rowcount
    return removed
