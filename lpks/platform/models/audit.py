"""The append-only audit trail."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Index, String, Text
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
