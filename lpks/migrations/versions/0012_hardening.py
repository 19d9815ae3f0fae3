"""hardening (issue 18): aggregated audit counts, throttling per client address, token expiry, verified capacity,
the upload rate's index

Revision ID: 0012
Revises: 0011
"""
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Tokens issued before expiry existed keep working for this long after the upgrade at least (clients get time to
# ask for a new one), and never longer than their age allows under the 90-day default.
GRACE = timedelta(days=30)
DEFAULT_DAYS = timedelta(days=90)


def upgrade() -> None:
    """The tally table; the client address of each password check; each token's expiry; the capacity verified by
    the Dinas Sosial (empty until it is verified: until then, each admission gives its reason)."""
    op.create_table(
        "audit_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=40), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audit_log.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("audit_id"),
        sa.UniqueConstraint("action", "actor", "object_type", "object_id", "window_start", name="uq_audit_tally_key"),
    )
    with op.batch_alter_table("login_attempt") as batch:
        batch.add_column(sa.Column("client", sa.String(length=45), nullable=False, server_default=""))
        batch.create_index("ix_login_attempt_pair", ["username", "client", "at"])
    with op.batch_alter_table("api_token") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    tokens = sa.table("api_token", sa.column("id", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)),
                      sa.column("expires_at", sa.DateTime(timezone=True)))
    bind = op.get_bind()
    now = datetime.now(timezone.utc)
    for ident, created in bind.execute(sa.select(tokens.c.id, tokens.c.created_at)).all():
        created = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
        bind.execute(tokens.update().where(tokens.c.id == ident).values(
            expires_at=max(created + DEFAULT_DAYS, now + GRACE)))
    with op.batch_alter_table("api_token") as batch:
        batch.alter_column("expires_at", existing_type=sa.DateTime(timezone=True), nullable=False)
    op.create_index("ix_evidence_document_uploader_at", "evidence_document", ["uploaded_by_id", "uploaded_at"])
    with op.batch_alter_table("institution") as batch:
        batch.add_column(sa.Column("verified_capacity_boys", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("verified_capacity_girls", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("capacity_verified_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("institution") as batch:
        batch.drop_column("capacity_verified_on")
        batch.drop_column("verified_capacity_girls")
        batch.drop_column("verified_capacity_boys")
    op.drop_index("ix_evidence_document_uploader_at", table_name="evidence_document")
    with op.batch_alter_table("api_token") as batch:
        batch.drop_column("expires_at")
    with op.batch_alter_table("login_attempt") as batch:
        batch.drop_index("ix_login_attempt_pair")
        batch.drop_column("client")
    op.drop_table("audit_tally")
