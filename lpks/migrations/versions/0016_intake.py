"""intake: Dinas Sosial case handling (RULES §8) — the intake of a case (channel, who reported or invited, receipt,
service deadline, route), the procedure's steps, the officers assigned (peksos, TKSK), monitoring, the case manager's
report, the products, and complaints; a child's record may belong to a Dinas Sosial kabupaten/kota (resident
.owner_region_code, exactly one owner); a Dinas Sosial user's function (peksos, TKSK, data and information)

On SQLite the resident table is rebuilt (institution_id becomes nullable) while placements and cases point at it:
the migration environment checks foreign keys once at the end (lpks/migrations/env.py).

Revision ID: 0016
Revises: 0013
Create Date: 2026-12-02 19:12:47.134426
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may name sqlmodel types)
from alembic import op

revision = '0016'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_intake_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=40), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('officer_user_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('participants', sa.String(length=300), nullable=True),
    sa.Column('mediator', sa.String(length=200), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('care_decision', sa.String(length=30), nullable=True),
    sa.Column('rehabilitation_forms', sa.String(length=300), nullable=True),
    sa.Column('social_sanction', sa.Text(), nullable=True),
    sa.Column('police_unit', sa.String(length=200), nullable=True),
    sa.Column('report_number', sa.String(length=80), nullable=True),
    sa.Column('diversion_result', sa.String(length=20), nullable=True),
    sa.Column('recommendations', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_intake_step_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['officer_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'step', name='uq_case_intake_step')
    )
    with op.batch_alter_table('case_intake_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_intake_step_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_step_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_step_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_manager_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('author_user_id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('filed_by_user_id', sa.Integer(), nullable=True),
    sa.Column('archive_number', sa.String(length=80), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_manager_report_one_owner'),
    sa.ForeignKeyConstraint(['author_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['filed_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', name='uq_case_manager_report')
    )
    with op.batch_alter_table('case_manager_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_manager_report_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_manager_report_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_manager_report_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_monitoring',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('monitored_on', sa.Date(), nullable=False),
    sa.Column('officer_user_id', sa.Integer(), nullable=False),
    sa.Column('care_note', sa.Text(), nullable=True),
    sa.Column('rehabilitation_note', sa.Text(), nullable=True),
    sa.Column('sanction_note', sa.Text(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('goal_reached', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_monitoring_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['officer_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_monitoring', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_monitoring_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_monitoring_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_monitoring_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('function', sa.String(length=20), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('requested_by_user_id', sa.Integer(), nullable=True),
    sa.Column('assigned_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_officer_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['requested_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_officer_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_officer_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_officer_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_officer_user_ended', ['user_id', 'ended_on', 'case_id'], unique=False)

    op.create_table('service_complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('answer_due', sa.Date(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('recorded_by_user_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_service_complaint_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_complaint_channel'), ['channel'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_complaint_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_complaint_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_service_complaint_region_answered_due', ['owner_region_code', 'answered_on', 'answer_due'], unique=False)

    op.create_table('case_intake',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('reporter_kind', sa.String(length=30), nullable=False),
    sa.Column('reporter_name', sa.String(length=200), nullable=True),
    sa.Column('reporter_agency', sa.String(length=200), nullable=True),
    sa.Column('letter_number', sa.String(length=80), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('service_deadline', sa.Date(), nullable=False),
    sa.Column('offence_severity', sa.String(length=10), nullable=True),
    sa.Column('route', sa.String(length=20), nullable=True),
    sa.Column('route_age', sa.Integer(), nullable=True),
    sa.Column('route_reason', sa.Text(), nullable=True),
    sa.Column('route_decided_on', sa.Date(), nullable=True),
    sa.Column('route_decided_by_user_id', sa.Integer(), nullable=True),
    sa.Column('conference_id', sa.Integer(), nullable=True),
    sa.Column('service_product_issued_on', sa.Date(), nullable=True),
    sa.Column('days_taken', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_intake_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['conference_id'], ['case_conference.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['route_decided_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', name='uq_case_intake_case')
    )
    with op.batch_alter_table('case_intake', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_intake_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_channel'), ['channel'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_intake_region_issued_deadline', ['owner_region_code', 'service_product_issued_on', 'service_deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_intake_route'), ['route'], unique=False)

    op.create_table('case_product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_by_user_id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_product_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['issued_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'kind', 'referral_id', name='uq_case_product')
    )
    with op.batch_alter_table('case_product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_product_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_product_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_product_owner_region_code'), ['owner_region_code'], unique=False)

    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('function', sa.String(length=20), nullable=True))

    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_region_code', sa.String(length=8), nullable=True))
        batch_op.alter_column('institution_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index('uq_resident_region_register', ['owner_region_code', 'register_number'], unique=True, sqlite_where=sa.text('owner_region_code IS NOT NULL'), postgresql_where=sa.text('owner_region_code IS NOT NULL'))
        batch_op.create_foreign_key('fk_resident_owner_region_code_region', 'region', ['owner_region_code'], ['code'], ondelete='RESTRICT')
        batch_op.create_check_constraint('ck_resident_one_owner', '(institution_id IS NULL) <> (owner_region_code IS NULL)')



def downgrade() -> None:
    held = op.get_bind().execute(sa.text("SELECT count(*) FROM resident WHERE institution_id IS NULL")).scalar()
    if held:  # a Dinas Sosial's own children have nowhere to go in the older schema: never delete them
        raise RuntimeError(f"{held} children's records belong to a Dinas Sosial kabupaten/kota; downgrade refused.")
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_constraint('ck_resident_one_owner', type_='check')
        batch_op.drop_constraint('fk_resident_owner_region_code_region', type_='foreignkey')
        batch_op.drop_index('uq_resident_region_register', sqlite_where=sa.text('owner_region_code IS NOT NULL'), postgresql_where=sa.text('owner_region_code IS NOT NULL'))
        batch_op.alter_column('institution_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('owner_region_code')

    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('function')

    with op.batch_alter_table('case_product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_product_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_product_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_product_case_id'))

    op.drop_table('case_product')
    with op.batch_alter_table('case_intake', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_intake_route'))
        batch_op.drop_index('ix_case_intake_region_issued_deadline')
        batch_op.drop_index(batch_op.f('ix_case_intake_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_intake_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_intake_channel'))
        batch_op.drop_index(batch_op.f('ix_case_intake_case_id'))

    op.drop_table('case_intake')
    with op.batch_alter_table('service_complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_service_complaint_region_answered_due')
        batch_op.drop_index(batch_op.f('ix_service_complaint_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_service_complaint_institution_id'))
        batch_op.drop_index(batch_op.f('ix_service_complaint_channel'))

    op.drop_table('service_complaint')
    with op.batch_alter_table('case_officer', schema=None) as batch_op:
        batch_op.drop_index('ix_case_officer_user_ended')
        batch_op.drop_index(batch_op.f('ix_case_officer_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_officer_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_officer_case_id'))

    op.drop_table('case_officer')
    with op.batch_alter_table('case_monitoring', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_monitoring_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_monitoring_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_monitoring_case_id'))

    op.drop_table('case_monitoring')
    with op.batch_alter_table('case_manager_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_manager_report_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_manager_report_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_manager_report_case_id'))

    op.drop_table('case_manager_report')
    with op.batch_alter_table('case_intake_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_intake_step_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_intake_step_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_intake_step_case_id'))

    op.drop_table('case_intake_step')
