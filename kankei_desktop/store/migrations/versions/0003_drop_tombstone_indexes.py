"""drop the indexes on deleted_at: they misled SQLite's planner

Almost every row has deleted_at NULL, so an index on it selects nothing, but
without statistics SQLite preferred it over the primary key or person_id index
for "id IN (...) AND deleted_at IS NULL" and read the whole table (measured on
100,000 persons: the follow-up list took 88 s instead of well under one).
Lists of deleted rows are rare and small enough to scan.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = (
    "attachment", "audit_log", "custom_indicator", "custom_indicator_value", "enrollment",
    "enrollment_stage_change", "host", "import_mapping", "interaction", "ladder_stage_change",
    "letter", "person", "person_tag", "person_tie", "programme", "programme_stage",
    "programme_target", "report_comment", "segment", "setting", "shipment", "stay",
    "stay_participant",
)


def upgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)


def downgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"])
