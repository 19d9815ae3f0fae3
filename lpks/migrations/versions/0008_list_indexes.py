"""index residents, placements and titipan periods by LPKS in the order their lists show them

Revision ID: 0008
Revises: 0007
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_resident_institution_id_id", "resident", ["institution_id", "id"]),
    ("ix_placement_institution_id_id", "placement", ["institution_id", "id"]),
    ("ix_custody_institution_deadline", "custody_period", ["institution_id", "notice_deadline", "id"]),
)


def upgrade() -> None:
    """A list page of an LPKS reads its first rows in index order; a region's list reads only the index (national
    scale benchmarks: the page no longer sorts every row of the scope)."""
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    """Drop the indexes."""
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
