"""Background jobs: one row per job a user started (an export, later an import), with its status and its file."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Index, Text
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATUSES = (QUEUED, RUNNING, DONE, FAILED)


class Job(SQLModel, table=True):
    """What a user asked to run in the background, who asked, how far it got, and the file it made."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_user_id_id", "user_id", "id"), Index("ix_job_expires_at", "expires_at"))

    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = text_field(40, nullable=False)
    user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT", nullable=False)
    status: str = text_field(20, nullable=False, default=QUEUED)
    title: str = text_field(200, nullable=False, default="")
    payload: str = Field(default="{}", sa_type=Text, nullable=False)
    rows_done: int = Field(default=0, nullable=False)
    rows_total: Optional[int] = Field(default=None)
    message: Optional[str] = Field(default=None, sa_type=Text)
    file_name: Optional[str] = text_field(200)
    file_key: Optional[str] = text_field(80)
    created_at: datetime = created_field()
    started_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    finished_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    expires_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
