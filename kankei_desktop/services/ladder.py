"""The ladder (関わりの段階): a person's stage, its history, and the suggestion rules.

The rules (docs/kpi.md, 関わりの段階の提案) only *suggest*: ``suggest_stage``
never writes. The coordinator confirms with ``set_ladder_stage``, which records
a LadderStageChange and returns what it changed, for undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, union_all
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.enums import PARTICIPATION_KINDS, InteractionKind, LadderStage, StayStatus
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import (
    Interaction,
    LadderStageChange,
    Person,
    Stay,
    StayParticipant,
    new_id,
    utc_now,
)
from kankei_desktop.services.participants import live_person
from kankei_desktop.store import audit
from kankei_desktop.store.dialect import is_postgresql, statement


@dataclass(frozen=True)
class LadderMove:
    person_id: str
    from_stage: str
    to_stage: str
    change_id: str


@dataclass(frozen=True)
class Suggestion:
    current: str
    stage: str | None  # None: the record gives no reason to move up
    reason: str


def set_ladder_stage(
    session: Session, person_id: str, stage: str, *, on: date | None = None, reason: str = "手動変更"
) -> LadderMove | None:
    """Set a person's stage, recording the change; None when it is already that stage."""
    person = live_person(session, person_id)
    if stage not in {s.value for s in LadderStage}:
        raise ValidationError({"ladder_stage": f"段階「{stage}」はありません。"})
    on = on or date.today()
    if on > date.today():
        raise ValidationError({"on": f"変更日 {display_date(on)} は未来の日付です。"})
    if person.ladder_stage == stage:
        return None
    last = last_change_date(session, person_id)
    if last is not None and on < last:
        raise ValidationError({"on": f"変更日 {display_date(on)} は前回の変更（{display_date(last)}）より前です。"
                                     f"{display_date(last)} 以降の日付にしてください。"})
    move = LadderMove(person_id, person.ladder_stage, stage, new_id())
    session.add(LadderStageChange(id=move.change_id, person_id=person_id, from_stage=move.from_stage,
                                  to_stage=stage, changed_on=on, changed_by=audit.current_user(), reason=reason))
    person.ladder_stage = stage
    person.updated_at = utc_now()
    audit.record(session, "update", "person", person_id, {"ladder_stage": [move.from_stage, stage], "reason": reason})
    return move


def last_change_date(session: Session, person_id: str) -> date | None:
    """The day of the person's latest live stage change (a new change may not be dated before it)."""
    return session.execute(
        select(LadderStageChange.changed_on).where(LadderStageChange.person_id == person_id,
                                                   LadderStageChange.deleted_at.is_(None))
        .order_by(LadderStageChange.changed_on.desc()).limit(1)
    ).scalar()


def undo_ladder_move(session: Session, move: LadderMove) -> None:
    person = live_person(session, move.person_id)
    change = session.get(LadderStageChange, move.change_id)
    if change is not None:
        change.deleted_at = change.updated_at = utc_now()
    person.ladder_stage = move.from_stage
    person.updated_at = utc_now()
    audit.record(session, "update", "person", move.person_id, {"ladder_stage": [move.to_stage, move.from_stage], "reason": "元に戻す"})


def ladder_history(session: Session, person_id: str) -> list[tuple]:
    """(changed_on, from_stage, to_stage, changed_by, reason), oldest first."""
    rows = session.execute(
        select(LadderStageChange.changed_on, LadderStageChange.from_stage, LadderStageChange.to_stage,
               LadderStageChange.changed_by, LadderStageChange.reason)
        .where(LadderStageChange.person_id == person_id, LadderStageChange.deleted_at.is_(None))
        .order_by(LadderStageChange.changed_on, LadderStageChange.created_at)
    ).all()
    return [tuple(row) for row in rows]


# ---------------------------------------------------------------- suggestions


def participation_dates(session: Session, person_id: str) -> list[date]:
    """Distinct dates the person took part (done stays: first day; participation-kind touches;
    お米レター parcels and letters, as in the figures), sorted."""
    stays = (
        select(Stay.start_on.label("on"))
        .join(StayParticipant, StayParticipant.stay_id == Stay.id)
        .where(StayParticipant.person_id == person_id, StayParticipant.deleted_at.is_(None),
               Stay.deleted_at.is_(None), Stay.status == StayStatus.DONE.value)
    )
    touches = select(Interaction.occurred_on.label("on")).where(
        Interaction.person_id == person_id, Interaction.deleted_at.is_(None),
        Interaction.kind.in_([kind.value for kind in PARTICIPATION_KINDS]),
    )
    from kankei_desktop.services.kpis.queries import mail_activities_sql

    own = mail_activities_sql(lambda column: column + " AS day", " AND person_id = :person", indexed=False)
    mail = session.execute(statement(session, f"SELECT day FROM ({own}) AS own"),
                           {"start": "0001-01-01", "end": "9999-12-31", "person": person_id}).scalars()
    days = set(session.execute(union_all(stays, touches)).scalars())
    days.update(date.fromisoformat(str(day)) for day in mail)
    return sorted(days)


def _one_year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _repeat_pair(dates: list[date]) -> tuple[date, date] | None:
    """The first two distinct dates no more than 12 months apart."""
    for earlier, later in zip(dates, dates[1:]):
        if later <= _one_year_later(earlier):
            return earlier, later
    return None


def _hosting_date(session: Session, person_id: str) -> date | None:
    return session.execute(
        select(Interaction.occurred_on).where(
            Interaction.person_id == person_id, Interaction.deleted_at.is_(None),
            Interaction.kind == InteractionKind.HOSTING.value,
        ).order_by(Interaction.occurred_on.desc()).limit(1)
    ).scalar()


def _suggest(current_stage: str, hosting: date | None, pair: tuple[date, date] | None,
             last: date | None) -> Suggestion:
    """The rules of docs/kpi.md on one person's record (highest stage first, only upward): the
    latest hosting day, the first two consecutive participation dates at most 12 months apart,
    the latest participation day."""
    known = {s.value for s in LadderStage}
    current = LadderStage(current_stage) if current_stage in known else LadderStage.INTERESTED
    candidates: list[tuple[LadderStage, str]] = []
    if hosting:
        candidates.append((LadderStage.CARRIER, f"主催・講師の記録があります（{display_date(hosting)}）。"))
    if pair:
        candidates.append((LadderStage.REPEATER,
                           f"12か月以内の別々の日に参加しています（{display_date(pair[0])}、{display_date(pair[1])}）。"))
    if last:
        candidates.append((LadderStage.PARTICIPATED, f"参加の記録があります（{display_date(last)}）。"))
    for stage, reason in candidates:  # highest first
        if stage.rank > current.rank:
            return Suggestion(current.value, stage.value, reason)
    return Suggestion(current.value, None, "記録から見て、今の段階を変える理由はありません。")


def suggest_stage(session: Session, person_id: str) -> Suggestion:
    """The stage the record points to, and why. Only ever upward; 移住検討 and 移住 are never suggested."""
    person = live_person(session, person_id)
    dates = participation_dates(session, person_id)
    return _suggest(person.ladder_stage, _hosting_date(session, person_id), _repeat_pair(dates),
                    dates[-1] if dates else None)


@dataclass(frozen=True)
class PendingSuggestion:
    person_id: str
    name: str
    current: str
    stage: str
    reason: str


def pending_suggestions(session: Session) -> list[PendingSuggestion]:
    """Every live person whose record suggests a higher stage, in フリガナ order: the rules of
    ``suggest_stage`` for everybody at once, SQLite finding each person's latest participation
    day and first pair of consecutive days at most 12 months apart (a window over their distinct
    days), so only one row per person reaches Python (10 s → about a second at 100,000 persons)."""
    from kankei_desktop.services.kpis.queries import _LIVE_PERSON, _PARTICIPATION, mail_activities_sql

    # A year after 29 February is 28 February (as ``_one_year_later``); SQLite would say 1 March.
    year_later = ("CASE WHEN substr(prev, 6) = '02-29' THEN date(prev, '+1 year', '-1 day') "
                  "ELSE date(prev, '+1 year') END")
    if is_postgresql(session):  # PostgreSQL's year after 29 February is already 28 February
        year_later = "CAST(prev + interval '1 year' AS date)"
    rows = session.execute(statement(session, f"""
        WITH days(person_id, day) AS (
            SELECT sp.person_id, s.start_on FROM stay AS s JOIN stay_participant AS sp ON sp.stay_id = s.id
            WHERE s.deleted_at IS NULL AND sp.deleted_at IS NULL AND s.status = '{StayStatus.DONE.value}'
            UNION SELECT person_id, occurred_on FROM interaction
            WHERE deleted_at IS NULL AND kind IN ({_PARTICIPATION})
            UNION SELECT person_id, day FROM ({mail_activities_sql(lambda column: column + " AS day")}) AS mail),
        steps AS (SELECT person_id, day, lag(day) OVER (PARTITION BY person_id ORDER BY day) AS prev FROM days),
        took_part AS (
            SELECT person_id, max(day) AS last,
                   min(CASE WHEN prev IS NOT NULL AND day <= {year_later} THEN prev || ' ' || day END) AS pair
            FROM steps GROUP BY person_id),
        hosting AS (
            SELECT person_id, max(occurred_on) AS day FROM interaction WHERE deleted_at IS NULL
              AND kind = '{InteractionKind.HOSTING.value}' AND person_id {_LIVE_PERSON} GROUP BY person_id)
        SELECT p.id, p.name, p.ladder_stage, h.day, t.pair, t.last
        FROM person AS p LEFT JOIN took_part AS t ON t.person_id = p.id LEFT JOIN hosting AS h ON h.person_id = p.id
        WHERE p.deleted_at IS NULL AND (t.person_id IS NOT NULL OR h.person_id IS NOT NULL)
        ORDER BY p.furigana_sort, p.id
    """), {"start": "0001-01-01", "end": "9999-12-31"}).all()

    def day(text_value) -> date | None:
        return date.fromisoformat(str(text_value)) if text_value else None

    pending = []
    for person_id, name, current, hosting, pair, last in rows:
        first_pair = tuple(map(date.fromisoformat, pair.split(" "))) if pair else None
        suggestion = _suggest(current, day(hosting), first_pair, day(last))
        if suggestion.stage is not None:
            pending.append(PendingSuggestion(person_id, name, suggestion.current, suggestion.stage, suggestion.reason))
    return pending


def accept_suggestions(session: Session, person_ids: list[str], *, on: date | None = None) -> list[LadderMove]:
    """Accept the suggestion of each chosen person, each recorded with its own reason; all or
    nothing (a refused date names the person)."""
    moves = []
    for person_id in person_ids:
        try:
            move = apply_suggestion(session, person_id, on=on)
        except ValidationError as error:
            name = session.get(Person, person_id).name
            raise ValidationError({key: f"{name}: {message}" for key, message in error.errors.items()}) from None
        if move is not None:
            moves.append(move)
    return moves


def apply_suggestion(session: Session, person_id: str, *, on: date | None = None) -> LadderMove | None:
    """The coordinator's confirmation of ``suggest_stage`` (the reason goes into the history)."""
    suggestion = suggest_stage(session, person_id)
    if suggestion.stage is None:
        return None
    return set_ladder_stage(session, person_id, suggestion.stage, on=on, reason=f"提案を承認: {suggestion.reason}")
