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


# PostgreSQL's twin: one trigger function per event (a trigger there runs a function).
PG_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION person_tie_first_tie() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.deleted_at IS NULL THEN
                UPDATE person SET first_tie = NEW.tie
                WHERE id = NEW.person_id AND (first_tie IS NULL OR NEW.tie < first_tie);
            END IF;
            RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE' THEN
            UPDATE person SET first_tie = {_FIRST_TIE} WHERE id IN (OLD.person_id, NEW.person_id);
            RETURN NULL;
        END IF;
        UPDATE person SET first_tie = {_FIRST_TIE} WHERE id = OLD.person_id;
        RETURN NULL;
    END $$"""
PG_TRIGGERS = {
    "person_tie_first_tie_insert": "AFTER INSERT ON person_tie",
    "person_tie_first_tie_update": "AFTER UPDATE OF person_id, tie, deleted_at ON person_tie",
    "person_tie_first_tie_delete": "AFTER DELETE ON person_tie",
}


def upgrade() -> None:
    op.add_column("person", sa.Column("first_tie", sa.String(length=30), nullable=True))  # no table copy
    op.execute(f"UPDATE person SET first_tie = {_FIRST_TIE}")
    live = sa.text("deleted_at IS NULL")
    op.create_index("ix_person_list_ties", "person", ["first_tie", "furigana_sort", "id"],
                    sqlite_where=live, postgresql_where=live)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for name, when in PG_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION person_tie_first_tie()")
        return
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON person_tie" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS person_tie_first_tie()")
    op.drop_index("ix_person_list_ties", table_name="person")
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_column("first_tie")
