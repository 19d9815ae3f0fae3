"""the stored standards evaluation of each LPKS, so dashboards aggregate compliance in SQL

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One row per LPKS; `lpks standards refresh` fills it for data that existed before (until then the pages
    evaluate the missing LPKS on the fly)."""
    op.create_table(
        "standards_evaluation",
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("valid_through", sa.Date(), nullable=False),
        sa.Column("compliance", sa.Numeric(5, 2), nullable=False),
        sa.Column("unmet_mandatory", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["institution_id"], ["institution.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("institution_id"),
    )


def downgrade() -> None:
    """Drop the table (derived data only)."""
    op.drop_table("standards_evaluation")
