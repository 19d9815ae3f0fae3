"""What the case records of several LPKS show on a date, for the standards evaluation of aspect g (Pasal 69: stages,
forms of rehabilitation, reintegration, companionship) — counted per LPKS in a fixed number of grouped statements."""
from __future__ import annotations

from datetime import date

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from accreditation import CaseProgramFacts
from lpks.cases.models import (
    CaseCompanion,
    CaseService,
    CaseStage,
    ChildCase,
    Reintegration,
)
from lpks.registry.models.staff import StaffMember
from lpks.rules.case_stages import Stage
from lpks.rules.companions import CompanionRole


def _completed(stage: Stage, as_of: date):
    return exists(select(CaseStage.id).where(CaseStage.case_id == ChildCase.id, CaseStage.stage == stage.value,
                                             CaseStage.completed_on.is_not(None), CaseStage.completed_on <= as_of))


def program_facts(session: Session, ids: list[int], as_of: date) -> dict[int, tuple[CaseProgramFacts, list[date]]]:
    """{LPKS id: (the counts, the later dates on which a count changes by itself)} for aspect g, in ONE grouped
    statement (every measure a FILTER over the LPKS's cases)."""
    if not ids:
        return {}
    due = and_(ChildCase.assessment_due.is_not(None), ChildCase.assessment_due <= as_of)
    planned = _completed(Stage.RENCANA, as_of)
    served = exists(select(CaseService.id).where(CaseService.case_id == ChildCase.id, CaseService.status == "done",
                                                 CaseService.done_on <= as_of))
    returned_row = select(Reintegration.id).where(Reintegration.case_id == ChildCase.id,
                                                  Reintegration.returned_on.is_not(None),
                                                  Reintegration.returned_on <= as_of)
    recorded = returned_row.where(Reintegration.monitored_on <= as_of, Reintegration.safe.is_(True),
                                  Reintegration.comfortable.is_(True), Reintegration.needs_met.is_(True),
                                  Reintegration.accepted.is_(True))
    trained = and_(StaffMember.sppa_training_date.is_not(None), StaffMember.sppa_training_date <= as_of,
                   or_(StaffMember.sppa_valid_until.is_(None), StaffMember.sppa_valid_until >= as_of))
    companion = exists(select(CaseCompanion.id).join(StaffMember, StaffMember.id == CaseCompanion.staff_member_id)
                       .where(CaseCompanion.case_id == ChildCase.id,
                              CaseCompanion.role == CompanionRole.PENDAMPING.value,
                              CaseCompanion.assigned_on <= as_of,
                              or_(CaseCompanion.ended_on.is_(None), CaseCompanion.ended_on > as_of), trained))
    is_open = or_(ChildCase.closed_on.is_(None), ChildCase.closed_on > as_of)
    counts = (due, and_(due, _completed(Stage.ASESMEN, as_of)), planned, and_(planned, served), exists(returned_row),
              exists(recorded), is_open, and_(is_open, companion))
    stmt = (select(ChildCase.institution_id, *[func.count().filter(c) for c in counts],
                   func.min(ChildCase.assessment_due).filter(ChildCase.assessment_due > as_of))
            .where(ChildCase.institution_id.in_(ids), ChildCase.opened_on <= as_of)
            .group_by(ChildCase.institution_id))
    found = {row[0]: row[1:] for row in session.execute(stmt)}
    result = {}
    for ident in ids:
        *numbers, next_due = found.get(ident, (0,) * 8 + (None,))
        result[ident] = (CaseProgramFacts(*[int(n) for n in numbers]), [next_due] if next_due else [])
    return result
