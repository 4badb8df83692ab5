"""Letters both ways (手紙): 地域→参加者 and the participant's reply.

The status follows the dates (受取済 > 発送済 > 作成中) except 返送, which the
coordinator sets. A reply (参加者→地域) points at the letter it answers, of the
same person, and closes that letter's loop.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.enums import LetterDirection, LetterStatus
from kankei_desktop.domain.limits import add_length_errors
from kankei_desktop.domain.tables import Attachment, Host, Letter, Person, Programme, Shipment, utc_now
from kankei_desktop.services import attachments
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.record_ops import (
    assign,
    check_version,
    live,
    live_or_none,
    live_rows,
    soft_delete,
    valid,
    values_of,
)
from kankei_desktop.store import audit


@dataclass
class LetterInput:
    direction: str = LetterDirection.TO_PERSON.value
    person_id: str = ""
    host_id: str | None = None
    programme_id: str | None = None
    written_on: date | None = None
    sent_on: date | None = None
    received_on: date | None = None
    summary: str = ""
    reply_to_id: str | None = None
    shipment_id: str | None = None
    returned: bool = False  # 返送: came back undelivered


_FIELDS = tuple(name for name in LetterInput.__dataclass_fields__ if name != "returned")


def derive_status(data: LetterInput) -> str:
    if data.returned:
        return LetterStatus.RETURNED.value
    if data.received_on:
        return LetterStatus.RECEIVED.value
    if data.sent_on:
        return LetterStatus.SENT.value
    return LetterStatus.DRAFT.value


def letter_label(session: Session, data: LetterInput) -> str:
    """How a message names a letter: 「山田 太郎」さんへの手紙 / からの手紙."""
    person = session.get(Person, data.person_id) if data.person_id else None
    if person is None:
        return "新しい手紙"
    way = "への" if data.direction == LetterDirection.TO_PERSON.value else "からの"
    return f"「{person.name}」さん{way}手紙"


def validate(session: Session, data: LetterInput, *, letter_id: str | None, today: date) -> dict[str, str]:
    label = letter_label(session, data)
    errors: dict[str, str] = {}
    if data.direction not in {d.value for d in LetterDirection}:
        errors["direction"] = f"{label}: 方向「{data.direction}」は選択肢にありません。"
    if live_or_none(session, Person, data.person_id) is None:
        errors["person_id"] = f"{label}: 参加者を選んでください。"
    if data.host_id and live_or_none(session, Host, data.host_id) is None:
        errors["host_id"] = f"{label}: 受入先（農家など）が見つかりません。"
    if data.programme_id and live_or_none(session, Programme, data.programme_id) is None:
        errors["programme_id"] = f"{label}: プログラムが見つかりません。"
    names = {"written_on": "作成日", "sent_on": "発送日", "received_on": "受取日"}
    for field, name in names.items():
        value = getattr(data, field)
        if value and value > today:
            errors[field] = f"{label}: {name} {display_date(value)} は未来の日付です。"
    if data.written_on and data.sent_on and data.sent_on < data.written_on:
        errors.setdefault("sent_on", f"{label}: 発送日 {display_date(data.sent_on)} が作成日 {display_date(data.written_on)} より前です。")
    if data.received_on and data.sent_on and data.received_on < data.sent_on:
        errors.setdefault("received_on", f"{label}: 受取日 {display_date(data.received_on)} が発送日 {display_date(data.sent_on)} より前です。")
    if data.received_on and data.written_on and data.received_on < data.written_on:
        errors.setdefault("received_on", f"{label}: 受取日 {display_date(data.received_on)} が作成日 {display_date(data.written_on)} より前です。")
    if data.returned and not data.sent_on:
        errors["returned"] = f"{label}: 返送にするには発送日を入力してください。"
    if data.reply_to_id:
        errors.update(_reply_errors(session, data, letter_id, label))
    if data.shipment_id:
        shipment = live_or_none(session, Shipment, data.shipment_id)
        if shipment is None:
            errors["shipment_id"] = f"{label}: 同梱する発送が見つかりません。"
        elif shipment.person_id != data.person_id:
            errors["shipment_id"] = f"{label}: 同梱する発送は別の参加者宛です。"
    return add_length_errors(errors, Letter, data)


def _reply_errors(session: Session, data: LetterInput, letter_id: str | None, label: str) -> dict[str, str]:
    original = live_or_none(session, Letter, data.reply_to_id)
    if original is None:
        return {"reply_to_id": f"{label}: 返信元の手紙が見つかりません。"}
    if original.id == letter_id:
        return {"reply_to_id": f"{label}: 手紙は自分自身への返信にはできません。"}
    if data.direction != LetterDirection.FROM_PERSON.value or original.direction != LetterDirection.TO_PERSON.value:
        return {"reply_to_id": f"{label}: 返信は「参加者→地域」の手紙で、「地域→参加者」の手紙に答えるものです。"}
    if original.person_id != data.person_id:
        return {"reply_to_id": f"{label}: 返信元の手紙は別の参加者宛です。"}
    if original.sent_on and data.sent_on and data.sent_on < original.sent_on:
        return {"sent_on": f"{label}: 返信の発送日 {display_date(data.sent_on)} が"
                           f"返信元の手紙の発送日 {display_date(original.sent_on)} より前です。"}
    return {}


def _checked(session: Session, data: LetterInput, letter_id: str | None, today: date | None) -> LetterInput:
    data = LetterInput(**{**asdict(data), "summary": (data.summary or "").strip()})
    return valid(data, validate(session, data, letter_id=letter_id, today=today or date.today()))


def live_letter(session: Session, letter_id: str) -> Letter:
    return live(session, Letter, letter_id, "手紙の記録")


def load_letter_input(session: Session, letter_id: str) -> LetterInput:
    letter = live_letter(session, letter_id)
    return LetterInput(**values_of(letter, _FIELDS),
                       returned=letter.status == LetterStatus.RETURNED.value)


def _snapshot(data: LetterInput) -> dict:
    return {**asdict(data), "status": derive_status(data)}


def create_letter(session: Session, data: LetterInput, *, photos: list[Path] = (), today: date | None = None) -> str:
    """Store a letter (and copy its photos into the data folder); returns the new id."""
    data = _checked(session, data, None, today)
    letter = Letter(**values_of(data, _FIELDS), status=derive_status(data))
    session.add(letter)
    session.flush()
    for photo in photos:
        attachments.add_attachment(session, "letter", letter.id, photo)
    audit.record(session, "create", "letter", letter.id, audit.diff({}, _snapshot(data)))
    refresh_last_activity(session, [data.person_id])
    return letter.id


def update_letter(session: Session, letter_id: str, data: LetterInput, *, today: date | None = None, expected_version: int | None = None) -> bool:
    check_version(session, Letter, letter_id, expected_version, "letter", "手紙")
    letter = live_letter(session, letter_id)
    before = _snapshot(load_letter_input(session, letter_id))
    data = _checked(session, data, letter_id, today)
    changes = audit.diff(before, _snapshot(data))
    if not changes:
        return False
    assign(letter, data, _FIELDS)
    letter.status = derive_status(data)
    letter.updated_at = utc_now()
    audit.record(session, "update", "letter", letter_id, changes)
    refresh_last_activity(session, {before["person_id"], data.person_id})
    return True


def delete_letter(session: Session, letter_id: str) -> None:
    letter = live_letter(session, letter_id)
    now = utc_now()
    for reply in session.execute(live_rows(Letter).where(Letter.reply_to_id == letter_id)).scalars():
        reply.reply_to_id, reply.updated_at = None, now  # the reply stays, unlinked
    attachments.remove_attachments_of(session, "letter", letter_id)
    soft_delete(session, letter, "letter", {"summary": [letter.summary, None]}, now=now)
    refresh_last_activity(session, [letter.person_id])


def attach_photo(session: Session, letter_id: str, photo: Path, caption: str = "") -> str:
    live_letter(session, letter_id)
    return attachments.add_attachment(session, "letter", letter_id, photo, caption)


def record_reply(session: Session, original_id: str, *, received_on: date, sent_on: date | None = None,
                 summary: str = "", photos: list[Path] = (), today: date | None = None) -> str:
    """The participant's answer to ``original_id``: one call closes the loop."""
    original = live_letter(session, original_id)
    data = LetterInput(direction=LetterDirection.FROM_PERSON.value, person_id=original.person_id,
                       host_id=original.host_id, programme_id=original.programme_id,
                       sent_on=sent_on, received_on=received_on, summary=summary, reply_to_id=original_id)
    return create_letter(session, data, photos=photos, today=today)


def list_letter_rows(session: Session, *, programme_id: str | None = None, person_id: str | None = None,
                     direction: str | None = None, search: str = "", limit: int | None = None) -> list[tuple]:
    """(id, direction, person name, host name, written, sent, received, status, summary, replied, has photo,
    person_id), unsent drafts first, then newest sent first; at most ``limit`` rows.

    Ids are chosen and ordered first and the details (reply and photo flags) fetched for those
    only, so a screen showing the newest 1,000 of 100,000 letters does not pay for the rest.
    """
    ids_query = select(Letter.id).join(Person, Person.id == Letter.person_id).where(Letter.deleted_at.is_(None))
    if programme_id:
        ids_query = ids_query.where(Letter.programme_id == programme_id)
    if person_id:
        ids_query = ids_query.where(Letter.person_id == person_id)
    if direction:
        ids_query = ids_query.where(Letter.direction == direction)
    if search:
        from kankei_desktop.domain.text import like_pattern

        pattern = like_pattern(search.strip())
        ids_query = ids_query.where(Person.name.like(pattern, escape="\\") | Letter.summary.like(pattern, escape="\\"))
    ids_query = ids_query.order_by(Letter.sent_on.is_not(None), Letter.sent_on.desc(), Letter.created_at.desc())
    if limit:
        ids_query = ids_query.limit(limit)
    ids = list(session.execute(ids_query).scalars())
    reply = aliased(Letter)
    has_photo = (select(Attachment.id).where(Attachment.owner_kind == "letter", Attachment.owner_id == Letter.id,
                                             Attachment.deleted_at.is_(None)).correlate(Letter).exists())
    replied = (select(reply.id).where(reply.reply_to_id == Letter.id, reply.deleted_at.is_(None))
               .correlate(Letter).exists())
    details: dict[str, tuple] = {}
    for start in range(0, len(ids), 500):
        for row in session.execute(
            select(Letter.id, Letter.direction, Person.name, Host.name, Letter.written_on, Letter.sent_on,
                   Letter.received_on, Letter.status, Letter.summary, replied, has_photo, Letter.person_id)
            .join(Person, Person.id == Letter.person_id)
            .outerjoin(Host, Host.id == Letter.host_id)
            .where(Letter.id.in_(ids[start:start + 500]))
        ).all():
            details[row[0]] = tuple(row)
    return [details[letter_id] for letter_id in ids]


def letters_to_person(session: Session, person_id: str) -> list[tuple[str, date | None, str]]:
    """(id, sent_on, summary) of the 地域→参加者 letters a reply of this person could answer, newest first."""
    return [tuple(r) for r in session.execute(
        select(Letter.id, Letter.sent_on, Letter.summary).where(
            Letter.person_id == person_id, Letter.deleted_at.is_(None),
            Letter.direction == LetterDirection.TO_PERSON.value).order_by(Letter.sent_on.desc())).all()]
