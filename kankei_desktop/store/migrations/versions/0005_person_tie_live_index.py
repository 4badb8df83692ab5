"""person_tie: a covering index over live ties for the list's sort by ゆかり

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    live = sa.text("deleted_at IS NULL")
    op.create_index("ix_person_tie_live", "person_tie", ["person_id", "tie"], sqlite_where=live, postgresql_where=live)


def downgrade() -> None:
    op.drop_index("ix_person_tie_live", table_name="person_tie")
