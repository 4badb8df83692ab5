"""個人情報の消去 (anonymising a person), the retention reminder and consent helpers.

Anonymising keeps the *counts*: the person row, enrollments, stays,
interactions and letters stay (so a fiscal year's figures do not change after
the fact), but every value that names or reaches the person is emptied, in
their own rows and in the audit entries about them. ``purge_freed_space`` then
makes sure the old values are gone from the file's bytes too (secure_delete,
VACUUM, WAL checkpoint) — a deleted row in SQLite otherwise lingers in free
pages and in the write-ahead log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, text, update
from sqlmodel import Session

from kankei_desktop import paths
from kankei_desktop.domain.errors import NotFoundError, StoreError
from kankei_desktop.domain.tables import Attachment, AuditEntry, Person, utc_now
from kankei_desktop.domain.text import digits_only
from kankei_desktop.services.records import (
    ERASED,
    RECORDS,
    person_links,
    person_record_ids,
    personal_field_names,
    shared_text_tables,
)
from kankei_desktop.store import audit
from kankei_desktop.store.dialect import is_postgresql

ERASED_NAME = ERASED

# Person columns emptied (value given) on anonymisation, as services/records.py declares them.
# Kept for the figures: ladder stage, ゆかり, residence area, prefecture, dates of touches.
_PERSON_BLANKS: dict[str, Any] = dict(RECORDS["persons"].personal)
# Audit fields whose values are personal, wherever they appear in a change record.
_PERSONAL_AUDIT_FIELDS = personal_field_names() | {"caption", "file_name"}

# How long older backups keep what erasure removed: the file's backup rotation (設定 → バックアップ).
BACKUP_NOTE = (
    "消去前に作られたバックアップには元の情報が残ります。バックアップは新しい{recent}件と、"
    "1日1件を{daily}日、1週1件を{weekly}週、1か月1件を{monthly}か月保管し、それより古いものは"
    "自動で削除されます（元の情報がすべてのバックアップから消えるのは、最長でおよそ{months}か月後です）。"
)


def backup_note(policy=None) -> str:
    """What the erasure leaves in older backups, and for how long (``policy``: the file's rotation)."""
    from kankei_desktop.store.backup import RetentionPolicy

    policy = policy or RetentionPolicy()
    months = max(policy.monthly, -(-policy.weekly * 7 // 30), -(-policy.daily // 30), 1)
    return BACKUP_NOTE.format(recent=policy.recent, daily=policy.daily, weekly=policy.weekly,
                              monthly=policy.monthly, months=months)


PERSONAL_DATA_WARNING = (
    "このファイルには個人情報（氏名・連絡先など）が含まれます。"
    "保管場所と受け渡し方法に注意し、不要になったら削除してください。"
)


@dataclass(frozen=True)
class AnonymiseResult:
    person_id: str
    rows_cleared: int
    audit_entries_scrubbed: int
    files_removed: int
    # The erased values, to check the file bytes afterwards; kept in memory only.
    needles: tuple[str, ...] = field(default=(), repr=False)
    vacuumed: bool = False


def _needles(person: Person) -> list[str]:
    """The person's values to search for: as stored, and as people also write them
    (a name without its space or with a full-width one, a phone without hyphens)."""
    values = [person.name, person.furigana, person.email, person.phone, person.address_line]
    for value in (person.name, person.furigana):
        if value and " " in value:
            values += [value.replace(" ", ""), value.replace(" ", "\u3000")]
        if value and "\u3000" in value:
            values += [value.replace("\u3000", ""), value.replace("\u3000", " ")]
    if person.phone and digits_only(person.phone) != person.phone:
        values.append(digits_only(person.phone))
    found = [value for value in values if value and len(value) >= 2 and value != ERASED_NAME]
    # Longest first, so "山田 花子" is replaced before a shorter form inside it.
    return sorted(dict.fromkeys(found), key=len, reverse=True)


def _scrub(value: Any, needles: list[str], key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _scrub(v, needles, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, needles, key) for v in value]
    if key in _PERSONAL_AUDIT_FIELDS and value not in (None, "", [], False, True):
        return ERASED
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, ERASED)
    return value


def _related_ids(session: Session, person_id: str) -> dict[str, list[str]]:
    related = person_record_ids(session, person_id)
    letters = related.get("letter", [])
    related["attachment"] = list(session.execute(select(Attachment.id).where(or_(
        (Attachment.owner_kind == "person") & (Attachment.owner_id == person_id),
        (Attachment.owner_kind == "letter") & Attachment.owner_id.in_(letters or [""]),
    ))).scalars())
    return related


def anonymise_person(session: Session, person_id: str, *, today: date | None = None) -> AnonymiseResult:
    """Empty every personal value of one person, keeping the rows that figures count.

    Runs in the caller's transaction. Call ``purge_freed_space`` after the
    commit so the old values also leave the file's free pages and its WAL.
    Idempotent: on a person erased before (say the purge failed), everything
    is blanked again and the result asks for the purge once more.
    """
    if not is_postgresql(session):
        session.execute(text("PRAGMA secure_delete=ON"))
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("消去する参加者が見つかりません。")
    needles = _needles(person)
    # A value another live person also has (a common name) stays in the file rightly; searching
    # the bytes for it would only force a needless VACUUM.
    shared = {
        value
        for column in (Person.name, Person.furigana, Person.email, Person.phone, Person.address_line)
        for value in session.execute(
            select(column).where(column.in_(needles), Person.id != person_id, Person.deleted_at.is_(None))
        ).scalars()
    }
    now = utc_now()
    related = _related_ids(session, person_id)
    cleared = 0
    for column, value in _PERSON_BLANKS.items():
        setattr(person, column, value)
    person.found_via = _replace_all(person.found_via, needles)
    person.anonymised_at = person.anonymised_at or today or date.today()
    person.updated_at = now
    cleared += 1
    for link in person_links():
        values = {**link.blank, **{name: "" for name in link.own_text}}
        if link.tombstone:
            values["deleted_at"] = now
        row_ids = related.get(link.table.__tablename__, [])
        if values and row_ids:
            values["updated_at"] = now
            for start in range(0, len(row_ids), 500):
                cleared += session.execute(
                    update(link.table).where(link.table.id.in_(row_ids[start : start + 500])).values(**values)
                ).rowcount
    cleared += _scrub_shared_text(session, related, needles, now)
    files_removed = _remove_attachments(session, related["attachment"], now)
    scrubbed = _scrub_audit(session, person_id, [i for group in related.values() for i in group], needles)
    from kankei_desktop.services.exchange.conflicts import forget_conflicts  # office exchange (issue 19)

    forget_conflicts(session, [person_id, *(i for group in related.values() for i in group)], needles)
    audit.record(
        session, "anonymise", "person", person_id,
        {"fields": sorted(_PERSON_BLANKS), "related_rows": cleared - 1, "files": files_removed},
    )
    session.flush()
    return AnonymiseResult(person_id, cleared, scrubbed, files_removed,
                           tuple(n for n in needles if n not in shared))


def _replace_all(value: str, needles: list[str]) -> str:
    for needle in needles:
        if value and needle in value:
            value = value.replace(needle, ERASED)
    return value


def _scrub_shared_text(session: Session, related: dict[str, list[str]], needles: list[str], now) -> int:
    """The person's name, e-mail or phone taken out of the free text of records shared with others."""
    changed = 0
    if not needles:
        return 0
    for table, fields in shared_text_tables():
        row_ids = related.get(table.__tablename__, [])
        for start in range(0, len(row_ids), 500):
            rows = session.execute(select(table.id, *[getattr(table, f) for f in fields])
                                   .where(table.id.in_(row_ids[start : start + 500]))).all()
            for row_id, *texts in rows:
                cleaned = {f: _replace_all(t or "", needles) for f, t in zip(fields, texts)}
                if any(cleaned[f] != (t or "") for f, t in zip(fields, texts)):
                    session.execute(update(table).where(table.id == row_id).values(**cleaned, updated_at=now))
                    changed += 1
    return changed


def _remove_attachments(session: Session, attachment_ids: list[str], now) -> int:
    if not attachment_ids:
        return 0
    hashes = set(session.execute(select(Attachment.sha256).where(Attachment.id.in_(attachment_ids))).scalars())
    session.execute(
        update(Attachment).where(Attachment.id.in_(attachment_ids))
        .values(file_name="", caption="", deleted_at=now, updated_at=now)
    )
    from kankei_desktop.services.attachments import reading_folder

    folder = reading_folder(session)  # on a server, the shared folder
    removed = 0
    for sha in hashes:
        still_used = session.execute(
            select(Attachment.id).where(Attachment.sha256 == sha, Attachment.deleted_at.is_(None)).limit(1)
        ).first()
        if still_used or not sha:
            continue  # the same photo is attached to someone else's record
        for stored in (folder / sha[:2]).glob(f"{sha}.*"):
            try:
                stored.chmod(0o600)
                stored.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _scrub_audit(session: Session, person_id: str, related_ids: list[str], needles: list[str]) -> int:
    conditions = [AuditEntry.changes_json.contains(person_id), AuditEntry.entity_id == person_id]
    for start in range(0, len(related_ids), 500):
        conditions.append(AuditEntry.entity_id.in_(related_ids[start : start + 500]))
    entries = session.execute(
        select(AuditEntry.id, AuditEntry.changes_json).where(or_(*conditions))
    ).all()
    count = 0
    for entry_id, raw in entries:
        try:
            changes = json.loads(raw)
        except ValueError:
            changes = raw
        cleaned = json.dumps(_scrub(changes, needles), ensure_ascii=False)
        if cleaned != raw:
            session.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(changes_json=cleaned))
            count += 1
    return count


def file_contains(path: Path, needles: list[str] | tuple[str, ...], chunk_size: int = 16 * 1024 * 1024) -> bool:
    """Whether any of ``needles`` (UTF-8) is still somewhere in the bytes of ``path``."""
    patterns = [needle.encode("utf-8") for needle in needles if needle]
    if not patterns or not path.exists():
        return False
    overlap = max(len(p) for p in patterns) - 1
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            window = tail + chunk
            if any(p in window for p in patterns):
                return True
            tail = window[-overlap:] if overlap else b""
    return False


def purge_freed_space(database, needles: tuple[str, ...] | list[str] = ()) -> bool:
    """Make sure erased values are gone from the file's bytes; returns whether VACUUM ran.

    With ``secure_delete`` SQLite zeroes what it frees, and a TRUNCATE
    checkpoint empties the WAL; older free space can still hold the values,
    so the file is searched and rebuilt with VACUUM when (or, without
    ``needles``, in case) anything is left. SQLite-specific: a PostgreSQL
    server manages its own storage. Raises ``StoreError`` when another
    connection keeps the WAL from being emptied.
    """
    if getattr(database, "is_server", False):
        return _vacuum_server(database)
    vacuumed = False
    raw = database.engine.raw_connection()
    try:
        connection = raw.driver_connection
        connection.execute("PRAGMA secure_delete=ON")
        _checkpoint(connection)
        paths_to_search = (database.path, Path(f"{database.path}-wal"))
        if not needles or any(file_contains(p, needles) for p in paths_to_search):
            connection.execute("VACUUM")
            _checkpoint(connection)
            vacuumed = True
    finally:
        raw.close()
    return vacuumed


def _vacuum_server(database) -> bool:
    """On a server the erased values have left every live row; ``VACUUM`` (outside a
    transaction) frees the dead row versions that still hold them. The bytes of the data
    files, the server's WAL and its backups are the operator's (docs/decisions.md). False
    when this user may not vacuum the tables (the server's maintenance will)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in ("person", "person_tie", "person_tag", "interaction", "letter", "shipment", "attachment",
                          "audit_log"):
                connection.exec_driver_sql(f"VACUUM {table}")
    except DBAPIError:
        return False
    return True


def _checkpoint(connection) -> None:
    busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise StoreError(
            "ほかの画面やプログラムがデータベースを使っているため、消去した情報の上書きを完了できませんでした。"
            "ほかを閉じてからもう一度実行してください。"
        )


def anonymise_and_purge(database, person_id: str) -> AnonymiseResult:
    """The whole 「個人情報の消去」: anonymise in one transaction, then purge the bytes."""
    with database.session() as session:
        result = anonymise_person(session, person_id)
    vacuumed = purge_freed_space(database, result.needles)
    return AnonymiseResult(result.person_id, result.rows_cleared, result.audit_entries_scrubbed,
                           result.files_removed, (), vacuumed)


# ---------------------------------------------------------------- retention


@dataclass(frozen=True)
class DormantPerson:
    person_id: str
    name: str
    last_activity_on: date | None
    registered_on: date


def dormant_persons(session: Session, period=None, *, today: date | None = None) -> list[DormantPerson]:
    """Persons with no touch for longer than ``period`` (「5年」「18か月」, a number of years, or
    None: the retention setting of ホーム); never touched: registered that long ago."""
    from kankei_desktop.services import retention

    months = retention.months_of(retention.period_of(session, period))
    rows = retention.persons_past(session, months, today or date.today())
    return [DormantPerson(pid, name, last, created.date()) for pid, name, last, created in rows]


# ---------------------------------------------------------------- consent


def contactable_condition(*, include_refused: bool = False):
    """The SQL condition other services add to labels, exports and mailings.

    Persons who refused contact (``contact_ok`` False) and anonymised persons
    are left out unless ``include_refused`` — and then the caller must call
    ``record_consent_override`` so the exception is in the audit log.
    """
    live = Person.deleted_at.is_(None) & Person.anonymised_at.is_(None)
    if include_refused:
        return live
    return live & Person.contact_ok.is_(True)


def record_consent_override(session: Session, purpose: str, person_ids: list[str], reason: str) -> None:
    """Log that persons who refused contact were included anyway, and why."""
    if not reason.strip():
        from kankei_desktop.domain.errors import ValidationError

        raise ValidationError({"reason": "連絡を希望しない人を含める理由を入力してください。"})
    audit.record(
        session, "consent_override", "person", "",
        {"purpose": purpose, "reason": reason.strip(), "person_ids": list(person_ids)},
    )


def attachment_folder() -> Path:
    return paths.user_data_dir() / "attachments"
