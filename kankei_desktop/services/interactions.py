"""Interactions (関わり記録): every touch that is not a stay, letter or shipment.

Each change keeps the person's 最終関わり日 up to date and returns what it
replaced, so the GUI can undo it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.enums import InteractionKind
from kankei_desktop.domain.limits import add_length_errors
from kankei_desktop.domain.tables import Interaction, Person, Programme, utc_now
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.record_ops import (
    assign,
    check_version,
    deleted,
    live,
    live_or_none,
    restore,
    soft_delete,
    valid,
    values_of,
)
from kankei_desktop.store import audit
from kankei_desktop.store.versions import version_of


@dataclass
class InteractionInput:
    person_id: str
    kind: str
    occurred_on: date
    programme_id: str | None = None
    note: str = ""
    amount_yen: int | None = None  # 物産購入・寄附 only (例4's 販売額)


_FIELDS = ("person_id", "kind", "occurred_on", "programme_id", "note", "amount_yen")
AMOUNT_KINDS = (InteractionKind.PURCHASE.value, InteractionKind.DONATION.value)


def kind_choices() -> list[str]:
    return [kind.value for kind in InteractionKind]


def _checked(session: Session, data: InteractionInput, today: date | None = None) -> InteractionInput:
    today = today or date.today()
    data = InteractionInput(data.person_id, (data.kind or "").strip(), data.occurred_on,
                            data.programme_id or None, (data.note or "").strip(), data.amount_yen)
    errors: dict[str, str] = {}
    if data.amount_yen is not None:
        if isinstance(data.amount_yen, bool) or not isinstance(data.amount_yen, int) or data.amount_yen < 0:
            errors["amount_yen"] = f"金額は0以上の整数（円）で入力してください（「{data.amount_yen}」）。"
        elif data.kind not in AMOUNT_KINDS:
            errors["amount_yen"] = f"金額は {'・'.join(AMOUNT_KINDS)} の記録にだけ入力できます。"
    if live_or_none(session, Person, data.person_id) is None:
        errors["person_id"] = "参加者が見つかりません（削除された可能性があります）。"
    if data.kind not in set(kind_choices()):
        errors["kind"] = f"種類「{data.kind}」は選択肢にありません。"
    if not isinstance(data.occurred_on, date):
        errors["occurred_on"] = "日付を入力してください。"
    elif data.occurred_on > today:
        errors["occurred_on"] = f"日付 {display_date(data.occurred_on)} は未来の日付です。あったことを記録してください。"
    if data.programme_id and live_or_none(session, Programme, data.programme_id) is None:
        errors["programme_id"] = "プログラムが見つかりません（削除された可能性があります）。"
    return valid(data, add_length_errors(errors, Interaction, data))


def _live(session: Session, interaction_id: str) -> Interaction:
    return live(session, Interaction, interaction_id, "関わりの記録")


def _values(interaction: Interaction) -> dict:
    return values_of(interaction, _FIELDS)


def log_interaction(session: Session, data: InteractionInput) -> str:
    """Record a touch; returns its id."""
    data = _checked(session, data)
    interaction = Interaction(**values_of(data, _FIELDS))
    session.add(interaction)
    session.flush()
    refresh_last_activity(session, [data.person_id])
    audit.record(session, "create", "interaction", interaction.id, audit.diff({}, _values(interaction)))
    return interaction.id


def load_interaction(session: Session, interaction_id: str) -> InteractionInput:
    return InteractionInput(**_values(_live(session, interaction_id)))


def interaction_version(session: Session, interaction_id: str) -> int | None:
    """The record's row version, for an editor to hand back at its save."""
    return version_of(session, Interaction, interaction_id)


def update_interaction(session: Session, interaction_id: str, data: InteractionInput, *, expected_version: int | None = None) -> InteractionInput | None:
    """Save an edit; returns the values before (for undo), or None when nothing differed."""
    check_version(session, Interaction, interaction_id, expected_version, "interaction", "関わり")
    interaction = _live(session, interaction_id)
    data = _checked(session, data)
    before = _values(interaction)
    after = values_of(data, _FIELDS)
    changes = audit.diff(before, after)
    if not changes:
        return None
    assign(interaction, data, _FIELDS)
    interaction.updated_at = utc_now()
    session.flush()
    refresh_last_activity(session, {before["person_id"], data.person_id})
    audit.record(session, "update", "interaction", interaction_id, changes)
    return InteractionInput(**before)


def delete_interaction(session: Session, interaction_id: str) -> None:
    interaction = _live(session, interaction_id)
    soft_delete(session, interaction, "interaction", audit.diff(_values(interaction), {}))
    session.flush()
    refresh_last_activity(session, [interaction.person_id])


def restore_interaction(session: Session, interaction_id: str) -> None:
    """Undo of ``delete_interaction``."""
    interaction = deleted(session, Interaction, interaction_id, "関わりの記録")
    restore(session, interaction, "interaction", audit.diff({}, _values(interaction)))
    session.flush()
    refresh_last_activity(session, [interaction.person_id])


def interactions_of_person(session: Session, person_id: str) -> list[tuple]:
    """(id, occurred_on, kind, programme name or '', note), newest first."""
    rows = session.execute(
        select(Interaction.id, Interaction.occurred_on, Interaction.kind, Programme.name, Interaction.note)
        .outerjoin(Programme, Programme.id == Interaction.programme_id)
        .where(Interaction.person_id == person_id, Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc())
    ).all()
    return [(iid, on, kind, programme or "", note) for iid, on, kind, programme, note in rows]
