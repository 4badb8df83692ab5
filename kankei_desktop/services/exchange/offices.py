"""This file's office, the offices it exchanges with, and the exchange history."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlmodel import Session

from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.domain.tables import ExchangeConflict, ExchangeHistory, ExchangeOffice, new_id, utc_now
from kankei_desktop.store import audit


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    name: str
    organisation_id: str
    is_self: bool
    sent_number: int = 0
    acked_seq: int = 0
    received_number: int = 0
    received_seq: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    direction: str  # out (written) / in (applied)
    peer_id: str
    peer_name: str
    number: int
    user: str
    records: int
    conflicts: int
    findings: list
    file_name: str


def _info(row: ExchangeOffice) -> OfficeInfo:
    return OfficeInfo(row.id, row.name, row.organisation_id, row.is_self, row.sent_number, row.acked_seq,
                      row.received_number, row.received_seq)


def _name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "事務所名を入力してください（例: 本庁、〇〇島支所）。"})
    if len(name) > 100:
        raise ValidationError({"name": "事務所名は100文字以内にしてください。"})
    return name


def current_seq(session: Session) -> int:
    return int(session.execute(text("SELECT seq FROM exchange_context WHERE id = 1")).scalar_one())


def _self_row(session: Session) -> ExchangeOffice | None:
    return session.execute(select(ExchangeOffice).where(ExchangeOffice.is_self.is_(True),
                                                        ExchangeOffice.deleted_at.is_(None))).scalar_one_or_none()


def own_office(session: Session) -> OfficeInfo | None:
    """This file's office, or None before ``set_up_office``."""
    row = _self_row(session)
    return None if row is None else _info(row)


def require_own_office(session: Session) -> OfficeInfo:
    office = own_office(session)
    if office is None:
        raise NotFoundError("このファイルの事務所がまだ設定されていません。先に「事務所の設定」で事務所名を登録してください"
                            "（コマンド: kankei-desktop exchange office --db ファイル --name 事務所名）。")
    return office


def set_up_office(session: Session, name: str, organisation_id: str | None = None) -> OfficeInfo:
    """Name this file's office (a new id; a new organisation unless ``organisation_id``). Once per file."""
    if _self_row(session) is not None:
        raise ConflictError("このファイルの事務所はすでに設定されています。名前を変える場合は「名前の変更」を使ってください。")
    row = ExchangeOffice(name=_name(name), organisation_id=organisation_id or new_id(), is_self=True)
    session.add(row)
    session.flush()
    audit.record(session, "create", "exchange_office", row.id, {"name": row.name})
    return _info(row)


def rename_office(session: Session, office_id: str, name: str) -> OfficeInfo:
    """Rename this office or a peer; the id never changes."""
    row = session.get(ExchangeOffice, office_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("その事務所は登録されていません。")
    before, row.name, row.updated_at = row.name, _name(name), utc_now()
    audit.record(session, "update", "exchange_office", row.id, {"name": [before, row.name]})
    return _info(row)


NOTHING_IN_COMMON = -1


def add_peer(session: Session, office_id: str, name: str, *, baseline_seq: int = NOTHING_IN_COMMON,
             peer_seq: int = 0) -> OfficeInfo:
    """Register an office of the same organisation to exchange with.

    ``baseline_seq``: our counter up to which it already has everything (a copy of this file);
    by default nothing, and the first package written for it holds every shared row.
    ``peer_seq``: its counter up to which we already have everything.
    """
    me = require_own_office(session)
    if office_id == me.id:
        raise ValidationError({"office_id": "自分の事務所は交換相手に登録できません。"})
    row = session.get(ExchangeOffice, office_id)
    if row is not None:
        raise ConflictError(f"事務所「{row.name}」はすでに交換相手として登録されています。")
    row = ExchangeOffice(id=office_id, name=_name(name), organisation_id=me.organisation_id,
                         acked_seq=baseline_seq, received_seq=peer_seq)
    session.add(row)
    session.flush()
    audit.record(session, "create", "exchange_office", row.id, {"name": row.name, "peer": True})
    return _info(row)


def peers(session: Session) -> list[OfficeInfo]:
    rows = session.execute(select(ExchangeOffice).where(ExchangeOffice.is_self.is_(False),
                                                        ExchangeOffice.deleted_at.is_(None))
                           .order_by(ExchangeOffice.name)).scalars()
    return [_info(row) for row in rows]


def find_peer(session: Session, peer: str) -> ExchangeOffice:
    """A peer by id or by name."""
    row = session.get(ExchangeOffice, peer)
    if row is None:
        row = session.execute(select(ExchangeOffice).where(ExchangeOffice.name == peer,
                                                           ExchangeOffice.deleted_at.is_(None))).scalars().first()
    if row is None or row.is_self or row.deleted_at is not None:
        raise NotFoundError(f"交換相手「{peer}」は登録されていません。"
                            "「交換相手の追加」で登録するか、事務所用のコピーを作ってください。")
    return row


def make_office_copy(database, target: Path, name: str) -> OfficeInfo:
    """Copy this file for a new office (支所用のファイル): the copy gets its own office id and both
    files know each other, with everything up to now already in common. Returns the new office."""
    target = Path(target)
    if target.exists():
        raise ConflictError(f"「{target}」はすでにあります。別の名前を指定してください。")
    name = _name(name)
    with database.session() as session:
        me = require_own_office(session)
        new_office = new_id()
        seq = current_seq(session)
        add_peer(session, new_office, name, baseline_seq=seq, peer_seq=seq)
        prune_journal(session)
    from kankei_desktop.store import backup

    backup.copy_database(database.path, target, check="quick")
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        copy.execute("BEGIN")
        copy.execute("UPDATE exchange_office SET is_self = 0, acked_seq = ?, received_seq = ? WHERE id = ?",
                     (seq, seq, me.id))
        copy.execute("UPDATE exchange_office SET is_self = 1, acked_seq = 0, received_seq = 0 WHERE id = ?",
                     (new_office,))
        # Peers of the original stay peers (with what the original had in common with them); the
        # package numbers start again, since this is a new office to them.
        copy.execute("UPDATE exchange_office SET sent_number = 0, received_number = 0")
        copy.execute("DELETE FROM exchange_conflict")
        copy.execute("DELETE FROM exchange_history")
        copy.execute("DELETE FROM exchange_journal WHERE seq <= ?", (seq,))
        copy.execute("COMMIT")
        copy.execute("PRAGMA journal_mode=WAL")
    finally:
        copy.close()
    return OfficeInfo(new_office, name, me.organisation_id, True, 0, seq, 0, seq)


def prune_journal(session: Session) -> int:
    """Forget journal entries every peer has confirmed (they can never be sent or conflict again)."""
    floor = session.execute(text("SELECT min(acked_seq) FROM exchange_office WHERE is_self = 0"
                                 " AND deleted_at IS NULL")).scalar()
    if floor is None:
        return 0
    return session.execute(text("DELETE FROM exchange_journal WHERE seq <= :floor"), {"floor": floor}).rowcount


def record_history(session: Session, direction: str, peer: ExchangeOffice, number: int, records: int,
                   conflicts: int = 0, findings: list | None = None, file_name: str = "") -> None:
    session.add(ExchangeHistory(direction=direction, peer_id=peer.id, peer_name=peer.name, number=number,
                                user=audit.current_user(), records=records, conflicts=conflicts,
                                findings_json=json.dumps(findings or [], ensure_ascii=False), file_name=file_name))


def history(session: Session, limit: int = 200) -> list[HistoryEntry]:
    """Packages written and applied, newest first."""
    rows = session.execute(select(ExchangeHistory).order_by(ExchangeHistory.created_at.desc()).limit(limit)).scalars()
    return [HistoryEntry(row.created_at, row.direction, row.peer_id, row.peer_name, row.number, row.user, row.records,
                         row.conflicts, json.loads(row.findings_json), row.file_name) for row in rows]


def open_conflict_count(session: Session) -> int:
    return len(session.execute(select(ExchangeConflict.id).where(ExchangeConflict.resolved_at.is_(None))).all())


def pending_changes(session: Session, peer_id: str) -> int:
    """Records changed here that ``peer_id`` has not confirmed yet (from the journal's index);
    -1 when the peer has nothing in common with this file yet (the first package is whole)."""
    peer = session.get(ExchangeOffice, peer_id)
    if peer.acked_seq < 0:  # nothing in common yet: the first package holds every shared row
        return -1
    return int(session.execute(text(
        "SELECT count(*) FROM (SELECT DISTINCT tbl, row_id FROM exchange_journal"
        " WHERE seq > :seq AND (origin IS NULL OR origin != :peer))"), {"seq": peer.acked_seq, "peer": peer_id}
    ).scalar_one())
