"""All mail: the お米レター batch, and marking shipments with the programme following.

Letters live in ``services.letters``, shipments in ``services.shipments``; this
module ties them to cohorts: one shipment and one letter per person in one
transaction, farmers assigned in turn, and (when the coordinator agrees) the
お米レター enrollments moved to 発送済 / 到着確認 when parcels go out or arrive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.enums import Carrier, HostKind, LetterDirection, ProgrammeKind
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import Enrollment, Host, Letter, Person, Programme, ProgrammeStage, Shipment
from kankei_desktop.services import attachments, carrier_export, letters, participants, segments, shipments, work
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.record_ops import live_or_none
from kankei_desktop.services.shipments import ShipmentInput
from kankei_desktop.store import audit, versions

KOME_SHIPPED_STAGE = "発送済"
KOME_DELIVERED_STAGE = "到着確認"


@dataclass
class BatchInput:
    programme_id: str | None = None
    person_ids: list[str] | None = None  # None: the programme's live (not dropped-out) enrollments
    farmer_ids: list[str] | None = None  # None: every active host of kind 農家
    farmer_for_person: dict[str, str] = field(default_factory=dict)  # by hand; overrides the turn
    contents: str = "お米 5kg"
    quantity: int = 1
    carrier: str = Carrier.YUPACK.value
    prepared_on: date | None = None
    cost_yen: int | None = None
    letter_summary: str = ""
    skip_already_shipped: bool = True  # a person with a shipment in this programme is left out


@dataclass
class BatchResult:
    shipment_ids: list[str]
    letter_ids: list[str]
    assignments: dict[str, str]  # person id → farmer (host) id
    skipped: list[tuple[str, str]]  # (person name, reason)


def farmers(session: Session) -> list[tuple[str, str]]:
    """(id, name) of active 農家 hosts, by name."""
    return [tuple(r) for r in session.execute(
        select(Host.id, Host.name).where(Host.kind == HostKind.FARM.value, Host.is_active.is_(True),
                                         Host.deleted_at.is_(None)).order_by(Host.name)
    ).all()]


def cohort_person_ids(session: Session, programme_id: str) -> list[str]:
    """Persons enrolled in the programme and not at a dropout stage, in フリガナ order."""
    return list(session.execute(
        select(Person.id)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None),
               Person.deleted_at.is_(None), ProgrammeStage.is_dropout.is_(False))
        .order_by(Person.furigana_sort, Person.name)
    ).scalars())


def plan_batch(session: Session, batch: BatchInput) -> BatchResult:
    """Who gets a parcel from which farmer, and who is left out (nothing is written)."""
    if batch.programme_id and live_or_none(session, Programme, batch.programme_id) is None:
        raise NotFoundError("プログラムが見つかりません。")
    if batch.person_ids is None:
        if not batch.programme_id:
            raise ValidationError({"person_ids": "送る相手（プログラム・セグメント・参加者）を選んでください。"})
        person_ids = cohort_person_ids(session, batch.programme_id)
    else:
        person_ids = list(dict.fromkeys(batch.person_ids))
    if not person_ids:
        raise ValidationError({"person_ids": "送る相手がいません。プログラムの参加者を確認してください。"})
    persons = {}
    for start in range(0, len(person_ids), 500):
        for pid, name, contact_ok, deleted in session.execute(
            select(Person.id, Person.name, Person.contact_ok, Person.deleted_at)
            .where(Person.id.in_(person_ids[start:start + 500]))
        ).all():
            persons[pid] = (name, contact_ok, deleted)
    already: set[str] = set()
    if batch.skip_already_shipped and batch.programme_id:
        already = set(session.execute(select(Shipment.person_id).where(
            Shipment.programme_id == batch.programme_id, Shipment.deleted_at.is_(None))).scalars())
    skipped, chosen = [], []
    for pid in person_ids:
        if pid not in persons or persons[pid][2] is not None:
            raise NotFoundError("選んだ参加者の中に、見つからない（削除された）人がいます。")
        name, contact_ok, _ = persons[pid]
        if not contact_ok:
            skipped.append((name, "連絡不可"))
        elif pid in already:
            skipped.append((name, "このプログラムで発送済み"))
        else:
            chosen.append(pid)
    farmer_ids = batch.farmer_ids if batch.farmer_ids is not None else [fid for fid, _ in farmers(session)]
    active = {fid for fid, _ in farmers(session)}
    unknown = [fid for fid in [*farmer_ids, *batch.farmer_for_person.values()] if fid not in active]
    if unknown:
        raise ValidationError({"farmer_ids": "差出人に選んだ農家の中に、見つからないか農家でない受入先があります。"})
    if not farmer_ids and any(pid not in batch.farmer_for_person for pid in chosen):
        raise ValidationError({"farmer_ids": "差出人の農家がいません。受入先に種別「農家」を登録してください。"})
    assignments: dict[str, str] = {}
    turn = 0
    for pid in chosen:
        if pid in batch.farmer_for_person:
            assignments[pid] = batch.farmer_for_person[pid]
        else:
            assignments[pid] = farmer_ids[turn % len(farmer_ids)]
            turn += 1
    return BatchResult([], [], assignments, skipped)


def create_batch(session: Session, batch: BatchInput, *, today: date | None = None) -> BatchResult:
    """One shipment and one letter (carried in it) per person, all or nothing."""
    plan = plan_batch(session, batch)
    if not plan.assignments:
        raise ValidationError({"person_ids": "発送を作る相手がいません（全員が対象外でした: "
                                             + "、".join(f"{n}（{r}）" for n, r in plan.skipped) + "）。"})
    prepared_on = batch.prepared_on or today or date.today()
    for person_id, farmer_id in plan.assignments.items():
        shipment_id = shipments.create_shipment(session, ShipmentInput(
            person_id=person_id, host_id=farmer_id, programme_id=batch.programme_id, contents=batch.contents,
            quantity=batch.quantity, carrier=batch.carrier, prepared_on=prepared_on, cost_yen=batch.cost_yen,
        ), today=today)
        letter_id = letters.create_letter(session, LetterInput(
            direction=LetterDirection.TO_PERSON.value, person_id=person_id, host_id=farmer_id,
            programme_id=batch.programme_id, written_on=prepared_on, summary=batch.letter_summary,
            shipment_id=shipment_id,
        ), today=today)
        plan.shipment_ids.append(shipment_id)
        plan.letter_ids.append(letter_id)
    audit.record(session, "batch", "shipment", batch.programme_id or "", {
        "shipments": [None, len(plan.shipment_ids)], "skipped": [None, plan.skipped]})
    return plan


def mark_shipped(session: Session, shipment_ids: Iterable[str], on: date, *, advance_enrollments: bool = False,
                 tracking_numbers: dict[str, str] | None = None, today: date | None = None) -> list[str]:
    changed = shipments.mark_shipments(session, shipment_ids, "shipped", on,
                                       tracking_numbers=tracking_numbers, today=today)
    if advance_enrollments:
        advance_kome_letter_enrollments(session, changed, KOME_SHIPPED_STAGE, on)
    return changed


def mark_delivered(session: Session, shipment_ids: Iterable[str], on: date, *, advance_enrollments: bool = False,
                   today: date | None = None) -> list[str]:
    changed = shipments.mark_shipments(session, shipment_ids, "delivered", on, today=today)
    if advance_enrollments:
        advance_kome_letter_enrollments(session, changed, KOME_DELIVERED_STAGE, on)
    return changed


def advance_kome_letter_enrollments(session: Session, shipment_ids: Iterable[str], stage_name: str,
                                    on: date) -> int:
    """Move the お米レター enrollments of these shipments' persons forward to ``stage_name``.

    Only forward: an enrollment already at or past that stage, or dropped out,
    is left alone. Shipments outside an お米レター programme are ignored.
    Returns how many enrollments moved.
    """
    ids = list(shipment_ids)
    if not ids:
        return 0
    rows = []
    for start in range(0, len(ids), 500):
        rows += session.execute(
            select(Shipment.programme_id, Shipment.person_id)
            .join(Programme, Programme.id == Shipment.programme_id)
            .where(Shipment.id.in_(ids[start:start + 500]), Programme.kind == ProgrammeKind.KOME_LETTER.value)
        ).all()
    by_programme: dict[str, set[str]] = defaultdict(set)
    for programme_id, person_id in rows:
        by_programme[programme_id].add(person_id)
    return sum(_advance_persons(session, programme_id, list(person_ids), stage_name, on)
               for programme_id, person_ids in by_programme.items())


def _advance_persons(session: Session, programme_id: str, person_ids: list[str], stage_name: str, on: date) -> int:
    from kankei_desktop.services.enrollments import move_enrollments

    target = session.execute(select(ProgrammeStage).where(
        ProgrammeStage.programme_id == programme_id, ProgrammeStage.name == stage_name,
        ProgrammeStage.deleted_at.is_(None))).scalars().first()
    if target is None:
        return 0  # the coordinator renamed the stage: nothing sensible to move to
    current = session.execute(
        select(Enrollment.id, ProgrammeStage.position, ProgrammeStage.is_dropout, ProgrammeStage.is_final)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.programme_id == programme_id, Enrollment.person_id.in_(person_ids),
               Enrollment.deleted_at.is_(None))
    ).all()
    forward = [eid for eid, position, dropout, final in current
               if position < target.position and not dropout and not final]
    return len(move_enrollments(session, forward, target.id, on=on)) if forward else 0



KOME_TOUR_STAGE = "お礼ツアー参加"


def record_thank_you_tour(session: Session, letter_id: str, on: date, *, note: str = "お礼ツアー",
                          advance_enrollments: bool = False) -> str:
    """The person of a reply letter came on the thank-you tour: a 訪問 record (and optionally the final stage)."""
    from kankei_desktop.services.interactions import InteractionInput, log_interaction

    letter = letters.live_letter(session, letter_id)
    interaction_id = log_interaction(session, InteractionInput(
        person_id=letter.person_id, kind="訪問", occurred_on=on, programme_id=letter.programme_id, note=note))
    if advance_enrollments and letter.programme_id:
        _advance_persons(session, letter.programme_id, [letter.person_id], KOME_TOUR_STAGE, on)
    return interaction_id


def run_followup_action(session: Session, item, today: date, *, advance_enrollments: bool = False) -> str:
    """Do the one-click action of a ``followups.FollowUp`` dated today; returns what was created or changed."""
    from kankei_desktop.services import followups

    if item.action == followups.ACTIONS[followups.NOT_DELIVERED][0]:
        mark_delivered(session, [item.record_id], today, advance_enrollments=advance_enrollments, today=today)
        return item.record_id
    if item.action == followups.ACTIONS[followups.NO_REPLY][0]:
        return letters.record_reply(session, item.record_id, received_on=today, today=today)
    if item.action == followups.ACTIONS[followups.NO_TOUR][0]:
        return record_thank_you_tour(session, item.record_id, today, advance_enrollments=advance_enrollments)
    raise ValidationError({"action": f"操作「{item.action}」はありません。"})


def host_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every live host, for the sender / farmer pickers."""
    return [tuple(r) for r in session.execute(
        select(Host.id, Host.name).where(Host.deleted_at.is_(None)).order_by(Host.name)).all()]


def programme_choices(session: Session) -> list[tuple[str, str]]:
    """(id, 「name（2026年度）」) of programmes not archived, newest year first."""
    return [(pid, f"{name}（{year}年度）") for pid, name, year in session.execute(
        select(Programme.id, Programme.name, Programme.fiscal_year)
        .where(Programme.deleted_at.is_(None), Programme.archived.is_(False))
        .order_by(Programme.fiscal_year.desc(), Programme.name)).all()]


# -------------------------------------------------- the letter and shipment editors
# Each call is one unit of work of its own: the editors hold no session.

@dataclass
class LetterForEditing:
    data: LetterInput
    version: int | None  # handed back at the save, so a save by somebody else since is refused
    photo_names: list[str]


def editor_choices(database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(hosts, programmes) for the editors' pickers."""
    with work.unit(database) as session:
        return host_choices(session), programme_choices(session)


def letter_for_editing(database, letter_id: str) -> LetterForEditing:
    with work.unit(database) as session:
        return LetterForEditing(letters.load_letter_input(session, letter_id),
                                versions.version_of(session, Letter, letter_id),
                                [row.file_name for row in attachments.list_attachments(session, "letter", letter_id)])


def reply_choices(database, person_id: str) -> list[tuple[str, date | None, str]]:
    """The letters to ``person_id`` a letter from them could answer (``letters.letters_to_person``)."""
    with work.unit(database) as session:
        return letters.letters_to_person(session, person_id)


def save_letter(database, letter_id: str | None, data: LetterInput, *, photos: list[Path] = (),
                expected_version: int | None = None) -> str:
    """Create (``letter_id`` None) or update a letter with its new photos; returns its id.
    An update is refused (``StaleRecordError``) when the letter moved on from ``expected_version``."""
    with work.unit(database) as session:
        if letter_id is None:
            return letters.create_letter(session, data, photos=photos)
        letters.update_letter(session, letter_id, data, expected_version=expected_version)
        for path in photos:
            letters.attach_photo(session, letter_id, path)
        return letter_id


def shipment_for_editing(database, shipment_id: str) -> tuple[ShipmentInput, int | None]:
    """The shipment's fields and its row version (handed back at the save)."""
    with work.unit(database) as session:
        return (shipments.load_shipment_input(session, shipment_id),
                versions.version_of(session, Shipment, shipment_id))


def save_shipment(database, shipment_id: str | None, data: ShipmentInput, *,
                  expected_version: int | None = None) -> str:
    """Create (``shipment_id`` None) or update a shipment; returns its id. An update is refused
    (``StaleRecordError``) when the shipment moved on from ``expected_version``."""
    with work.unit(database) as session:
        if shipment_id is None:
            return shipments.create_shipment(session, data)
        shipments.update_shipment(session, shipment_id, data, expected_version=expected_version)
        return shipment_id


def person_choices(database, text: str, *, keep: str | None, limit: int) -> list[tuple[str, str, str]]:
    """(id, name, furigana) of up to ``limit`` persons matching ``text``, for the editors' person
    picker; ``keep`` (the person already chosen) comes first when the search left them out."""
    with work.unit(database) as session:
        ids = participants.list_person_ids(session, participants.PersonFilter(text=text), limit=limit)
        if keep and keep not in ids:
            ids.insert(0, keep)
        rows = participants.fetch_list_rows(session, ids)
    return [(person_id, *rows.get(person_id, ("?", ""))[:2]) for person_id in ids]


def segment_names(database) -> list[str]:
    """The saved segments' names, for the address labels' 「Who」 list."""
    with work.unit(database) as session:
        return [name for _id, name, _criteria in segments.list_segments(session)]


def carrier_settings_to_fill(database, fmt: str, shipment_ids: list[str]) -> list:
    """The settings (``Declared``) a carrier CSV of these shipments still needs."""
    with work.unit(database) as session:
        return carrier_export.missing_settings(
            session, fmt, organisation_sender=carrier_export.needs_organisation_sender(session, shipment_ids))
