"""Row versions on the records an editor saves (two people, one record: the second save is refused)

Every table a coordinator edits in a dialog gets ``row_version`` (1 for the rows there are).
store/versions.py raises it by one on every saved change; the services compare it with the
version their editor loaded. A file has one writer, so there it only costs an integer a row.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ("person", "host", "stay", "letter", "shipment", "interaction", "programme", "enrollment")


def upgrade() -> None:
    for table in TABLES:
        # Plain ADD COLUMN on both stores (a batch copy would lose SQLite's triggers on person).
        op.add_column(table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
