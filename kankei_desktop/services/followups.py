"""要対応: the mail loops that need a nudge, for the 手紙・発送 area and the home screen.

Three kinds, each after N days kept as a setting (defaults below, changed in 設定):
- a shipment sent but not delivered after N days (default 7);
- a letter to a person sent with no reply after N days (default 30);
- a reply received with no thank-you tour (お礼ツアー) after N days (default 60).
A tour counts as done when, on or after the day the reply arrived, the person
has a stay (not 中止), a 訪問 / イベント参加 / ボランティア record, or their
enrollment in the letter's programme is at a final stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kankei_desktop.domain.enums import InteractionKind, LetterDirection, ShipmentStatus, StayStatus
from kankei_desktop.domain.tables import (
    Enrollment, Interaction, Letter, Person, ProgrammeStage, Shipment, Stay, StayParticipant,
)
from kankei_desktop.services.settings_store import Declared, get

SHIPMENT_DAYS = Declared("followup_shipment_days", 7, "発送から配達確認までの日数（要対応）")
REPLY_DAYS = Declared("followup_reply_days", 30, "手紙の発送から返信までの日数（要対応）")
TOUR_DAYS = Declared("followup_tour_days", 60, "返信受取からお礼ツアーまでの日数（要対応）")
SETTINGS = (SHIPMENT_DAYS, REPLY_DAYS, TOUR_DAYS)

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


def _item(kind, person_id, name, record_kind, record_id, since, today, title) -> FollowUp:
    action, label = ACTIONS[kind]
    return FollowUp(kind, person_id, name, record_kind, record_id, since, (today - since).days, title, action, label)


def list_followups(session: Session, today: date) -> list[FollowUp]:
    """Every open item, the longest waiting first."""
    items = _not_delivered(session, today) + _no_reply(session, today) + _no_tour(session, today)
    return sorted(items, key=lambda item: (-item.days, item.person_name))


def _not_delivered(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, SHIPMENT_DAYS))
    rows = session.execute(
        select(Shipment.id, Shipment.person_id, Person.name, Shipment.shipped_on, Shipment.contents)
        .join(Person, Person.id == Shipment.person_id)
        .where(Shipment.deleted_at.is_(None), Person.deleted_at.is_(None),
               Shipment.status == ShipmentStatus.SHIPPED.value, Shipment.shipped_on <= limit)
    ).all()
    return [_item(NOT_DELIVERED, pid, name, "shipment", sid, shipped, today,
                  f"{name}さん: {contents or '荷物'}の配達が未確認（発送から{(today - shipped).days}日）")
            for sid, pid, name, shipped, contents in rows]


def _no_reply(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, REPLY_DAYS))
    reply = aliased(Letter)
    has_reply = exists().where(reply.reply_to_id == Letter.id, reply.deleted_at.is_(None))
    rows = session.execute(
        select(Letter.id, Letter.person_id, Person.name, Letter.sent_on)
        .join(Person, Person.id == Letter.person_id)
        .where(Letter.deleted_at.is_(None), Person.deleted_at.is_(None),
               Letter.direction == LetterDirection.TO_PERSON.value, Letter.sent_on.is_not(None),
               Letter.sent_on <= limit, Letter.status != "返送", ~has_reply)
    ).all()
    return [_item(NO_REPLY, pid, name, "letter", lid, sent, today,
                  f"{name}さん: 手紙の返信がまだ（発送から{(today - sent).days}日）")
            for lid, pid, name, sent in rows]


def _no_tour(session: Session, today: date) -> list[FollowUp]:
    limit = today - timedelta(days=_days(session, TOUR_DAYS))
    received = Letter.received_on
    stay_after = (
        select(StayParticipant.id).join(Stay, Stay.id == StayParticipant.stay_id)
        .where(StayParticipant.person_id == Letter.person_id, StayParticipant.deleted_at.is_(None),
               Stay.deleted_at.is_(None), Stay.status != StayStatus.CANCELLED.value, Stay.end_on >= received)
        .exists()
    )
    visit_after = (
        select(Interaction.id).where(Interaction.person_id == Letter.person_id, Interaction.deleted_at.is_(None),
                                     Interaction.kind.in_(TOUR_KINDS), Interaction.occurred_on >= received)
        .exists()
    )
    finished = (
        select(Enrollment.id).join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.person_id == Letter.person_id, Enrollment.programme_id == Letter.programme_id,
               Enrollment.deleted_at.is_(None), ProgrammeStage.is_final.is_(True))
        .exists()
    )
    rows = session.execute(
        select(Letter.id, Letter.person_id, Person.name, received)
        .join(Person, Person.id == Letter.person_id)
        .where(Letter.deleted_at.is_(None), Person.deleted_at.is_(None),
               Letter.direction == LetterDirection.FROM_PERSON.value, Letter.reply_to_id.is_not(None),
               received.is_not(None), received <= limit,
               ~stay_after, ~visit_after, ~and_(Letter.programme_id.is_not(None), finished))
    ).all()
    seen: set[str] = set()
    items = []
    for lid, pid, name, on in sorted(rows, key=lambda r: r[3]):
        if pid in seen:  # one nudge per person is enough
            continue
        seen.add(pid)
        items.append(_item(NO_TOUR, pid, name, "letter", lid, on, today,
                           f"{name}さん: お礼状受取後、お礼ツアーがまだ（{(today - on).days}日）"))
    return items


__all__ = ["FollowUp", "list_followups", "SETTINGS", "ACTIONS"]
