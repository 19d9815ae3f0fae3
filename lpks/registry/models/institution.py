"""The LPKS institution (Lembaga Penyelenggaraan Kesejahteraan Sosial)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, String, Text
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

REFERRAL_SCOPES = ("kabupaten_kota", "provinsi", "nasional")
FORMATION_KINDS = ("upt", "masyarakat")  # Pasal 53 (government UPT), Pasal 54 (community, badan hukum)


# Module level, not a class attribute: pydantic would deep-copy a private Column on every instance.
_INSTITUTION_VERSION = version_column()


class Institution(SQLModel, table=True):
    """An LPKS, domiciled in one regency/city."""

    __tablename__ = "institution"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _INSTITUTION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = text_field(200, nullable=False, index=True)
    kabkota_code: str = Field(foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8))
    province_code: str = Field(foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8))
    address: Optional[str] = text_field(300)
    phone: Optional[str] = text_field(40)
    email: Optional[str] = text_field(120)
    referral_scope: str = text_field(20, default="kabupaten_kota", nullable=False)
    # Declared by the LPKS (or whoever registers it); the over-capacity check reads the verified figures below.
    capacity_boys: int = Field(default=0, nullable=False)
    capacity_girls: int = Field(default=0, nullable=False)
    # Verified by the supervising Dinas Sosial kabupaten/kota or Kemensos (lpks.security.FIELD_POLICY); None until
    # verified, and the date of the verification.
    verified_capacity_boys: Optional[int] = Field(default=None)
    verified_capacity_girls: Optional[int] = Field(default=None)
    capacity_verified_on: Optional[date] = Field(default=None, sa_type=Date)
    # Registry (Pasal 53–57, 69): status, designation, vision and mission, service programme.
    formation_kind: Optional[str] = text_field(20)
    establishment_decree_number: Optional[str] = text_field(100)
    establishment_decree_date: Optional[date] = Field(default=None, sa_type=Date)
    deed_number: Optional[str] = text_field(100)
    deed_date: Optional[date] = Field(default=None, sa_type=Date)
    kemenkumham_decree_number: Optional[str] = text_field(100)
    kemenkumham_decree_date: Optional[date] = Field(default=None, sa_type=Date)
    # Registrations (Pasal 54 ayat (2)) are rows of their own: models/registry_registration.py.
    designation_decree_number: Optional[str] = text_field(100)
    designation_decree_date: Optional[date] = Field(default=None, sa_type=Date)
    vision: Optional[str] = Field(default=None, sa_type=Text)
    mission: Optional[str] = Field(default=None, sa_type=Text)
    program_rehabilitation_stages: Optional[str] = Field(default=None, sa_type=Text)
    program_rehabilitation_forms: Optional[str] = Field(default=None, sa_type=Text)
    program_reintegration: Optional[str] = Field(default=None, sa_type=Text)
    program_companionship: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_INSTITUTION_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return self.name

    @property
    def capacity(self) -> int:
        """Total places (boys and girls)."""
        return (self.capacity_boys or 0) + (self.capacity_girls or 0)
