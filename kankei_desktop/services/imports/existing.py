"""The persons already in the file that a sheet's rows are compared with: their duplicate keys,
their fields, their lists (ties, interests, skills). Read in chunks, never one query per person."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.tables import Person, PersonTag, PersonTie
from kankei_desktop.services.duplicates import duplicate_key_sets
from kankei_desktop.services.imports.types import _PERSON_FIELDS
from kankei_desktop.services.participants import PersonInput


def _database_keys(session: Session, kana: set[str]) -> dict[tuple, list[str]]:
    """Duplicate keys of live persons whose folded フリガナ occurs in the file."""
    columns = (Person.id, Person.furigana, Person.birth_date, Person.email, Person.phone, Person.postal_code)
    found: dict[tuple, list[str]] = {}
    if not kana:
        return found
    if len(kana) > 5000:  # one pass over the table beats hundreds of IN lists
        batches = [select(*columns, Person.furigana_sort).where(Person.deleted_at.is_(None))]
    else:
        ordered = sorted(kana)
        batches = [select(*columns, Person.furigana_sort).where(
            Person.deleted_at.is_(None), Person.furigana_sort.in_(ordered[i : i + 500]))
            for i in range(0, len(ordered), 500)]
    for statement in batches:
        for person_id, *values, sort_key in session.execute(statement):
            if sort_key not in kana:
                continue
            for key in duplicate_key_sets(*values):
                found.setdefault(key, []).append(person_id)
    return found


def load_person_inputs(session: Session, person_ids: list[str]) -> dict[str, PersonInput]:
    """Live persons as PersonInput (without ties and tags), read in chunks."""
    result: dict[str, PersonInput] = {}
    columns = [getattr(Person, name) for name in _PERSON_FIELDS]
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        for person_id, *values in session.execute(
            select(Person.id, *columns).where(Person.id.in_(chunk), Person.deleted_at.is_(None))
        ):
            result[person_id] = PersonInput(**dict(zip(_PERSON_FIELDS, values)))
    return result


def _current_lists(session: Session, pids: list[str]) -> dict[str, dict[str, list[str]]]:
    """{person id: {"ties", "interests", "skills": live values in entry order}} for many persons.

    One query per table and chunk: a query per person made re-importing 100,000 unchanged rows
    take a minute.
    """
    lists = {pid: {"ties": [], "interests": [], "skills": []} for pid in pids}
    key_of_kind = {"関心": "interests", "スキル": "skills"}
    for start in range(0, len(pids), 500):
        chunk = pids[start : start + 500]
        for pid, tie in session.execute(select(PersonTie.person_id, PersonTie.tie).where(
                PersonTie.person_id.in_(chunk), PersonTie.deleted_at.is_(None)).order_by(PersonTie.created_at)):
            lists[pid]["ties"].append(tie)
        for pid, kind, name in session.execute(select(PersonTag.person_id, PersonTag.kind, PersonTag.name).where(
                PersonTag.person_id.in_(chunk), PersonTag.deleted_at.is_(None)).order_by(PersonTag.created_at)):
            if kind in key_of_kind:
                lists[pid][key_of_kind[kind]].append(name)
    return lists
