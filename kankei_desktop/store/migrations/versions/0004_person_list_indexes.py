"""person list: one covering index per sortable column, tombstones left out

The participants list orders ids by a column, then フリガナ, then id. With an
index on exactly (column, furigana_sort, id) over live rows, SQLite reads the
ids in display order from the index instead of sorting 100,000 rows on every
click; search_text rides along in the フリガナ index so a search keystroke
never touches the table. The single-column indexes they replace go.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

LIST_INDEXES = (
    ("furigana", ["furigana_sort", "id", "search_text"]),
    ("name", ["name", "furigana_sort", "id"]),
    ("stage", ["ladder_stage", "furigana_sort", "id"]),
    ("residence", ["residence_area", "furigana_sort", "id"]),
    ("last_activity", ["last_activity_on", "furigana_sort", "id"]),
)
LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.drop_index("ix_person_furigana", table_name="person")
    op.drop_index("ix_person_last_activity", table_name="person")
    op.drop_index("ix_person_ladder_stage", table_name="person")
    for name, columns in LIST_INDEXES:
        op.create_index(f"ix_person_list_{name}", "person", columns, sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    for name, _columns in LIST_INDEXES:
        op.drop_index(f"ix_person_list_{name}", table_name="person")
    op.create_index("ix_person_ladder_stage", "person", ["ladder_stage"])
    op.create_index("ix_person_last_activity", "person", ["last_activity_on"])
    op.create_index("ix_person_furigana", "person", ["furigana_sort"])
