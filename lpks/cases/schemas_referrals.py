"""Response models of referrals (RULES §7), the Pasal 55 proposals and the task defaults (RULES §6)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from lpks.platform.validation import Output


class ReferralOut(Output):
    """A referral as its sender or receiver sees it; the child by initials (the receiver before accepting: initials
    only); what was shared appears for the receiver once it accepts."""

    id: int
    case_id: Optional[int] = None
    side: str
    sender: str
    receiver_kind: str
    receiver_institution_id: Optional[int] = None
    receiver_region_code: Optional[str] = None
    receiver: str
    child: dict
    residential: bool
    reason: str
    services_asked: list[str]
    services_note: Optional[str] = None
    shared: list[str] = []
    child_consent: bool
    parent_consent: bool
    consent_on: Optional[date] = None
    sent_on: date
    status: str
    status_label: str
    decided_on: Optional[date] = None
    decline_reason: Optional[str] = None
    completed_on: Optional[date] = None
    completion_note: Optional[str] = None
    ended_placement_id: Optional[int] = None
    allowed_actions: list[str] = []
    shared_records: dict = {}
    version: int


class SuggestionOut(Output):
    """An LPKS proposed under Pasal 55."""

    institution_id: int
    name: str
    kabkota_code: str
    tier: str
    tier_label: str
    free_places: int


class SuggestionsOut(Output):
    """The Pasal 55 proposals for a case: whether the child's kabupaten/kota lacks an LPKS with badan hukum."""

    kabkota_code: Optional[str] = None
    pasal_55: bool
    items: list[SuggestionOut]


class TaskDefaultsOut(Output):
    """The defaults of RULES §6."""

    assessment_days: int
    plan_days: int
    follow_up_months: list[int]
    upcoming_within_days: int
    version: int
