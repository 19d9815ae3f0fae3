"""Provinces and regencies/cities (Kemendagri codes `PP` and `PP.KK`)."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import text_field

LEVEL_PROVINCE = "provinsi"
LEVEL_KABKOTA = "kabupaten_kota"
LEVELS = (LEVEL_PROVINCE, LEVEL_KABKOTA)


class Region(SQLModel, table=True):
    """One province or one regency/city."""

    __tablename__ = "region"

    code: str = Field(primary_key=True, sa_type=String(8))
    name: str = text_field(120, nullable=False)
    level: str = text_field(20, nullable=False, index=True)
    province_code: Optional[str] = Field(
        default=None, foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8)
    )

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def province_of(code: str) -> str:
    """The province code of a region code (`35.75` → `35`)."""
    return code.split(".", 1)[0]
