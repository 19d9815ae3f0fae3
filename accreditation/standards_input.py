"""Check and normalise InstitutionFacts: strings become enums, unknown codes are refused with every problem listed."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum

from .catalogue import STANDARD_ITEMS
from .catalogue_facilities import FACILITY_ITEMS_BY_CODE
from .catalogue_staff import STAFF_FUNCTIONS_BY_CODE
from .errors import AccreditationError, Problem
from .standards_facts import (
    Engagement, FacilityStatus, FormationKind, InstitutionFacts, ItemStatus, StaffFact, VerifierFinding,
)

_ITEM_CODES = frozenset(item.code for item in STANDARD_ITEMS)


def _enum(kind: type[Enum], value: object, field: str, problems: list[Problem]):
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        problems.append(Problem(field, f"Nilai '{value}' tidak dikenal; pilihan: {allowed}.",
                                f"Unknown value '{value}'; allowed: {allowed}."))
        return None


def _staff(facts: InstitutionFacts, problems: list[Problem]) -> tuple[StaffFact, ...]:
    result = []
    for index, person in enumerate(facts.staff):
        field = f"staff[{index}]"
        if person.function not in STAFF_FUNCTIONS_BY_CODE:
            problems.append(Problem(field, f"Fungsi tenaga '{person.function}' tidak dikenal.",
                                    f"Unknown staff function '{person.function}'."))
        if isinstance(person.engagement, Engagement):  # already normal: no copy (a large LPKS has 1,000+ staff)
            result.append(person)
            continue
        engagement = _enum(Engagement, person.engagement, f"{field}.engagement", problems)
        result.append(dataclasses.replace(person, engagement=engagement or Engagement.SENDIRI))
    return tuple(result)


def _facilities(facts: InstitutionFacts, problems: list[Problem]) -> dict[str, FacilityStatus]:
    result = {}
    for code, value in facts.facilities.items():
        if code not in FACILITY_ITEMS_BY_CODE:
            problems.append(Problem("facilities", f"Butir sarana '{code}' tidak dikenal.", f"Unknown facility '{code}'."))
            continue
        status = _enum(FacilityStatus, value, f"facilities.{code}", problems)
        if status is not None:
            result[code] = status
    return result


def _findings(facts: InstitutionFacts, problems: list[Problem]) -> dict[str, VerifierFinding]:
    result = {}
    for code, value in facts.verifier_findings.items():
        if code not in _ITEM_CODES:
            problems.append(Problem("verifier_findings", f"Butir standar '{code}' tidak dikenal.",
                                    f"Unknown standard item '{code}'."))
            continue
        finding = value if isinstance(value, VerifierFinding) else VerifierFinding(value)  # type: ignore[arg-type]
        status = _enum(ItemStatus, finding.status, f"verifier_findings.{code}", problems)
        if status is not None:
            result[code] = VerifierFinding(status, finding.note or "")
    return result


def normalise(facts: InstitutionFacts) -> InstitutionFacts:
    """Return the facts with enum values, or raise AccreditationError listing every problem."""
    problems: list[Problem] = []
    if not isinstance(facts.as_of, date):
        problems.append(Problem("as_of", "Tanggal penilaian wajib diisi.", "Assessment date is required."))
    kind = facts.formation_kind
    if kind is not None:
        kind = _enum(FormationKind, kind, "formation_kind", problems)
    count = facts.funding_sources_count
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        problems.append(Problem("funding_sources_count", "Jumlah sumber dana harus bilangan bulat 0 atau lebih.",
                                "Funding source count must be a whole number, 0 or more."))
        count = 0
    normalised = dataclasses.replace(
        facts, formation_kind=kind, staff=_staff(facts, problems), facilities=_facilities(facts, problems),
        verifier_findings=_findings(facts, problems), funding_sources_count=count,
    )
    if problems:
        raise AccreditationError.from_problems(problems)
    return normalised
