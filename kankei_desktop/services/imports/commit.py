"""Writing an import plan: one transaction, Core executemany, progress and cancel.

Everything happens in the caller's session; any exception (a cancel included)
propagates so that ``Database.session()`` rolls the whole import back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import (
    AuditEntry,
    Enrollment,
    EnrollmentStageChange,
    LadderStageChange,
    Person,
    PersonTag,
    PersonTie,
    new_id,
    utc_now,
)
from kankei_desktop.domain.text import person_search_columns
from kankei_desktop.io.columns import ACTIVITY_KINDS
from kankei_desktop.io.writers import Table, write_csv, write_xlsx
from kankei_desktop.services.imports.activities import commit_activity_plan
from kankei_desktop.services.imports.existing import _current_lists, load_person_inputs
from kankei_desktop.services.imports.mapping import save_mapping
from kankei_desktop.services.imports.types import (
    _LIST_FIELDS,
    _PERSON_FIELDS,
    ACTION_LABELS,
    CHUNK,
    CREATE,
    DUPLICATE,
    SKIP,
    STATUS_LABELS,
    UNCHANGED,
    UPDATE,
    CellMessage,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    PlanRow,
    fresh_ids,
)
from kankei_desktop.services.memory import gc_paused
from kankei_desktop.services.participants import PersonInput, normalise
from kankei_desktop.store import audit
from kankei_desktop.store.dialect import insert_many, is_postgresql, list_indexes
from kankei_desktop.store.rows import stored_form

Progress = Callable[[int, int], None]


def _bulk_insert(session: Session, table, rows: list[dict]) -> None:
    """One executemany straight on the DB-API cursor: no per-value SQLAlchemy processing."""
    if not rows:
        return
    columns = list(rows[0])
    cache: dict = {}  # one timestamp serves a whole chunk

    def value(v):
        if v is None or type(v) is str or type(v) is int:
            return v
        key = (type(v), v)
        if key not in cache:
            cache[key] = stored_form(v)
        return cache[key]

    insert_many(session, table, columns, [tuple([value(row[c]) for c in columns]) for row in rows])


def _insert_tuples(session: Session, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Like ``_bulk_insert`` for rows already built as tuples of stored values (the bulk path)."""
    insert_many(session, table, columns, rows)


def _merge_filled(base: PersonInput, row: PlanRow) -> PersonInput:
    """``base`` with the row's non-blank cells laid over it (a duplicate merged into a record)."""
    values = {k: v for k, v in row.fields.items() if k in row.filled and hasattr(base, k)}
    for key in _LIST_FIELDS:
        if key in values:
            values[key] = list(dict.fromkeys([*getattr(base, key), *values[key]]))
    return normalise(replace(base, **values))


def commit_plan(
    session: Session,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    before_commit: Callable[[], Path | None] | None = None,
    on: date | None = None,
) -> ImportResult:
    """Write the rows whose action is create or update; returns the counts and skipped rows.

    ``before_commit`` runs first (the automatic backup); ``progress(done, total)``
    is called between chunks and ``cancelled()`` checked there: a cancel raises
    ``ImportCancelled`` and, like any error, leaves the database as it was.
    """
    if plan.kind in ACTIVITY_KINDS:  # stays, shipments, letters: written through their services
        return commit_activity_plan(session, plan, before_commit=before_commit, progress=progress, today=on)
    with gc_paused():
        return _commit_persons(session, plan, progress, cancelled, before_commit, on)


def _commit_persons(session: Session, plan: ImportPlan, progress, cancelled, before_commit, on) -> ImportResult:
    result = ImportResult(plan.source)
    if before_commit is not None:
        result.backup = before_commit()
    on = on or date.today()
    work = _sort_rows(session, plan, result)
    originals = load_person_inputs(session, list(work.updates))
    total = len(work.inserts) + len(work.updates) + len(work.enrollments)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if cancelled is not None and cancelled():
            raise ImportCancelled("取り込みを取り消しました。データベースは変更していません。")
        if progress is not None:
            progress(done, total)

    try:
        _grow_cache(session, len(work.inserts) + len(work.updates))
        if progress is not None:
            progress(0, total)
        _write_persons(session, plan, work, originals, result, on, step)
    except SQLAlchemyError as error:
        raise KankeiError(
            f"書き込み中にエラーが起きたため、取り込みを中止しました。データベースは変更していません（{str(error.orig or error)[:200]}）。"
        ) from error
    return result


@dataclass
class _PersonWork:
    """What the plan's rows ask of the database, gathered before anything is written."""

    inserts: dict[str, PersonInput] = field(default_factory=dict)
    updates: dict[str, PersonInput] = field(default_factory=dict)
    present_of: dict[str, set] = field(default_factory=dict)
    target_of_row: dict[int, str] = field(default_factory=dict)
    enrollments: dict[tuple[str, str], dict] = field(default_factory=dict)
    merged_into: list[tuple[PlanRow, str]] = field(default_factory=list)  # rows that update a stored person


def _sort_rows(session: Session, plan: ImportPlan, result: ImportResult) -> _PersonWork:
    """Count the unchanged and skipped rows (with their reasons) and gather the writes of the others."""
    work = _PersonWork()
    for row in plan.rows:
        if row.status == UNCHANGED:
            result.unchanged += 1
            continue
        if row.action not in (CREATE, UPDATE):
            result.skipped += 1
            if row.messages:
                result.problems += [CellMessage(m.row, m.column, f"取り込みませんでした: {m.message}", m.column_index)
                                    for m in row.messages]
            else:
                result.problems.append(CellMessage(row.number, "", f"取り込みませんでした: {_skip_reason(row)}"))
            continue
        target = _apply_row(session, row, work.inserts, work.updates, work.present_of, work.target_of_row)
        if row.action == UPDATE and target not in work.inserts:
            work.merged_into.append((row, target))
        if row.enrollment:
            work.enrollments[(row.enrollment["programme_id"], target)] = row.enrollment
    return work


def _grow_cache(session: Session, persons: int) -> None:
    """Keep every page this transaction dirties in SQLite's cache until the commit.

    Spilled pages are written to the WAL mid-way and again at the end (a new person costs about
    2.5 KB with its index entries, ゆかり, history and audit). 128 MB to 512 MB; the connection
    is closed after the session (NullPool), so the setting ends with it.
    """
    kib = min(524288, max(131072, 3 * persons))
    if not is_postgresql(session):  # a server keeps its own shared buffers
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{kib}")


def _write_persons(session: Session, plan: ImportPlan, work: _PersonWork, originals, result: ImportResult,
                   on: date, step) -> None:
    """Insert, update and enroll the gathered persons, count them by sheet row, and audit the import."""
    rebuild = _drop_list_indexes(session, len(work.inserts))
    result.created = _insert_persons(session, work.inserts, on, step)
    _rebuild_indexes(session, rebuild)
    changed = _update_persons(session, work.updates, originals, work.present_of, on, step)
    # Counted by sheet row, as the plan counts them (a person in two programmes has two rows); a
    # duplicate merged into a stored person counts as 変更なし when the merge changed nothing.
    for row, target in work.merged_into:
        if row.status == UPDATE or target in changed:
            result.updated += 1
        else:
            result.unchanged += 1
    result.enrolled = _write_enrollments(session, work.enrollments, on, step)
    audit.record(session, "import", "person", "", {
        "file": Path(plan.source).name, "sheet": plan.sheet, "created": result.created,
        "updated": result.updated, "skipped": result.skipped, "enrolled": result.enrolled,
    })
    save_mapping(session, plan.headers, plan.mapping, Path(plan.source).name)
    session.flush()


def _skip_reason(row: PlanRow) -> str:
    if row.status == DUPLICATE:
        if row.duplicate_row:
            return f"{row.duplicate_row} 行目と同じ人と思われます"
        return "登録済みの参加者と同じ人と思われます"
    return "「取り込まない」が選ばれました"


def _apply_row(session, row: PlanRow, inserts, updates, present_of, target_of_row) -> str:
    if row.action == CREATE:
        inserts[row.person_id] = row.data
        target_of_row[row.number] = row.person_id
        present_of[row.person_id] = set(row.fields)
        return row.person_id
    if row.status == UPDATE:
        updates[row.person_id] = row.data
        present_of[row.person_id] = set(row.fields)
        target_of_row[row.number] = row.person_id
        return row.person_id
    # A duplicate the coordinator chose to merge into the record it duplicates.
    target = row.duplicate_ids[0] if row.duplicate_ids else target_of_row.get(row.duplicate_row)
    if target is None:  # the earlier row was skipped: this one stands alone
        inserts[row.person_id] = row.data
        present_of[row.person_id] = set(row.fields)
        target_of_row[row.number] = row.person_id
        return row.person_id
    target_of_row[row.number] = target
    if target in inserts:
        inserts[target] = _merge_filled(inserts[target], row)
    else:
        base = updates.get(target) or load_person_inputs(session, [target])[target]
        updates[target] = _merge_filled(base, row)
    present_of.setdefault(target, set()).update(row.filled)
    return target


def _person_values(data: PersonInput) -> dict:
    values = {name: getattr(data, name) for name in _PERSON_FIELDS}
    values["furigana_sort"], values["search_text"] = person_search_columns(data.name, data.furigana, data.email, data.phone)
    return values


# The person list indexes (migration 0004 and later) cost more to keep up row by row than to
# build once over the whole table when an import adds at least as many persons as there are.
_LIST_INDEX_PREFIX = "ix_person_list_"
_REBUILD_FROM = 5000


def _drop_list_indexes(session: Session, adding: int) -> list[str]:
    """Drop the person list indexes before a large insert; returns the SQL that re-creates them.

    DDL is part of the transaction (SQLite and PostgreSQL alike), so a failure or cancel brings them back with the rows.
    """
    if adding < _REBUILD_FROM:
        return []
    connection = session.connection()
    existing = connection.exec_driver_sql("SELECT count(*) FROM person").scalar_one()
    if adding < existing:
        return []
    found = list_indexes(session, "person", _LIST_INDEX_PREFIX)
    for name, _sql in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _rebuild_indexes(session: Session, statements: list[str]) -> None:
    for statement in statements:
        session.connection().exec_driver_sql(statement)


_PERSON_INSERT_COLUMNS = ("id", "created_at", "updated_at", *_PERSON_FIELDS, "furigana_sort", "search_text",
                          "first_tie")
_TYPED_FIELDS = tuple(i for i, name in enumerate(_PERSON_FIELDS)
                      if name in ("birth_date", "consent_date", "contact_ok", "photo_ok"))
_person_fields = attrgetter(*_PERSON_FIELDS)


def _person_row(pid: str, stamp: str, data: PersonInput) -> tuple:
    values = list(_person_fields(data))
    for index in _TYPED_FIELDS:  # dates and flags; every other field is text already
        values[index] = stored_form(values[index])
    # first_tie as the person_tie trigger would set it, so inserting the ties rewrites no person row.
    return (pid, stamp, stamp, *values, *person_search_columns(data.name, data.furigana, data.email, data.phone),
            min(data.ties) if data.ties else None)


def _sorted_ids(count: int) -> list[str]:
    """Fresh ids, ascending: every primary-key index then grows at its end instead of at
    100,000 random places, which is most of what a bulk insert costs SQLite."""
    return sorted(fresh_ids(count))


_LADDER_COLUMNS = ("id", "created_at", "updated_at", "person_id", "from_stage", "to_stage", "changed_on",
                   "changed_by", "reason")
_AUDIT_COLUMNS = ("id", "created_at", "updated_at", "at", "user", "action", "entity", "entity_id", "changes_json")
_TIE_COLUMNS = ("id", "created_at", "updated_at", "person_id", "tie")
_TAG_COLUMNS = ("id", "created_at", "updated_at", "person_id", "kind", "name")


def _insert_persons(session: Session, inserts: dict[str, PersonInput], on: date, step) -> int:
    stamp, user, day = stored_form(utc_now()), audit.current_user(), stored_form(on)
    items = sorted(inserts.items())  # the new persons' ids were drawn at random when planned
    ladder_ids, audit_ids = iter(_sorted_ids(len(items))), iter(_sorted_ids(len(items)))
    child_ids = iter(_sorted_ids(sum(len(d.ties) + len(d.interests) + len(d.skills) for _p, d in items)))
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        _insert_tuples(session, Person, _PERSON_INSERT_COLUMNS, [_person_row(pid, stamp, data) for pid, data in chunk])
        _insert_tuples(session, LadderStageChange, _LADDER_COLUMNS, [
            (next(ladder_ids), stamp, stamp, pid, None, data.ladder_stage, day, user, "取り込み")
            for pid, data in chunk
        ])
        _insert_children(session, chunk, stamp, child_ids)
        _insert_tuples(session, AuditEntry, _AUDIT_COLUMNS, [
            (next(audit_ids), stamp, stamp, stamp, user, "create", "person", pid,
             '{"name": [null, ' + json.dumps(data.name, ensure_ascii=False) + '], "source": "import"}')
            for pid, data in chunk
        ])
        step(len(chunk))
    return len(items)


def _insert_children(session: Session, chunk, stamp: str, ids) -> None:
    ties, tags = [], []
    for pid, data in chunk:
        ties += [(next(ids), stamp, stamp, pid, t) for t in data.ties]
        tags += [(next(ids), stamp, stamp, pid, "関心", n) for n in data.interests]
        tags += [(next(ids), stamp, stamp, pid, "スキル", n) for n in data.skills]
    _insert_tuples(session, PersonTie, _TIE_COLUMNS, ties)
    _insert_tuples(session, PersonTag, _TAG_COLUMNS, tags)


def _update_persons(session, updates: dict[str, PersonInput], originals, present_of, on: date, step) -> set[str]:
    """Write the updates; returns the persons that really changed."""
    now, user = utc_now(), audit.current_user()
    changed: set[str] = set()
    ordered, current_lists = list(updates), {}
    for count, (pid, data) in enumerate(updates.items(), 1):
        if count % CHUNK == 1:  # the stored lists of the next chunk, in one query per table
            current_lists = _current_lists(session, ordered[count - 1 : count - 1 + CHUNK])
        before = originals[pid]
        present = present_of.get(pid, set())
        changes = audit.diff({n: getattr(before, n) for n in _PERSON_FIELDS}, {n: getattr(data, n) for n in _PERSON_FIELDS})
        lists = [key for key in _LIST_FIELDS if key in present]
        if lists:
            current = current_lists[pid]
            for key in lists:  # ゆかり, 関心 and スキル are sets: the order in a cell is not a change
                if sorted(current[key]) != sorted(getattr(data, key)):
                    changes[key] = [current[key], getattr(data, key)]
        if changes:
            changed.add(pid)
            session.execute(update(Person).where(Person.id == pid).values(updated_at=now, **_person_values(data)))
            if "ladder_stage" in changes:
                session.execute(insert(LadderStageChange), [{
                    "id": new_id(), "created_at": now, "updated_at": now, "person_id": pid,
                    "from_stage": before.ladder_stage, "to_stage": data.ladder_stage, "changed_on": on,
                    "changed_by": user, "reason": "取り込み"}])
            if any(key in changes for key in _LIST_FIELDS):
                _replace_lists(session, pid, data, [k for k in lists if k in changes], now)
            audit.record(session, "update", "person", pid, {**changes, "source": "import"})
        if count % CHUNK == 0 or count == len(updates):
            step(CHUNK if count % CHUNK == 0 else count % CHUNK)
    return changed


def _replace_lists(session: Session, pid: str, data: PersonInput, keys: list[str], now) -> None:
    if "ties" in keys:
        session.execute(update(PersonTie).where(PersonTie.person_id == pid, PersonTie.deleted_at.is_(None))
                        .values(deleted_at=now, updated_at=now))
        if data.ties:
            session.execute(insert(PersonTie), [{"id": new_id(), "created_at": now, "updated_at": now,
                                                 "person_id": pid, "tie": t} for t in data.ties])
    for key, kind in (("interests", "関心"), ("skills", "スキル")):
        if key in keys:
            session.execute(update(PersonTag).where(PersonTag.person_id == pid, PersonTag.kind == kind,
                                                    PersonTag.deleted_at.is_(None)).values(deleted_at=now, updated_at=now))
            names = getattr(data, key)
            if names:
                session.execute(insert(PersonTag), [{"id": new_id(), "created_at": now, "updated_at": now,
                                                     "person_id": pid, "kind": kind, "name": n} for n in names])


def _write_enrollments(session: Session, enrollments: dict[tuple[str, str], dict], on: date, step) -> int:
    if not enrollments:
        return 0
    now, user = utc_now(), audit.current_user()
    existing: dict[tuple[str, str], tuple[str, str]] = {}
    people = sorted({person for _p, person in enrollments})
    for start in range(0, len(people), 500):
        for eid, programme_id, person_id, stage_id in session.execute(
            select(Enrollment.id, Enrollment.programme_id, Enrollment.person_id, Enrollment.stage_id)
            .where(Enrollment.person_id.in_(people[start : start + 500]), Enrollment.deleted_at.is_(None))
        ):
            existing[(programme_id, person_id)] = (eid, stage_id)
    new_rows, changes, written = [], [], 0
    for (programme_id, person_id), item in enrollments.items():
        day = item["joined_on"] or item["applied_on"] or on
        if (programme_id, person_id) in existing:
            eid, stage_id = existing[(programme_id, person_id)]
            if "changes" in item:  # keyed by 参加登録ID: the plan compared it with the stored row
                values = {k: v for k, v in item["changes"].items() if k != "stage_id"}
            else:
                values = {k: item[k] for k in ("applied_on", "joined_on") if item[k]}
                if item.get("notes") is not None:
                    values["notes"] = item["notes"]
            if stage_id != item["stage_id"]:
                values |= {"stage_id": item["stage_id"], "stage_since": on}
                changes.append({"id": new_id(), "created_at": now, "updated_at": now, "enrollment_id": eid,
                                "from_stage_id": stage_id, "to_stage_id": item["stage_id"], "changed_on": on,
                                "changed_by": user})
            if values:
                session.execute(update(Enrollment).where(Enrollment.id == eid).values(updated_at=now, **values))
                written += 1
            continue
        eid = new_id()
        new_rows.append({"id": eid, "created_at": now, "updated_at": now, "programme_id": programme_id,
                         "person_id": person_id, "stage_id": item["stage_id"], "applied_on": item["applied_on"],
                         "joined_on": item["joined_on"], "stage_since": day, "notes": item.get("notes") or ""})
        changes.append({"id": new_id(), "created_at": now, "updated_at": now, "enrollment_id": eid,
                        "from_stage_id": None, "to_stage_id": item["stage_id"], "changed_on": day, "changed_by": user})
    for start in range(0, len(new_rows), CHUNK):
        _bulk_insert(session, Enrollment, new_rows[start : start + CHUNK])
        step(len(new_rows[start : start + CHUNK]))
    if changes:
        _bulk_insert(session, EnrollmentStageChange, changes)
    return written + len(new_rows)


# ---------------------------------------------------------------- reports


REPORT_HEADERS = ["行", "列", "内容"]


def report_table(result: ImportResult) -> Table:
    rows = [("", "結果", result.summary())]
    if result.backup:
        rows.append(("", "バックアップ", str(result.backup)))
    rows += [(m.row, m.column, m.message) for m in result.problems]
    return Table("取り込み結果", REPORT_HEADERS, ["int", "text", "text"], rows, [8, 16, 90])


def preview_table(plan: ImportPlan) -> Table:
    """Every row of a plan with its status, chosen action and messages (for a dry run)."""
    rows = [
        (row.number, STATUS_LABELS[row.status], ACTION_LABELS[row.action], row.name,
         "; ".join(m.text() for m in row.messages) or _duplicate_note(row))
        for row in plan.rows
    ] + [(number, "集計行", ACTION_LABELS[SKIP], "", text) for number, text in plan.summary_rows]
    rows.sort(key=lambda row: row[0])
    return Table("取り込みの確認", ["行", "状態", "処理", "氏名", "メッセージ"], ["int", "text", "text", "text", "text"], rows)


def _duplicate_note(row: PlanRow) -> str:
    if row.status != DUPLICATE:
        return ""
    if row.duplicate_row:
        return f"{row.duplicate_row} 行目と同じ人と思われます"
    return f"登録済みの参加者（ID: {', '.join(row.duplicate_ids)}）と同じ人と思われます"


def write_report(table: Table, path: Path, encoding: str = "utf-8-sig") -> Path:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        write_csv(path, table, encoding)
    else:
        write_xlsx(path, [table])
    return path
