"""Tables of the case's later work: reintegration (Pasal 47–49), the substitute-family search (Pasal 50), follow-up
visits (Pasal 34), companions and their reports (Pasal 74–76)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.cases.owner import institution_owner, one_owner, region_owner
from lpks.platform.models.base import created_field, text_field, version_column

_REINTEGRATION_VERSION = version_column()


class Reintegration(SQLModel, table=True):
    """The steps of Pasal 49 ayat 1 on one case, and the four conditions of ayat 7."""

    __tablename__ = "case_reintegration"
    __table_args__ = (one_owner("case_reintegration"), UniqueConstraint("case_id", name="uq_case_reintegration_case"),
                      Index("ix_case_reintegration_return", "returned_on", "agreed_return_on"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REINTEGRATION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    child_prepared_on: Optional[date] = Field(default=None, sa_type=Date)  # huruf a, ayat 2
    child_preparation_note: Optional[str] = Field(default=None, sa_type=Text)
    family_prepared_on: Optional[date] = Field(default=None, sa_type=Date)  # huruf b, ayat 3
    family_kind: Optional[str] = text_field(20)
    agreed_return_on: Optional[date] = Field(default=None, sa_type=Date)
    linkage_note: Optional[str] = Field(default=None, sa_type=Text)  # ayat 4: training, school, work
    returned_on: Optional[date] = Field(default=None, sa_type=Date)  # huruf c, ayat 5
    received_by_relationship: Optional[str] = text_field(60)  # "ibu kandung", "paman": never a name
    monitored_on: Optional[date] = Field(default=None, sa_type=Date)  # huruf d, ayat 6
    monitoring_note: Optional[str] = Field(default=None, sa_type=Text)
    safe: Optional[bool] = Field(default=None)  # ayat 7
    comfortable: Optional[bool] = Field(default=None)
    needs_met: Optional[bool] = Field(default=None)
    accepted: Optional[bool] = Field(default=None)
    family_refused: bool = Field(default=False, nullable=False)  # Pasal 50
    family_refused_on: Optional[date] = Field(default=None, sa_type=Date)
    refusal_note: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_REINTEGRATION_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


_SEARCH_VERSION = version_column()


class SubstituteFamilySearch(SQLModel, table=True):
    """A search for a substitute family after the family's or community's refusal (Pasal 50)."""

    __tablename__ = "case_substitute_search"
    __table_args__ = (one_owner("case_substitute_search"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _SEARCH_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    started_on: date = Field(sa_type=Date, nullable=False)
    candidate: Optional[str] = text_field(200)  # described by relationship, never by name
    outcome: str = text_field(20, default="berjalan", nullable=False)  # berjalan / ditemukan / tidak_ditemukan
    ended_on: Optional[date] = Field(default=None, sa_type=Date)
    note: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_SEARCH_VERSION)
    created_at: datetime = created_field()


_VISIT_VERSION = version_column()


class FollowUpVisit(SQLModel, table=True):
    """A follow-up visit after the return (Pasal 34), due 1, 3 and 6 months after it by default (RULES §6)."""

    __tablename__ = "case_follow_up"
    __table_args__ = (one_owner("case_follow_up"), Index("ix_case_follow_up_status_due", "status", "due_on"),
                      UniqueConstraint("case_id", "sequence", name="uq_case_follow_up_sequence"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _VISIT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    sequence: int = Field(nullable=False)
    due_on: date = Field(sa_type=Date, nullable=False)
    status: str = text_field(10, default="planned", nullable=False)
    visited_on: Optional[date] = Field(default=None, sa_type=Date)
    visitor_staff_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    findings: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_VISIT_VERSION)
    created_at: datetime = created_field()


_COMPANION_VERSION = version_column()


class CaseCompanion(SQLModel, table=True):
    """A companion of the child (Pasal 74–75): a peksos or TKS of the registry, or a volunteer assisting."""

    __tablename__ = "case_companion"
    __table_args__ = (one_owner("case_companion"), Index("ix_case_companion_staff", "staff_member_id", "ended_on"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _COMPANION_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    role: str = text_field(20, nullable=False)  # pendamping / relawan
    staff_member_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    name: Optional[str] = text_field(120)  # a volunteer outside the staff register
    sppa_training_date: Optional[date] = Field(default=None, sa_type=Date)  # the volunteer's SPPA training
    assigned_on: date = Field(sa_type=Date, nullable=False)
    ended_on: Optional[date] = Field(default=None, sa_type=Date)
    version: int = Field(default=1, sa_column=_COMPANION_VERSION)
    created_at: datetime = created_field()


class CompanionReport(SQLModel, table=True):
    """A companion's report on the accompaniment (Pasal 76 huruf g)."""

    __tablename__ = "case_companion_report"
    __table_args__ = (one_owner("case_companion_report"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    companion_id: int = Field(foreign_key="case_companion.id", ondelete="RESTRICT", index=True)
    reported_on: date = Field(sa_type=Date, nullable=False)
    summary: str = Field(sa_type=Text, nullable=False)
    created_at: datetime = created_field()
