"""merge the registry, residents and accreditation branches into one line

Revision ID: 0005
Revises: 0002, 0003, 0004
"""

revision = "0005"
down_revision = ("0002", "0003", "0004")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: this revision only joins the three branches."""


def downgrade() -> None:
    """Nothing to undo."""
