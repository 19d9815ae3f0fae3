"""legal obligations around placements and designation (issue 12): calendar coverage of stored deadlines

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _fill_calendar_missing_years() -> None:
    """Store, for the periods that exist, the years their deadline was counted over without the calendar."""
    from lpks.rules import custody_missing_years

    bind = op.get_bind()
    holiday = sa.table("holiday", sa.column("day", sa.Date))
    held = {day.year for day in bind.execute(sa.select(holiday.c.day)).scalars()}
    period = sa.table("custody_period", sa.column("id", sa.Integer), sa.column("start_date", sa.Date),
                      sa.column("last_day", sa.Date), sa.column("notice_deadline", sa.Date),
                      sa.column("calendar_missing_years", sa.String))
    rows = bind.execute(sa.select(period.c.id, period.c.start_date, period.c.last_day, period.c.notice_deadline))
    for ident, start, last, deadline in rows.all():
        missing = custody_missing_years(start, last, deadline, held)
        if missing:
            bind.execute(period.update().where(period.c.id == ident)
                         .values(calendar_missing_years=",".join(map(str, missing))))


def _conflict_reasons() -> None:
    op.create_table(
        "accreditation_conflict_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("indicator_code", sa.String(80), nullable=False),
        sa.Column("answer_code", sa.String(40), nullable=False),
        sa.Column("registry_answer", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(80), nullable=True),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["accreditation_assessment.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["institution_id"], ["institution.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, columns in (("ix_accreditation_conflict_reason_assessment_id", ["assessment_id"]),
                          ("ix_accreditation_conflict_reason_institution_id", ["institution_id"]),
                          ("ix_accreditation_conflict_reason_user_id", ["user_id"]),
                          ("ix_accreditation_conflict_assessment_indicator", ["assessment_id", "indicator_code"])):
        op.create_index(name, "accreditation_conflict_reason", columns)


def _designation_only_by_the_workflow() -> None:
    """The Pasal 56 designation is the workflow's decision (RULES §3): a decree typed on a profile without a
    designation behind it is cleared, and those LPKS's stored standards evaluations are dropped so pages evaluate
    them live until `lpks standards refresh` stores them again."""
    institution = sa.table("institution", sa.column("id", sa.Integer),
                           sa.column("designation_decree_number", sa.String),
                           sa.column("designation_decree_date", sa.Date))
    assessment = sa.table("accreditation_assessment", sa.column("institution_id", sa.Integer),
                          sa.column("state", sa.String), sa.column("decree_number", sa.String))
    evaluation = sa.table("standards_evaluation", sa.column("institution_id", sa.Integer))
    backed = sa.exists().where(assessment.c.institution_id == institution.c.id,
                               assessment.c.state.in_(("designated", "expired", "superseded")),
                               assessment.c.decree_number == institution.c.designation_decree_number)
    unbacked = sa.and_(institution.c.designation_decree_number.is_not(None), ~backed)
    op.execute(evaluation.delete().where(evaluation.c.institution_id.in_(
        sa.select(institution.c.id).where(unbacked))))
    op.execute(institution.update().where(unbacked).values(designation_decree_number=None,
                                                            designation_decree_date=None))


def _reach_proposals() -> None:
    op.create_table(
        "reach_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("referral_scope", sa.String(20), nullable=False),
        sa.Column("kabkota_codes", sa.Text(), nullable=False),
        sa.Column("authority", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("proposed_by_role", sa.String(20), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_role", sa.String(20), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["institution_id"], ["institution.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["proposed_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, columns in (("ix_reach_proposal_institution_id", ["institution_id"]),
                          ("ix_reach_proposal_status", ["status"]),
                          ("ix_reach_proposal_proposed_by_id", ["proposed_by_id"]),
                          ("ix_reach_proposal_decided_by_id", ["decided_by_id"]),
                          ("ix_reach_proposal_institution_status", ["institution_id", "status"])):
        op.create_index(name, "reach_proposal", columns)


def _obligations() -> None:
    """The UMP table, the Pasal 14 meeting, school-exam requests and progress reports."""
    op.create_table(
        "minimum_wage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("province_code", sa.String(8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("decree", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["province_code"], ["region.code"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("province_code", "year", name="uq_minimum_wage_province_year"),
    )
    op.create_index("ix_minimum_wage_province_code", "minimum_wage", ["province_code"])
    op.create_index("ix_minimum_wage_year", "minimum_wage", ["year"])
    placement_fks = (sa.ForeignKeyConstraint(["institution_id"], ["institution.id"], ondelete="RESTRICT"),
                     sa.ForeignKeyConstraint(["placement_id"], ["placement.id"], ondelete="RESTRICT"))
    op.create_table(
        "placement_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("initiator", sa.String(10), nullable=False),
        sa.Column("initiator_name", sa.String(120), nullable=True),
        sa.Column("participants", sa.String(200), nullable=False),
        sa.Column("other_participants", sa.String(300), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *placement_fks, sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("placement_id"),
    )
    op.create_index("ix_placement_meeting_institution_id", "placement_meeting", ["institution_id"])
    op.create_table(
        "school_exam_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("exam", sa.String(200), nullable=False),
        sa.Column("school", sa.String(200), nullable=True),
        sa.Column("exam_date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(10), nullable=False),
        sa.Column("addressee", sa.String(200), nullable=False),
        sa.Column("letter_number", sa.String(80), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("answer", sa.String(20), nullable=True),
        sa.Column("answer_date", sa.Date(), nullable=True),
        sa.Column("answer_note", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *placement_fks, sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_school_exam_request_institution_id", "school_exam_request", ["institution_id"])
    op.create_index("ix_school_exam_request_placement_id", "school_exam_request", ["placement_id"])
    op.create_table(
        "progress_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("behaviour_good", sa.Boolean(), nullable=False),
        sa.Column("recommendation", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *placement_fks, sa.ForeignKeyConstraint(["author_id"], ["staff_member.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, columns in (("ix_progress_report_institution_id", ["institution_id"]),
                          ("ix_progress_report_placement_id", ["placement_id"]),
                          ("ix_progress_report_author_id", ["author_id"]),
                          ("ix_progress_report_placement_date", ["placement_id", "report_date"])):
        op.create_index(name, "progress_report", columns)
    op.add_column("placement", sa.Column("victim_loss", sa.BigInteger(), nullable=True))


def upgrade() -> None:
    """New columns and tables of issue 12."""
    _obligations()
    _conflict_reasons()
    _reach_proposals()
    _designation_only_by_the_workflow()
    op.add_column("custody_period", sa.Column("calendar_missing_years", sa.String(60), nullable=True))
    _fill_calendar_missing_years()
    op.add_column("custody_period", sa.Column("uncovered_from", sa.Date(), nullable=True))
    op.add_column("custody_period", sa.Column("uncovered_days", sa.Integer(), nullable=True))
    op.create_index("ix_custody_period_uncovered_days", "custody_period", ["uncovered_days"])
    op.add_column("custody_period", sa.Column("corrected_letter_number", sa.String(80), nullable=True))
    op.add_column("custody_period", sa.Column("corrected_letter_date", sa.Date(), nullable=True))
    op.add_column("placement", sa.Column("exit_decision_number", sa.String(80), nullable=True))
    op.add_column("placement", sa.Column("exit_decision_date", sa.Date(), nullable=True))
    for column in (sa.Column("court_submitted_on", sa.Date(), nullable=True),
                   sa.Column("court_deadline", sa.Date(), nullable=True),
                   sa.Column("court_determination_number", sa.String(80), nullable=True),
                   sa.Column("court_determination_date", sa.Date(), nullable=True)):
        op.add_column("placement", column)
    op.create_index("ix_placement_court_deadline", "placement", ["court_deadline"])
    for column in (sa.Column("scan_name", sa.String(200), nullable=True),
                   sa.Column("scan_stored_name", sa.String(64), nullable=True),
                   sa.Column("scan_content_type", sa.String(40), nullable=True),
                   sa.Column("scan_size_bytes", sa.Integer(), nullable=True),
                   sa.Column("scan_sha256", sa.String(64), nullable=True)):
        op.add_column("placement_document", column)
    # SQLite cannot add a UNIQUE column: a unique index keeps two rows from sharing one stored file
    op.create_index("uq_placement_document_scan_stored_name", "placement_document", ["scan_stored_name"],
                    unique=True)


def downgrade() -> None:
    """Drop them (cleared designation decrees stay cleared)."""
    for table in ("progress_report", "school_exam_request", "placement_meeting", "minimum_wage"):
        op.drop_table(table)
    op.drop_column("placement", "victim_loss")
    op.drop_table("reach_proposal")
    op.drop_table("accreditation_conflict_reason")
    op.drop_index("uq_placement_document_scan_stored_name", table_name="placement_document")
    for column in ("scan_sha256", "scan_size_bytes", "scan_content_type", "scan_stored_name", "scan_name"):
        op.drop_column("placement_document", column)
    op.drop_index("ix_placement_court_deadline", table_name="placement")
    for column in ("court_determination_date", "court_determination_number", "court_deadline",
                   "court_submitted_on", "exit_decision_date", "exit_decision_number"):
        op.drop_column("placement", column)
    op.drop_index("ix_custody_period_uncovered_days", table_name="custody_period")
    for column in ("corrected_letter_date", "corrected_letter_number", "uncovered_days", "uncovered_from",
                   "calendar_missing_years"):
        op.drop_column("custody_period", column)
