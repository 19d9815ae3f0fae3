"""Registry: the registrations (tanda daftar) of an LPKS at Kementerian Sosial and Dinas Sosial (Pasal 54 ayat (2))."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, String
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

KEMENSOS = "kemensos"
DINSOS_PROVINSI = "dinsos_provinsi"
DINSOS_KABKOTA = "dinsos_kabkota"
AUTHORITIES = (KEMENSOS, DINSOS_PROVINSI, DINSOS_KABKOTA)  # Pasal 54 ayat (2)

# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_REGISTRATION_VERSION = version_column()


class Registration(SQLModel, table=True):
    """One registration of an LPKS: at Kemensos, or at the Dinas Sosial of a province or a kabupaten/kota."""

    __tablename__ = "institution_registration"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REGISTRATION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    authority: str = text_field(20, nullable=False, index=True)
    # The Dinas Sosial's province or kabupaten/kota; None for Kemensos.
    region_code: Optional[str] = Field(default=None, foreign_key="region.code", ondelete="RESTRICT", index=True,
                                       sa_type=String(8))
    number: str = text_field(100, nullable=False)
    issued_on: Optional[date] = Field(default=None, sa_type=Date)
    valid_until: Optional[date] = Field(default=None, sa_type=Date, index=True)  # the 90-day dashboard filters on it
    version: int = Field(default=1, sa_column=_REGISTRATION_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return self.number
