"""cases: the child's case (RULES §6–7) — stages of Pasal 18, assessments, case conferences, plan and needs,
services of Pasal 35, reintegration (Pasal 49), substitute-family search (Pasal 50), follow-up visits, companions and
their reports (Pasal 74–76), referrals (Pasal 46, 55), and the editable task defaults (one row, RULES §6)

Every table carries its owner (an LPKS, or a Dinas Sosial kabupaten/kota by region code; exactly one) so the policy
scopes each row directly. Stored due dates are indexed with the state they are filtered with (the dashboards' tasks).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 18:36:09.880488
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may name sqlmodel types)
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_task_setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_days', sa.Integer(), nullable=False),
    sa.Column('plan_days', sa.Integer(), nullable=False),
    sa.Column('follow_up_months', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('child_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('case_number', sa.String(length=80), nullable=True),
    sa.Column('home_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_manager_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('admitted_on', sa.Date(), nullable=True),
    sa.Column('assessment_due', sa.Date(), nullable=True),
    sa.Column('plan_due', sa.Date(), nullable=True),
    sa.Column('termination_reason', sa.String(length=30), nullable=True),
    sa.Column('terminated_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_child_case_one_owner'),
    sa.ForeignKeyConstraint(['case_manager_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['home_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('child_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_case_case_number'), ['case_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index('ix_child_case_institution_id_id', ['institution_id', 'id'], unique=False)
        batch_op.create_index('ix_child_case_manager_stage', ['case_manager_id', 'stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_stage'), ['stage'], unique=False)
        batch_op.create_index('ix_child_case_stage_assessment_due', ['stage', 'assessment_due'], unique=False)
        batch_op.create_index('ix_child_case_stage_plan_due', ['stage', 'plan_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_case_termination_reason'), ['termination_reason'], unique=False)
        batch_op.create_index('uq_child_case_open_resident', ['resident_id'], unique=True, sqlite_where=sa.text('closed_on IS NULL'), postgresql_where=sa.text('closed_on IS NULL'))

    op.create_table('case_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('author_staff_id', sa.Integer(), nullable=True),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('potentials', sa.Text(), nullable=False),
    sa.Column('resources', sa.Text(), nullable=False),
    sa.Column('recommendation', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_assessment_one_owner'),
    sa.ForeignKeyConstraint(['author_staff_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_assessment_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_assessment_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_assessment_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_companion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('staff_member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('sppa_training_date', sa.Date(), nullable=True),
    sa.Column('assigned_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_companion_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_member_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_companion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_companion_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_companion_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_companion_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_companion_staff', ['staff_member_id', 'ended_on'], unique=False)

    op.create_table('case_conference',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('conclusions', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_conference_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_conference', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_conference_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_conference_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_conference_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('visitor_staff_id', sa.Integer(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_follow_up_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visitor_staff_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'sequence', name='uq_case_follow_up_sequence')
    )
    with op.batch_alter_table('case_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_follow_up_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_follow_up_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_follow_up_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_follow_up_status_due', ['status', 'due_on'], unique=False)

    op.create_table('case_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=True),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.Column('agreed_with', sa.String(length=300), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_plan_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', name='uq_case_plan_case')
    )
    with op.batch_alter_table('case_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_plan_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_plan_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('need', sa.String(length=300), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_plan_need_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'priority', name='uq_plan_need')
    )
    with op.batch_alter_table('case_plan_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_plan_need_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_need_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_need_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_reintegration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_prepared_on', sa.Date(), nullable=True),
    sa.Column('child_preparation_note', sa.Text(), nullable=True),
    sa.Column('family_prepared_on', sa.Date(), nullable=True),
    sa.Column('family_kind', sa.String(length=20), nullable=True),
    sa.Column('agreed_return_on', sa.Date(), nullable=True),
    sa.Column('linkage_note', sa.Text(), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('received_by_relationship', sa.String(length=60), nullable=True),
    sa.Column('monitored_on', sa.Date(), nullable=True),
    sa.Column('monitoring_note', sa.Text(), nullable=True),
    sa.Column('safe', sa.Boolean(), nullable=True),
    sa.Column('comfortable', sa.Boolean(), nullable=True),
    sa.Column('needs_met', sa.Boolean(), nullable=True),
    sa.Column('accepted', sa.Boolean(), nullable=True),
    sa.Column('family_refused', sa.Boolean(), nullable=False),
    sa.Column('family_refused_on', sa.Date(), nullable=True),
    sa.Column('refusal_note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_reintegration_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', name='uq_case_reintegration_case')
    )
    with op.batch_alter_table('case_reintegration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_reintegration_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_reintegration_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_reintegration_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_reintegration_return', ['returned_on', 'agreed_return_on'], unique=False)

    op.create_table('case_stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('activities', sa.String(length=400), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('author_staff_id', sa.Integer(), nullable=True),
    sa.Column('completed_by_user_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_stage_one_owner'),
    sa.ForeignKeyConstraint(['author_staff_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['completed_by_user_id'], ['app_user.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'stage', name='uq_case_stage')
    )
    with op.batch_alter_table('case_stage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_stage_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_stage_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_stage_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_substitute_search',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('candidate', sa.String(length=200), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_substitute_search_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_substitute_search', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_substitute_search_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_substitute_search_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_substitute_search_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('receiver_kind', sa.String(length=10), nullable=False),
    sa.Column('receiver_institution_id', sa.Integer(), nullable=True),
    sa.Column('receiver_region_code', sa.String(length=8), nullable=True),
    sa.Column('receiver_name', sa.String(length=200), nullable=True),
    sa.Column('receiver_address', sa.String(length=300), nullable=True),
    sa.Column('residential', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('services_asked', sa.String(length=400), nullable=False),
    sa.Column('services_note', sa.Text(), nullable=True),
    sa.Column('shared', sa.String(length=200), nullable=True),
    sa.Column('child_consent', sa.Boolean(), nullable=False),
    sa.Column('parent_consent', sa.Boolean(), nullable=False),
    sa.Column('consent_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decline_reason', sa.Text(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('completion_note', sa.Text(), nullable=True),
    sa.Column('ended_placement_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_referral_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['ended_placement_id'], ['placement.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['receiver_institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['receiver_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index('ix_referral_institution_status', ['institution_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_referral_receiver_institution_status', ['receiver_institution_id', 'status'], unique=False)
        batch_op.create_index('ix_referral_receiver_region_status', ['receiver_region_code', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_status'), ['status'], unique=False)

    op.create_table('case_companion_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('companion_id', sa.Integer(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_companion_report_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['companion_id'], ['case_companion.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_companion_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_companion_report_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_companion_report_companion_id'), ['companion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_companion_report_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_companion_report_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_conference_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_conference_participant_one_owner'),
    sa.ForeignKeyConstraint(['conference_id'], ['case_conference.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_conference_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_conference_participant_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_conference_participant_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_conference_participant_owner_region_code'), ['owner_region_code'], unique=False)

    op.create_table('case_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('owner_region_code', sa.String(length=8), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('provider_staff_id', sa.Integer(), nullable=True),
    sa.Column('in_plan', sa.Boolean(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=300), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(institution_id IS NULL) <> (owner_region_code IS NULL)', name='ck_case_service_one_owner'),
    sa.ForeignKeyConstraint(['case_id'], ['child_case.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_region_code'], ['region.code'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['provider_staff_id'], ['staff_member.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_service_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_service_form'), ['form'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_service_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index('ix_case_service_institution_status_due', ['institution_id', 'status', 'due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_service_owner_region_code'), ['owner_region_code'], unique=False)
        batch_op.create_index('ix_case_service_status_due', ['status', 'due_on'], unique=False)


    setting = sa.table("case_task_setting", sa.column("id", sa.Integer), sa.column("assessment_days", sa.Integer),
                       sa.column("plan_days", sa.Integer), sa.column("follow_up_months", sa.String),
                       sa.column("version", sa.Integer))
    op.bulk_insert(setting, [{"id": 1, "assessment_days": 7, "plan_days": 7, "follow_up_months": "1,3,6",
                              "version": 1}])


def downgrade() -> None:
    with op.batch_alter_table('case_service', schema=None) as batch_op:
        batch_op.drop_index('ix_case_service_status_due')
        batch_op.drop_index(batch_op.f('ix_case_service_owner_region_code'))
        batch_op.drop_index('ix_case_service_institution_status_due')
        batch_op.drop_index(batch_op.f('ix_case_service_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_service_form'))
        batch_op.drop_index(batch_op.f('ix_case_service_case_id'))

    op.drop_table('case_service')
    with op.batch_alter_table('case_conference_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_conference_participant_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_conference_participant_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_conference_participant_conference_id'))

    op.drop_table('case_conference_participant')
    with op.batch_alter_table('case_companion_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_companion_report_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_companion_report_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_companion_report_companion_id'))
        batch_op.drop_index(batch_op.f('ix_case_companion_report_case_id'))

    op.drop_table('case_companion_report')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_status'))
        batch_op.drop_index('ix_referral_receiver_region_status')
        batch_op.drop_index('ix_referral_receiver_institution_status')
        batch_op.drop_index(batch_op.f('ix_referral_owner_region_code'))
        batch_op.drop_index('ix_referral_institution_status')
        batch_op.drop_index(batch_op.f('ix_referral_institution_id'))
        batch_op.drop_index(batch_op.f('ix_referral_case_id'))

    op.drop_table('referral')
    with op.batch_alter_table('case_substitute_search', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_substitute_search_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_substitute_search_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_substitute_search_case_id'))

    op.drop_table('case_substitute_search')
    with op.batch_alter_table('case_stage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_stage_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_stage_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_stage_case_id'))

    op.drop_table('case_stage')
    with op.batch_alter_table('case_reintegration', schema=None) as batch_op:
        batch_op.drop_index('ix_case_reintegration_return')
        batch_op.drop_index(batch_op.f('ix_case_reintegration_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_reintegration_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_reintegration_case_id'))

    op.drop_table('case_reintegration')
    with op.batch_alter_table('case_plan_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_plan_need_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_plan_need_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_plan_need_case_id'))

    op.drop_table('case_plan_need')
    with op.batch_alter_table('case_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_plan_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_plan_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_plan_case_id'))

    op.drop_table('case_plan')
    with op.batch_alter_table('case_follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_case_follow_up_status_due')
        batch_op.drop_index(batch_op.f('ix_case_follow_up_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_follow_up_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_follow_up_case_id'))

    op.drop_table('case_follow_up')
    with op.batch_alter_table('case_conference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_conference_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_conference_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_conference_case_id'))

    op.drop_table('case_conference')
    with op.batch_alter_table('case_companion', schema=None) as batch_op:
        batch_op.drop_index('ix_case_companion_staff')
        batch_op.drop_index(batch_op.f('ix_case_companion_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_companion_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_companion_case_id'))

    op.drop_table('case_companion')
    with op.batch_alter_table('case_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_assessment_owner_region_code'))
        batch_op.drop_index(batch_op.f('ix_case_assessment_institution_id'))
        batch_op.drop_index(batch_op.f('ix_case_assessment_case_id'))

    op.drop_table('case_assessment')
    with op.batch_alter_table('child_case', schema=None) as batch_op:
        batch_op.drop_index('uq_child_case_open_resident', sqlite_where=sa.text('closed_on IS NULL'), postgresql_where=sa.text('closed_on IS NULL'))
        batch_op.drop_index(batch_op.f('ix_child_case_termination_reason'))
        batch_op.drop_index('ix_child_case_stage_plan_due')
        batch_op.drop_index('ix_child_case_stage_assessment_due')
        batch_op.drop_index(batch_op.f('ix_child_case_stage'))
        batch_op.drop_index(batch_op.f('ix_child_case_resident_id'))
        batch_op.drop_index(batch_op.f('ix_child_case_owner_region_code'))
        batch_op.drop_index('ix_child_case_manager_stage')
        batch_op.drop_index('ix_child_case_institution_id_id')
        batch_op.drop_index(batch_op.f('ix_child_case_institution_id'))
        batch_op.drop_index(batch_op.f('ix_child_case_closed_on'))
        batch_op.drop_index(batch_op.f('ix_child_case_case_number'))

    op.drop_table('child_case')
    op.drop_table('case_task_setting')
