"""Test data factories: a fully compliant LPKS, and small instruments whose totals are easy to reach."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from accreditation import (
    FACILITY_ITEMS,
    STAFF_FUNCTIONS,
    AnswerOption,
    Grade,
    GradeBand,
    Indicator,
    InstitutionFacts,
    Instrument,
    InstrumentAspect,
    RegistrationFact,
    StaffFact,
    CaseProgramFacts,
    FACILITY_ITEMS, STAFF_FUNCTIONS, AnswerOption, GradeBand, Grade, Indicator, InstitutionFacts, Instrument,
    InstrumentAspect, RegistrationFact, StaffFact,
)

AS_OF = date(2025, 6, 30)


def staff(function: str, **overrides) -> StaffFact:
    """An active, certified, SPPA-trained own staff member."""
    values = dict(function=function, active_from=date(2020, 1, 1), certified=True,
                  certificate_valid_until=date(2027, 1, 1), sppa_trained=True)
    values.update(overrides)
    return StaffFact(**values)


def compliant_facts(**overrides) -> InstitutionFacts:
    """An LPKS meeting every mandatory item of Pasal 52 ayat (4) computably (the manual one found by a verifier)."""
    facts = InstitutionFacts(
        as_of=AS_OF, formation_kind="masyarakat", deed_number="AKTA-12", kemenkumham_decree_number="AHU-0001",
        registrations=(RegistrationFact("dinsos_kabkota", "REG-7", date(2021, 3, 1), date(2026, 3, 1)),),
        designation_decree_number="KEP-MENSOS-1", vision="Anak pulih", mission="Rehabilitasi dan reintegrasi",
        has_pimpinan=True, has_bidang_administrasi=True, has_bidang_teknis=True,
        staff=tuple(staff(fn.code) for fn in STAFF_FUNCTIONS),
        facilities={item.code: "tersedia" for item in FACILITY_ITEMS},
        funding_sources_count=2, budget_plan_present=True, spending_records_present=True,
        accountability_report_present=True,
        cases=CaseProgramFacts(assessment_due=4, assessed=4, planned=3, served=3, returned=2, conditions_recorded=2,
                               open_cases=5, accompanied=5),
        verifier_findings={"c.pemahaman_rehsos": "terpenuhi"},
    )
    return dataclasses.replace(facts, **overrides)


def one_indicator_instrument(scores: dict[str, str], *, version: str = "uji-1", bands=None, validity=None) -> Instrument:
    """One aspect (weight 100), one indicator (max 100): the total equals the chosen answer's score."""
    answers = tuple(AnswerOption(code, code, Decimal(value)) for code, value in scores.items())
    aspect = InstrumentAspect("a", "Status lembaga", Decimal(100), (Indicator("a.1", "Uji", Decimal(100), answers),))
    return Instrument(version, (aspect,), bands or default_bands(), validity or {Grade.A: 5, Grade.B: 3, Grade.C: 2})


def default_bands() -> tuple[GradeBand, ...]:
    """RULES §3 default bands as half-open ranges."""
    return (GradeBand(Grade.A, 86, 100), GradeBand(Grade.B, 71, 86), GradeBand(Grade.C, 56, 71), GradeBand(None, 0, 56))
