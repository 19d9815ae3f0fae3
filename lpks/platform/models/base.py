"""Shared column helpers for SQLModel tables."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String
from sqlmodel import Field


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (evaluated per row, never at import)."""
    return datetime.now(timezone.utc)


def text_field(length: int, *, default=None, nullable: bool = True, index: bool = False, **kw):
    """A text column flask-admin understands (String(n), not SQLModel's AutoString)."""
    return Field(default=default, sa_type=String(length), nullable=nullable, index=index, **kw)


def created_field():
    """A creation timestamp set when the row is made."""
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)


def version_column() -> Column:
    """A fresh optimistic-lock column; pair it with __mapper_args__ version_id_col."""
    return Column("version", Integer, nullable=False, server_default="1")
