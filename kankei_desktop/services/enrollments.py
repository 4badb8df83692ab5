"""Enrollments: persons in a programme, moving through its stages; the board.

A stage move is a fact with a date: it writes an EnrollmentStageChange (date,
OS user) that the funnel and time-in-stage figures read. ``move_enrollments``
returns the moves it made; ``undo_moves`` takes them back (the history rows are
tombstoned, because an undone move never happened).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, insert, select, update
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.domain.tables import (
    Enrollment,
    EnrollmentStageChange,
    Person,
    Programme,
    ProgrammeStage,
    new_id,
    utc_now,
)
from kankei_desktop.services.programmes import live_programme, live_stage, programme_stages
from kankei_desktop.store import audit

_CHUNK = 500  # SQLite's bound-parameter limit


def _chunks(values: list[str]):
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


@dataclass(frozen=True)
class StageMove:
    """One enrollment moved: enough to show it and to undo it."""

    enrollment_id: str
    from_stage_id: str
    to_stage_id: str
    previous_stage_since: date | None
    change_id: str


class BoardCard(NamedTuple):
    """A plain tuple with names: 5,000 of them are cheap to build."""

    enrollment_id: str
    person_id: str
    name: str
    furigana: str
    days_in_stage: int | None


class BoardColumn(NamedTuple):
    stage_id: str
    name: str
    is_final: bool
    is_dropout: bool
    cards: list[BoardCard]


# ---------------------------------------------------------------- enrolling


def enroll_persons(
    session: Session,
    programme_id: str,
    person_ids: Iterable[str],
    *,
    stage_id: str | None = None,
    on: date | None = None,
) -> list[str]:
    """Enroll many persons at once (at the first stage unless told); returns the new enrollment ids.

    Refused as a whole when any of them is already in the programme (the
    message names them) or is not a live person.
    """
    programme = live_programme(session, programme_id)
    on = on or date.today()
    if on > date.today():
        raise ValidationError({"on": f"登録日 {display_date(on)} は未来の日付です。"})
    stages = programme_stages(session, programme_id)
    if stage_id is None:
        stage_id = stages[0].id
    elif stage_id not in {s.id for s in stages}:
        raise ValidationError({"stage": f"指定された段階はプログラム「{programme.name}」の段階ではありません。"})
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise ValidationError({"persons": "登録する参加者を選んでください。"})
    live: dict[str, str] = {}
    already: list[str] = []
    for chunk in _chunks(ids):
        live.update(session.execute(
            select(Person.id, Person.name).where(Person.id.in_(chunk), Person.deleted_at.is_(None))
        ).all())
        already += session.execute(
            select(Person.name)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .where(Enrollment.programme_id == programme_id, Enrollment.person_id.in_(chunk),
                   Enrollment.deleted_at.is_(None))
            .order_by(Person.furigana_sort)
        ).scalars().all()
    missing = len(ids) - len(live)
    if missing:
        raise NotFoundError(f"参加者が {missing} 名見つかりません（削除された可能性があります）。")
    if already:
        names = "、".join(f"「{name}」" for name in already[:5]) + (f" ほか {len(already) - 5} 名" if len(already) > 5 else "")
        raise ConflictError(f"{names}はすでにプログラム「{programme.name}」に登録されています。")
    now, user = utc_now(), audit.current_user()
    enrollments = [
        {"id": new_id(), "created_at": now, "updated_at": now, "programme_id": programme_id,
         "person_id": person_id, "stage_id": stage_id, "applied_on": on, "stage_since": on, "notes": ""}
        for person_id in ids
    ]
    # Core inserts: a segment of 10,000 persons is enrolled in one go.
    session.execute(insert(Enrollment), enrollments)
    session.execute(insert(EnrollmentStageChange), [
        {"id": new_id(), "created_at": now, "updated_at": now, "enrollment_id": row["id"],
         "from_stage_id": None, "to_stage_id": stage_id, "changed_on": on, "changed_by": user}
        for row in enrollments
    ])
    audit.record(session, "enroll", "programme", programme_id,
                 {"enrollment_ids": [None, [row["id"] for row in enrollments]], "stage_id": [None, stage_id]})
    return [row["id"] for row in enrollments]


def unenroll(session: Session, enrollment_ids: Iterable[str]) -> list[str]:
    """Take persons out of a programme (soft delete); returns the ids, for ``restore_enrollments``."""
    ids = list(dict.fromkeys(enrollment_ids))
    now = utc_now()
    for chunk in _chunks(ids):
        session.execute(update(Enrollment).where(Enrollment.id.in_(chunk), Enrollment.deleted_at.is_(None))
                        .values(deleted_at=now, updated_at=now))
    audit.record(session, "delete", "enrollment", ids[0] if len(ids) == 1 else "", {"enrollment_ids": [ids, None]})
    return ids


def restore_enrollments(session: Session, enrollment_ids: Iterable[str]) -> None:
    """Undo of ``unenroll`` (refused if the person was enrolled again meanwhile)."""
    ids = list(enrollment_ids)
    for enrollment_id in ids:
        enrollment = session.get(Enrollment, enrollment_id)
        if enrollment is None or enrollment.deleted_at is None:
            continue
        clash = session.execute(
            select(Person.name).join(Enrollment, Enrollment.person_id == Person.id)
            .where(Enrollment.programme_id == enrollment.programme_id, Enrollment.person_id == enrollment.person_id,
                   Enrollment.deleted_at.is_(None))
        ).scalar()
        if clash:
            raise ConflictError(f"「{clash}」はすでにこのプログラムに登録し直されています。")
        enrollment.deleted_at = None
        enrollment.updated_at = utc_now()
    audit.record(session, "restore", "enrollment", "", {"enrollment_ids": [None, ids]})


# ---------------------------------------------------------------- moving


def move_enrollments(
    session: Session, enrollment_ids: Iterable[str], to_stage_id: str, *, on: date | None = None
) -> list[StageMove]:
    """Move one or many enrollments to a stage of their programme, dated ``on`` (today).

    Refused as a whole (nothing changes) when the stage belongs to another
    programme, the date is in the future, or the date is before the day an
    enrollment reached its current stage. Enrollments already at the stage are left alone.
    """
    today = date.today()
    on = on or today
    stage = live_stage(session, to_stage_id)
    if on > today:
        raise ValidationError({"on": f"段階「{stage.name}」への移動日 {display_date(on)} は未来の日付です。"
                                     "実際にその段階になった日を入力してください。"})
    ids = list(dict.fromkeys(enrollment_ids))
    rows = []
    for chunk in _chunks(ids):
        rows += session.execute(
            select(Enrollment.id, Enrollment.programme_id, Enrollment.stage_id, Enrollment.stage_since, Person.name)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Enrollment.id.in_(chunk), Enrollment.deleted_at.is_(None))
        ).all()
    if len(rows) != len(ids):
        raise NotFoundError("移動する参加登録が見つかりません（削除された可能性があります）。")
    for _id, programme_id, _stage, since, name in rows:
        if programme_id != stage.programme_id:
            other = session.get(Programme, stage.programme_id)
            raise ValidationError({"stage": f"「{name}」さんを別のプログラム（{other.name if other else '不明'}）の"
                                            f"段階「{stage.name}」へは移動できません。"})
        if since and on < since:
            raise ValidationError({"on": f"「{name}」さんが今の段階になったのは {display_date(since)} です。"
                                         f"それより前の日付（{display_date(on)}）では移動できません。"})
    now, user = utc_now(), audit.current_user()
    moves = [
        StageMove(enrollment_id, from_stage, to_stage_id, since, new_id())
        for enrollment_id, _p, from_stage, since, _n in rows
        if from_stage != to_stage_id
    ]
    if not moves:
        return []
    session.execute(insert(EnrollmentStageChange), [
        {"id": m.change_id, "created_at": now, "updated_at": now, "enrollment_id": m.enrollment_id,
         "from_stage_id": m.from_stage_id, "to_stage_id": to_stage_id, "changed_on": on, "changed_by": user}
        for m in moves
    ])
    for chunk in _chunks([m.enrollment_id for m in moves]):
        session.execute(update(Enrollment).where(Enrollment.id.in_(chunk))
                        .values(stage_id=to_stage_id, stage_since=on, updated_at=now))
    audit.record(session, "move", "enrollment", moves[0].enrollment_id if len(moves) == 1 else "", {
        "stage_id": [None, to_stage_id], "on": [None, on.isoformat()],
        "moves": [None, [[m.enrollment_id, m.from_stage_id] for m in moves]],
    })
    return moves


def undo_moves(session: Session, moves: Iterable[StageMove]) -> None:
    """Take moves back: each enrollment returns to its previous stage and date; the history rows go."""
    moves = list(moves)
    now = utc_now()
    for move in reversed(moves):
        session.execute(update(Enrollment).where(Enrollment.id == move.enrollment_id)
                        .values(stage_id=move.from_stage_id, stage_since=move.previous_stage_since, updated_at=now))
        session.execute(update(EnrollmentStageChange).where(EnrollmentStageChange.id == move.change_id)
                        .values(deleted_at=now, updated_at=now))
    audit.record(session, "undo_move", "enrollment", "", {"moves": [[[m.enrollment_id, m.to_stage_id] for m in moves], None]})


def redo_moves(session: Session, moves: Iterable[StageMove]) -> None:
    """Redo after ``undo_moves``: the same moves with their original history rows."""
    moves = list(moves)
    now = utc_now()
    for move in moves:
        change = session.get(EnrollmentStageChange, move.change_id)
        session.execute(update(Enrollment).where(Enrollment.id == move.enrollment_id)
                        .values(stage_id=move.to_stage_id, stage_since=change.changed_on, updated_at=now))
        change.deleted_at = None
        change.updated_at = now
    audit.record(session, "redo_move", "enrollment", "", {"moves": [None, [[m.enrollment_id, m.to_stage_id] for m in moves]]})


# ---------------------------------------------------------------- reading


def board(session: Session, programme_id: str, *, today: date | None = None) -> list[BoardColumn]:
    """Per stage (in order) the cards, in フリガナ order. One query for all cards."""
    today = today or date.today()
    stages = programme_stages(session, programme_id)
    cards: dict[str, list[BoardCard]] = {s.id: [] for s in stages}
    # Core, not ORM rows: a board of 5,000 cards is one plain query.
    rows = session.connection().execute(
        select(Enrollment.id, Enrollment.person_id, Enrollment.stage_id, Enrollment.stage_since,
               Person.name, Person.furigana)
        .join(Person, Person.id == Enrollment.person_id)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None), Person.deleted_at.is_(None))
        .order_by(Person.furigana_sort, Person.id)
    ).all()
    ordinal = today.toordinal()
    for enrollment_id, person_id, stage_id, since, name, furigana in rows:
        days = ordinal - since.toordinal() if since else None
        cards.setdefault(stage_id, []).append(BoardCard(enrollment_id, person_id, name, furigana, days))
    return [BoardColumn(s.id, s.name, s.is_final, s.is_dropout, cards[s.id]) for s in stages]


# Columns of the enrollment table view.
TABLE_COLUMNS = ("name", "furigana", "stage", "stage_since", "days_in_stage", "applied_on")


def table_rows(session: Session, programme_id: str, *, today: date | None = None) -> list[tuple]:
    """(enrollment_id, name, furigana, stage name, stage_since, days in stage, applied_on), stage order then フリガナ."""
    ordinal = (today or date.today()).toordinal()
    rows = session.connection().execute(
        select(Enrollment.id, Person.name, Person.furigana, ProgrammeStage.name, Enrollment.stage_since,
               Enrollment.applied_on)
        .join(Person, Person.id == Enrollment.person_id)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None), Person.deleted_at.is_(None))
        .order_by(ProgrammeStage.position, Person.furigana_sort, Person.id)
    ).all()
    return [
        (eid, name, kana, stage, since, ordinal - since.toordinal() if since else None, applied)
        for eid, name, kana, stage, since, applied in rows
    ]


def enrollments_of_person(session: Session, person_id: str) -> list[tuple]:
    """(enrollment_id, programme_id, programme name, fiscal_year, stage name, stage_since), newest 年度 first."""
    rows = session.execute(
        select(Enrollment.id, Programme.id, Programme.name, Programme.fiscal_year, ProgrammeStage.name,
               Enrollment.stage_since)
        .join(Programme, Programme.id == Enrollment.programme_id)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.person_id == person_id, Enrollment.deleted_at.is_(None), Programme.deleted_at.is_(None))
        .order_by(Programme.fiscal_year.desc(), Programme.name)
    ).all()
    return [tuple(row) for row in rows]


def stage_history(session: Session, enrollment_id: str) -> list[tuple]:
    """(changed_on, from stage name or None, to stage name, changed_by), oldest first."""
    names = dict(session.execute(select(ProgrammeStage.id, ProgrammeStage.name)
                                 .join(Enrollment, Enrollment.programme_id == ProgrammeStage.programme_id)
                                 .where(Enrollment.id == enrollment_id)).all())
    rows = session.execute(
        select(EnrollmentStageChange.changed_on, EnrollmentStageChange.from_stage_id,
               EnrollmentStageChange.to_stage_id, EnrollmentStageChange.changed_by)
        .where(EnrollmentStageChange.enrollment_id == enrollment_id, EnrollmentStageChange.deleted_at.is_(None))
        .order_by(EnrollmentStageChange.changed_on, EnrollmentStageChange.created_at)
    ).all()
    return [(on, names.get(src) if src else None, names.get(dst, ""), by) for on, src, dst, by in rows]


def enrollment_count(session: Session, programme_id: str) -> int:
    return session.execute(
        select(func.count()).select_from(Enrollment)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None))
    ).scalar_one()


def enrollment_id_for(session: Session, programme_id: str, person_id: str) -> str:
    enrollment_id = session.execute(
        select(Enrollment.id).where(Enrollment.programme_id == programme_id, Enrollment.person_id == person_id,
                                    Enrollment.deleted_at.is_(None))
    ).scalar()
    if enrollment_id is None:
        raise NotFoundError("この参加者はこのプログラムに登録されていません。")
    return enrollment_id
