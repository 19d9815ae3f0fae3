"""Registry: evidence documents (PDF, JPEG, PNG) kept outside the web root, and the items they prove."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_EVIDENCE_DOCUMENT_VERSION = version_column()


class EvidenceDocument(SQLModel, table=True):
    """One uploaded file; `stored_name` is random and never derived from what the user sent."""

    __tablename__ = "evidence_document"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _EVIDENCE_DOCUMENT_VERSION}
    # the upload rate counts a user's files of the last minute (lpks.registry.services.upload_limits)
    __table_args__ = (Index("ix_evidence_document_uploader_at", "uploaded_by_id", "uploaded_at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    title: str = text_field(200, nullable=False)
    kind: str = text_field(40, nullable=False, index=True)
    original_name: str = text_field(200, nullable=False)
    stored_name: str = Field(sa_type=String(64), nullable=False, unique=True)
    content_type: str = text_field(40, nullable=False)
    size_bytes: int = Field(nullable=False)
    sha256: str = Field(sa_type=String(64), nullable=False)
    issued_on: Optional[date] = Field(default=None, sa_type=Date)
    valid_until: Optional[date] = Field(default=None, sa_type=Date)
    note: Optional[str] = text_field(500)
    uploaded_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    uploaded_at: datetime = created_field()
    version: int = Field(default=1, sa_column=_EVIDENCE_DOCUMENT_VERSION)
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return self.title


class EvidenceLink(SQLModel, table=True):
    """A document proves a standard item (code of accreditation.STANDARD_ITEMS)."""

    __tablename__ = "evidence_link"
    __table_args__ = (UniqueConstraint("evidence_id", "item_code", name="uq_evidence_link_item"),
                      Index("ix_evidence_link_institution_item", "institution_id", "item_code"))

    id: Optional[int] = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence_document.id", ondelete="RESTRICT", index=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT")
    item_code: str = text_field(80, nullable=False)
    created_at: datetime = created_field()
