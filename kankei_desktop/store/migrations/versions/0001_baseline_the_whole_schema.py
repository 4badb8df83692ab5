"""baseline: the whole schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa



revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('attachment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_kind', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_attachment_owner', ['owner_kind', 'owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('changes_json', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('host',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contact_person', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('postal_code', sa.String(length=7), nullable=False),
    sa.Column('prefecture', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=50), nullable=False),
    sa.Column('address_line', sa.String(length=200), nullable=False),
    sa.Column('address_building', sa.String(length=200), nullable=False),
    sa.Column('capacity_per_night', sa.Integer(), nullable=True),
    sa.Column('hosts_side_job_talent', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('host', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_host_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('import_mapping',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('signature', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('mapping_json', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_mapping', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_mapping_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_mapping_signature'), ['signature'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('furigana', sa.String(length=100), nullable=False),
    sa.Column('furigana_sort', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('postal_code', sa.String(length=7), nullable=False),
    sa.Column('prefecture', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=50), nullable=False),
    sa.Column('address_line', sa.String(length=200), nullable=False),
    sa.Column('address_building', sa.String(length=200), nullable=False),
    sa.Column('residence_area', sa.String(length=30), nullable=False),
    sa.Column('affiliation', sa.String(length=200), nullable=False),
    sa.Column('ladder_stage', sa.String(length=10), nullable=False),
    sa.Column('contact_ok', sa.Boolean(), nullable=False),
    sa.Column('photo_ok', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('found_via', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.Column('search_text', sa.String(), nullable=False),
    sa.Column('last_activity_on', sa.Date(), nullable=True),
    sa.Column('anonymised_at', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_person_furigana', ['furigana_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_ladder_stage'), ['ladder_stage'], unique=False)
        batch_op.create_index('ix_person_last_activity', ['last_activity_on'], unique=False)

    op.create_table('programme',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_fiscal_year'), ['fiscal_year'], unique=False)

    op.create_table('segment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('criteria_json', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('segment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_segment_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_segment_name'), ['name'], unique=False)

    op.create_table('setting',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value_json', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_setting_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('custom_indicator',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('source_note', sa.String(), nullable=False),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custom_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_indicator_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_date', ['occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_interaction_person_date', ['person_id', 'occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_programme_id'), ['programme_id'], unique=False)

    op.create_table('ladder_stage_change',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('from_stage', sa.String(length=10), nullable=True),
    sa.Column('to_stage', sa.String(length=10), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ladder_stage_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ladder_stage_change_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_ladder_stage_change_person_id'), ['person_id'], unique=False)

    op.create_table('person_tag',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_tag_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tag_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tag_person_id'), ['person_id'], unique=False)

    op.create_table('person_tie',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('tie', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_tie', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_tie_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tie_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_person_tie_tie', ['tie', 'person_id'], unique=False)

    op.create_table('programme_stage',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('is_final', sa.Boolean(), nullable=False),
    sa.Column('is_dropout', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('programme_stage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_stage_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_stage_programme_id'), ['programme_id'], unique=False)

    op.create_table('programme_target',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=False),
    sa.Column('key', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('target_value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('programme_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_target_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_target_programme_id'), ['programme_id'], unique=False)

    op.create_table('report_comment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.Column('body', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('report_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_comment_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('shipment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('host_id', sa.String(), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.Column('contents', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=30), nullable=False),
    sa.Column('tracking_number', sa.String(length=30), nullable=False),
    sa.Column('prepared_on', sa.Date(), nullable=True),
    sa.Column('shipped_on', sa.Date(), nullable=True),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('cost_yen', sa.Integer(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['host_id'], ['host.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('shipment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipment_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_shipment_person', ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shipment_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index('ix_shipment_shipped', ['shipped_on'], unique=False)

    op.create_table('stay',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('host_id', sa.String(), nullable=True),
    sa.Column('lodging_id', sa.String(), nullable=True),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('capacity_override_reason', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['host_id'], ['host.id'], ),
    sa.ForeignKeyConstraint(['lodging_id'], ['host.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.create_index('ix_stay_dates', ['start_on', 'end_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_host_id'), ['host_id'], unique=False)
        batch_op.create_index('ix_stay_lodging_dates', ['lodging_id', 'start_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_programme_id'), ['programme_id'], unique=False)

    op.create_table('custom_indicator_value',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('indicator_id', sa.String(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('target', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['custom_indicator.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custom_indicator_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_indicator_value_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_custom_indicator_value_indicator_id'), ['indicator_id'], unique=False)

    op.create_table('enrollment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=False),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('stage_since', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.ForeignKeyConstraint(['stage_id'], ['programme_stage.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_enrollment_person', ['person_id'], unique=False)
        batch_op.create_index('ix_enrollment_stage', ['stage_id'], unique=False)
        batch_op.create_index('ux_enrollment_programme_person', ['programme_id', 'person_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('letter',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('host_id', sa.String(), nullable=True),
    sa.Column('programme_id', sa.String(), nullable=True),
    sa.Column('written_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('reply_to_id', sa.String(), nullable=True),
    sa.Column('shipment_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['host_id'], ['host.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.ForeignKeyConstraint(['reply_to_id'], ['letter.id'], ),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipment.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_letter_person', ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_reply_to_id'), ['reply_to_id'], unique=False)
        batch_op.create_index('ix_letter_sent', ['sent_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_shipment_id'), ['shipment_id'], unique=False)

    op.create_table('enrollment_stage_change',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('enrollment_id', sa.String(), nullable=False),
    sa.Column('from_stage_id', sa.String(), nullable=True),
    sa.Column('to_stage_id', sa.String(), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollment.id'], ),
    sa.ForeignKeyConstraint(['from_stage_id'], ['programme_stage.id'], ),
    sa.ForeignKeyConstraint(['to_stage_id'], ['programme_stage.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('enrollment_stage_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_stage_change_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_stage_change_enrollment_id'), ['enrollment_id'], unique=False)

    op.create_table('stay_participant',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('stay_id', sa.String(), nullable=False),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('enrollment_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollment.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stay_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stay_participant_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_stay_participant_person', ['person_id', 'stay_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_participant_stay_id'), ['stay_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('stay_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stay_participant_stay_id'))
        batch_op.drop_index('ix_stay_participant_person')
        batch_op.drop_index(batch_op.f('ix_stay_participant_deleted_at'))

    op.drop_table('stay_participant')
    with op.batch_alter_table('enrollment_stage_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_stage_change_enrollment_id'))
        batch_op.drop_index(batch_op.f('ix_enrollment_stage_change_deleted_at'))

    op.drop_table('enrollment_stage_change')
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_shipment_id'))
        batch_op.drop_index('ix_letter_sent')
        batch_op.drop_index(batch_op.f('ix_letter_reply_to_id'))
        batch_op.drop_index(batch_op.f('ix_letter_programme_id'))
        batch_op.drop_index('ix_letter_person')
        batch_op.drop_index(batch_op.f('ix_letter_deleted_at'))

    op.drop_table('letter')
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.drop_index('ux_enrollment_programme_person', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_enrollment_stage')
        batch_op.drop_index('ix_enrollment_person')
        batch_op.drop_index(batch_op.f('ix_enrollment_deleted_at'))

    op.drop_table('enrollment')
    with op.batch_alter_table('custom_indicator_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_indicator_value_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_custom_indicator_value_deleted_at'))

    op.drop_table('custom_indicator_value')
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stay_programme_id'))
        batch_op.drop_index('ix_stay_lodging_dates')
        batch_op.drop_index(batch_op.f('ix_stay_host_id'))
        batch_op.drop_index(batch_op.f('ix_stay_deleted_at'))
        batch_op.drop_index('ix_stay_dates')

    op.drop_table('stay')
    with op.batch_alter_table('shipment', schema=None) as batch_op:
        batch_op.drop_index('ix_shipment_shipped')
        batch_op.drop_index(batch_op.f('ix_shipment_programme_id'))
        batch_op.drop_index('ix_shipment_person')
        batch_op.drop_index(batch_op.f('ix_shipment_deleted_at'))

    op.drop_table('shipment')
    with op.batch_alter_table('report_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_comment_deleted_at'))

    op.drop_table('report_comment')
    with op.batch_alter_table('programme_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_target_programme_id'))
        batch_op.drop_index(batch_op.f('ix_programme_target_deleted_at'))

    op.drop_table('programme_target')
    with op.batch_alter_table('programme_stage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_stage_programme_id'))
        batch_op.drop_index(batch_op.f('ix_programme_stage_deleted_at'))

    op.drop_table('programme_stage')
    with op.batch_alter_table('person_tie', schema=None) as batch_op:
        batch_op.drop_index('ix_person_tie_tie')
        batch_op.drop_index(batch_op.f('ix_person_tie_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_tie_deleted_at'))

    op.drop_table('person_tie')
    with op.batch_alter_table('person_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_tag_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_tag_name'))
        batch_op.drop_index(batch_op.f('ix_person_tag_deleted_at'))

    op.drop_table('person_tag')
    with op.batch_alter_table('ladder_stage_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ladder_stage_change_person_id'))
        batch_op.drop_index(batch_op.f('ix_ladder_stage_change_deleted_at'))

    op.drop_table('ladder_stage_change')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_programme_id'))
        batch_op.drop_index('ix_interaction_person_date')
        batch_op.drop_index(batch_op.f('ix_interaction_deleted_at'))
        batch_op.drop_index('ix_interaction_date')

    op.drop_table('interaction')
    with op.batch_alter_table('custom_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_indicator_deleted_at'))

    op.drop_table('custom_indicator')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_setting_deleted_at'))

    op.drop_table('setting')
    with op.batch_alter_table('segment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_segment_name'))
        batch_op.drop_index(batch_op.f('ix_segment_deleted_at'))

    op.drop_table('segment')
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_fiscal_year'))
        batch_op.drop_index(batch_op.f('ix_programme_deleted_at'))

    op.drop_table('programme')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_last_activity')
        batch_op.drop_index(batch_op.f('ix_person_ladder_stage'))
        batch_op.drop_index('ix_person_furigana')
        batch_op.drop_index(batch_op.f('ix_person_deleted_at'))

    op.drop_table('person')
    with op.batch_alter_table('import_mapping', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_mapping_signature'))
        batch_op.drop_index(batch_op.f('ix_import_mapping_deleted_at'))

    op.drop_table('import_mapping')
    with op.batch_alter_table('host', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_host_deleted_at'))

    op.drop_table('host')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_log')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index('ix_attachment_owner')
        batch_op.drop_index(batch_op.f('ix_attachment_deleted_at'))

    op.drop_table('attachment')

