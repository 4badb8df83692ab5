"""Merging two records of one person, and undoing a merge.

Field by field the coordinator chooses whose value stays; everything that
belongs to the other record (every table ``services.records`` declares with
merge="move", and attachments) moves to the survivor,
and the other record is soft-deleted. Where both sides have the same thing
(the same programme, stay, tie or tag) the survivor keeps one and the other
side's row is tombstoned. The audit entry lists every row touched, so
``undo_merge`` puts everything back exactly.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import select, update
from sqlmodel import Session

from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.domain.tables import (
    Attachment,
    AuditEntry,
    Enrollment,
    LadderStageChange,
    Person,
    ProgrammeStage,
    new_id,
    utc_now,
)
from kankei_desktop.domain.text import person_search_columns
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.participants import PERSON_FIELDS, live_person
from kankei_desktop.services.records import person_links
from kankei_desktop.store import audit

# Fields the coordinator chooses between, in the order the dialog shows them: the person field list.
MERGE_FIELDS = PERSON_FIELDS
_DATE_FIELDS = {"birth_date", "consent_date"}

# Tables whose rows follow the person (table name → class), from the declarations of
# services/records.py; attachments are handled apart. A link declared merge="stay" (the
# ladder history) stays with the merged-away record, tombstoned with it and back on undo;
# undo still knows its table, should an audit entry name it.
_OWNED = {link.table.__tablename__: link.table for link in person_links() if link.merge == "move"}
_SAME = {link.table.__tablename__: link.same for link in person_links() if link.merge == "move"}
_TABLES = {link.table.__tablename__: link.table for link in person_links()}


def person_fields(session: Session, person_id: str) -> dict:
    """The values the merge dialog shows side by side."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("参加者が見つかりません。")
    return {name: getattr(person, name) for name in MERGE_FIELDS}


def _live_ids(session: Session, table, person_id: str) -> list[str]:
    return list(session.execute(
        select(table.id).where(table.person_id == person_id, table.deleted_at.is_(None))
    ).scalars())


def _further(session: Session, a_id: str, b_id: str) -> tuple[str, str]:
    """(kept, dropped) of two enrollments in one programme: the one further along is kept."""
    def rank(enrollment_id: str):
        enrollment = session.get(Enrollment, enrollment_id)
        stage = session.get(ProgrammeStage, enrollment.stage_id)
        # A final stage beats all; a dropped-out stage is behind every live one.
        return (stage.is_final, not stage.is_dropout, stage.position, enrollment.stage_since or date.min)
    return (a_id, b_id) if rank(a_id) >= rank(b_id) else (b_id, a_id)


def _duplicates(session: Session, survivor_id: str, other_id: str) -> tuple[dict[str, list[str]], list[list[str]]]:
    """Rows of either side that must be tombstoned because the survivor would hold the same thing twice."""
    dropped: dict[str, list[str]] = {key: [] for key in _OWNED}
    kept_enrollments: list[list[str]] = []
    pairs = session.execute(
        select(Enrollment.programme_id, Enrollment.id, Enrollment.person_id)
        .where(Enrollment.person_id.in_([survivor_id, other_id]), Enrollment.deleted_at.is_(None))
    ).all()
    by_programme: dict[str, dict[str, str]] = {}
    for programme_id, enrollment_id, person_id in pairs:
        by_programme.setdefault(programme_id, {})[person_id] = enrollment_id
    for programme_id, sides in by_programme.items():
        if len(sides) == 2:
            kept, lost = _further(session, sides[survivor_id], sides[other_id])
            dropped["enrollment"].append(lost)
            kept_enrollments.append([programme_id, kept, lost])
    for table, same in _SAME.items():
        if table == "enrollment" or not same:  # enrollments: the one further along is kept (above)
            continue
        cls = _OWNED[table]
        key_columns = [getattr(cls, name) for name in same]
        survivor_keys = set(session.execute(
            select(*key_columns).where(cls.person_id == survivor_id, cls.deleted_at.is_(None))
        ).all())
        for row_id, *key in session.execute(
            select(cls.id, *key_columns).where(cls.person_id == other_id, cls.deleted_at.is_(None))
        ):
            if tuple(key) in survivor_keys:
                dropped[table].append(row_id)
    return dropped, kept_enrollments


def merge_persons(
    session: Session, survivor_id: str, other_id: str, field_choices: dict[str, str] | None = None
) -> str:
    """Merge ``other_id`` into ``survivor_id``; returns the id of the audit entry (for ``undo_merge``).

    ``field_choices`` maps a field of MERGE_FIELDS to "survivor" or "other"
    (unnamed fields keep the survivor's value).
    """
    if survivor_id == other_id:
        raise ValidationError({"other": "同じ参加者どうしは統合できません。別の参加者を選んでください。"})
    survivor = live_person(session, survivor_id, "統合する参加者")
    other = live_person(session, other_id, "統合する参加者")
    choices = _checked_choices(field_choices)
    now = utc_now()

    before, after = _take_fields(survivor, other, choices, now)
    dropped, kept_enrollments = _duplicates(session, survivor_id, other_id)
    _drop_rows(session, dropped, now)
    moved = _move_rows(session, survivor_id, other_id, now)
    ladder_change_id = _record_ladder_change(session, survivor_id, other, before, after)
    other.deleted_at = other.updated_at = now
    session.flush()
    refresh_last_activity(session, [survivor_id])

    entry = AuditEntry(
        user=audit.current_user(), action="merge", entity="person", entity_id=survivor_id,
        changes_json=json.dumps({
            "other_id": other_id,
            "other_name": other.name,
            "fields": audit.diff(before, after),
            "survivor_before": {k: audit._plain(v) for k, v in before.items()},
            "moved": moved,
            "dropped": dropped,
            "kept_enrollments": kept_enrollments,
            "ladder_change_id": ladder_change_id,
            "merged_at": now.isoformat(),
        }, ensure_ascii=False, default=audit._plain),
    )
    session.add(entry)
    session.flush()
    return entry.id


def _checked_choices(field_choices: dict[str, str] | None) -> dict[str, str]:
    """The field choices, refused before anything is written if a field or a side is unknown."""
    choices = dict(field_choices or {})
    unknown = [key for key in choices if key not in MERGE_FIELDS]
    bad = [key for key, side in choices.items() if side not in ("survivor", "other")]
    if unknown or bad:
        raise ValidationError({"fields": f"統合できない項目の指定です: {'、'.join(unknown + bad)}"})
    return choices


def _take_fields(survivor: Person, other: Person, choices: dict[str, str], now: datetime) -> tuple[dict, dict]:
    """Give the survivor the chosen fields; (its fields before, after) are kept for the audit and undo."""
    before = {name: getattr(survivor, name) for name in MERGE_FIELDS}
    after = {name: getattr(other if choices.get(name) == "other" else survivor, name) for name in MERGE_FIELDS}
    for name, value in after.items():
        setattr(survivor, name, value)
    survivor.furigana_sort, survivor.search_text = person_search_columns(
        survivor.name, survivor.furigana, survivor.email, survivor.phone)
    survivor.updated_at = now
    return before, after


def _drop_rows(session: Session, dropped: dict[str, list[str]], now: datetime) -> None:
    """Soft-delete the other's rows that the survivor already has, so nothing is counted twice."""
    for table, ids in dropped.items():
        if ids:
            cls = _OWNED[table]
            session.execute(update(cls).where(cls.id.in_(ids)).values(deleted_at=now, updated_at=now))


def _move_rows(session: Session, survivor_id: str, other_id: str, now: datetime) -> dict[str, list[str]]:
    """Hand the other's remaining rows and attachments to the survivor; {table: moved ids} for undo."""
    moved: dict[str, list[str]] = {}
    for table, cls in _OWNED.items():
        ids = _live_ids(session, cls, other_id)
        if ids:
            session.execute(update(cls).where(cls.id.in_(ids)).values(person_id=survivor_id, updated_at=now))
        moved[table] = ids
    moved["attachment"] = list(session.execute(
        select(Attachment.id).where(Attachment.owner_kind == "person", Attachment.owner_id == other_id,
                                    Attachment.deleted_at.is_(None))
    ).scalars())
    if moved["attachment"]:
        session.execute(update(Attachment).where(Attachment.id.in_(moved["attachment"]))
                        .values(owner_id=survivor_id, updated_at=now))
    return moved


def _record_ladder_change(session: Session, survivor_id: str, other: Person, before: dict,
                          after: dict) -> str | None:
    """A ladder history row when the merge changes the survivor's stage (its id, for undo), else None."""
    if before["ladder_stage"] == after["ladder_stage"]:
        return None
    ladder_change_id = new_id()
    session.add(LadderStageChange(
        id=ladder_change_id, person_id=survivor_id, from_stage=before["ladder_stage"],
        to_stage=after["ladder_stage"], changed_on=date.today(), changed_by=audit.current_user(),
        reason=f"統合（{other.name}）",
    ))
    return ladder_change_id


def undo_merge(session: Session, audit_entry_id: str) -> None:
    """Put both persons back exactly as they were before the merge."""
    entry = session.get(AuditEntry, audit_entry_id)
    if entry is None or entry.action != "merge":
        raise NotFoundError("元に戻す統合の記録が見つかりません。")
    if session.execute(select(AuditEntry.id).where(AuditEntry.action == "unmerge",
                                                   AuditEntry.entity_id == audit_entry_id)).first():
        raise ConflictError("この統合はすでに元に戻されています。")
    data = json.loads(entry.changes_json)
    survivor = live_person(session, entry.entity_id, "統合する参加者")
    other = session.get(Person, data["other_id"])
    if other is None or other.deleted_at is None:
        raise ConflictError("統合された参加者の記録が変更されているため、元に戻せません。")
    changed = changes_since_merge(session, entry, data)
    if changed:
        # Undoing would put the rows back as they were at the merge and lose these edits: refused.
        raise ConflictError(
            "統合のあとで次の記録が変更されているため、統合を元に戻せません（元に戻すとその変更が失われます）: "
            + "、".join(changed) + "。必要なら変更を控えてから、参加者を分けて登録し直してください。")
    now = utc_now()
    for name, value in data["survivor_before"].items():
        if name in _DATE_FIELDS and value:
            value = date.fromisoformat(value)
        setattr(survivor, name, value)
    survivor.furigana_sort, survivor.search_text = person_search_columns(
        survivor.name, survivor.furigana, survivor.email, survivor.phone)
    survivor.updated_at = now
    # Back to the other person first, then the tombstoned twins, so no programme holds two live enrollments.
    for table, ids in data["moved"].items():
        if not ids:
            continue
        if table == "attachment":
            session.execute(update(Attachment).where(Attachment.id.in_(ids)).values(owner_id=other.id, updated_at=now))
        else:
            cls = _TABLES[table]
            session.execute(update(cls).where(cls.id.in_(ids)).values(person_id=other.id, updated_at=now))
    session.flush()
    for table, ids in data["dropped"].items():
        if ids:
            cls = _TABLES[table]
            session.execute(update(cls).where(cls.id.in_(ids)).values(deleted_at=None, updated_at=now))
    if data.get("ladder_change_id"):
        session.execute(update(LadderStageChange).where(LadderStageChange.id == data["ladder_change_id"])
                        .values(deleted_at=now, updated_at=now))
    other.deleted_at = None
    other.updated_at = now
    session.flush()
    refresh_last_activity(session, [survivor.id, other.id])
    audit.record(session, "unmerge", "audit_log", audit_entry_id, {"survivor_id": survivor.id, "other_id": other.id})


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def changes_since_merge(session: Session, entry: AuditEntry, data: dict) -> list[str]:
    """What changed after the merge on any record it touched (the two persons, the rows moved or
    tombstoned), in words: 「山田 太郎 のメモ（2026/12/04）」「手紙 1 件」. Empty when undo loses nothing."""
    from kankei_desktop.services.audit_log import ENTITY_LABELS, field_label

    merged_at = _naive(datetime.fromisoformat(data["merged_at"]) if data.get("merged_at") else entry.at)
    persons = {entry.entity_id, data["other_id"]}
    rows = {row_id for ids in (*data["moved"].values(), *data["dropped"].values()) for row_id in ids}
    found: list[str] = []
    names = dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(persons))).all())
    later = session.execute(
        select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.at, AuditEntry.changes_json)
        .where(AuditEntry.at > entry.at, AuditEntry.entity_id.in_(persons | rows),
               AuditEntry.action.notin_(("merge", "unmerge")))
        .order_by(AuditEntry.at)).all()
    named_rows = set()
    for entity, entity_id, at, changes in later:
        fields = [field_label(key, entity) for key in json.loads(changes or "{}") if key not in ("reason",)]
        whose = names.get(entity_id) or ENTITY_LABELS.get(entity, entity)
        what = "・".join(dict.fromkeys(fields)) or "記録"
        found.append(f"{whose} の{what}（{_naive(at):%Y/%m/%d}）")
        named_rows.add(entity_id)
    for person_id in persons - named_rows:
        person = session.get(Person, person_id)
        if person is not None and _naive(person.updated_at) > merged_at:
            found.append(f"{person.name} の記録")
    for table, cls in {**_TABLES, "attachment": Attachment}.items():
        ids = [row_id for row_id in (*data["moved"].get(table, []), *data["dropped"].get(table, []))
               if row_id not in named_rows]
        if not ids:
            continue
        touched = [when for (when,) in session.execute(select(cls.updated_at).where(cls.id.in_(ids))).all()
                   if _naive(when) > merged_at]
        if touched:
            found.append(f"{ENTITY_LABELS.get(table, table)} {len(touched)} 件")
    return list(dict.fromkeys(found))


def merges_of(session: Session, person_id: str) -> list[tuple]:
    """(audit entry id, at, other name) of merges into this person, newest first (for an undo menu)."""
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.at, AuditEntry.changes_json)
        .where(AuditEntry.action == "merge", AuditEntry.entity == "person", AuditEntry.entity_id == person_id)
        .order_by(AuditEntry.at.desc())
    ).all()
    return [(entry_id, at, json.loads(text).get("other_name", "")) for entry_id, at, text in rows]
