"""Registry: standards verification by the Dinas Sosial kabupaten/kota, in rounds that are never overwritten."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

DRAFT = "draft"
FINAL = "final"


# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_VERIFICATION_VERSION = version_column()


class Verification(SQLModel, table=True):
    """One verification round (visit) of one LPKS; final rounds are read only."""

    __tablename__ = "standards_verification"
    __table_args__ = (UniqueConstraint("institution_id", "number", name="uq_verification_institution_number"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _VERIFICATION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    number: int = Field(nullable=False)
    visit_date: date = Field(sa_type=Date, nullable=False, index=True)
    status: str = text_field(10, default=DRAFT, nullable=False, index=True)
    team: Optional[str] = text_field(300)
    summary: Optional[str] = Field(default=None, sa_type=Text)
    verifier_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    verifier_name: Optional[str] = text_field(120)
    created_at: datetime = created_field()
    finalised_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    version: int = Field(default=1, sa_column=_VERIFICATION_VERSION)
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"Verifikasi #{self.number} ({self.visit_date.isoformat()})"


class VerificationFinding(SQLModel, table=True):
    """A verifier's finding on one standard item in one round: terpenuhi / sebagian / belum and a note."""

    __tablename__ = "standards_finding"
    __table_args__ = (UniqueConstraint("verification_id", "item_code", name="uq_finding_verification_item"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    verification_id: int = Field(foreign_key="standards_verification.id", ondelete="RESTRICT", index=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    item_code: str = text_field(80, nullable=False)
    status: str = text_field(12, nullable=False)
    note: Optional[str] = text_field(1000)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
