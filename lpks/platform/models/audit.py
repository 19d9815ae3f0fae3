"""The append-only audit trail."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field


class AuditLog(SQLModel, table=True):
    """Who did what to which object, when and from where; never identity values."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_object", "object_type", "object_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = created_field()
    user_id: Optional[int] = Field(default=None, index=True)
    username: Optional[str] = text_field(80)
    role: Optional[str] = text_field(20)
    ip: Optional[str] = text_field(45)
    action: str = Field(sa_type=String(40), nullable=False, index=True)
    object_type: Optional[str] = text_field(40)
    object_id: Optional[str] = text_field(40)
    fields: Optional[str] = Field(default=None, sa_type=Text)


class AuditTally(SQLModel, table=True):
    """How often one aggregated event (a refused access, a throttled login) happened within one window.

    The first occurrence is an ordinary row of the append-only trail (`audit_id`); the count of the window grows
    here, so a scan of a thousand ids is one row with its count, and the trail itself is never updated."""

    __tablename__ = "audit_tally"
    __table_args__ = (UniqueConstraint("action", "actor", "object_type", "object_id", "window_start",
                                       name="uq_audit_tally_key"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    audit_id: Optional[int] = Field(default=None, foreign_key="audit_log.id", ondelete="RESTRICT", unique=True)
    action: str = Field(sa_type=String(40), nullable=False)
    actor: str = Field(sa_type=String(60), nullable=False)  # "user:12" or "ip:203.0.113.9"
    object_type: str = Field(default="", sa_type=String(40), nullable=False)
    object_id: str = Field(default="", sa_type=String(40), nullable=False)
    window_start: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    hits: int = Field(default=1, nullable=False)
    last_at: datetime = created_field()
