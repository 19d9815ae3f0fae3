"""index open titipan periods by LPKS and last day, for the dashboards of an LPKS and of a region

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The custody tiles of an LPKS or region count open periods by last day (benchmarks, national scale)."""
    op.create_index("ix_custody_institution_status_last_day", "custody_period",
                    ["institution_id", "status", "last_day"])


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_custody_institution_status_last_day", table_name="custody_period")
