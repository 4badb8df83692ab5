"""Columns every row carries, so two offices' copies can be merged later."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Record(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utc_now, nullable=False)
    updated_at: datetime = Field(default_factory=utc_now, nullable=False)
    # A tombstone, not a DELETE: sync and undo need to know the row existed.
    deleted_at: datetime | None = Field(default=None)  # deliberately not indexed: see migration 0003


class Versioned(SQLModel):
    """A row version: raised by one on every saved change (store/versions.py), so an editor
    that loaded version 3 learns at its save that somebody else saved version 4 meanwhile."""

    row_version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": "1"})
