"""reports: the yearly report of each government office and the lower reports it compiles (Pasal 91–92)

Revision ID: 0017
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "annual_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("region_code", sa.String(length=8), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("revision_reason", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=True),
        sa.Column("plan", sa.Text(), nullable=True),
        sa.Column("compiled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("compiled_by_id", sa.Integer(), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["region_code"], ["region.code"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["compiled_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["created_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["submitted_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["received_by_id"], ["app_user.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "level", "region_code", "revision", name="uq_annual_report_revision"),
    )
    with op.batch_alter_table("annual_report", schema=None) as batch_op:
        batch_op.create_index("ix_annual_report_region_code", ["region_code"], unique=False)
        batch_op.create_index("ix_annual_report_state", ["state"], unique=False)
        batch_op.create_index("ix_annual_report_year_level_region", ["year", "level", "region_code"], unique=False)
    op.create_table(
        "annual_report_part",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["annual_report.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["part_id"], ["annual_report.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_id", "part_id", name="uq_annual_report_part"),
    )
    with op.batch_alter_table("annual_report_part", schema=None) as batch_op:
        batch_op.create_index("ix_annual_report_part_report_id", ["report_id"], unique=False)
        batch_op.create_index("ix_annual_report_part_part_id", ["part_id"], unique=False)


def downgrade() -> None:
    op.drop_table("annual_report_part")
    op.drop_table("annual_report")
