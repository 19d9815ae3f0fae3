"""Registry: funding sources per year (Pasal 66, 88) and the yearly financial accountability (Pasal 67–68)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_FUNDING_SOURCE_VERSION = version_column()


class FundingSource(SQLModel, table=True):
    """One source of funds of an LPKS in one year, with its amount in rupiah."""

    __tablename__ = "funding_source"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _FUNDING_SOURCE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    year: int = Field(nullable=False, index=True)
    source_kind: str = text_field(20, nullable=False)
    description: Optional[str] = text_field(200)
    amount: Decimal = Field(default=Decimal(0), sa_type=Numeric(18, 2), nullable=False)
    version: int = Field(default=1, sa_column=_FUNDING_SOURCE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.year} {self.source_kind}"


# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_FINANCIAL_REPORT_VERSION = version_column()


class FinancialReport(SQLModel, table=True):
    """The yearly fund management of an LPKS: planning, use and accountability (Pasal 67 ayat (3), 68)."""

    __tablename__ = "financial_report"
    __table_args__ = (UniqueConstraint("institution_id", "year", name="uq_financial_report_institution_year"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _FINANCIAL_REPORT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    year: int = Field(nullable=False, index=True)
    budget_plan: bool = Field(default=False, nullable=False)
    spending_records: bool = Field(default=False, nullable=False)
    report_submitted_on: Optional[date] = Field(default=None, sa_type=Date)
    report_recipient: Optional[str] = text_field(200)
    note: Optional[str] = text_field(500)
    version: int = Field(default=1, sa_column=_FINANCIAL_REPORT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return str(self.year)
