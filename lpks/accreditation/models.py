"""Accreditation (Pasal 56, 70–73, 85–87): instrument versions, assessments, their answers and workflow events.

Instrument versions, answers and events are append-only (a guard in lpks.accreditation.services.hooks refuses
changes): an assessment keeps the version it was scored with, and every step keeps who, when and why.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, Numeric, Text
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, utcnow, version_column

# Module-level, not a class attribute: pydantic would deep-copy a private Column on every instance.
_ASSESSMENT_VERSION = version_column()


class AccreditationInstrument(SQLModel, table=True):
    """One published version of the accreditation instrument, stored whole as JSON rows (never changed)."""

    __tablename__ = "accreditation_instrument"

    id: Optional[int] = Field(default=None, primary_key=True)
    version: str = text_field(40, nullable=False, unique=True, index=True)
    rows_json: str = Field(sa_type=Text, nullable=False)
    note: Optional[str] = text_field(500)
    based_on_id: Optional[int] = Field(default=None, foreign_key="accreditation_instrument.id",
                                       ondelete="RESTRICT", index=True)
    created_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    created_by: Optional[str] = text_field(80)
    created_at: datetime = created_field()

    def __str__(self) -> str:
        return self.version


class Assessment(SQLModel, table=True):
    """One accreditation of one LPKS, from self-assessment to designation (state in accreditation.workflow)."""

    __tablename__ = "accreditation_assessment"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _ASSESSMENT_VERSION}
    __table_args__ = (Index("ix_accreditation_assessment_institution_state", "institution_id", "state"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    instrument_id: int = Field(foreign_key="accreditation_instrument.id", ondelete="RESTRICT", index=True)
    state: str = text_field(20, default="draft", nullable=False, index=True)
    state_changed_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True),
                                       nullable=False, index=True)
    # Running score with the pinned instrument (accreditation.score), refreshed on every answer change.
    total: Decimal = Field(default=Decimal("0.00"), sa_type=Numeric(5, 2), nullable=False)
    band_grade: Optional[str] = text_field(1)
    complete: bool = Field(default=False, nullable=False)
    started_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    submitted_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    # Designation (Pasal 56, 85 huruf e): set once, by Kemensos.
    grade: Optional[str] = text_field(1, index=True)
    grade_reason: Optional[str] = Field(default=None, sa_type=Text)
    decree_number: Optional[str] = text_field(100)
    decree_date: Optional[date] = Field(default=None, sa_type=Date, index=True)
    valid_until: Optional[date] = Field(default=None, sa_type=Date, index=True)
    designated_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    designated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    version: int = Field(default=1, sa_column=_ASSESSMENT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"Penilaian #{self.id}"


class AssessmentAnswer(SQLModel, table=True):
    """One answer given to one indicator; the latest row per indicator counts, earlier ones stay."""

    __tablename__ = "accreditation_answer"
    __table_args__ = (Index("ix_accreditation_answer_assessment_indicator", "assessment_id", "indicator_code"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="accreditation_assessment.id", ondelete="RESTRICT", index=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    indicator_code: str = text_field(80, nullable=False)
    answer_code: Optional[str] = text_field(40)
    source: str = text_field(12, nullable=False)  # registry | self | verifier
    evidence: Optional[str] = Field(default=None, sa_type=Text)
    # JSON list of the LPKS's evidence_document ids chosen for this answer (kept on the append-only row).
    evidence_ids: Optional[str] = Field(default=None, sa_type=Text)
    reason: Optional[str] = Field(default=None, sa_type=Text)
    user_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    username: Optional[str] = text_field(80)
    role: Optional[str] = text_field(20)
    at: datetime = created_field()


class AssessmentEvent(SQLModel, table=True):
    """One workflow step: who, when, why, from which state to which, and the score at that moment."""

    __tablename__ = "accreditation_event"

    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="accreditation_assessment.id", ondelete="RESTRICT", index=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    action: str = text_field(30, nullable=False, index=True)
    from_state: Optional[str] = text_field(20)
    to_state: str = text_field(20, nullable=False)
    note: Optional[str] = Field(default=None, sa_type=Text)
    user_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    username: Optional[str] = text_field(80)
    role: Optional[str] = text_field(20)
    at: datetime = created_field()
    total: Optional[Decimal] = Field(default=None, sa_type=Numeric(5, 2))
    band_grade: Optional[str] = text_field(1)
    grade: Optional[str] = text_field(1)
    snapshot: Optional[str] = Field(default=None, sa_type=Text)  # JSON: answers and aspect scores at this step


class InstitutionClass(SQLModel, table=True):
    """The class (typology, Pasal 70–73) of one LPKS as last computed, with its inputs and criteria (JSON)."""

    __tablename__ = "institution_class"

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", unique=True, index=True)
    klass: Optional[str] = text_field(1, index=True)
    grade: Optional[str] = text_field(1)
    valid_until: Optional[date] = Field(default=None, sa_type=Date, index=True)
    assessment_id: Optional[int] = Field(default=None, foreign_key="accreditation_assessment.id",
                                         ondelete="RESTRICT", index=True)
    referral_scope: str = text_field(20, nullable=False)
    provinces: int = Field(default=0, nullable=False)
    kabupaten_kota: int = Field(default=0, nullable=False)
    criteria: str = Field(sa_type=Text, nullable=False)
    reason: Optional[str] = text_field(40)
    computed_at: datetime = created_field()


class AssessmentConflictReason(SQLModel, table=True):
    """A reviewer's recorded reason for carrying forward an answer the registry's own evaluation contradicts
    (RULES §3 Registry conflicts); append-only, it holds for the answer it names."""

    __tablename__ = "accreditation_conflict_reason"
    __table_args__ = (Index("ix_accreditation_conflict_assessment_indicator", "assessment_id", "indicator_code"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="accreditation_assessment.id", ondelete="RESTRICT", index=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    indicator_code: str = text_field(80, nullable=False)
    answer_code: str = text_field(40, nullable=False)
    registry_answer: str = text_field(40, nullable=False)
    reason: str = Field(sa_type=Text, nullable=False)
    user_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    username: Optional[str] = text_field(80)
    role: Optional[str] = text_field(20)
    at: datetime = created_field()
