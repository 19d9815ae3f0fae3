"""What the case records of several LPKS show on a date, for the standards evaluation of aspect g (Pasal 69: stages,
forms of rehabilitation, reintegration, companionship) — counted per LPKS in a fixed number of grouped statements."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from accreditation import CaseProgramFacts
from lpks.cases.models import CaseCompanion, CaseService, CaseStage, ChildCase, Reintegration
from lpks.registry.models.staff import StaffMember
from lpks.rules.case_stages import Stage
from lpks.rules.companions import CompanionRole


def _completed(stage: Stage, as_of: date):
    return exists(select(CaseStage.id).where(CaseStage.case_id == ChildCase.id, CaseStage.stage == stage.value,
                                             CaseStage.completed_on.is_not(None), CaseStage.completed_on <= as_of))


def _count(session: Session, ids: list[int], as_of: date, where, met) -> dict[int, tuple[int, int]]:
    stmt = (select(ChildCase.institution_id, func.count(), func.count().filter(met))
            .where(ChildCase.institution_id.in_(ids), ChildCase.opened_on <= as_of, where)
            .group_by(ChildCase.institution_id))
    return {ident: (int(total), int(done)) for ident, total, done in session.execute(stmt)}


def program_facts(session: Session, ids: list[int], as_of: date) -> dict[int, tuple[CaseProgramFacts, list[date]]]:
    """{LPKS id: (the counts, the later dates on which a count changes by itself)} for aspect g."""
    if not ids:
        return {}
    due = _count(session, ids, as_of, and_(ChildCase.assessment_due.is_not(None), ChildCase.assessment_due <= as_of),
                 _completed(Stage.ASESMEN, as_of))
    served = exists(select(CaseService.id).where(CaseService.case_id == ChildCase.id, CaseService.status == "done",
                                                 CaseService.done_on <= as_of))
    planned = _count(session, ids, as_of, _completed(Stage.RENCANA, as_of), served)
    returned_row = select(Reintegration.id).where(Reintegration.case_id == ChildCase.id,
                                                  Reintegration.returned_on.is_not(None),
                                                  Reintegration.returned_on <= as_of)
    recorded = returned_row.where(Reintegration.monitored_on <= as_of, Reintegration.safe.is_(True),
                                  Reintegration.comfortable.is_(True), Reintegration.needs_met.is_(True),
                                  Reintegration.accepted.is_(True))
    returned = _count(session, ids, as_of, exists(returned_row), exists(recorded))
    trained = and_(StaffMember.sppa_training_date.is_not(None), StaffMember.sppa_training_date <= as_of,
                   or_(StaffMember.sppa_valid_until.is_(None), StaffMember.sppa_valid_until >= as_of))
    companion = exists(select(CaseCompanion.id).join(StaffMember, StaffMember.id == CaseCompanion.staff_member_id)
                       .where(CaseCompanion.case_id == ChildCase.id,
                              CaseCompanion.role == CompanionRole.PENDAMPING.value,
                              CaseCompanion.assigned_on <= as_of,
                              or_(CaseCompanion.ended_on.is_(None), CaseCompanion.ended_on > as_of), trained))
    open_now = _count(session, ids, as_of, or_(ChildCase.closed_on.is_(None), ChildCase.closed_on > as_of), companion)
    later: dict[int, list[date]] = defaultdict(list)
    for ident, day in session.execute(select(ChildCase.institution_id, func.min(ChildCase.assessment_due))
                                      .where(ChildCase.institution_id.in_(ids), ChildCase.assessment_due > as_of)
                                      .group_by(ChildCase.institution_id)):
        later[ident].append(day)
    result = {}
    for ident in ids:
        (a_total, a_done), (p_total, p_done) = due.get(ident, (0, 0)), planned.get(ident, (0, 0))
        (r_total, r_done), (o_total, o_done) = returned.get(ident, (0, 0)), open_now.get(ident, (0, 0))
        result[ident] = (CaseProgramFacts(a_total, a_done, p_total, p_done, r_total, r_done, o_total, o_done),
                         later[ident])
    return result
