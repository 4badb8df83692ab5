"""Programmes, their stages, enrollments and the enrollment stage history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Field, Index

from kankei_desktop.domain.tables.base import Record, Versioned


class Programme(Record, Versioned, table=True):
    __tablename__ = "programme"

    name: str = Field(max_length=100)
    kind: str = Field(default="その他", max_length=30)
    fiscal_year: int = Field(index=True)
    region: str = Field(default="", max_length=100)
    description: str = ""
    archived: bool = False


class ProgrammeStage(Record, table=True):
    __tablename__ = "programme_stage"

    programme_id: str = Field(foreign_key="programme.id", index=True)
    name: str = Field(max_length=50)
    position: int
    is_final: bool = False
    is_dropout: bool = False


class ProgrammeTarget(Record, table=True):
    """A numeric target: 参加者 50 名, 人日 100 人日, or any named one."""

    __tablename__ = "programme_target"

    programme_id: str = Field(foreign_key="programme.id", index=True)
    key: str = Field(max_length=30)  # participants, person_days, or custom
    name: str = Field(max_length=100)
    unit: str = Field(default="", max_length=20)
    target_value: float


class Enrollment(Record, Versioned, table=True):
    """A person in a programme, at one of its stages."""

    __tablename__ = "enrollment"
    __table_args__ = (
        # One live enrollment per person and programme; tombstones don't count.
        Index(
            "ux_enrollment_programme_person",
            "programme_id",
            "person_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_enrollment_person", "person_id"),
        Index("ix_enrollment_stage", "stage_id"),
    )

    programme_id: str = Field(foreign_key="programme.id")
    person_id: str = Field(foreign_key="person.id")
    stage_id: str = Field(foreign_key="programme_stage.id")
    applied_on: date | None = None
    joined_on: date | None = None
    stage_since: date | None = None
    notes: str = ""


class EnrollmentStageChange(Record, table=True):
    """The history behind funnels and time-in-stage figures."""

    __tablename__ = "enrollment_stage_change"

    enrollment_id: str = Field(foreign_key="enrollment.id", index=True)
    from_stage_id: str | None = Field(default=None, foreign_key="programme_stage.id")
    to_stage_id: str = Field(foreign_key="programme_stage.id")
    changed_on: date
    changed_by: str = Field(default="", max_length=100)
