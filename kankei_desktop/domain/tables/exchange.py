"""Offices and the exchange of changes between them (issue 19).

``exchange_journal`` and ``exchange_context`` are filled by SQLite triggers (migration 0008):
every insert or changed field of a shared table leaves one journal row, keyed by
(table, row, field), with the value of a counter that only grows. "What changed since the
other office confirmed counter N" is then a range of one index, whatever the file's size.
``exchange_event`` is a shared table (it travels): merges and erasures to replay.
The other exchange tables stay in this file (local-only).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Index, SQLModel

from kankei_desktop.domain.tables.base import Record


class ExchangeContext(SQLModel, table=True):
    """One row: the counter the triggers advance, and the office being applied (None: this one)."""

    __tablename__ = "exchange_context"

    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    origin: str | None = Field(default=None, max_length=36)


class ExchangeJournal(SQLModel, table=True):
    """The last change of one field of one row (field "" : the row was created)."""

    __tablename__ = "exchange_journal"
    __table_args__ = (Index("ix_exchange_journal_seq", "seq"), {"sqlite_with_rowid": False})

    tbl: str = Field(primary_key=True, max_length=40)
    row_id: str = Field(primary_key=True, max_length=36)
    col: str = Field(primary_key=True, max_length=40)
    seq: int
    origin: str | None = Field(default=None, max_length=36)  # the office it came from; None: this one
    at: str = Field(default="", max_length=32)
    resolved: bool = False  # set by a conflict resolution: the other side takes it without a conflict


class ExchangeOffice(Record, table=True):
    """This office (``is_self``) and the offices it exchanges with, with where each exchange stands."""

    __tablename__ = "exchange_office"

    name: str = Field(max_length=100)
    organisation_id: str = Field(max_length=36)
    is_self: bool = False
    sent_number: int = 0  # the last package written to this office
    acked_seq: int = 0  # our counter up to which this office confirmed it has everything
    received_number: int = 0  # the last package applied from this office
    received_seq: int = 0  # its counter up to which we have everything


class ExchangeEvent(Record, table=True):
    """A merge or an erasure, replayed by every office that receives it."""

    __tablename__ = "exchange_event"

    kind: str = Field(max_length=10)  # merge, erase
    person_id: str = Field(max_length=36)
    other_id: str | None = Field(default=None, max_length=36)  # merge: the record merged away


class ExchangeConflict(Record, table=True):
    """A field both offices changed since they last agreed; the record keeps the local value."""

    __tablename__ = "exchange_conflict"
    __table_args__ = (Index("ix_exchange_conflict_row", "tbl", "row_id"),)

    tbl: str = Field(max_length=40)
    row_id: str = Field(max_length=36)
    col: str = Field(max_length=40)
    local_value: str = "null"  # JSON
    local_office: str = Field(default="", max_length=100)
    local_at: str = Field(default="", max_length=32)
    remote_value: str = "null"  # JSON
    remote_office: str = Field(default="", max_length=100)
    remote_at: str = Field(default="", max_length=32)
    peer_id: str = Field(default="", max_length=36)
    package_number: int = 0
    resolved_at: datetime | None = None
    resolution: str = Field(default="", max_length=10)  # local, remote, edited, agreed


class ExchangeHistory(Record, table=True):
    """One package written or applied: who, when, how many records each way."""

    __tablename__ = "exchange_history"

    direction: str = Field(max_length=3)  # out, in
    peer_id: str = Field(max_length=36)
    peer_name: str = Field(default="", max_length=100)
    number: int = 0
    user: str = Field(default="", max_length=100)
    records: int = 0
    conflicts: int = 0
    findings_json: str = "[]"
    file_name: str = ""
