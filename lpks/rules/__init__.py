"""Pure domain rules of Permensos 26/2018 and UU SPPA: ages, legal bases, documents, periods, working days."""

from lpks.rules.age import (
    ADULT_AGE,
    MIN_AGE_ANAK,
    AgeCheck,
    ResidentKind,
    Route,
    age_on,
    check_resident_age,
    route,
)
from lpks.rules.bases import (
    CONDITION_OPTIONS,
    CONDITIONS,
    LegalBasis,
    PreProcessOffence,
    TitipanReason,
)
from lpks.rules.calendar import (
    CALENDAR_READING_EN,
    CALENDAR_READING_ID,
    HOLIDAY_CUTI_BERSAMA,
    HOLIDAY_NATIONAL,
    calendar_missing_years,
    held_years,
    holiday_dates,
    is_working_day,
    missing_years,
    seed_holiday_kinds,
    seed_holidays,
    working_day_before,
    working_days_between,
)
from lpks.rules.court import (
    MAX_MONTHS,
    MIN_SERVED_MONTHS,
    PAROLE_READING_EN,
    PAROLE_READING_ID,
    CourtPlacement,
    ParoleStatus,
    check_months,
    compute_court_placement,
    parole_eligible_from,
    parole_explanation,
    parole_status,
    placement_last_day,
)
from lpks.rules.custody import (
    DAY_COUNTING_READING_EN,
    DAY_COUNTING_READING_ID,
    NOTICE_READING_EN,
    NOTICE_READING_ID,
    NOTICE_WORKING_DAYS,
    CustodyLevel,
    CustodyPeriod,
    check_days,
    check_next_level,
    compute_custody,
    custody_missing_years,
    last_day,
    next_level,
    notice_deadline,
)
from lpks.rules.custody_cover import (
    COVER_READING_EN,
    COVER_READING_ID,
    Uncovered,
    check_period_start,
    latest_start,
)
from lpks.rules.dashboard import (
    CUSTODY_ENDING_WITHIN_DAYS,
    NOTICE_DUE_WITHIN_DAYS,
    PLACEMENT_ENDING_WITHIN_DAYS,
    due_window,
    is_custody_ending_soon,
    is_notice_due_soon,
    is_notice_late,
    is_notice_overdue,
    is_over_capacity,
    is_overstay,
    is_placement_ending_soon,
    occupancy_rate,
)
from lpks.rules.documents import (
    DOCTOR_CERTIFICATE,
    DOCUMENT_READING_EN,
    DOCUMENT_READING_ID,
    REQUIRED_DOCUMENTS,
    DocumentRequirement,
    check_document,
    document_labels,
    document_problem,
)
from lpks.rules.errors import MissingDocumentsError, RuleError
from lpks.rules.exits import (
    END_READING_EN,
    END_READING_ID,
    RULE_NOT_PICKED_UP,
    ExitReason,
    check_exit_reason,
    check_not_picked_up,
    exit_reasons_for,
)
from lpks.rules.labels import LabelledEnum, format_date_id
from lpks.rules.letters import (
    EXTENSION_AUTHORITY,
    LETTER_FACTS,
    check_correction,
    check_first_letter,
    check_handover,
    check_placement_start,
    sppa_pasal,
)
from lpks.rules.placements import (
    DOCTOR_CERTIFICATE_HOURS,
    BasisInfo,
    basis_info,
    check_admission,
    check_basis_route,
    check_conditions,
    check_placement_kind,
    doctor_certificate_due,
    is_doctor_certificate_late,
    loss_within_minimum_wage,
    missing_documents,
    requires_hospital_exam,
)
from lpks.rules.pre_admission import (
    MeetingInitiator,
    MeetingParticipant,
    check_hospital_exam,
    check_loss,
    check_meeting,
    required_participants,
)
from lpks.rules.reports import (
    ExamAnswer,
    ExamPlace,
    Recommendation,
    check_exam_answer,
    check_exam_request,
    check_report,
)
from lpks.rules.under12 import (
    READING_EN as UNDER_12_READING_EN,
)
from lpks.rules.under12 import (
    READING_ID as UNDER_12_READING_ID,
)
from lpks.rules.under12 import (
    check_determination,
    check_submission,
    is_determination_overdue,
    under_12_court_deadline,
)

__all__ = [
    "ADULT_AGE", "MIN_AGE_ANAK", "AgeCheck", "ResidentKind", "Route", "age_on", "check_resident_age", "route",
    "CONDITION_OPTIONS", "CONDITIONS", "LegalBasis", "PreProcessOffence", "TitipanReason",
    "CALENDAR_READING_EN", "CALENDAR_READING_ID", "HOLIDAY_CUTI_BERSAMA", "HOLIDAY_NATIONAL",
    "calendar_missing_years", "held_years", "holiday_dates", "missing_years", "is_working_day", "seed_holiday_kinds",
    "seed_holidays", "working_day_before", "working_days_between",
    "MAX_MONTHS", "MIN_SERVED_MONTHS", "PAROLE_READING_EN", "PAROLE_READING_ID", "CourtPlacement", "ParoleStatus",
    "check_months", "compute_court_placement", "parole_eligible_from", "parole_explanation", "parole_status",
    "placement_last_day",
    "COVER_READING_EN", "COVER_READING_ID", "DAY_COUNTING_READING_EN", "DAY_COUNTING_READING_ID", "NOTICE_READING_EN", "NOTICE_READING_ID",
    "NOTICE_WORKING_DAYS", "CustodyLevel", "CustodyPeriod", "check_days", "check_next_level", "compute_custody",
    "EXTENSION_AUTHORITY", "LETTER_FACTS", "check_correction", "check_first_letter", "check_handover",
    "check_placement_start", "sppa_pasal",
    "custody_missing_years", "Uncovered", "check_period_start", "latest_start",
    "last_day",
    "next_level", "notice_deadline",
    "CUSTODY_ENDING_WITHIN_DAYS", "NOTICE_DUE_WITHIN_DAYS", "PLACEMENT_ENDING_WITHIN_DAYS", "due_window",
    "is_custody_ending_soon", "is_notice_due_soon", "is_notice_late", "is_notice_overdue", "is_over_capacity", "is_overstay",
    "is_placement_ending_soon", "occupancy_rate",
    "DOCUMENT_READING_EN", "DOCUMENT_READING_ID", "check_document", "document_problem",
    "DOCTOR_CERTIFICATE", "REQUIRED_DOCUMENTS", "DocumentRequirement", "document_labels",
    "MissingDocumentsError", "RuleError",
    "END_READING_EN", "END_READING_ID", "RULE_NOT_PICKED_UP", "ExitReason", "check_exit_reason", "check_not_picked_up", "exit_reasons_for",
    "LabelledEnum", "format_date_id",
    "DOCTOR_CERTIFICATE_HOURS", "BasisInfo", "basis_info", "check_admission", "check_basis_route",
    "check_conditions", "check_placement_kind", "doctor_certificate_due", "is_doctor_certificate_late",
    "loss_within_minimum_wage",
    "missing_documents", "requires_hospital_exam", "under_12_court_deadline",
    "MeetingInitiator", "MeetingParticipant", "check_hospital_exam", "check_loss", "check_meeting",
    "required_participants", "ExamAnswer", "ExamPlace", "Recommendation", "check_exam_answer", "check_exam_request",
    "check_report", "UNDER_12_READING_EN", "UNDER_12_READING_ID", "check_determination", "check_submission", "is_determination_overdue",
]
