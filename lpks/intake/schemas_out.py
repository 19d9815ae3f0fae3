"""Response models of Dinas Sosial case handling (RULES §8): what the API answers (the child by initials only; the
person who reported only through the audited identity)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from lpks.platform.validation import Output


class UserRef(Output):
    """An officer of the Dinas Sosial."""

    id: int
    name: str
    function: Optional[str] = None


class PathStepOut(Output):
    """A step of the channel's path or the route, and whether it is recorded."""

    step: str
    label: str
    pasal: str
    done: bool


class StepOut(Output):
    """A recorded step with its facts."""

    id: int
    step: str
    label: str
    pasal: str
    done_on: date
    officer: Optional[UserRef] = None
    place: Optional[str] = None
    participants: list[str] = []
    participant_labels: list[str] = []
    mediator: Optional[str] = None
    outcome: Optional[str] = None
    care_decision: Optional[str] = None
    care_label: Optional[str] = None
    rehabilitation_forms: list[str] = []
    rehabilitation_labels: list[str] = []
    social_sanction: Optional[str] = None
    police_unit: Optional[str] = None
    report_number: Optional[str] = None
    diversion_result: Optional[str] = None
    diversion_label: Optional[str] = None
    recommendations: Optional[str] = None


class OfficerOut(Output):
    """A peksos or TKSK assigned to the case."""

    id: int
    user: UserRef
    function: str
    function_label: str
    role: str
    requested_by: Optional[UserRef] = None
    assigned_on: date
    ended_on: Optional[date] = None
    version: int


class MonitoringOut(Output):
    """A monitoring (procedure step 11)."""

    id: int
    monitored_on: date
    officer: Optional[UserRef] = None
    care_note: Optional[str] = None
    rehabilitation_note: Optional[str] = None
    sanction_note: Optional[str] = None
    findings: str
    goal_reached: bool


class ReportOut(Output):
    """The case manager's report and its filing (procedure step 13)."""

    written_on: date
    author: Optional[UserRef] = None
    summary: str
    filed_on: Optional[date] = None
    archive_number: Optional[str] = None
    filed_by: Optional[UserRef] = None
    version: int


class ProductOut(Output):
    """A product of the service issued."""

    id: int
    kind: str
    number: str
    issued_on: date
    issued_by: Optional[UserRef] = None
    referral_id: Optional[int] = None


class ReferralRef(Output):
    """A referral of the case (RULES §7)."""

    id: int
    receiver_name: Optional[str] = None
    status: str
    sent_on: date


class IntakeOut(Output):
    """How the case reached the Dinas Sosial and how its procedure stands."""

    channel: str
    channel_label: str
    reporter_kind: str
    reporter_label: str
    reporter_agency: Optional[str] = None
    letter_number: Optional[str] = None
    offence_severity: Optional[str] = None
    severity_label: Optional[str] = None
    route_label: Optional[str] = None
    route_age: Optional[int] = None
    route_reason: Optional[str] = None
    route_decided_on: Optional[date] = None
    route_decided_by: Optional[UserRef] = None
    path: list[PathStepOut] = []
    next_step: Optional[str] = None
    steps: list[StepOut] = []
    officers: list[OfficerOut] = []
    monitoring: list[MonitoringOut] = []
    report: Optional[ReportOut] = None
    products: list[ProductOut] = []
    referrals: list[ReferralRef] = []
    termination_label: Optional[str] = None
    handed_over: bool = False
    assignment: Optional[str] = None
    allowed_actions: list[str] = []
    version: int


class ComplaintOut(Output):
    """A complaint about the service."""

    id: int
    owner_region_code: Optional[str] = None
    channel: str
    channel_label: str
    received_on: date
    subject: str
    case_id: Optional[int] = None
    answer_due: date
    answer: Optional[str] = None
    answered_on: Optional[date] = None
    state: str
    calendar_missing_years: list[int] = []
    version: int
