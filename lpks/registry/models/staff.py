"""Registry: the staff register of an LPKS (Pasal 59–62, 17 ayat (2), 75 ayat (2))."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_STAFF_MEMBER_VERSION = version_column()


class StaffMember(SQLModel, table=True):
    """One person serving an LPKS in one function of the catalogue (accreditation.STAFF_FUNCTIONS)."""

    __tablename__ = "staff_member"
    # The dashboards' expiry figures of an LPKS or region: its certificates and SPPA trainings by end date (0010).
    __table_args__ = (Index("ix_staff_institution_certification", "institution_id", "certification_valid_until"),
                      Index("ix_staff_institution_sppa", "institution_id", "sppa_valid_until"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _STAFF_MEMBER_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    name: str = text_field(120, nullable=False, index=True)
    function: str = text_field(40, nullable=False, index=True)
    engagement: str = text_field(20, default="sendiri", nullable=False)
    partner_name: Optional[str] = text_field(200)
    agreement_number: Optional[str] = text_field(100)
    agreement_valid_until: Optional[date] = Field(default=None, sa_type=Date)
    certification_number: Optional[str] = text_field(100)
    certification_date: Optional[date] = Field(default=None, sa_type=Date)
    certification_valid_until: Optional[date] = Field(default=None, sa_type=Date, index=True)
    sppa_training_date: Optional[date] = Field(default=None, sa_type=Date)
    sppa_certificate_number: Optional[str] = text_field(100)
    sppa_valid_until: Optional[date] = Field(default=None, sa_type=Date, index=True)
    active_from: Optional[date] = Field(default=None, sa_type=Date)
    active_until: Optional[date] = Field(default=None, sa_type=Date, index=True)
    note: Optional[str] = text_field(500)
    version: int = Field(default=1, sa_column=_STAFF_MEMBER_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.name} ({self.function})"
