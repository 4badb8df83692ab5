"""KPI figures: covering indexes over live rows, and an index of deleted persons

The progress figures read two fiscal years of interactions and stays, the whole
ladder history and the list of deleted persons on every computation. With these
indexes each of those reads stays inside one index (no table row per activity),
and "is this person deleted?" is a lookup in an index that holds only the
tombstones instead of a scan of every person.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
KPI_INDEXES = (
    ("ix_interaction_activity", "interaction", ["occurred_on", "kind", "person_id", "programme_id"]),
    ("ix_stay_live_period", "stay", ["end_on", "start_on", "status", "programme_id", "host_id", "lodging_id", "id"]),
    ("ix_stay_participant_live", "stay_participant", ["stay_id", "person_id"]),
    ("ix_ladder_stage_change_live", "ladder_stage_change",
     ["person_id", "changed_on", "created_at", "from_stage", "to_stage"]),
)


def upgrade() -> None:
    for name, table, columns in KPI_INDEXES:
        op.create_index(name, table, columns, sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_person_tombstones", "person", ["id"], sqlite_where=sa.text("deleted_at IS NOT NULL"),
                    postgresql_where=sa.text("deleted_at IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_person_tombstones", table_name="person")
    for name, table, _columns in KPI_INDEXES:
        op.drop_index(name, table_name=table)
