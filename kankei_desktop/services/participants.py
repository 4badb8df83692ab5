"""Participants (関係人口): create, edit, delete and restore persons; the list query.

The list is served as ids first (filtered and sorted in SQL) and rows fetched a
page at a time, so a screen over 100,000 persons never loads them all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date

from sqlalchemy import exists, func, select, update
from sqlmodel import Session

from kankei_desktop.domain.contact import contact_errors, normalised_contact
from kankei_desktop.domain.enums import RESIDENCE_AREAS, LadderStage, Tie
from kankei_desktop.domain.errors import NotFoundError
from kankei_desktop.domain.limits import BIRTH_DATE_MIN, add_length_errors
from kankei_desktop.domain.tables import LadderStageChange, Person, PersonTag, PersonTie, utc_now
from kankei_desktop.domain.text import (
    fold,
    is_katakana,
    like_pattern,
    normalise_name,
    normalise_spaces,
    person_search_columns,
    to_katakana,
)
from kankei_desktop.services.record_ops import assign, check_version, deleted, live, restore, soft_delete, valid, values_of
from kankei_desktop.store import audit, versions
from kankei_desktop.store.rows import plain_rows


@dataclass
class PersonInput:
    """Everything the editor (or an import row) says about one person."""

    name: str = ""
    furigana: str = ""
    birth_date: date | None = None
    gender: str = ""
    email: str = ""
    phone: str = ""
    postal_code: str = ""
    prefecture: str = ""
    city: str = ""
    address_line: str = ""
    address_building: str = ""
    residence_area: str = ""
    affiliation: str = ""
    ladder_stage: str = LadderStage.INTERESTED.value
    contact_ok: bool = True
    photo_ok: bool = False
    consent_date: date | None = None
    found_via: str = ""
    notes: str = ""
    ties: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)


# The person's lists, kept in rows of their own (person_tie, person_tag).
LIST_FIELDS = ("ties", "interests", "skills")
# The person field list: PersonInput's fields copied one to one to the person row, in the editor's
# order. Imports, merge and the editor all read it from here.
PERSON_FIELDS = tuple(name for name in PersonInput.__dataclass_fields__ if name not in LIST_FIELDS)


def normalise(data: PersonInput) -> PersonInput:
    """The stored form: trimmed text, katakana フリガナ, half-width phone, 7-digit 〒."""
    return replace(
        data,
        furigana=to_katakana(data.furigana),
        name=normalise_name(data.name),
        **normalised_contact(data),
        **{name: _unique(getattr(data, name)) for name in LIST_FIELDS},
    )


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        value = normalise_spaces(value)
        if value:
            seen.setdefault(value, None)
    return list(seen)


_LADDER_STAGES = frozenset(stage.value for stage in LadderStage)
_TIES = frozenset(tie.value for tie in Tie)


def validate(data: PersonInput, today: date | None = None) -> dict[str, str]:
    """Field → message for every problem in an already normalised input."""
    today = today or date.today()
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = "氏名を入力してください。"
    elif len(data.name) > 100:
        errors["name"] = "氏名は100文字以内で入力してください。"
    if data.furigana and not is_katakana(data.furigana):
        errors["furigana"] = "フリガナはカタカナ（またはひらがな）で入力してください。"
    errors.update(contact_errors(data, ("email", "phone", "postal_code"), email_example="name@example.jp"))
    if data.birth_date and data.birth_date > today:
        errors["birth_date"] = "生年月日が未来の日付です。"
    if data.consent_date and data.consent_date > today:
        errors["consent_date"] = "同意日が未来の日付です。"
    if data.ladder_stage not in _LADDER_STAGES:
        errors["ladder_stage"] = f"段階「{data.ladder_stage}」はありません。"
    unknown_ties = [tie for tie in data.ties if tie not in _TIES]
    if unknown_ties:
        errors["ties"] = f"ゆかり「{'、'.join(unknown_ties)}」は選択肢にありません。"
    if data.residence_area and data.residence_area not in RESIDENCE_AREAS:
        errors["residence_area"] = f"居住地区分「{data.residence_area}」は選択肢にありません。"
    if data.birth_date and data.birth_date < BIRTH_DATE_MIN:
        errors.setdefault("birth_date", f"生年月日 {data.birth_date:%Y/%m/%d} は {BIRTH_DATE_MIN:%Y/%m/%d} より前です。年の入力を確かめてください。")
    return add_length_errors(errors, Person, data)


def _checked(data: PersonInput) -> PersonInput:
    data = normalise(data)
    return valid(data, validate(data))


def _apply(person: Person, data: PersonInput) -> None:
    assign(person, data, PERSON_FIELDS)
    person.furigana_sort, person.search_text = person_search_columns(data.name, data.furigana, data.email, data.phone)


def _snapshot(session: Session, person: Person) -> dict:
    values = values_of(person, PERSON_FIELDS)
    loaded = load_person_input(session, person.id)
    values.update(ties=loaded.ties, interests=loaded.interests, skills=loaded.skills)
    return values


def _replace_children(session: Session, person_id: str, data: PersonInput) -> None:
    now = utc_now()
    for table in (PersonTie, PersonTag):
        session.execute(
            update(table)
            .where(table.person_id == person_id, table.deleted_at.is_(None))
            .values(deleted_at=now, updated_at=now)
        )
    session.add_all(PersonTie(person_id=person_id, tie=tie) for tie in data.ties)
    session.add_all(PersonTag(person_id=person_id, kind="関心", name=name) for name in data.interests)
    session.add_all(PersonTag(person_id=person_id, kind="スキル", name=name) for name in data.skills)


def create_person(session: Session, data: PersonInput, *, on: date | None = None) -> str:
    """Validate, normalise and store a new person; returns the new id."""
    data = _checked(data)
    person = Person(name=data.name)
    _apply(person, data)
    session.add(person)
    session.flush()
    _replace_children(session, person.id, data)
    session.add(
        LadderStageChange(
            person_id=person.id,
            from_stage=None,
            to_stage=data.ladder_stage,
            changed_on=on or date.today(),
            changed_by=audit.current_user(),
            reason="登録",
        )
    )
    audit.record(session, "create", "person", person.id, audit.diff({}, {**_plain_input(data)}))
    return person.id


def _plain_input(data: PersonInput) -> dict:
    return asdict(data)


def update_person(session: Session, person_id: str, data: PersonInput, *, on: date | None = None,
                  expected_version: int | None = None) -> bool:
    """Save an edit; returns False when nothing differed (no audit entry then).

    ``expected_version``: the row version the editor loaded; a person saved by somebody else
    since is refused (``versions.StaleRecordError``) instead of overwritten.
    """
    data = _checked(data)
    # First (on a server it locks the row until the commit), then the row is read as it is now.
    check_version(session, Person, person_id, expected_version, "person", "参加者")
    person = live_person(session, person_id)
    before = _snapshot(session, person)
    after = _plain_input(data)
    changes = audit.diff(before, after)
    if not changes:
        return False
    if person.ladder_stage != data.ladder_stage:
        session.add(
            LadderStageChange(
                person_id=person_id,
                from_stage=person.ladder_stage,
                to_stage=data.ladder_stage,
                changed_on=on or date.today(),
                changed_by=audit.current_user(),
                reason="手動変更",
            )
        )
    _apply(person, data)
    person.updated_at = utc_now()
    if any(key in changes for key in LIST_FIELDS):
        _replace_children(session, person_id, data)
    audit.record(session, "update", "person", person_id, changes)
    return True


def delete_person(session: Session, person_id: str) -> None:
    """Soft delete: the person disappears from lists and figures but can be restored."""
    person = live_person(session, person_id)
    soft_delete(session, person, "person", {"name": [person.name, None]})


def restore_person(session: Session, person_id: str) -> None:
    person = deleted(session, Person, person_id, "参加者")
    restore(session, person, "person", {"name": [None, person.name]})


def live_person(session: Session, person_id: str, what: str = "参加者") -> Person:
    """The person, unless gone or soft-deleted (``what``: how the refusal names them, 統合する参加者)."""
    return live(session, Person, person_id, what)


def person_version(session: Session, person_id: str) -> int | None:
    """The person's row version, for an editor to hand back at its save."""
    return versions.version_of(session, Person, person_id)


def load_person_input(session: Session, person_id: str) -> PersonInput:
    """The editor's view of a stored person."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("参加者が見つかりません。")
    data = PersonInput(**values_of(person, PERSON_FIELDS))
    data.ties = list(
        session.execute(
            select(PersonTie.tie)
            .where(PersonTie.person_id == person_id, PersonTie.deleted_at.is_(None))
            .order_by(PersonTie.created_at)
        ).scalars()
    )
    tags = session.execute(
        select(PersonTag.kind, PersonTag.name)
        .where(PersonTag.person_id == person_id, PersonTag.deleted_at.is_(None))
        .order_by(PersonTag.created_at)
    ).all()
    data.interests = [name for kind, name in tags if kind == "関心"]
    data.skills = [name for kind, name in tags if kind == "スキル"]
    return data


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class PersonFilter:
    text: str = ""
    ladder_stage: str | None = None
    tie: str | None = None
    residence_area: str | None = None
    deleted: bool = False  # True: the 削除済み list, to restore from


# Column keys of the participants list, in display order.
LIST_COLUMNS = ("name", "furigana", "ladder_stage", "ties", "residence_area", "last_activity_on")


def _conditions(flt: PersonFilter) -> list:
    conditions = [Person.deleted_at.is_not(None) if flt.deleted else Person.deleted_at.is_(None)]
    term = fold(flt.text)
    if term:
        conditions.append(Person.search_text.like(like_pattern(term), escape="\\"))
    if flt.ladder_stage:
        conditions.append(Person.ladder_stage == flt.ladder_stage)
    if flt.residence_area:
        conditions.append(Person.residence_area == flt.residence_area)
    if flt.tie:
        conditions.append(
            exists().where(
                PersonTie.person_id == Person.id,
                PersonTie.tie == flt.tie,
                PersonTie.deleted_at.is_(None),
            )
        )
    return conditions


_SORT_COLUMNS = {
    "name": Person.name,
    "furigana": Person.furigana_sort,
    "residence_area": Person.residence_area,
    "last_activity_on": Person.last_activity_on,
    "ties": Person.first_tie,  # kept by triggers (migration 0007)
}


_NULL_WHEN_EMPTY = ("last_activity_on", "ties")


def list_person_ids(
    session: Session, flt: PersonFilter = PersonFilter(), sort: str = "furigana", descending: bool = False,
    limit: int | None = None,
) -> list[str]:
    """Ids of the persons the list shows, filtered and ordered in SQL.

    Rows with an empty sort value come last in either direction, and equal
    values are ordered by フリガナ. Each part is one query that reads its ids in
    order from an index of migration 0004 (column, furigana_sort, id) rather
    than sorting the table: "empty last" as a single ORDER BY would defeat it.
    The ids are read as the driver's tuples (``store.rows``): SQLAlchemy's rows
    cost half as much again as the query at 100,000 persons. ``limit``: only the
    first ones (a picker's matches), without reading the rest.
    """
    conditions = _conditions(flt)
    if sort == "ladder_stage":
        return _ids_by_ladder(session, conditions, descending)[:limit]
    key = _SORT_COLUMNS[sort]
    by_furigana = [Person.furigana_sort, Person.id]
    # ``> ''`` rather than ``!= ''``: a range both stores read from the column's index
    # (PostgreSQL sorted the whole table for ``!=`` when few rows were filled).
    filled = key.is_not(None) if sort in _NULL_WHEN_EMPTY else key > ""
    empty = key.is_(None) if sort in _NULL_WHEN_EMPTY else key == ""
    order = [key, *by_furigana] if sort != "furigana" else [key, Person.id]
    if descending:
        order = [column.desc() for column in order]
    # The empty part is ordered by the (all equal) key too, so that PostgreSQL also reads it
    # from the column's index: its planner does not take ``IS NULL`` as fixing the first column.
    empty_order = [key, *by_furigana] if sort != "furigana" else by_furigana
    ids: list[str] = []
    for condition, part_order in ((filled, order), (empty, empty_order)):
        statement = select(Person.id).where(*conditions, condition).order_by(*part_order)
        if limit is not None:
            if len(ids) >= limit:
                break
            statement = statement.limit(limit - len(ids))
        ids.extend(row[0] for row in plain_rows(session, statement))
    return ids


def _ids_by_ladder(session: Session, conditions: list, descending: bool) -> list[str]:
    """The ladder in its own order (関心 → 移住), not by the words' code points.

    One pass over the stage index, grouped in Python: a query per stage made
    SQLite scan the index once for each, and SQLAlchemy rows for 100,000 persons
    cost twice the query, so the driver's tuples are read.
    """
    rank = {stage.value: stage.rank for stage in LadderStage}
    groups: dict[int, list[str]] = {}
    rows = plain_rows(session, (
        select(Person.id, Person.ladder_stage)
        .where(*conditions)
        .order_by(Person.ladder_stage, Person.furigana_sort, Person.id)
    ))
    for person_id, stage in rows:
        groups.setdefault(rank.get(stage, len(rank)), []).append(person_id)
    stage_order = sorted(groups, reverse=descending)
    if descending and len(rank) in groups:  # unknown stages stay last
        stage_order.remove(len(rank))
        stage_order.append(len(rank))
    return [person_id for position in stage_order for person_id in groups[position]]


def count_persons(session: Session, deleted: bool = False) -> int:
    condition = Person.deleted_at.is_not(None) if deleted else Person.deleted_at.is_(None)
    return session.execute(select(func.count()).select_from(Person).where(condition)).scalar_one()


def fetch_list_rows(session: Session, person_ids: list[str]) -> dict[str, tuple]:
    """Display values for one page of the list: id → tuple in LIST_COLUMNS order."""
    if not person_ids:
        return {}
    rows = session.execute(
        select(
            Person.id, Person.name, Person.furigana, Person.ladder_stage,
            Person.residence_area, Person.last_activity_on,
        ).where(Person.id.in_(person_ids))
    ).all()
    ties: dict[str, list[str]] = {}
    for person_id, tie in session.execute(
        select(PersonTie.person_id, PersonTie.tie)
        .where(PersonTie.person_id.in_(person_ids), PersonTie.deleted_at.is_(None))
        .order_by(PersonTie.created_at)
    ):
        ties.setdefault(person_id, []).append(tie)
    return {
        person_id: (name, furigana, stage, "、".join(ties.get(person_id, ())), area, last)
        for person_id, name, furigana, stage, area, last in rows
    }


def tie_choices() -> list[str]:
    return [tie.value for tie in Tie]


def stage_choices() -> list[str]:
    return [stage.value for stage in LadderStage]

