"""Hosts (受入先), including lodgings with a capacity per night, and stays."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Field, Index

from kankei_desktop.domain.tables.base import Record, Versioned


class Host(Record, Versioned, table=True):
    __tablename__ = "host"

    name: str = Field(max_length=100)
    kind: str = Field(default="農家", max_length=20)
    contact_person: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    email: str = Field(default="", max_length=254)
    postal_code: str = Field(default="", max_length=7)
    prefecture: str = Field(default="", max_length=10)
    city: str = Field(default="", max_length=50)
    address_line: str = Field(default="", max_length=200)
    address_building: str = Field(default="", max_length=200)
    # Only lodgings have one; None means "not a place to sleep".
    capacity_per_night: int | None = None
    hosts_side_job_talent: bool = False  # 副業・兼業 (the seed's 例1)
    small_business: bool = False  # 中小企業 (例1 counts these; migration 0008)
    is_active: bool = True
    notes: str = ""


class Stay(Record, Versioned, table=True):
    __tablename__ = "stay"
    __table_args__ = (
        Index("ix_stay_dates", "start_on", "end_on"),
        Index("ix_stay_lodging_dates", "lodging_id", "start_on", "end_on"),
        # The KPI reads of a period's live stays stay inside this index (migration 0006).
        Index("ix_stay_live_period", "end_on", "start_on", "status", "programme_id", "host_id", "lodging_id", "id",
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
    )

    host_id: str | None = Field(default=None, foreign_key="host.id", index=True)
    lodging_id: str | None = Field(default=None, foreign_key="host.id")
    start_on: date
    end_on: date
    kind: str = Field(default="日帰り", max_length=10)
    purpose: str = Field(default="", max_length=200)
    programme_id: str | None = Field(default=None, foreign_key="programme.id", index=True)
    status: str = Field(default="予定", max_length=10)
    # Set only when the coordinator knowingly exceeded a lodging's capacity.
    capacity_override_reason: str = ""
    notes: str = ""


class StayParticipant(Record, table=True):
    __tablename__ = "stay_participant"
    __table_args__ = (Index("ix_stay_participant_person", "person_id", "stay_id"),
                      Index("ix_stay_participant_live", "stay_id", "person_id",
                            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")))

    stay_id: str = Field(foreign_key="stay.id", index=True)
    person_id: str = Field(foreign_key="person.id")
    enrollment_id: str | None = Field(default=None, foreign_key="enrollment.id")
