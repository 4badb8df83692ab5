"""The steps every record service is made of, written once.

A record service (letters, shipments, hosts, stays, …) reads a live row or refuses with
「…が見つかりません（削除された可能性があります）。」, refuses a save made on a version
somebody else has saved since, soft-deletes and restores with an audit entry, and selects
live rows. ``what`` is the record as a message names it (手紙の記録, 受入先, 滞在).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, select

from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import utc_now
from kankei_desktop.services.audit_log import field_label
from kankei_desktop.store import audit, versions

Row = TypeVar("Row")


def valid(data: Row, errors: dict[str, str]) -> Row:
    """``data`` (a normalised input) when ``errors`` is empty, else the refusal naming every field."""
    if errors:
        raise ValidationError(errors)
    return data


def live(session: Session, table: type[Row], row_id: str, what: str) -> Row:
    """The row, unless it does not exist or is soft-deleted."""
    row = session.get(table, row_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"{what}が見つかりません（削除された可能性があります）。")
    return row


def live_or_none(session: Session, table: type[Row], row_id: str | None) -> Row | None:
    """The row when ``row_id`` names a live one, else None: for a check that a reference still stands."""
    row = session.get(table, row_id) if row_id else None
    return row if row is not None and row.deleted_at is None else None


def deleted(session: Session, table: type[Row], row_id: str, what: str) -> Row:
    """The soft-deleted row an undo brings back."""
    row = session.get(table, row_id)
    if row is None or row.deleted_at is None:
        raise NotFoundError(f"復元できる削除済みの{what}が見つかりません。")
    return row


def live_rows(table: type):
    """``select(table)`` of its live rows (``session.exec`` or ``session.execute(…).scalars()``);
    add conditions with ``.where``."""
    return select(table).where(table.deleted_at.is_(None))


def check_version(session: Session, table: type, row_id: str, expected_version: int | None,
                  entity: str, label: str) -> None:
    """Refuse a save when somebody else saved the row since the editor loaded ``expected_version``
    (store/versions.py); on a server the row is held until the commit. ``label`` names the kind (手紙)."""
    versions.check(session, table, row_id, expected_version, entity, label,
                   lambda name: field_label(name, entity))


def soft_delete(session: Session, row: Any, entity: str, changes: dict, *, now: datetime | None = None) -> None:
    """Mark ``row`` deleted (it stays in the file, every query leaves it out) and audit it."""
    row.deleted_at = row.updated_at = now or utc_now()
    audit.record(session, "delete", entity, row.id, changes)


def restore(session: Session, row: Any, entity: str, changes: dict) -> None:
    """Bring a soft-deleted row back (an undo) and audit it."""
    row.deleted_at = None
    row.updated_at = utc_now()
    audit.record(session, "restore", entity, row.id, changes)


def set_field(session: Session, row: Any, entity: str, field: str, value: Any) -> Any:
    """Change one field of ``row`` and audit it, when the value differs; returns the old value (for undo)."""
    old = getattr(row, field)
    if old != value:
        setattr(row, field, value)
        row.updated_at = utc_now()
        audit.record(session, "update", entity, row.id, {field: [old, value]})
    return old


def values_of(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """``{field: record.field}``: a row's stored values, or an input's, for an audit diff or a load."""
    return {name: getattr(record, name) for name in fields}


def assign(row: Any, data: Any, fields: tuple[str, ...]) -> None:
    """Copy ``fields`` from an input onto its row."""
    for name in fields:
        setattr(row, name, getattr(data, name))
