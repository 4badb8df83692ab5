"""stays: the lodging index also holds end_on, so the capacity check reads no row it does not need

The capacity check asks for a lodging's stays with start_on < new end and
end_on > new start. With (lodging_id, start_on) only, SQLite fetched every
earlier stay of the lodging to test end_on (~30 ms for a lodging with 2,600
stays); with end_on in the index the test happens in the index (~3 ms).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index('ix_stay_lodging_dates')
        batch_op.create_index('ix_stay_lodging_dates', ['lodging_id', 'start_on', 'end_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index('ix_stay_lodging_dates')
        batch_op.create_index('ix_stay_lodging_dates', ['lodging_id', 'start_on'], unique=False)
