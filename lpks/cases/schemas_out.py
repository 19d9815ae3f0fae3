"""Response models of the case area: what the API answers (initials only, never a child's identity)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from lpks.platform.validation import Output
from lpks.intake.schemas_out import IntakeOut

__all__ = ["AssessmentOut", "CaseOut", "CaseRow", "ChildOut", "CompanionOut", "CompanionReportOut", "ConferenceOut",
           "FollowUpOut", "NeedOut", "ParticipantOut", "PlanOut", "ReferralOut", "ReintegrationOut", "SearchOut",
           "ServiceOut", "StaffRef", "StageOut", "SuggestionOut", "SuggestionsOut", "TaskDefaultsOut", "TaskOut"]


class StaffRef(Output):
    """A person of the staff register."""

    id: int
    name: str
    function: str


class ChildOut(Output):
    """The child as lists and the API show it: initials and register number (SPPA Pasal 19)."""

    resident_id: int
    register_number: Optional[str] = None
    initials: str
    kind: Optional[str] = None
    sex: Optional[str] = None


class TaskOut(Output):
    """An item with a due date and no completion (RULES §6)."""

    kind: str
    label: str
    item_id: int
    case_id: int
    due_on: date
    state: str
    child: Optional[str] = None
    case_manager: Optional[str] = None
    institution: Optional[str] = None


class StageOut(Output):
    """A stage of Pasal 18 ayat 1 on the case."""

    stage: str
    label: str
    pasal: str
    opened_on: Optional[date] = None
    completed_on: Optional[date] = None
    activities: list[str] = []
    note: Optional[str] = None
    author: Optional[StaffRef] = None
    unmet: list[str] = []
    version: Optional[int] = None


class CaseOut(Output):
    """One case."""

    id: int
    institution_id: Optional[int] = None
    owner_region_code: Optional[str] = None
    origin: str
    case_number: Optional[str] = None
    home_region_code: Optional[str] = None
    child: ChildOut
    case_manager: Optional[StaffRef] = None
    stage: str
    stage_label: str
    opened_on: date
    admitted_on: Optional[date] = None
    assessment_due: Optional[date] = None
    plan_due: Optional[date] = None
    termination_reason: Optional[str] = None
    terminated_on: Optional[date] = None
    closed_on: Optional[date] = None
    note: Optional[str] = None
    stages: list[StageOut] = []
    tasks: list[TaskOut] = []
    allowed_actions: list[str] = []
    version: int
    # a case the Dinas Sosial received (RULES §8; empty for an LPKS admission's case)
    received_on: Optional[date] = None
    service_deadline: Optional[date] = None
    service_product_issued_on: Optional[date] = None
    route: Optional[str] = None
    days_taken: Optional[int] = None
    service_state: Optional[str] = None
    calendar_missing_years: list[int] = []
    intake: Optional[IntakeOut] = None


class CaseRow(Output):
    """A case in a list."""

    id: int
    institution_id: Optional[int] = None
    owner_region_code: Optional[str] = None
    child: ChildOut
    stage: str
    stage_label: str
    case_manager: Optional[str] = None
    opened_on: date
    closed_on: Optional[date] = None
    overdue: int = 0
    upcoming: int = 0
    origin: Optional[str] = None
    received_on: Optional[date] = None
    service_deadline: Optional[date] = None
    service_product_issued_on: Optional[date] = None
    route: Optional[str] = None
    days_taken: Optional[int] = None
    service_state: Optional[str] = None
    calendar_missing_years: list[int] = []


class AssessmentOut(Output):
    """An assessment (Pasal 25 ayat 1)."""

    id: int
    case_id: int
    assessed_on: date
    author: Optional[StaffRef] = None
    problems: str
    needs: str
    potentials: str
    resources: str
    recommendation: Optional[str] = None


class ParticipantOut(Output):
    """A participant of a case conference."""

    role: str
    label: str
    name: Optional[str] = None


class ConferenceOut(Output):
    """A case conference (Pasal 25 ayat 6)."""

    id: int
    case_id: int
    held_on: date
    place: Optional[str] = None
    conclusions: str
    participants: list[ParticipantOut]


class NeedOut(Output):
    """A need by priority."""

    priority: int
    need: str


class ServiceOut(Output):
    """A service of Pasal 35 ayat 1."""

    id: int
    case_id: int
    form: str
    form_label: str
    pasal: str
    description: str
    provider: str
    provider_staff_id: Optional[int] = None
    in_plan: bool
    planned_on: date
    due_on: date
    status: str
    state: str
    done_on: Optional[date] = None
    outcome: Optional[str] = None
    cancel_reason: Optional[str] = None
    referral_id: Optional[int] = None
    version: int


class PlanOut(Output):
    """The plan (Pasal 26): needs by priority, the services chosen, the agreed date."""

    case_id: int
    goal: Optional[str] = None
    agreed_on: Optional[date] = None
    agreed_with: Optional[str] = None
    needs: list[NeedOut] = []
    services: list[ServiceOut] = []
    version: Optional[int] = None


class ReintegrationOut(Output):
    """The steps of Pasal 49 and the four conditions of ayat 7."""

    case_id: int
    child_prepared_on: Optional[date] = None
    child_preparation_note: Optional[str] = None
    family_prepared_on: Optional[date] = None
    family_kind: Optional[str] = None
    agreed_return_on: Optional[date] = None
    linkage_note: Optional[str] = None
    returned_on: Optional[date] = None
    received_by_relationship: Optional[str] = None
    monitored_on: Optional[date] = None
    monitoring_note: Optional[str] = None
    safe: Optional[bool] = None
    comfortable: Optional[bool] = None
    needs_met: Optional[bool] = None
    accepted: Optional[bool] = None
    missing_conditions: list[str] = []
    family_refused: bool = False
    family_refused_on: Optional[date] = None
    version: Optional[int] = None


class SearchOut(Output):
    """A substitute-family search (Pasal 50)."""

    id: int
    case_id: int
    started_on: date
    candidate: Optional[str] = None
    outcome: str
    ended_on: Optional[date] = None
    note: Optional[str] = None
    version: int


class FollowUpOut(Output):
    """A follow-up visit (Pasal 34)."""

    id: int
    case_id: int
    sequence: int
    due_on: date
    status: str
    state: str
    visited_on: Optional[date] = None
    visitor_staff_id: Optional[int] = None
    findings: Optional[str] = None
    version: int


class CompanionReportOut(Output):
    """A companion's report (Pasal 76 huruf g)."""

    id: int
    companion_id: int
    reported_on: date
    summary: str


class CompanionOut(Output):
    """A companion or volunteer of the case (Pasal 74–75)."""

    id: int
    case_id: int
    role: str
    role_label: str
    staff_member_id: Optional[int] = None
    name: str
    function: Optional[str] = None
    assigned_on: date
    ended_on: Optional[date] = None
    reports: list[CompanionReportOut] = []
    version: int


from lpks.cases.schemas_referrals import (  # noqa: E402
    ReferralOut,
    SuggestionOut,
    SuggestionsOut,
    TaskDefaultsOut,
)
