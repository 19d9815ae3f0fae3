"""Registry: an LPKS's work area (kabupaten/kota it serves) and its organisation structure (Pasal 58)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column


class WorkArea(SQLModel, table=True):
    """One kabupaten/kota in the work area of an LPKS (RULES §1)."""

    __tablename__ = "institution_work_area"
    __table_args__ = (UniqueConstraint("institution_id", "kabkota_code", name="uq_work_area_institution_kabkota"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    kabkota_code: str = Field(foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8))
    created_at: datetime = created_field()

    def __str__(self) -> str:
        return self.kabkota_code


# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_ORGANISATION_POSITION_VERSION = version_column()


class OrganisationPosition(SQLModel, table=True):
    """Who holds a position of the structure (Pasal 58 ayat (1)), for a period."""

    __tablename__ = "organisation_position"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _ORGANISATION_POSITION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    position: str = text_field(30, nullable=False, index=True)
    title: Optional[str] = text_field(120)
    holder_name: str = text_field(120, nullable=False)
    staff_member_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT", index=True)
    decree_number: Optional[str] = text_field(100)
    since: Optional[date] = Field(default=None, sa_type=Date)
    until: Optional[date] = Field(default=None, sa_type=Date)
    version: int = Field(default=1, sa_column=_ORGANISATION_POSITION_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.title or self.position}: {self.holder_name}"
