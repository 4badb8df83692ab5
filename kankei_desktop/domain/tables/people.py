"""Persons (関係人口) and what belongs to them alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Field, Index

from kankei_desktop.domain.tables.base import Record, Versioned


class Person(Record, Versioned, table=True):
    __tablename__ = "person"
    # One index per sortable list column, each ending in (furigana_sort, id) so
    # the list reads ids in display order from the index alone (migration 0004).
    # SQLite only: a postgresql_where= would import SQLAlchemy's PostgreSQL dialect at every start.
    __table_args__ = tuple(
        Index(
            f"ix_person_list_{name}",
            *columns,
            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL"),
        )
        for name, columns in (
            ("furigana", ("furigana_sort", "id", "search_text")),
            ("name", ("name", "furigana_sort", "id")),
            ("stage", ("ladder_stage", "furigana_sort", "id")),
            ("residence", ("residence_area", "furigana_sort", "id")),
            ("ties", ("first_tie", "furigana_sort", "id")),
            ("last_activity", ("last_activity_on", "furigana_sort", "id")),
        )
    ) + (
        # Deleted persons only: "not a deleted person" is a lookup, not a scan (migration 0006).
        Index("ix_person_tombstones", "id", sqlite_where=text("deleted_at IS NOT NULL"), postgresql_where=text("deleted_at IS NOT NULL")),
    )

    name: str = Field(max_length=100)
    furigana: str = Field(default="", max_length=100)
    # Folded (NFKC, katakana, no spaces) so the list sorts in フリガナ order.
    furigana_sort: str = Field(default="", max_length=100)
    birth_date: date | None = None
    gender: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=30)
    postal_code: str = Field(default="", max_length=7)
    prefecture: str = Field(default="", max_length=10)
    city: str = Field(default="", max_length=50)
    address_line: str = Field(default="", max_length=200)
    address_building: str = Field(default="", max_length=200)
    residence_area: str = Field(default="", max_length=30)
    affiliation: str = Field(default="", max_length=200)
    ladder_stage: str = Field(default="関心", max_length=10)
    contact_ok: bool = True
    photo_ok: bool = False
    consent_date: date | None = None
    found_via: str = Field(default="", max_length=100)
    notes: str = ""
    # Folded name, furigana, email and phone digits: one LIKE finds them all.
    search_text: str = ""
    # Denormalised from stays and interactions, kept by services.activity.
    last_activity_on: date | None = None
    # The ゆかり the list sorts by (the least of the live ties), kept by SQLite triggers on
    # person_tie (migration 0007): never set it in Python.
    first_tie: str | None = Field(default=None, max_length=30)
    anonymised_at: date | None = None


class PersonTie(Record, table=True):
    """ゆかり: why a person relates to the region (several per person)."""

    __tablename__ = "person_tie"
    __table_args__ = (
        Index("ix_person_tie_tie", "tie", "person_id"),
        # Covers the list's "first ゆかり per person" pass (migration 0005).
        Index("ix_person_tie_live", "person_id", "tie",
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
    )

    person_id: str = Field(foreign_key="person.id", index=True)
    tie: str = Field(max_length=30)


class PersonTag(Record, table=True):
    """Interests and skills (関心・スキル)."""

    __tablename__ = "person_tag"

    person_id: str = Field(foreign_key="person.id", index=True)
    kind: str = Field(default="関心", max_length=10)  # 関心 or スキル
    name: str = Field(max_length=100, index=True)


class LadderStageChange(Record, table=True):
    """Every change of a person's 関わりの段階; feeds the ladder figures."""

    __tablename__ = "ladder_stage_change"
    # Each person's live history in order, for the ladder figures (migration 0006).
    __table_args__ = (Index("ix_ladder_stage_change_live", "person_id", "changed_on", "created_at",
                            "from_stage", "to_stage", sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),)

    person_id: str = Field(foreign_key="person.id", index=True)
    from_stage: str | None = Field(default=None, max_length=10)
    to_stage: str = Field(max_length=10)
    changed_on: date
    changed_by: str = Field(default="", max_length=100)
    reason: str = ""


class Interaction(Record, Versioned, table=True):
    """Every other touch: online event, consultation, donation, purchase, visit."""

    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_person_date", "person_id", "occurred_on"),
                      Index("ix_interaction_date", "occurred_on"),
                      # The KPI activity read stays inside this index (migration 0006).
                      Index("ix_interaction_activity", "occurred_on", "kind", "person_id", "programme_id",
                            sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")))

    person_id: str = Field(foreign_key="person.id")
    kind: str = Field(max_length=30)
    occurred_on: date
    programme_id: str | None = Field(default=None, foreign_key="programme.id", index=True)
    note: str = ""
    amount_yen: int | None = None  # 物産購入・寄附: the amount (例4's 販売額; migration 0008)
