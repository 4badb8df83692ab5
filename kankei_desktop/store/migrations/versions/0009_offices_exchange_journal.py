"""Offices and the exchange journal (issue 19)

The journal is filled by triggers on every shared table, so no writer (editor, import,
merge, erasure, demo data) can forget to record a change: one row per (table, row,
field) holding the counter value of its last change and the office it came from (NULL:
this office; set in ``exchange_context.origin`` while a package from another office is
applied). A row's insert leaves field "". Nothing is journaled before the file has a peer, and
entries every peer has confirmed are pruned (``services.exchange.offices.prune_journal``).
Derived columns (updated_at, search_text, furigana_sort, first_tie, last_activity_on) are not
journaled: each file recomputes them.
Merges (an audit entry "merge") and erasures (person.anonymised_at set) made here leave an
``exchange_event`` row, itself shared, which the receiving office replays.

A later migration that adds a column to a shared table must recreate that table's update
trigger (``journal_triggers`` below, with the new column list).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# Shared tables and their journaled fields, as of this revision.
SHARED = {
    "attachment": ('deleted_at', 'owner_kind', 'owner_id', 'sha256', 'file_name', 'mime_type', 'size_bytes',
                   'caption'),
    "exchange_event": ('deleted_at', 'kind', 'person_id', 'other_id'),
    "host": ('deleted_at', 'name', 'kind', 'contact_person', 'phone', 'email', 'postal_code', 'prefecture', 'city',
             'address_line', 'address_building', 'capacity_per_night', 'hosts_side_job_talent', 'small_business',
             'is_active', 'notes'),
    "person": ('deleted_at', 'name', 'furigana', 'birth_date', 'gender', 'email', 'phone', 'postal_code',
               'prefecture', 'city', 'address_line', 'address_building', 'residence_area', 'affiliation',
               'ladder_stage', 'contact_ok', 'photo_ok', 'consent_date', 'found_via', 'notes', 'anonymised_at'),
    "programme": ('deleted_at', 'name', 'kind', 'fiscal_year', 'region', 'description', 'archived'),
    "custom_indicator": ('deleted_at', 'name', 'unit', 'source_note', 'programme_id', 'first_year', 'last_year',
                         'pair_id', 'computed_from', 'target_key', 'archived_at'),
    "interaction": ('deleted_at', 'person_id', 'kind', 'occurred_on', 'programme_id', 'note', 'amount_yen'),
    "ladder_stage_change": ('deleted_at', 'person_id', 'from_stage', 'to_stage', 'changed_on', 'changed_by',
                            'reason'),
    "person_tag": ('deleted_at', 'person_id', 'kind', 'name'),
    "person_tie": ('deleted_at', 'person_id', 'tie'),
    "programme_stage": ('deleted_at', 'programme_id', 'name', 'position', 'is_final', 'is_dropout'),
    "programme_target": ('deleted_at', 'programme_id', 'key', 'name', 'unit', 'target_value'),
    "report_comment": ('deleted_at', 'fiscal_year', 'quarter', 'programme_id', 'body'),
    "shipment": ('deleted_at', 'person_id', 'host_id', 'programme_id', 'contents', 'quantity', 'carrier',
                 'tracking_number', 'prepared_on', 'shipped_on', 'delivered_on', 'returned_on', 'status', 'cost_yen',
                 'notes'),
    "stay": ('deleted_at', 'host_id', 'lodging_id', 'start_on', 'end_on', 'kind', 'purpose', 'programme_id',
             'status', 'capacity_override_reason', 'notes'),
    "custom_indicator_value": ('deleted_at', 'indicator_id', 'fiscal_year', 'quarter', 'value', 'target'),
    "enrollment": ('deleted_at', 'programme_id', 'person_id', 'stage_id', 'applied_on', 'joined_on', 'stage_since',
                   'notes'),
    "letter": ('deleted_at', 'direction', 'person_id', 'host_id', 'programme_id', 'written_on', 'sent_on',
               'received_on', 'status', 'summary', 'reply_to_id', 'shipment_id'),
    "enrollment_stage_change": ('deleted_at', 'enrollment_id', 'from_stage_id', 'to_stage_id', 'changed_on',
                                'changed_by'),
    "stay_participant": ('deleted_at', 'stay_id', 'person_id', 'enrollment_id'),
}

# Nothing is journaled until this file has another office to exchange with: a single office pays
# nothing, and what happened before the first copy is what both files start with.
_PEERS = "EXISTS (SELECT 1 FROM exchange_office WHERE is_self = 0 AND deleted_at IS NULL)"
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_BUMP = "UPDATE exchange_context SET seq = seq + 1 WHERE id = 1;"
_SEQ = "(SELECT seq FROM exchange_context WHERE id = 1)"
_ORIGIN = "(SELECT origin FROM exchange_context WHERE id = 1)"
_UPSERT = ("ON CONFLICT (tbl, row_id, col) DO UPDATE SET seq = excluded.seq, origin = excluded.origin,"
           " at = excluded.at, resolved = 0")
_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
         " || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")
_STAMP = "strftime('%Y-%m-%d %H:%M:%S', 'now') || '.000000'"


def journal_triggers(table: str, columns: tuple[str, ...]) -> dict[str, str]:
    changed = " UNION ALL ".join(f"SELECT '{c}' AS c WHERE OLD.{c} IS NOT NEW.{c}" for c in columns)
    return {
        f"{table}_journal_insert": f"""
            CREATE TRIGGER {table}_journal_insert AFTER INSERT ON {table} WHEN {_PEERS} BEGIN
                {_BUMP}
                INSERT INTO exchange_journal (tbl, row_id, col, seq, origin, at, resolved)
                VALUES ('{table}', NEW.id, '', {_SEQ}, {_ORIGIN}, {_NOW}, 0) {_UPSERT};
            END""",
        f"{table}_journal_update": f"""
            CREATE TRIGGER {table}_journal_update AFTER UPDATE ON {table} WHEN {_PEERS} BEGIN
                {_BUMP}
                INSERT INTO exchange_journal (tbl, row_id, col, seq, origin, at, resolved)
                SELECT '{table}', NEW.id, c, {_SEQ}, {_ORIGIN}, {_NOW}, 0 FROM ({changed}) WHERE true {_UPSERT};
            END""",
    }


EVENT_TRIGGERS = {
    "exchange_event_merge": f"""
        CREATE TRIGGER exchange_event_merge AFTER INSERT ON audit_log
        WHEN NEW.action = 'merge' AND NEW.entity = 'person' AND {_ORIGIN} IS NULL AND {_PEERS} BEGIN
            INSERT INTO exchange_event (id, created_at, updated_at, kind, person_id, other_id)
            VALUES ({_UUID}, {_STAMP}, {_STAMP}, 'merge', NEW.entity_id, json_extract(NEW.changes_json, '$.other_id'));
        END""",
    "exchange_event_erase": f"""
        CREATE TRIGGER exchange_event_erase AFTER UPDATE OF anonymised_at ON person
        WHEN OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL AND {_ORIGIN} IS NULL AND {_PEERS} BEGIN
            INSERT INTO exchange_event (id, created_at, updated_at, kind, person_id)
            VALUES ({_UUID}, {_STAMP}, {_STAMP}, 'erase', NEW.id);
        END""",
}


def _record_columns() -> list:
    return [
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "exchange_context",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=True),
    )
    op.execute("INSERT INTO exchange_context (id, seq, origin) VALUES (1, 0, NULL)")
    op.create_table(
        "exchange_journal",
        sa.Column("tbl", sa.String(length=40), primary_key=True),
        sa.Column("row_id", sa.String(length=36), primary_key=True),
        sa.Column("col", sa.String(length=40), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sqlite_with_rowid=False,  # the key is the table: about half the size of a rowid table + index
    )
    op.create_index("ix_exchange_journal_seq", "exchange_journal", ["seq"])
    op.create_table(
        "exchange_office", *_record_columns(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("sent_number", sa.Integer(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("received_number", sa.Integer(), nullable=False),
        sa.Column("received_seq", sa.Integer(), nullable=False),
    )
    op.create_table(
        "exchange_event", *_record_columns(),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("other_id", sa.String(length=36), nullable=True),
    )
    op.create_table(
        "exchange_conflict", *_record_columns(),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("col", sa.String(length=40), nullable=False),
        sa.Column("local_value", sa.String(), nullable=False),
        sa.Column("local_office", sa.String(length=100), nullable=False),
        sa.Column("local_at", sa.String(length=32), nullable=False),
        sa.Column("remote_value", sa.String(), nullable=False),
        sa.Column("remote_office", sa.String(length=100), nullable=False),
        sa.Column("remote_at", sa.String(length=32), nullable=False),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("package_number", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=10), nullable=False),
    )
    op.create_index("ix_exchange_conflict_row", "exchange_conflict", ["tbl", "row_id"])
    op.create_table(
        "exchange_history", *_record_columns(),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("peer_name", sa.String(length=100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("findings_json", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
    )
    if op.get_bind().dialect.name != "sqlite":
        # A server is one shared database, not an office that sends files: the tables exist so
        # the schema is the same, but nothing is journaled there (docs/decisions.md, issue 20).
        return
    for table, columns in SHARED.items():
        for sql in journal_triggers(table, columns).values():
            op.execute(sql)
    for sql in EVENT_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in ("exchange_history", "exchange_conflict", "exchange_event", "exchange_office",
                      "exchange_journal", "exchange_context"):
            op.drop_table(table)
        return
    for name in EVENT_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, columns in SHARED.items():
        for name in journal_triggers(table, columns):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("exchange_history", "exchange_conflict", "exchange_event", "exchange_office",
                  "exchange_journal", "exchange_context"):
        op.drop_table(table)
