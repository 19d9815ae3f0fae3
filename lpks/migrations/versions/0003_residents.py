"""residents: holiday calendar, residents, placements and their documents, titipan periods and extensions

Stored due dates (last day, notice deadline, parole eligibility, doctor's certificate due) are indexed columns,
alone and with the status they are filtered with, so dashboards are indexed queries. holiday_removal keeps the
seeded dates Kementerian Sosial removed, so seeding never adds them again.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-24 18:57:28.770087
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may name sqlmodel types)
from alembic import op

revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('holiday', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_day'), ['day'], unique=True)
        batch_op.create_index(batch_op.f('ix_holiday_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_holiday_source'), ['source'], unique=False)

    op.create_table('holiday_removal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('holiday_removal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_removal_day'), ['day'], unique=True)

    op.create_table('resident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('register_number', sa.String(length=40), nullable=False),
    sa.Column('initials', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('route', sa.String(length=10), nullable=True),
    sa.Column('age_at_offence', sa.Integer(), nullable=True),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('birth_place', sa.String(length=80), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('parent_guardian', sa.String(length=200), nullable=True),
    sa.Column('religion', sa.String(length=30), nullable=True),
    sa.Column('education', sa.String(length=80), nullable=True),
    sa.Column('disability', sa.String(length=120), nullable=True),
    sa.Column('offence_date', sa.Date(), nullable=True),
    sa.Column('offence_description', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('institution_id', 'register_number', name='uq_resident_register_number')
    )
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_register_number'), ['register_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_route'), ['route'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_sex'), ['sex'], unique=False)

    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('conditions', sa.String(length=400), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('handover_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('doctor_certificate_due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('doctor_certificate_received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('suspected_violence', sa.Boolean(), nullable=False),
    sa.Column('hospital_exam_on', sa.Date(), nullable=True),
    sa.Column('hospital_exam_place', sa.String(length=200), nullable=True),
    sa.Column('hospital_exam_result', sa.String(length=500), nullable=True),
    sa.Column('months', sa.Integer(), nullable=True),
    sa.Column('last_day', sa.Date(), nullable=True),
    sa.Column('parole_eligible_from', sa.Date(), nullable=True),
    sa.Column('behaviour_good', sa.Boolean(), nullable=True),
    sa.Column('behaviour_assessed_on', sa.Date(), nullable=True),
    sa.Column('behaviour_note', sa.String(length=500), nullable=True),
    sa.Column('over_capacity_reason', sa.String(length=500), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('exit_date', sa.Date(), nullable=True),
    sa.Column('exit_reason', sa.String(length=40), nullable=True),
    sa.Column('exit_note', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_basis'), ['basis'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_doctor_certificate_due'), ['doctor_certificate_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_exit_date'), ['exit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_exit_reason'), ['exit_reason'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index('ix_placement_institution_status', ['institution_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_last_day'), ['last_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_parole_eligible_from'), ['parole_eligible_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_status'), ['status'], unique=False)
        batch_op.create_index('ix_placement_status_last_day', ['status', 'last_day'], unique=False)
        batch_op.create_index('ix_placement_status_parole', ['status', 'parole_eligible_from'], unique=False)

    op.create_table('custody_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('granted_days', sa.Integer(), nullable=False),
    sa.Column('letter_number', sa.String(length=80), nullable=True),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('depositor_agency', sa.String(length=200), nullable=False),
    sa.Column('depositor_superior', sa.String(length=200), nullable=True),
    sa.Column('depositor_address', sa.String(length=300), nullable=True),
    sa.Column('total_days', sa.Integer(), nullable=False),
    sa.Column('max_days', sa.Integer(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('notice_deadline', sa.Date(), nullable=False),
    sa.Column('notice_sent_on', sa.Date(), nullable=True),
    sa.Column('notice_number', sa.String(length=80), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_reason', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custody_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_period_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_last_day'), ['last_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_notice_deadline'), ['notice_deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_notice_sent_on'), ['notice_sent_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_placement_id'), ['placement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_period_status'), ['status'], unique=False)
        batch_op.create_index('ix_custody_status_last_day', ['status', 'last_day'], unique=False)
        batch_op.create_index('ix_custody_status_notice', ['status', 'notice_sent_on', 'notice_deadline'], unique=False)

    op.create_table('placement_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=True),
    sa.Column('dated', sa.Date(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('placement_id', 'code', name='uq_placement_document_code')
    )
    with op.batch_alter_table('placement_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_document_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_document_placement_id'), ['placement_id'], unique=False)

    op.create_table('custody_extension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('custody_period_id', sa.Integer(), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('letter_number', sa.String(length=80), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['custody_period_id'], ['custody_period.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custody_extension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_extension_custody_period_id'), ['custody_period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_extension_institution_id'), ['institution_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('custody_extension', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custody_extension_institution_id'))
        batch_op.drop_index(batch_op.f('ix_custody_extension_custody_period_id'))

    op.drop_table('custody_extension')
    with op.batch_alter_table('placement_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_document_placement_id'))
        batch_op.drop_index(batch_op.f('ix_placement_document_institution_id'))

    op.drop_table('placement_document')
    with op.batch_alter_table('custody_period', schema=None) as batch_op:
        batch_op.drop_index('ix_custody_status_notice')
        batch_op.drop_index('ix_custody_status_last_day')
        batch_op.drop_index(batch_op.f('ix_custody_period_status'))
        batch_op.drop_index(batch_op.f('ix_custody_period_placement_id'))
        batch_op.drop_index(batch_op.f('ix_custody_period_notice_sent_on'))
        batch_op.drop_index(batch_op.f('ix_custody_period_notice_deadline'))
        batch_op.drop_index(batch_op.f('ix_custody_period_level'))
        batch_op.drop_index(batch_op.f('ix_custody_period_last_day'))
        batch_op.drop_index(batch_op.f('ix_custody_period_institution_id'))

    op.drop_table('custody_period')
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_index('ix_placement_status_parole')
        batch_op.drop_index('ix_placement_status_last_day')
        batch_op.drop_index(batch_op.f('ix_placement_status'))
        batch_op.drop_index(batch_op.f('ix_placement_start_date'))
        batch_op.drop_index(batch_op.f('ix_placement_resident_id'))
        batch_op.drop_index(batch_op.f('ix_placement_parole_eligible_from'))
        batch_op.drop_index(batch_op.f('ix_placement_last_day'))
        batch_op.drop_index('ix_placement_institution_status')
        batch_op.drop_index(batch_op.f('ix_placement_institution_id'))
        batch_op.drop_index(batch_op.f('ix_placement_exit_reason'))
        batch_op.drop_index(batch_op.f('ix_placement_exit_date'))
        batch_op.drop_index(batch_op.f('ix_placement_doctor_certificate_due'))
        batch_op.drop_index(batch_op.f('ix_placement_basis'))

    op.drop_table('placement')
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_sex'))
        batch_op.drop_index(batch_op.f('ix_resident_route'))
        batch_op.drop_index(batch_op.f('ix_resident_register_number'))
        batch_op.drop_index(batch_op.f('ix_resident_kind'))
        batch_op.drop_index(batch_op.f('ix_resident_institution_id'))

    op.drop_table('resident')
    with op.batch_alter_table('holiday_removal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_removal_day'))

    op.drop_table('holiday_removal')
    with op.batch_alter_table('holiday', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_source'))
        batch_op.drop_index(batch_op.f('ix_holiday_kind'))
        batch_op.drop_index(batch_op.f('ix_holiday_day'))

    op.drop_table('holiday')
