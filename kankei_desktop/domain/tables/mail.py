"""Letters both ways and shipments (お米レター and all other mail)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Field, Index

from kankei_desktop.domain.tables.base import Record, Versioned


class Shipment(Record, Versioned, table=True):
    __tablename__ = "shipment"
    __table_args__ = (Index("ix_shipment_person", "person_id"),
                      Index("ix_shipment_shipped", "shipped_on"),
                      # お米レター's parcels as activities: the KPI read stays in it (migration 0008).
                      Index("ix_shipment_mail", "shipped_on", "programme_id", "person_id",
                            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")))

    person_id: str = Field(foreign_key="person.id")  # recipient
    host_id: str | None = Field(default=None, foreign_key="host.id")  # sender (farmer)
    programme_id: str | None = Field(default=None, foreign_key="programme.id", index=True)
    contents: str = Field(default="", max_length=200)
    quantity: int = 1
    carrier: str = Field(default="ゆうパック", max_length=30)
    tracking_number: str = Field(default="", max_length=30)
    prepared_on: date | None = None
    shipped_on: date | None = None
    delivered_on: date | None = None
    returned_on: date | None = None
    status: str = Field(default="準備中", max_length=10)
    cost_yen: int | None = None
    notes: str = ""


class Letter(Record, Versioned, table=True):
    __tablename__ = "letter"
    __table_args__ = (Index("ix_letter_person", "person_id"),
                      Index("ix_letter_sent", "sent_on"),
                      # お米レター's letters as activities, both ways (migration 0008).
                      Index("ix_letter_mail_sent", "sent_on", "direction", "programme_id", "person_id",
                            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
                      Index("ix_letter_mail_received", "received_on", "direction", "programme_id", "person_id",
                            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")))

    direction: str = Field(max_length=10)  # 地域→参加者 / 参加者→地域
    person_id: str = Field(foreign_key="person.id")  # the participant side
    host_id: str | None = Field(default=None, foreign_key="host.id")  # the region side
    programme_id: str | None = Field(default=None, foreign_key="programme.id", index=True)
    written_on: date | None = None
    sent_on: date | None = None
    received_on: date | None = None
    status: str = Field(default="作成中", max_length=10)
    summary: str = ""
    # A reply points at the letter it answers: that closes the loop.
    reply_to_id: str | None = Field(default=None, foreign_key="letter.id", index=True)
    shipment_id: str | None = Field(default=None, foreign_key="shipment.id", index=True)
