"""The yearly written report of a government office (Pasal 91–92; RULES §9) and the lower reports it compiles."""
from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Optional

from sqlalchemy import JSON, DateTime, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

# Module level, not a class attribute: pydantic would deep-copy a private Column on every instance.
_REPORT_VERSION = version_column()


class AnnualReport(SQLModel, table=True):
    """One revision of the yearly report of one office: a kabupaten/kota, a province (region_code) or the nation
    (region_code None). Its figures are live while it is a draft and frozen in `snapshot` once submitted."""

    __tablename__ = "annual_report"
    __table_args__ = (
        UniqueConstraint("year", "level", "region_code", "revision", name="uq_annual_report_revision"),
        # an office's reports of a year and the reports of the offices below it (overview pages)
        Index("ix_annual_report_year_level_region", "year", "level", "region_code"),
    )
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REPORT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    year: int = Field(nullable=False)
    level: str = text_field(20, nullable=False)
    region_code: Optional[str] = Field(default=None, foreign_key="region.code", ondelete="RESTRICT", index=True,
                                       sa_type=String(8))
    revision: int = Field(default=1, nullable=False)
    revision_reason: Optional[str] = Field(default=None, sa_type=Text)
    state: str = text_field(12, default="draft", nullable=False, index=True)
    evaluation: Optional[str] = Field(default=None, sa_type=Text)   # Pasal 90 ayat 1
    plan: Optional[str] = Field(default=None, sa_type=Text)         # Pasal 90 ayat 2
    compiled_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    compiled_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    snapshot: Optional[dict[str, Any]] = Field(default=None, sa_type=JSON)
    created_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    submitted_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    submitted_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    received_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    received_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    version: int = Field(default=1, sa_column=_REPORT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.year} {self.region_code or 'nasional'} r{self.revision}"


class AnnualReportPart(SQLModel, table=True):
    """A received report of the level below, compiled into a province's or the national report (Pasal 86 huruf f,
    85 huruf h): exactly that revision, as frozen when it was submitted."""

    __tablename__ = "annual_report_part"
    __table_args__ = (UniqueConstraint("report_id", "part_id", name="uq_annual_report_part"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="annual_report.id", ondelete="RESTRICT", index=True)
    part_id: int = Field(foreign_key="annual_report.id", ondelete="RESTRICT", index=True)
