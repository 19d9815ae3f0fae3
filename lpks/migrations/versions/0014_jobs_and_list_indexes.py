"""background jobs (exports now, imports later) and the indexes deep and filtered lists need

Revision ID: 0014
Revises: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0016"
branch_labels = None
depends_on = None

# (index, table, column) of every text filter or search a list offers with "contains"
TRIGRAM = (
    ("ix_audit_log_username_trgm", "audit_log", "username"),
    ("ix_audit_log_object_id_trgm", "audit_log", "object_id"),
    ("ix_resident_register_number_trgm", "resident", "register_number"),
    ("ix_institution_name_trgm", "institution", "name"),
    ("ix_staff_member_name_trgm", "staff_member", "name"),
    ("ix_evidence_document_title_trgm", "evidence_document", "title"),
)


def upgrade() -> None:
    """The job table; the titipan list by start date; on PostgreSQL, trigram indexes for the "contains" text
    filters and searches the lists offer."""
    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("rows_done", sa.Integer(), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("file_key", sa.String(length=80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_job_user_id_id", "job", ["user_id", "id"])
    op.create_index("ix_job_expires_at", "job", ["expires_at"])
    op.create_index("ix_custody_start_date", "custody_period", ["start_date", "id"])
    if op.get_bind().dialect.name == "postgresql":
        # `ILIKE '%…%'` reads a GIN trigram index instead of every row (the audit trail's username filter: 484 ms at
        # national scale). PostgreSQL only, and made here only: the models do not declare them (names end _trgm).
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in TRIGRAM:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    """Drop the job table and the indexes."""
    if op.get_bind().dialect.name == "postgresql":
        for name, _table, _column in TRIGRAM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_custody_start_date", table_name="custody_period")
    op.drop_index("ix_job_expires_at", table_name="job")
    op.drop_index("ix_job_user_id_id", table_name="job")
    op.drop_table("job")
