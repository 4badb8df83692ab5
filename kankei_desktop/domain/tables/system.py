"""Everything that is not a relationship itself: files, figures, settings, audit."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Index

from kankei_desktop.domain.tables.base import Record, utc_now


class Attachment(Record, table=True):
    """A file (e.g. the photo of a dish) stored in the data folder by content hash."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"),)

    owner_kind: str = Field(max_length=20)  # letter, person, host, stay
    owner_id: str = Field(max_length=36)
    sha256: str = Field(max_length=64, index=True)
    file_name: str = Field(max_length=255)
    mime_type: str = Field(default="", max_length=100)
    size_bytes: int = 0
    caption: str = ""


class CustomIndicator(Record, table=True):
    """A figure entered by hand (the seed's 例3, 例4): printed as entered."""

    __tablename__ = "custom_indicator"

    name: str = Field(max_length=100)
    unit: str = Field(default="", max_length=20)
    source_note: str = ""
    programme_id: str | None = Field(default=None, foreign_key="programme.id")
    # Migration 0008 (issue 16): the years values may be entered for (None: open), the
    # paired indicator (例4: 食育関心 beside 農産物販売額), the interaction kind whose amounts make
    # the value when none is entered (物産購入・寄附), the programme target it counts toward,
    # and archiving (no new values; still printed for the years it has).
    first_year: int | None = None
    last_year: int | None = None
    pair_id: str | None = Field(default=None, max_length=36)
    computed_from: str = Field(default="", max_length=30)
    target_key: str = Field(default="", max_length=30)
    archived_at: datetime | None = None


class CustomIndicatorValue(Record, table=True):
    __tablename__ = "custom_indicator_value"

    indicator_id: str = Field(foreign_key="custom_indicator.id", index=True)
    fiscal_year: int
    quarter: int | None = None  # None: the whole fiscal year
    value: float | None = None
    target: float | None = None


class ReportComment(Record, table=True):
    """The coordinator's comment printed in the progress summary."""

    __tablename__ = "report_comment"

    fiscal_year: int
    quarter: int | None = None
    programme_id: str | None = Field(default=None, foreign_key="programme.id")
    body: str = ""


class Segment(Record, table=True):
    """A saved participants filter, re-run by name."""

    __tablename__ = "segment"

    name: str = Field(max_length=100, index=True)
    criteria_json: str = "{}"


class ImportMapping(Record, table=True):
    """A column mapping remembered for the next file of the same shape."""

    __tablename__ = "import_mapping"

    signature: str = Field(max_length=64, index=True)
    name: str = Field(default="", max_length=100)
    mapping_json: str = "{}"


class Setting(Record, table=True):
    __tablename__ = "setting"

    key: str = Field(max_length=100, unique=True)
    value_json: str = "null"


class AuditEntry(Record, table=True):
    """Who changed what, when. Written by services; never edited by the app."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    at: datetime = Field(default_factory=utc_now, index=True)
    user: str = Field(default="", max_length=100)
    action: str = Field(max_length=20)  # create, update, delete, merge, import, export, report …
    entity: str = Field(max_length=30)
    entity_id: str = Field(default="", max_length=36)
    changes_json: str = "{}"
