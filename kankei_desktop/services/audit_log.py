"""Reading the audit log (``store.audit`` writes it): overall, per person, as CSV.

Read-only by design: there is no function here (or anywhere in the app) that
edits or deletes an entry. The one exception is 個人情報の消去, which blanks
personal *values* inside entries and leaves the entries themselves.
"""

from __future__ import annotations

import csv
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlmodel import Session

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.domain.tables import AuditEntry
from kankei_desktop.io.writers import neutralise
from kankei_desktop.services.records import RECORDS, person_record_ids
from kankei_desktop.store import audit

ACTION_LABELS = {
    "create": "作成", "update": "変更", "delete": "削除", "restore": "復元", "merge": "統合",
    "import": "取り込み", "export": "出力", "report": "レポート", "anonymise": "個人情報の消去",
    "consent_override": "連絡不可の人を含めた出力",
}
ENTITY_LABELS = {
    "person": "参加者", "programme": "プログラム", "enrollment": "参加", "stay": "滞在", "host": "受入先",
    "letter": "手紙", "shipment": "発送", "interaction": "関わり", "setting": "設定", "attachment": "添付",
    "custom_indicator": "独自指標", "custom_indicator_value": "独自指標の値",
}

# Column names as the coordinator knows them (the participants editor's words).
FIELD_LABELS = {
    "name": "氏名", "furigana": "フリガナ", "birth_date": "生年月日", "gender": "性別", "email": "メール",
    "phone": "電話", "postal_code": "郵便番号", "prefecture": "都道府県", "city": "市区町村",
    "address_line": "番地", "address_building": "建物名", "residence_area": "居住地区分",
    "affiliation": "所属", "ladder_stage": "関わりの段階", "contact_ok": "連絡可", "photo_ok": "写真掲載可",
    "consent_date": "同意日", "found_via": "知ったきっかけ", "notes": "備考", "ties": "ゆかり",
    "interests": "関心", "skills": "スキル", "summary": "要約", "note": "備考", "status": "状態",
}

# Stays, hosts and mail, as a refused save names them (store/versions.py).
FIELD_LABELS.update({key: label for key, label in {
    "purpose": "目的", "start_on": "開始日", "end_on": "終了日", "host_id": "受入先", "lodging_id": "宿泊先",
    "programme_id": "プログラム", "capacity_per_night": "定員", "contact_person": "担当者", "kind": "種別",
    "person_ids": "参加者", "sent_on": "発送日", "received_on": "受取日", "shipped_on": "発送日",
    "delivered_on": "配達日", "tracking_number": "追跡番号", "contents": "内容", "occurred_on": "日付",
}.items() if key not in FIELD_LABELS})


# Each kind's own words (services/records.py: its spreadsheet headers), by audit entity; a
# person's fields keep the participants editor's words above.
_KIND_BY_ENTITY = {kind.audit_entity: kind for kind in RECORDS.values() if kind.audit_entity != "person"}


def field_label(field: str, entity: str | None = None) -> str:
    """A field as the coordinator names it; ``entity`` (programme, stay, …) decides what 名前 means."""
    kind = _KIND_BY_ENTITY.get(entity or "")
    return (kind and kind.field_label(field)) or FIELD_LABELS.get(field, field)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: datetime  # local time, for display
    user: str
    action: str
    entity: str
    entity_id: str
    changes: list[FieldChange]
    details: dict  # entries whose record is not field → [before, after]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().replace(tzinfo=None)


def _parse(raw: str) -> tuple[list[FieldChange], dict]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return [], {"raw": raw}
    if not isinstance(data, dict):
        return [], {"value": data}
    changes, details = [], {}
    for key, value in data.items():
        if isinstance(value, list) and len(value) == 2 and key not in ("person_ids",):
            changes.append(FieldChange(key, value[0], value[1]))
        else:
            details[key] = value
    return changes, details


def _row(entry: AuditEntry) -> AuditRow:
    changes, details = _parse(entry.changes_json)
    return AuditRow(entry.id, _local(entry.at), entry.user, entry.action, entry.entity,
                    entry.entity_id, changes, details)


def _person_related_ids(session: Session, person_id: str) -> list[str]:
    """Every record of the person that ``services.records`` declares (their stays included)."""
    return [record_id for ids in person_record_ids(session, person_id).values() for record_id in ids]


def list_entries(
    session: Session,
    *,
    person_id: str | None = None,
    entity: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    """Entries newest first; ``person_id`` gives everything about one person
    (the person row and every record of theirs that ``services.records`` declares)."""
    statement = select(AuditEntry)
    if person_id:
        related = _person_related_ids(session, person_id)
        conditions = [AuditEntry.entity_id == person_id, AuditEntry.changes_json.contains(person_id)]
        for start in range(0, len(related), 500):
            conditions.append(AuditEntry.entity_id.in_(related[start : start + 500]))
        statement = statement.where(or_(*conditions))
    if entity:
        statement = statement.where(AuditEntry.entity == entity)
    if action:
        statement = statement.where(AuditEntry.action == action)
    if since:
        statement = statement.where(AuditEntry.at >= since)
    if until:
        statement = statement.where(AuditEntry.at < until)
    statement = statement.order_by(AuditEntry.at.desc(), AuditEntry.id)
    if limit:
        statement = statement.limit(limit)
    return [_row(entry) for entry in session.execute(statement).scalars()]


def describe_changes(row: AuditRow) -> str:
    """One line for a list: '備考: 旧 → 新'; a new record shows only what was filled in."""
    parts = []
    for change in row.changes:
        before, after = _text(change.before), _text(change.after)
        if row.action == "create":
            if after and after != "[]":
                parts.append(f"{field_label(change.field, row.entity)}: {after}")
        else:
            parts.append(f"{field_label(change.field, row.entity)}: {before} → {after}")
    if not parts and row.details:
        parts.append(_text(row.details))
    return "; ".join(parts)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


CSV_HEADER = ("日時", "利用者", "操作", "対象", "対象ID", "項目", "変更前", "変更後")


def csv_rows(rows: list[AuditRow]):
    """One line per changed field (an entry without fields gives one line)."""
    for row in rows:
        base = (f"{row.at:%Y/%m/%d %H:%M:%S}", row.user, row.action_label, row.entity_label, row.entity_id)
        if not row.changes:
            yield (*base, "", "", _text(row.details) if row.details else "")
        for change in row.changes:
            yield (*base, field_label(change.field, row.entity), _text(change.before), _text(change.after))


def export_csv(rows: list[AuditRow], target: Path, *, encoding: str = "utf-8-sig") -> int:
    """Write ``rows`` to ``target`` (UTF-8 with BOM; ``cp932`` on request); returns lines written.

    Written to a temporary file in the same folder and renamed, so a failure
    never leaves a half file under the chosen name.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise StoreError(f"出力先のフォルダー「{target.parent}」がありません。")
    temp = target.parent / f".tmp-{uuid.uuid4().hex}-{target.name}"
    count = 0
    try:
        with temp.open("w", encoding=encoding, errors="replace", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for line in csv_rows(rows):  # text a spreadsheet would run (=HYPERLINK(…)) made inert
                writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in line])
                count += 1
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StoreError(f"「{target}」に書き込めませんでした（{exc.strerror or exc}）。") from exc
    return count


def latest_change_at(session: Session) -> datetime | None:
    """When the last entry was written: the automatic backup's sign that work happened."""
    return session.execute(select(func.max(AuditEntry.at))).scalar_one_or_none()


# -------------------------------------------------- for the window (each call its own unit of work)

def history(database, *, person_id: str | None = None, limit: int | None = None) -> list[AuditRow]:
    """``list_entries`` for the window's 変更履歴."""
    with database.session() as session:
        return list_entries(session, person_id=person_id, limit=limit)


def export_history(database, target: Path, *, person_id: str | None = None) -> int:
    """The whole history (or one person's) written to ``target`` as CSV, and the export itself
    recorded in it; returns the number of entries written."""
    rows = history(database, person_id=person_id)
    export_csv(rows, target)
    with database.session() as session:
        audit.record(session, "export", "audit_log", "", {"file": target.name, "entries": len(rows)})
    return len(rows)


def latest_change(database) -> datetime | None:
    """``latest_change_at`` in its own unit of work (the automatic backup's timer asks)."""
    with database.session() as session:
        return latest_change_at(session)
