"""PostgreSQL: a trigram index for the participants search (nothing changes in a file)

The search looks for the typed text anywhere in ``person.search_text`` (``LIKE '%…%'``).
SQLite scans the list index for it; PostgreSQL answers it from a ``pg_trgm`` GIN index
over the live persons. ``pg_trgm`` is a trusted extension: the database's owner may
create it (``CREATE`` right on the database), no superuser needed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_person_search_trgm ON person USING gin (search_text gin_trgm_ops)"
               " WHERE deleted_at IS NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_person_search_trgm")
