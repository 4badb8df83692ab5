"""person.first_tie: the ゆかり the list sorts by, kept by triggers on person_tie

Sorting 100,000 persons by their first ゆかり took over a second: the value had to be
found per person in person_tie every time. The column holds it on the person row,
with a list index like the other sortable columns (migration 0004). Triggers keep it,
so no writer of person_tie (editor, import, merge, anonymising, demo data) can forget.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_FIRST_TIE = ("(SELECT min(t.tie) FROM person_tie AS t"
              " WHERE t.person_id = person.id AND t.deleted_at IS NULL)")
TRIGGERS = {
    # A new tie can only lower the least one: no recount, and no row rewrite when the
    # writer (the bulk import) already stored it.
    "person_tie_first_tie_insert": """
        CREATE TRIGGER person_tie_first_tie_insert AFTER INSERT ON person_tie WHEN NEW.deleted_at IS NULL BEGIN
            UPDATE person SET first_tie = NEW.tie
            WHERE id = NEW.person_id AND (first_tie IS NULL OR NEW.tie < first_tie);
        END""",
    "person_tie_first_tie_update": f"""
        CREATE TRIGGER person_tie_first_tie_update AFTER UPDATE OF person_id, tie, deleted_at ON person_tie BEGIN
            UPDATE person SET first_tie = {_FIRST_TIE} WHERE id IN (OLD.person_id, NEW.person_id);
        END""",
    "person_tie_first_tie_delete": f"""
        CREATE TRIGGER person_tie_first_tie_delete AFTER DELETE ON person_tie BEGIN
            UPDATE person SET first_tie = {_FIRST_TIE} WHERE id = OLD.person_id;
        END""",
}


def upgrade() -> None:
    op.add_column("person", sa.Column("first_tie", sa.String(length=30), nullable=True))  # no table copy
    op.execute(f"UPDATE person SET first_tie = {_FIRST_TIE}")
    op.create_index("ix_person_list_ties", "person", ["first_tie", "furigana_sort", "id"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_person_list_ties", table_name="person")
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_column("first_tie")
