"""要対応: the mail loops that need a nudge, for the 手紙・発送 area and the home screen.

Three kinds, each after N days kept as a setting (defaults below, changed in 設定):
- a shipment sent but not delivered after N days (default 7);
- a letter to a person sent with no reply after N days (default 30);
- a reply received with no thank-you tour (お礼ツアー) after N days (default 60);
and only while the wait began within the horizon (default 180 days): older loops count as closed.
A tour counts as done when, on or after the day the reply arrived, the person
has a stay (not 中止), a 訪問 / イベント参加 / ボランティア record, or their
enrollment in the letter's programme is at a final stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, select
from sqlmodel import Session

from kankei_desktop.domain.enums import InteractionKind, LetterDirection, ShipmentStatus, StayStatus
from kankei_desktop.domain.tables import (
    Enrollment, Interaction, Letter, Person, ProgrammeStage, Shipment, Stay, StayParticipant,
)
from kankei_desktop.services.settings_store import Declared, day_count, get

SHIPMENT_DAYS = Declared("followup_shipment_days", 7, "発送から配達確認までの日数（要対応）", day_count(1, 90))
REPLY_DAYS = Declared("followup_reply_days", 30, "手紙の発送から返信までの日数（要対応）", day_count(1, 365))
TOUR_DAYS = Declared("followup_tour_days", 60, "返信受取からお礼ツアーまでの日数（要対応）", day_count(1, 365))
# A loop left open longer than this is taken as closed (a thank-you note that never expected an
# answer, a parcel nobody will chase any more): the list stays short enough to act on.
HORIZON_DAYS = Declared("followup_horizon_days", 180, "要対応に載せる期間（日数。これより古いものは載せない）",
                        day_count(2, 1095), above=(SHIPMENT_DAYS, REPLY_DAYS, TOUR_DAYS))
SETTINGS = (SHIPMENT_DAYS, REPLY_DAYS, TOUR_DAYS, HORIZON_DAYS)

NOT_DELIVERED = "not_delivered"
NO_REPLY = "no_reply"
NO_TOUR = "no_tour"

# The one-click action offered for each kind (the GUI maps the key to a command).
ACTIONS = {
    NOT_DELIVERED: ("mark_delivered", "配達済にする"),
    NO_REPLY: ("record_reply", "返信を記録"),
    NO_TOUR: ("record_tour", "お礼ツアーを記録"),
}

TOUR_KINDS = (InteractionKind.VISIT.value, InteractionKind.EVENT.value, InteractionKind.VOLUNTEER.value)


@dataclass(frozen=True)
class FollowUp:
    kind: str  # NOT_DELIVERED / NO_REPLY / NO_TOUR
    person_id: str
    person_name: str
    record_kind: str  # "shipment" or "letter"
    record_id: str
    since: date  # the date the wait started
    days: int  # days waited so far
    title: str  # one line for the list
    action: str  # key of the suggested one-click action
    action_label: str


def _days(session: Session, declared: Declared) -> int:
    try:
        return max(0, int(get(session, declared)))
    except (TypeError, ValueError):
        return declared.default


def _oldest(session: Session, today: date) -> date:
    return today - timedelta(days=_days(session, HORIZON_DAYS))


def _item(kind, person_id, name, record_kind, record_id, since, today, title) -> FollowUp:
    action, label = ACTIONS[kind]
    return FollowUp(kind, person_id, name, record_kind, record_id, since, (today - since).days, title, action, label)


def _live_names(session: Session, person_ids) -> dict[str, str]:
    """Names of the persons not deleted, fetched for the candidates only.

    Joining person into the scans made SQLite fetch a wide person row for every letter
    (100,000 letters: 1.6 s against 0.3 s without the join). The tombstone is checked here in
    Python: with ``deleted_at IS NULL`` in the query SQLite (no ANALYZE) walks the deleted_at
    index, i.e. every person, once per chunk, instead of looking the ids up.
    """
    ids = list(dict.fromkeys(person_ids))
    names: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        for person_id, name, deleted_at in session.execute(select(Person.id, Person.name, Person.deleted_at).where(
                Person.id.in_(ids[start:start + 500]))).all():
            if deleted_at is None:
                names[person_id] = name
    return names


def list_followups(session: Session, today: date) -> list[FollowUp]:
    """Every open item, the longest waiting first."""
    items = _not_delivered(session, today) + _no_reply(session, today) + _no_tour(session, today)
    return sorted(items, key=lambda item: (-item.days, item.person_name))


# The scans below leave ``deleted_at`` out of the SQL and check it in Python: with it, SQLite
# (no ANALYZE) prefers the deleted_at index, which holds every live row, over the date index.


def _not_delivered(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, SHIPMENT_DAYS))
    rows = [row for row in session.execute(
        select(Shipment.id, Shipment.person_id, Shipment.shipped_on, Shipment.contents, Shipment.deleted_at)
        .where(Shipment.shipped_on <= limit, Shipment.shipped_on >= _oldest(session, today),
               Shipment.status == ShipmentStatus.SHIPPED.value)
    ).all() if row[4] is None]
    names = _live_names(session, (row[1] for row in rows))
    return [_item(NOT_DELIVERED, pid, names[pid], "shipment", sid, shipped, today,
                  f"{names[pid]}さん: {contents or '荷物'}の配達が未確認（発送から{(today - shipped).days}日）")
            for sid, pid, shipped, contents, _deleted in rows if pid in names]


def _no_reply(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, REPLY_DAYS))
    rows = [row[:3] for row in session.execute(
        select(Letter.id, Letter.person_id, Letter.sent_on, Letter.deleted_at)
        .where(Letter.sent_on <= limit, Letter.sent_on >= _oldest(session, today),
               Letter.direction == LetterDirection.TO_PERSON.value, Letter.status != "返送")
    ).all() if row[3] is None]
    # One scan of the replies beats a correlated NOT EXISTS per letter (100,000 letters: 10× faster).
    answered = {reply_to for reply_to, deleted_at in session.execute(
        select(Letter.reply_to_id, Letter.deleted_at).where(Letter.reply_to_id.is_not(None))).all()
        if deleted_at is None}
    rows = [row for row in rows if row[0] not in answered]
    names = _live_names(session, (pid for _lid, pid, _sent in rows))
    return [_item(NO_REPLY, pid, names[pid], "letter", lid, sent, today,
                  f"{names[pid]}さん: 手紙の返信がまだ（発送から{(today - sent).days}日）")
            for lid, pid, sent in rows if pid in names]


def _latest_tour_dates(session: Session, person_ids: set[str]) -> dict[str, date]:
    """Per person, the last day of anything that counts as a tour (stay not 中止, visit, event, volunteering).

    Tombstones and the stay status are checked in Python: with ``deleted_at IS NULL`` in the query
    SQLite (no ANALYZE) walks the whole deleted_at index for every chunk of ids (88 s at 100,000
    persons, against well under a second for the index lookups by person).
    """
    visits = select(Interaction.person_id, Interaction.occurred_on, Interaction.deleted_at).where(
        Interaction.kind.in_(TOUR_KINDS))
    stays = (select(StayParticipant.person_id, Stay.end_on, StayParticipant.deleted_at, Stay.deleted_at, Stay.status)
             .join(Stay, Stay.id == StayParticipant.stay_id))
    ids = list(person_ids)
    # Up to 20,000 candidates index lookups by person win; beyond, one scan of all rows does.
    batches = [ids[i:i + 500] for i in range(0, len(ids), 500)] if len(ids) <= 20_000 else [None]
    latest: dict[str, date] = {}

    def keep(person_id: str, on: date | None) -> None:
        if on and (person_id not in latest or on > latest[person_id]):
            latest[person_id] = on

    for batch in batches:
        query = visits if batch is None else visits.where(Interaction.person_id.in_(batch))
        for person_id, on, deleted_at in session.execute(query).all():
            if deleted_at is None:
                keep(person_id, on)
        query = stays if batch is None else stays.where(StayParticipant.person_id.in_(batch))
        for person_id, on, link_deleted, stay_deleted, status in session.execute(query).all():
            if link_deleted is None and stay_deleted is None and status != StayStatus.CANCELLED.value:
                keep(person_id, on)
    return latest


def _no_tour(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, TOUR_DAYS))
    finished = (
        select(Enrollment.id).join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.person_id == Letter.person_id, Enrollment.programme_id == Letter.programme_id,
               Enrollment.deleted_at.is_(None), ProgrammeStage.is_final.is_(True))
        .exists()
    )
    rows = [row[:3] for row in session.execute(
        select(Letter.id, Letter.person_id, Letter.received_on, Letter.deleted_at)
        .where(Letter.received_on <= limit, Letter.received_on >= _oldest(session, today),
               Letter.direction == LetterDirection.FROM_PERSON.value, Letter.reply_to_id.is_not(None),
               ~and_(Letter.programme_id.is_not(None), finished))
    ).all() if row[3] is None]
    if not rows:
        return []
    toured = _latest_tour_dates(session, {pid for _lid, pid, _on in rows})
    rows = [row for row in rows if not (row[1] in toured and toured[row[1]] >= row[2])]
    names = _live_names(session, (pid for _lid, pid, _on in rows))
    seen: set[str] = set()
    items = []
    for lid, pid, on in sorted(rows, key=lambda r: r[2]):
        if pid in seen or pid not in names:
            continue
        seen.add(pid)  # one nudge per person is enough
        name = names[pid]
        items.append(_item(NO_TOUR, pid, name, "letter", lid, on, today,
                           f"{name}さん: お礼状受取後、お礼ツアーがまだ（{(today - on).days}日）"))
    return items


__all__ = ["FollowUp", "list_followups", "SETTINGS", "ACTIONS"]
