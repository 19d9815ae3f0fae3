"""Request and response models of the accreditation API (issue 4): declared once for each route's @operation, which
checks the bodies' shape and types, gives the OpenAPI document its schemas, and is what the test suite checks every
answer against. The services keep the workflow's rules (lpks.accreditation.services)."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from lpks.platform.validation import Input, Output

Grade = Literal["A", "B", "C", "none"]
Klass = Optional[Literal["A", "B", "C"]]
Number = Optional[str]  # a decimal written out ("87.50"), or null


class _Body(Input):
    """A body whose unknown fields the service names itself."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class InstrumentInput(_Body):
    rows: Optional[list[dict]] = Field(None, description="Baris lembar Excel instrumen (seluruh versi)")
    version: Optional[str] = None
    weights: Optional[dict] = None
    bands: Optional[dict] = None
    validity_years: Optional[dict] = None
    note: Optional[str] = None


class AssessmentStart(_Body):
    institution_id: Optional[int] = None


class AnswerIn(BaseModel):
    answer: Optional[str] = None
    evidence: Optional[str] = None
    evidence_ids: Optional[list] = Field(None, description="id dokumen bukti LPKS itu sendiri")


class AnswersInput(_Body):
    version: int
    answers: dict[str, AnswerIn]


class VersionInput(_Body):
    version: Optional[int] = None


class AdjustmentInput(_Body):
    version: int
    indicator: str
    answer: str
    reason: str


class TransitionInput(_Body):
    version: int
    action: str
    note: Optional[str] = None
    grade: Optional[Grade] = None
    grade_reason: Optional[str] = None
    decree_number: Optional[str] = None
    decree_date: Optional[date] = None


class ConflictReasonInput(_Body):
    indicator: str
    reason: str


class InstrumentOut(Output):
    id: int
    version: str
    note: Optional[str]
    based_on_id: Optional[int]
    created_by: Optional[str]
    created_at: Optional[str]


class OptionOut(Output):
    code: str
    label: str
    score: Number


class IndicatorOut(Output):
    code: str
    label: str
    max_score: Number
    prefill: list[str]
    answers: list[OptionOut]


class InstrumentAspectOut(Output):
    code: str
    label: str
    weight: Number
    indicators: list[IndicatorOut]


class BandOut(Output):
    grade: Optional[str]
    lower: Number
    upper: Number


class InstrumentDetailOut(InstrumentOut):
    aspects: list[InstrumentAspectOut]
    bands: list[BandOut]
    validity_years: dict[str, int]
    rows: list[dict]


class AssessmentOut(Output):
    id: int
    institution_id: int
    institution_name: Optional[str]
    instrument_id: Optional[int]
    state: str
    state_label: str
    recorded_state: str
    state_changed_at: Optional[str]
    total: Number
    band_grade: Optional[str]
    complete: Optional[bool]
    submitted_at: Optional[str]
    grade: Optional[str]
    grade_reason: Optional[str]
    decree_number: Optional[str]
    decree_date: Optional[date]
    valid_until: Optional[date]
    version: int


class AnswerOut(Output):
    id: int
    indicator: str
    answer: Optional[str]
    source: Optional[str]
    evidence: Optional[str]
    evidence_ids: list[int]
    reason: Optional[str]
    username: Optional[str]
    role: Optional[str]
    at: Optional[str]


class AspectScoreOut(Output):
    code: str
    label: str
    weight: Number
    score: Number
    points: Number
    missing: list[str]


class ReasonOut(Output):
    reason: str
    username: Optional[str]
    role: Optional[str]
    at: Optional[str]


class ConflictOut(Output):
    indicator: str
    answer: Optional[str]
    registry_answer: Optional[str]
    registry_reason: Optional[str]
    reason: Optional[ReasonOut]


class AssessmentDetailOut(AssessmentOut):
    instrument_version: Optional[str]
    aspects: list[AspectScoreOut]
    missing: list[str]
    answers: dict[str, AnswerOut]
    actions: list[str]
    registry_conflicts: list[ConflictOut]


class EventOut(Output):
    id: int
    action: str
    from_state: Optional[str]
    to_state: Optional[str]
    note: Optional[str]
    username: Optional[str]
    role: Optional[str]
    at: Optional[str]
    total: Number
    band_grade: Optional[str]
    grade: Optional[str]


class CriterionOut(Output):
    criterion: str
    met: bool


class ClassRuleOut(Output):
    class_: Klass = Field(alias="class")
    criteria: list[CriterionOut]


class InstitutionClassOut(ClassRuleOut):
    institution_id: int
    institution_name: str
    grade: Optional[str]
    valid_until: Optional[date]
    referral_scope: Optional[str]
    provinces: int
    kabupaten_kota: int
    accreditation_expired: bool


class RegionTotalsOut(Output):
    code: str
    name: str
    lpks: int
    in_process: int
    expiring: int
    grades: dict[str, int]
    classes: dict[str, int]


class CompilationOut(Output):
    group: str
    date: date
    regions: list[RegionTotalsOut]
