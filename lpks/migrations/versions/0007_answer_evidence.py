"""accreditation answers name the evidence documents chosen for them

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """A nullable JSON list of evidence_document ids on each (append-only) answer row."""
    with op.batch_alter_table("accreditation_answer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence_ids", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop the list again."""
    with op.batch_alter_table("accreditation_answer", schema=None) as batch_op:
        batch_op.drop_column("evidence_ids")
