"""Tables of the child's case (RULES §6): the case, its stages, assessments, case conferences, plan and services.

Reintegration, follow-up, companions (models_support.py) and referrals (models_referral.py) are imported at the end
of this module's import list so that importing lpks.cases.models registers every table of the area.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, String, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from lpks.cases.owner import institution_owner, one_owner, region_owner
from lpks.platform.models.base import created_field, text_field, version_column

ORIGINS = ("penempatan_lpks", "laporan", "undangan_rj", "undangan_diversi")  # RULES §6 and §8

_CASE_VERSION = version_column()


class ChildCase(SQLModel, table=True):
    """One case per child served (at most one open): owned by an LPKS or a Dinas Sosial; outlives a placement."""

    __tablename__ = "child_case"
    __table_args__ = (
        one_owner("child_case"),
        # one open case per child; a closed case stays as history (a later admission opens a new one)
        Index("uq_child_case_open_resident", "resident_id", unique=True,
              sqlite_where=text("closed_on IS NULL"), postgresql_where=text("closed_on IS NULL")),
        Index("ix_child_case_institution_id_id", "institution_id", "id"),
        Index("ix_child_case_stage_assessment_due", "stage", "assessment_due"),
        Index("ix_child_case_stage_plan_due", "stage", "plan_due"),
        Index("ix_child_case_manager_stage", "case_manager_id", "stage"),
    )
    __mapper_args__: ClassVar[dict] = {"version_id_col": _CASE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    resident_id: int = Field(foreign_key="resident.id", ondelete="RESTRICT", index=True)
    origin: str = text_field(20, default="penempatan_lpks", nullable=False)
    case_number: Optional[str] = text_field(80, index=True)  # the offence's case number, shared by its children
    home_region_code: Optional[str] = Field(default=None, foreign_key="region.code", ondelete="RESTRICT",
                                            sa_type=String(8))  # the child's kabupaten/kota (Pasal 55)
    case_manager_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    stage: str = text_field(20, default="pendekatan_awal", nullable=False, index=True)
    opened_on: date = Field(sa_type=Date, nullable=False)
    admitted_on: Optional[date] = Field(default=None, sa_type=Date)
    assessment_due: Optional[date] = Field(default=None, sa_type=Date)
    plan_due: Optional[date] = Field(default=None, sa_type=Date)
    termination_reason: Optional[str] = text_field(30, index=True)
    terminated_on: Optional[date] = Field(default=None, sa_type=Date)
    closed_on: Optional[date] = Field(default=None, sa_type=Date, index=True)
    note: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_CASE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"Kasus #{self.id}"


_STAGE_VERSION = version_column()


class CaseStage(SQLModel, table=True):
    """A stage of Pasal 18 ayat 1 on one case: opened, its activities, completed (date, author, who recorded)."""

    __tablename__ = "case_stage"
    __table_args__ = (one_owner("case_stage"), UniqueConstraint("case_id", "stage", name="uq_case_stage"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _STAGE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    stage: str = text_field(20, nullable=False)
    opened_on: date = Field(sa_type=Date, nullable=False)
    activities: Optional[str] = text_field(400)  # comma-separated activity codes (lpks.rules.case_stages)
    note: Optional[str] = Field(default=None, sa_type=Text)
    completed_on: Optional[date] = Field(default=None, sa_type=Date)
    author_staff_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    completed_by_user_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    version: int = Field(default=1, sa_column=_STAGE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


class CaseAssessment(SQLModel, table=True):
    """An assessment (Pasal 25 ayat 1): problems, needs, potentials and resources; the social report's source."""

    __tablename__ = "case_assessment"
    __table_args__ = (one_owner("case_assessment"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    assessed_on: date = Field(sa_type=Date, nullable=False)
    author_staff_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    problems: str = Field(sa_type=Text, nullable=False)
    needs: str = Field(sa_type=Text, nullable=False)
    potentials: str = Field(sa_type=Text, nullable=False)
    resources: str = Field(sa_type=Text, nullable=False)
    recommendation: Optional[str] = Field(default=None, sa_type=Text)
    created_at: datetime = created_field()


class CaseConference(SQLModel, table=True):
    """A case conference (temu bahas kasus, Pasal 25 ayat 2 huruf d and ayat 6): date, participants, conclusions."""

    __tablename__ = "case_conference"
    __table_args__ = (one_owner("case_conference"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    held_on: date = Field(sa_type=Date, nullable=False)
    place: Optional[str] = text_field(200)
    conclusions: str = Field(sa_type=Text, nullable=False)
    created_at: datetime = created_field()


class ConferenceParticipant(SQLModel, table=True):
    """One participant of a case conference, by role (lpks.rules.rehab_services.ParticipantRole)."""

    __tablename__ = "case_conference_participant"
    __table_args__ = (one_owner("case_conference_participant"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    conference_id: int = Field(foreign_key="case_conference.id", ondelete="RESTRICT", index=True)
    role: str = text_field(30, nullable=False)
    name: Optional[str] = text_field(120)  # professionals by name; the family by role only (SPPA Pasal 19)


_PLAN_VERSION = version_column()


class CasePlan(SQLModel, table=True):
    """The plan (Pasal 26): needs by priority (PlanNeed), services chosen (CaseService.in_plan), agreed date."""

    __tablename__ = "case_plan"
    __table_args__ = (one_owner("case_plan"), UniqueConstraint("case_id", name="uq_case_plan_case"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _PLAN_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    goal: Optional[str] = Field(default=None, sa_type=Text)
    agreed_on: Optional[date] = Field(default=None, sa_type=Date)
    agreed_with: Optional[str] = text_field(300)  # who agreed, by role (the child, the family, the peksos)
    version: int = Field(default=1, sa_column=_PLAN_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


class PlanNeed(SQLModel, table=True):
    """A need of the child, by priority (Pasal 26 ayat 2 huruf a; 1 = most urgent)."""

    __tablename__ = "case_plan_need"
    __table_args__ = (one_owner("case_plan_need"), UniqueConstraint("case_id", "priority", name="uq_plan_need"))

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    priority: int = Field(nullable=False)
    need: str = text_field(300, nullable=False)


_SERVICE_VERSION = version_column()


class CaseService(SQLModel, table=True):
    """A service of one form of Pasal 35 ayat 1: planned (due date, provider), then done (date, outcome) or
    cancelled; a planned service is a task (RULES §6)."""

    __tablename__ = "case_service"
    __table_args__ = (one_owner("case_service"), Index("ix_case_service_status_due", "status", "due_on"),
                      Index("ix_case_service_institution_status_due", "institution_id", "status", "due_on"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _SERVICE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    form: str = text_field(30, nullable=False, index=True)
    description: str = text_field(300, nullable=False)
    provider: str = text_field(200, nullable=False)
    provider_staff_id: Optional[int] = Field(default=None, foreign_key="staff_member.id", ondelete="RESTRICT")
    in_plan: bool = Field(default=True, nullable=False)
    planned_on: date = Field(sa_type=Date, nullable=False)
    due_on: date = Field(sa_type=Date, nullable=False)
    status: str = text_field(10, default="planned", nullable=False)
    done_on: Optional[date] = Field(default=None, sa_type=Date)
    outcome: Optional[str] = Field(default=None, sa_type=Text)
    cancel_reason: Optional[str] = text_field(300)
    referral_id: Optional[int] = Field(default=None, foreign_key="referral.id", ondelete="RESTRICT")
    version: int = Field(default=1, sa_column=_SERVICE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


_SETTING_VERSION = version_column()


class CaseTaskSetting(SQLModel, table=True):
    """The defaults of RULES §6 (one row), which the national user may change."""

    __tablename__ = "case_task_setting"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _SETTING_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_days: int = Field(default=7, nullable=False)
    plan_days: int = Field(default=7, nullable=False)
    follow_up_months: str = text_field(60, default="1,3,6", nullable=False)
    version: int = Field(default=1, sa_column=_SETTING_VERSION)
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


from lpks.cases.models_referral import Referral  # noqa: E402  (registers the table; case_service refers to it)
from lpks.cases.models_support import (  # noqa: E402
    CaseCompanion,
    CompanionReport,
    FollowUpVisit,
    Reintegration,
    SubstituteFamilySearch,
)

CASE_RECORDS = (CaseStage, CaseAssessment, CaseConference, ConferenceParticipant, CasePlan, PlanNeed, CaseService,
                Reintegration, SubstituteFamilySearch, FollowUpVisit, CaseCompanion, CompanionReport)

__all__ = ["CASE_RECORDS", "CaseAssessment", "CaseCompanion", "CaseConference", "CasePlan", "CaseService",
           "CaseStage", "CaseTaskSetting", "ChildCase", "CompanionReport", "ConferenceParticipant", "FollowUpVisit",
           "PlanNeed", "Referral", "Reintegration", "SubstituteFamilySearch"]
