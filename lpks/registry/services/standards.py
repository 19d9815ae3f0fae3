"""The standards report of an LPKS: its registry records become accreditation.InstitutionFacts, the verifier's
findings in force are added, and accreditation.evaluate decides. No standards rule lives here."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import (
    Engagement,
    InstitutionFacts,
    StaffFact,
    StandardsReport,
    VerifierFinding,
    evaluate,
)
from accreditation.findings import RoundFindings, findings_in_force
from accreditation.registry_catalogue import POSITION_FACTS, reporting_years
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification
from lpks.registry.services.common import today
from lpks.registry.services.registrations import facts_by_institution
from lpks.registry.services.verification import final_findings
from lpks.security.access import get_scoped


@dataclass
class StandardsView:
    """A report with what the screen, the print, the workbook and the API show around it."""

    institution: Institution
    report: StandardsReport
    sources: dict[str, RoundFindings] = field(default_factory=dict)  # item code → round its finding comes from
    rounds: list[Verification] = field(default_factory=list)  # final rounds, newest first


def _filled(value: str | None) -> bool:
    return bool(value and value.strip())


def _active(since: date | None, until: date | None, day: date) -> bool:
    return (since is None or since <= day) and (until is None or day <= until)


ENGAGEMENTS = {member.value: member for member in Engagement}  # an unknown code stays text: normalise reports it


def _staff_fact(s, as_of: date) -> StaffFact:
    return StaffFact(
        function=s.function, active_from=s.active_from, active_until=s.active_until,
        certified=_filled(s.certification_number) and (s.certification_date is None or s.certification_date <= as_of),
        certificate_valid_until=s.certification_valid_until,
        sppa_trained=s.sppa_training_date is not None and s.sppa_training_date <= as_of,
        sppa_valid_until=s.sppa_valid_until, engagement=ENGAGEMENTS.get(s.engagement, s.engagement))


def _by_institution(session: Session, model: type, ids: list[int], *where) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in session.scalars(select(model).where(model.institution_id.in_(ids), *where)):
        grouped[row.institution_id].append(row)
    return grouped


# Staff are the many rows of a large LPKS: read as plain rows of the columns the evaluation uses, not as objects.
STAFF_COLUMNS = ("institution_id", "function", "engagement", "active_from", "active_until", "certification_number",
                 "certification_date", "certification_valid_until", "sppa_training_date", "sppa_valid_until")


def _staff_by_institution(session: Session, ids: list[int]) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    columns = [getattr(StaffMember, name) for name in STAFF_COLUMNS]
    for row in session.execute(select(*columns).where(StaffMember.institution_id.in_(ids))):
        grouped[row.institution_id].append(row)
    return grouped


def holds_through(as_of: date, dates) -> date:
    """The last day an evaluation made on `as_of` stays true if no record changes. Every date rule compares a
    recorded date with the day (`x <= day` turns at x, `day <= x` at x + 1) or takes the day's year, so the result
    can first change on the earliest recorded date after `as_of`, the day after one on `as_of`, or on 1 January."""
    through = date(as_of.year, 12, 31)
    for day in dates:
        if day is not None and day >= as_of:
            through = min(through, max(as_of, day - timedelta(days=1)))
    return through


def _dates(staff, positions, reports, registrations, rounds):
    """Every recorded date the evaluation compares with the day (see holds_through)."""
    for s in staff:
        yield from (s.active_from, s.active_until, s.certification_date, s.certification_valid_until,
                    s.sppa_training_date, s.sppa_valid_until)
    for p in positions:
        yield from (p.since, p.until)
    for r in reports:
        yield r.report_submitted_on
    for r in registrations:
        yield from (r.issued_on, r.valid_until)
    for r, _rows in rounds:
        yield r.visit_date


def facts_for_many(session: Session, institutions: list[Institution], as_of: date, horizon: bool = False
                   ) -> dict[int, tuple[InstitutionFacts, dict[str, RoundFindings], list[Verification], date | None]]:
    """Facts, finding sources, final rounds and (with `horizon`) the last day the facts hold (holds_through) of
    several LPKS, in a fixed number of queries."""
    ids = [inst.id for inst in institutions]
    if not ids:
        return {}
    staff = _staff_by_institution(session, ids)
    facilities = _by_institution(session, FacilityRecord, ids)
    positions = _by_institution(session, OrganisationPosition, ids)
    sources = _by_institution(session, FundingSource, ids, FundingSource.year == as_of.year)
    reports = _by_institution(session, FinancialReport, ids, FinancialReport.year.in_(reporting_years(as_of)))
    registrations = facts_by_institution(session, ids)
    rounds = final_findings(session, ids)
    result = {}
    for inst in institutions:
        held = {p.position for p in positions[inst.id] if _active(p.since, p.until, as_of) and _filled(p.holder_name)}
        yearly = reports[inst.id]
        final = [(r, rows) for r, rows in rounds.get(inst.id, []) if r.visit_date <= as_of]
        in_force, origin = findings_in_force(
            RoundFindings(r.id, r.number, r.visit_date,
                          {f.item_code: VerifierFinding(f.status, f.note or "") for f in rows})
            for r, rows in final)
        facts = InstitutionFacts(
            as_of=as_of, formation_kind=inst.formation_kind or None,
            establishment_decree_number=inst.establishment_decree_number or "", deed_number=inst.deed_number or "",
            kemenkumham_decree_number=inst.kemenkumham_decree_number or "",
            registrations=registrations[inst.id],
            designation_decree_number=inst.designation_decree_number or "",
            vision=inst.vision or "", mission=inst.mission or "",
            **{fact: code in held for code, fact in POSITION_FACTS.items()},
            staff=tuple(_staff_fact(s, as_of) for s in staff[inst.id]),
            facilities={f.item_code: f.status for f in facilities[inst.id]},
            funding_sources_count=len(sources[inst.id]),
            budget_plan_present=any(r.budget_plan for r in yearly),
            spending_records_present=any(r.spending_records for r in yearly),
            accountability_report_present=any(r.report_submitted_on is not None and r.report_submitted_on <= as_of
                                              for r in yearly),
            program_rehabilitation_stages=_filled(inst.program_rehabilitation_stages),
            program_rehabilitation_forms=_filled(inst.program_rehabilitation_forms),
            program_reintegration=_filled(inst.program_reintegration),
            program_companionship=_filled(inst.program_companionship),
            verifier_findings=in_force,
        )
        ordered = sorted((r for r, _rows in final), key=lambda r: (r.visit_date, r.number), reverse=True)
        through = holds_through(as_of, _dates(staff[inst.id], positions[inst.id], yearly, registrations[inst.id],
                                              rounds.get(inst.id, []))) if horizon else None
        result[inst.id] = (facts, origin, ordered, through)
    return result


def view_for(session: Session, inst: Institution, as_of: date | None = None) -> StandardsView:
    """The standards report of one LPKS already in the caller's scope."""
    as_of = as_of or today()
    facts, origin, rounds, _through = facts_for_many(session, [inst], as_of)[inst.id]
    return StandardsView(inst, evaluate(facts), origin, rounds)


def report_for(session: Session, user: Any, institution_id, as_of: date | None = None) -> StandardsView:
    """The standards report of an LPKS in the user's scope (NotFound otherwise)."""
    inst = get_scoped(session, user, Institution, institution_id)
    return view_for(session, inst, as_of)


def reports_for(session: Session, institutions: list[Institution], as_of: date | None = None
                ) -> dict[int, StandardsReport]:
    """Reports of many LPKS (dashboards, list exports), batched."""
    as_of = as_of or today()
    return {ident: evaluate(facts) for ident, (facts, _o, _r, _t) in facts_for_many(session, institutions, as_of).items()}


def evaluations(session: Session, institutions: list[Institution], as_of: date
                ) -> dict[int, tuple[StandardsReport, date]]:
    """Reports of many LPKS with the last day each holds without a change of records (the stored evaluation)."""
    return {ident: (evaluate(facts), through)
            for ident, (facts, _o, _r, through) in facts_for_many(session, institutions, as_of, horizon=True).items()}
