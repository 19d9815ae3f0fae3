"""Pure accreditation domain (Permensos 26/2018 Pasal 52–73, 85–88): standards, instrument, scoring, grade, class.

Standard library only; plain values in and out; errors are AccreditationError (Indonesian message, `field`).
"""

from .catalogue import (
    ASPECTS, FACILITY_GROUPS, FACILITY_ITEMS, STAFF_FUNCTIONS, STANDARD_ITEMS,
    facility_checklist, get_aspect, get_facility_item, get_item, get_staff_function, staff_checklist,
)
from .catalogue_model import Aspect, FacilityItem, Source, SourceKind, StaffCategory, StaffFunction, StandardItem
from .classes import ClassResult, Criterion, classify, criteria_for_api
from .errors import AccreditationError, Problem
from .instrument import AnswerOption, GradeBand, Indicator, Instrument, InstrumentAspect
from .instrument_default import DEFAULT_INSTRUMENT, build_default_instrument
from .instrument_rows import COLUMNS, instrument_from_rows, instrument_to_rows
from .instrument_validation import instrument_problems, validate_instrument
from .levels import Grade, ReferralScope
from .prefill import prefill_answers
from .scoring import AspectScore, ScoreResult, score, valid_until
from .standards import AspectResult, ItemResult, StandardsReport, evaluate
from .standards_facts import (
    CaseProgramFacts,
    Engagement, FacilityStatus, FormationKind, InstitutionFacts, ItemStatus, RegistrationFact, StaffFact,
    VerifierFinding,
)

__all__ = ["CaseProgramFacts"]
__all__ += [
    "ASPECTS", "FACILITY_GROUPS", "FACILITY_ITEMS", "STAFF_FUNCTIONS", "STANDARD_ITEMS",
    "facility_checklist", "get_aspect", "get_facility_item", "get_item", "get_staff_function", "staff_checklist",
    "Aspect", "FacilityItem", "Source", "SourceKind", "StaffCategory", "StaffFunction", "StandardItem",
    "ClassResult", "Criterion", "classify", "criteria_for_api",
    "AccreditationError", "Problem",
    "AnswerOption", "GradeBand", "Indicator", "Instrument", "InstrumentAspect",
    "DEFAULT_INSTRUMENT", "build_default_instrument",
    "COLUMNS", "instrument_from_rows", "instrument_to_rows", "instrument_problems", "validate_instrument",
    "Grade", "ReferralScope", "prefill_answers",
    "AspectScore", "ScoreResult", "score", "valid_until",
    "AspectResult", "ItemResult", "StandardsReport", "evaluate",
    "Engagement", "FacilityStatus", "FormationKind", "InstitutionFacts", "ItemStatus", "RegistrationFact", "StaffFact",
    "VerifierFinding",
]
