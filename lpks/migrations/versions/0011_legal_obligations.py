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


def upgrade() -> None:
    """New columns and tables of issue 12."""
    op.add_column("custody_period", sa.Column("calendar_missing_years", sa.String(60), nullable=True))
    _fill_calendar_missing_years()
    op.add_column("custody_period", sa.Column("uncovered_from", sa.Date(), nullable=True))
    op.add_column("custody_period", sa.Column("uncovered_days", sa.Integer(), nullable=True))
    op.create_index("ix_custody_period_uncovered_days", "custody_period", ["uncovered_days"])
    op.add_column("custody_period", sa.Column("corrected_letter_number", sa.String(80), nullable=True))
    op.add_column("custody_period", sa.Column("corrected_letter_date", sa.Date(), nullable=True))
    op.add_column("placement", sa.Column("exit_decision_number", sa.String(80), nullable=True))
    op.add_column("placement", sa.Column("exit_decision_date", sa.Date(), nullable=True))
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
    """Drop them."""
    op.drop_index("uq_placement_document_scan_stored_name", table_name="placement_document")
    for column in ("scan_sha256", "scan_size_bytes", "scan_content_type", "scan_stored_name", "scan_name"):
        op.drop_column("placement_document", column)
    for column in ("exit_decision_date", "exit_decision_number"):
        op.drop_column("placement", column)
    op.drop_index("ix_custody_period_uncovered_days", table_name="custody_period")
    for column in ("corrected_letter_date", "corrected_letter_number", "uncovered_days", "uncovered_from",
                   "calendar_missing_years"):
        op.drop_column("custody_period", column)
