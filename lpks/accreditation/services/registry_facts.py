"""The registry (issue 3) answers what it can: its standards report pre-fills the instrument's indicators.

`registry_report` is THE one door to lpks.registry.services.standards (built by the registry): it imports it lazily and,
while its function is not there, evaluates the facts the Institution row alone gives.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from accreditation import (
    InstitutionFacts,
    Instrument,
    StandardsReport,
    evaluate,
    prefill_answers,
)
from lpks.platform import clock
from lpks.registry.models.institution import Institution


def _facts_from_institution(inst: Institution, as_of: date) -> InstitutionFacts:
    """Facts the Institution row alone can give (before the registry records exist; registrations are rows of
    their own, so this fallback reads the LPKS as not registered)."""
    names = ("formation_kind", "establishment_decree_number", "deed_number", "kemenkumham_decree_number",
             "designation_decree_number", "vision", "mission")
    values = {name: getattr(inst, name, None) for name in names}
    values = {k: v for k, v in values.items() if v not in (None, "")}
    programme = {f"program_{n}": bool((getattr(inst, f"program_{n}", None) or "").strip())
                 for n in ("rehabilitation_stages", "rehabilitation_forms", "reintegration", "companionship")}
    return InstitutionFacts(as_of=as_of, **values, **programme)


def registry_report(session: Session, inst: Institution, as_of: date | None = None) -> StandardsReport:
    """THE one door to the registry's standards evaluation (lpks.registry.services.standards, issue 3), with a fallback."""
    as_of = as_of or clock.today()
    try:
        from lpks.registry.services import standards
    except ImportError:
        standards = None
    reports_for = getattr(standards, "reports_for", None)
    if reports_for is not None:
        return reports_for(session, [inst], as_of)[inst.id]
    return evaluate(_facts_from_institution(inst, as_of))


def suggestions(instr: Instrument, report: StandardsReport) -> dict[str, tuple[str, str]]:
    """{indicator: (answer, where it comes from)} for every indicator the registry answers."""
    result = {}
    for code, answer in prefill_answers(instr, report).items():
        indicator = next(i for i in instr.indicators if i.code == code)
        parts = []
        for item_code in indicator.prefill:
            item = report.item(item_code)
            who = "temuan verifikator" if item.decided_by == "verifikator" else "dihitung dari registri"
            parts.append(f"{item.reason} ({who}, {item.pasal})")
        result[code] = (answer, "; ".join(parts))
    return result
