"""Tables of Dinas Sosial case handling (RULES §8), each a record of one child's case (lpks.cases.models.ChildCase).

They stay with the Dinas Sosial that received the case (owner_region_code) even when the case is handed to an LPKS
(RULES §7): the service time, the products and the complaints are that office's figures (RULES §9).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.cases.owner import institution_owner, one_owner, region_owner
from lpks.platform.models.base import created_field, text_field, version_column

_INTAKE_VERSION = version_column()


def _user(**kw):
    return Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", **kw)


class CaseIntake(SQLModel, table=True):
    """How the case reached the Dinas Sosial, its service time, and the route decided after the case conference."""

    __tablename__ = "case_intake"
    __table_args__ = (one_owner("case_intake"), UniqueConstraint("case_id", name="uq_case_intake_case"),
                      # the dashboard's due/overdue tiles: open services by deadline, per office
                      Index("ix_case_intake_region_issued_deadline", "owner_region_code",
                            "service_product_issued_on", "service_deadline"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _INTAKE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()  # always empty: a Dinas Sosial receives
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    channel: str = text_field(20, nullable=False, index=True)
    reporter_kind: str = text_field(30, nullable=False)
    reporter_name: Optional[str] = text_field(200)  # a person: identifies the child's circle (SPPA Pasal 19)
    reporter_agency: Optional[str] = text_field(200)  # an office or agency (an invitation's sender)
    letter_number: Optional[str] = text_field(80)  # the invitation's letter
    received_on: date = Field(sa_type=Date, nullable=False)
    service_deadline: date = Field(sa_type=Date, nullable=False)
    offence_severity: Optional[str] = text_field(10)
    route: Optional[str] = text_field(20, index=True)
    route_age: Optional[int] = Field(default=None, sa_type=Integer)
    route_reason: Optional[str] = Field(default=None, sa_type=Text)
    route_decided_on: Optional[date] = Field(default=None, sa_type=Date)
    route_decided_by_user_id: Optional[int] = _user()
    conference_id: Optional[int] = Field(default=None, foreign_key="case_conference.id", ondelete="RESTRICT")
    service_product_issued_on: Optional[date] = Field(default=None, sa_type=Date)
    days_taken: Optional[int] = Field(default=None, sa_type=Integer)  # kept for the reports (RULES §8, §9)
    version: int = Field(default=1, sa_column=_INTAKE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


_STEP_VERSION = version_column()


class IntakeStep(SQLModel, table=True):
    """A step of the procedure on the case (lpks.rules.intake.Step): when, by whom, and what it found or decided."""

    __tablename__ = "case_intake_step"
    __table_args__ = (one_owner("case_intake_step"), UniqueConstraint("case_id", "step", name="uq_case_intake_step"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _STEP_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    step: str = text_field(40, nullable=False)
    done_on: date = Field(sa_type=Date, nullable=False)
    officer_user_id: Optional[int] = _user()
    place: Optional[str] = text_field(200)
    participants: Optional[str] = text_field(300)  # categories (lpks.rules.intake_meeting.Participant), never names
    mediator: Optional[str] = text_field(200)  # by role or office
    outcome: Optional[str] = Field(default=None, sa_type=Text)
    care_decision: Optional[str] = text_field(30)  # the Pasal 14 meeting: pengasuhan
    rehabilitation_forms: Optional[str] = text_field(300)  # forms of Pasal 35 ayat 1, comma-separated
    social_sanction: Optional[str] = Field(default=None, sa_type=Text)
    police_unit: Optional[str] = text_field(200)  # the report to UPPA
    report_number: Optional[str] = text_field(80)
    diversion_result: Optional[str] = text_field(20)
    recommendations: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_STEP_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


_OFFICER_VERSION = version_column()


class CaseOfficer(SQLModel, table=True):
    """A peksos or TKSK of the Dinas Sosial assigned to the case: the case manager (a peksos), companions, and a
    TKSK who monitors at a peksos's request (procedure step 11)."""

    __tablename__ = "case_officer"
    __table_args__ = (one_owner("case_officer"), Index("ix_case_officer_user_ended", "user_id", "ended_on", "case_id"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _OFFICER_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT")
    function: str = text_field(20, nullable=False)  # peksos / tksk
    role: str = text_field(20, nullable=False)  # manajer_kasus / pendamping / pemantau
    requested_by_user_id: Optional[int] = _user()
    assigned_on: date = Field(sa_type=Date, nullable=False)
    ended_on: Optional[date] = Field(default=None, sa_type=Date)
    version: int = Field(default=1, sa_column=_OFFICER_VERSION)
    created_at: datetime = created_field()


class IntakeMonitoring(SQLModel, table=True):
    """Monitoring of the care, rehabilitation and social sanctions decided (procedure step 11)."""

    __tablename__ = "case_monitoring"
    __table_args__ = (one_owner("case_monitoring"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    monitored_on: date = Field(sa_type=Date, nullable=False)
    officer_user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT")
    care_note: Optional[str] = Field(default=None, sa_type=Text)
    rehabilitation_note: Optional[str] = Field(default=None, sa_type=Text)
    sanction_note: Optional[str] = Field(default=None, sa_type=Text)
    findings: str = Field(sa_type=Text, nullable=False)
    goal_reached: bool = Field(default=False, nullable=False)
    created_at: datetime = created_field()


_REPORT_VERSION = version_column()


class CaseManagerReport(SQLModel, table=True):
    """The case manager's report after termination, filed by the data and information section (procedure step 13)."""

    __tablename__ = "case_manager_report"
    __table_args__ = (one_owner("case_manager_report"), UniqueConstraint("case_id", name="uq_case_manager_report"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REPORT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    written_on: date = Field(sa_type=Date, nullable=False)
    author_user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT")
    summary: str = Field(sa_type=Text, nullable=False)
    filed_on: Optional[date] = Field(default=None, sa_type=Date)
    filed_by_user_id: Optional[int] = _user()
    archive_number: Optional[str] = text_field(80)
    version: int = Field(default=1, sa_column=_REPORT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


class IntakeProduct(SQLModel, table=True):
    """A product of the service (Berita Acara Penanganan Kasus Rehabilitasi Sosial; Rujukan ke Layanan Jejaring
    Sosial, from a referral): its number and issue date; the first one stops the service-time clock."""

    __tablename__ = "case_product"
    __table_args__ = (one_owner("case_product"), UniqueConstraint("case_id", "kind", "referral_id",
                                                                   name="uq_case_product"))

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    kind: str = text_field(20, nullable=False)  # berita_acara / rujukan
    number: str = text_field(80, nullable=False)
    issued_on: date = Field(sa_type=Date, nullable=False)
    issued_by_user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT")
    referral_id: Optional[int] = Field(default=None, foreign_key="referral.id", ondelete="RESTRICT")
    created_at: datetime = created_field()


_COMPLAINT_VERSION = version_column()


class ServiceComplaint(SQLModel, table=True):
    """A complaint about the service (the procedure's Pengaduan Layanan): channel, date, subject, answer and its date."""

    __tablename__ = "service_complaint"
    __table_args__ = (one_owner("service_complaint"),
                      Index("ix_service_complaint_region_answered_due", "owner_region_code", "answered_on",
                            "answer_due"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _COMPLAINT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()
    owner_region_code: Optional[str] = region_owner()
    channel: str = text_field(20, nullable=False, index=True)
    received_on: date = Field(sa_type=Date, nullable=False)
    subject: str = Field(sa_type=Text, nullable=False)
    case_id: Optional[int] = Field(default=None, foreign_key="child_case.id", ondelete="RESTRICT")
    answer_due: date = Field(sa_type=Date, nullable=False)
    answer: Optional[str] = Field(default=None, sa_type=Text)
    answered_on: Optional[date] = Field(default=None, sa_type=Date)
    recorded_by_user_id: Optional[int] = _user()
    version: int = Field(default=1, sa_column=_COMPLAINT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"Pengaduan #{self.id}"


INTAKE_RECORDS = (IntakeStep, CaseOfficer, IntakeMonitoring, CaseManagerReport, IntakeProduct)

__all__ = ["INTAKE_RECORDS", "CaseIntake", "CaseManagerReport", "CaseOfficer", "IntakeMonitoring", "IntakeProduct",
           "IntakeStep", "ServiceComplaint"]
