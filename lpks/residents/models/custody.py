"""Titipan (custody) periods of a placement, one per level of the legal process, and their extensions."""
from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index
from sqlmodel import Field, Relationship, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column
from lpks.residents.models.placement import Placement

PERIOD_OPEN = "open"
PERIOD_CLOSED = "closed"
CLOSED_NEXT_LEVEL = "next_level"


# Optimistic lock column, kept outside the class body: as a private attribute pydantic would deep-copy the
# Column (and through it the whole metadata) for every instance, a third of a second each.
_CUSTODY_PERIOD_VERSION = version_column()


class CustodyPeriod(SQLModel, table=True):
    """One titipan period at one level; last day and notice deadline are stored, recomputed by the service."""

    __tablename__ = "custody_period"
    __table_args__ = (
        # Open periods' notice state and last day, with the placement: the titipan tiles count from the index
        # alone (migration 0010; it replaced the narrower ix_custody_status_notice).
        Index("ix_custody_status_notice_last_day", "status", "notice_sent_on", "notice_deadline", "last_day",
              "placement_id"),
        Index("ix_custody_status_last_day", "status", "last_day"),
        # An LPKS's or region's dashboard: its open periods by last day (migration 0006).
        Index("ix_custody_institution_status_last_day", "institution_id", "status", "last_day"),
        # The titipan lists of an LPKS or region, by notice deadline: read in index order (migration 0008).
        Index("ix_custody_institution_deadline", "institution_id", "notice_deadline", "id"),
        # the dashboard's titipan list: open periods by notice deadline, nationally and per LPKS (migration 0010)
        Index("ix_custody_status_deadline", "status", "notice_deadline"),
        Index("ix_custody_institution_status_deadline", "institution_id", "status", "notice_deadline"),
        # the titipan list sorted by start date (migration 0014)
        Index("ix_custody_start_date", "start_date", "id"),
    )
    __mapper_args__: ClassVar[dict] = {"version_id_col": _CUSTODY_PERIOD_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    placement_id: int = Field(foreign_key="placement.id", ondelete="RESTRICT", index=True)
    level: str = text_field(20, nullable=False, index=True)
    start_date: date = Field(sa_type=Date, nullable=False)
    granted_days: int = Field(nullable=False)
    letter_number: Optional[str] = text_field(80)
    letter_date: Optional[date] = Field(default=None, sa_type=Date)
    # the corrected letter that changed the start or the days after admission (RULES §5), audited as such
    corrected_letter_number: Optional[str] = text_field(80)
    corrected_letter_date: Optional[date] = Field(default=None, sa_type=Date)
    depositor_agency: str = text_field(200, nullable=False)
    depositor_superior: Optional[str] = text_field(200)
    depositor_address: Optional[str] = text_field(300)
    total_days: int = Field(nullable=False)
    max_days: int = Field(nullable=False)
    last_day: date = Field(sa_type=Date, nullable=False, index=True)
    notice_deadline: date = Field(sa_type=Date, nullable=False, index=True)
    # years the deadline was counted over without the holiday calendar holding them ("2028,2029"): an estimate
    calendar_missing_years: Optional[str] = text_field(60)
    notice_sent_on: Optional[date] = Field(default=None, sa_type=Date, index=True)
    notice_number: Optional[str] = text_field(80)
    # days the child was held between the previous period's last day and this start, confirmed by the user: an
    # overstay that stays on the record and in every overstay figure (RULES §5)
    uncovered_from: Optional[date] = Field(default=None, sa_type=Date)
    uncovered_days: Optional[int] = Field(default=None, index=True)
    status: str = text_field(10, default=PERIOD_OPEN, nullable=False, index=True)
    closed_on: Optional[date] = Field(default=None, sa_type=Date)
    closed_reason: Optional[str] = text_field(40)
    version: int = Field(default=1, sa_column=_CUSTODY_PERIOD_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    placement: Optional[Placement] = Relationship(sa_relationship_kwargs={"lazy": "joined", "viewonly": True})

    def __str__(self) -> str:
        return f"#{self.id} {self.level}"


class CustodyExtension(SQLModel, table=True):
    """An extension of a titipan period: its authority, letter and days (UU SPPA Pasal 33–38 ayat 2)."""

    __tablename__ = "custody_extension"

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    custody_period_id: int = Field(foreign_key="custody_period.id", ondelete="RESTRICT", index=True)
    authority: str = text_field(200, nullable=False)
    letter_number: str = text_field(80, nullable=False)
    letter_date: Optional[date] = Field(default=None, sa_type=Date)
    days: int = Field(nullable=False)
    created_at: datetime = created_field()
