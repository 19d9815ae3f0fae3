"""Shared by the case services: loading a case for an action the lifecycle allows, new records that take the case's
owner, staff of the case's LPKS, the task defaults, and the facts the stage rules read."""
from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.cases.models import (
    CaseAssessment,
    CaseConference,
    CasePlan,
    CaseService,
    CaseStage,
    CaseTaskSetting,
    ChildCase,
    FollowUpVisit,
    PlanNeed,
    Reintegration,
)
from lpks.cases.owner import copy_owner
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.staff import StaffMember
from lpks.registry.services.standards import staff_fact
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.services.common import locale_code, rules, today
from lpks.rules.case_lifecycle import CaseAction, allowed_actions
from lpks.rules.case_stages import Stage, StageFacts
from lpks.rules.case_tasks import TaskDefaults
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version, get_scoped
from lpks.security.permissions import case_actions_for

T = TypeVar("T")
__all__ = ["case_actions", "check_version", "facts", "load_case", "new_record", "require", "rules", "staff_member",
           "stage_record", "task_defaults", "today", "touch"]


def load_case(session: Session, user: Any, ident, action: str = READ) -> ChildCase:
    """A case in the user's scope (NotFound otherwise; Forbidden for a write the role may not make)."""
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        raise ServiceError(_("Kasus tidak ditemukan."), "case_id", status=404) from None
    return get_scoped(session, user, ChildCase, ident, action)


def case_actions(user: Any, case: ChildCase) -> frozenset[CaseAction]:
    """What the user may do on the case now: the stage's actions (the rules), if the case is the user's to write."""
    if not can(user, WRITE, case):
        return frozenset()
    return case_actions_for(user, case, allowed_actions(case.stage, getattr(user, "role", ""),
                                                        closed=case.closed_on is not None))


def require(user: Any, case: ChildCase, action: CaseAction) -> None:
    """Refuse an action the policy or the case's stage does not allow (403, or 422 naming the stage)."""
    if not can(user, WRITE, case):
        raise Forbidden()
    if action not in case_actions(user, case):
        stage = Stage(case.stage)
        if case.closed_on is not None:
            raise ServiceError(_("Kasus ini sudah ditutup; tidak ada lagi yang dapat dicatat."), "stage")
        raise ServiceError(_("Tindakan ini tidak tersedia pada tahap %(stage)s (%(pasal)s).",
                             stage=stage.label(locale_code()), pasal=stage.pasal), "stage")


def new_record(model: type[T], case: ChildCase, **values) -> T:
    """A record of the case, owned as the case is."""
    record = model(case_id=case.id, **values)
    copy_owner(case, record)
    return record


def touch(obj: Any) -> None:
    """Mark a record changed now."""
    obj.updated_at = utcnow()


def staff_member(session: Session, case: ChildCase, ident: Any, field: str) -> StaffMember:
    """A person of the staff register of the case's LPKS (the message names the field otherwise)."""
    member = session.get(StaffMember, ident) if ident is not None else None
    if member is None or case.institution_id is None or member.institution_id != case.institution_id:
        raise ServiceError(_("Petugas tidak terdaftar dalam daftar SDM LPKS pemilik kasus ini."), field)
    return member


def staff_state(member: StaffMember, day: date) -> tuple[bool, bool, bool]:
    """(certified, SPPA-trained, active) on `day`, read as the standards evaluation reads the register."""
    fact = staff_fact(member, day)
    return fact.certified_on(day), fact.sppa_trained_on(day), fact.active_on(day)


def task_defaults(session: Session) -> TaskDefaults:
    """The defaults of RULES §6 in force (the national user's row; the Reading's values when none)."""
    row = session.get(CaseTaskSetting, 1)
    if row is None:
        return TaskDefaults()
    return TaskDefaults(row.assessment_days, row.plan_days,
                        tuple(int(m) for m in row.follow_up_months.split(",") if m.strip()))


def stage_record(session: Session, case: ChildCase, stage: Stage | str) -> CaseStage | None:
    """The case's record of one stage."""
    return session.scalar(select(CaseStage).where(CaseStage.case_id == case.id, CaseStage.stage == str(stage)))


def _count(session: Session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def facts(session: Session, case: ChildCase, stage: Stage | str | None = None) -> StageFacts:
    """What the case's records show, as the stage rules read them."""
    stage = Stage(stage or case.stage)
    record = stage_record(session, case, stage)
    activities = frozenset(a for a in ((record.activities or "").split(",") if record else []) if a)
    plan = session.scalar(select(CasePlan).where(CasePlan.case_id == case.id))
    services = dict(session.execute(select(CaseService.status, func.count()).where(CaseService.case_id == case.id)
                                    .group_by(CaseService.status)).all())
    visits = dict(session.execute(select(FollowUpVisit.status, func.count()).where(FollowUpVisit.case_id == case.id)
                                  .group_by(FollowUpVisit.status)).all())
    resocialisation = stage_record(session, case, Stage.RESOSIALISASI)
    file_complete = case.origin != "penempatan_lpks" or _count(
        session, Placement, Placement.resident_id == case.resident_id, Placement.status == STATUS_PRESENT) > 0
    return StageFacts(
        activities=activities, has_case_manager=case.case_manager_id is not None, file_complete=file_complete,
        assessment_complete=_count(session, CaseAssessment, CaseAssessment.case_id == case.id) > 0,
        conference_held=_count(session, CaseConference, CaseConference.case_id == case.id) > 0,
        plan_agreed=plan is not None and plan.agreed_on is not None,
        plan_needs=_count(session, PlanNeed, PlanNeed.case_id == case.id),
        planned_services=_count(session, CaseService, CaseService.case_id == case.id, CaseService.in_plan.is_(True)),
        open_services=services.get("planned", 0), done_services=services.get("done", 0),
        resocialisation_result=bool(resocialisation and resocialisation.note and resocialisation.note.strip()),
        termination_reason=case.termination_reason,
        open_follow_ups=visits.get("planned", 0), done_follow_ups=visits.get("done", 0))


def reintegration_of(session: Session, case: ChildCase) -> Reintegration | None:
    """The case's reintegration record, if started."""
    return session.scalar(select(Reintegration).where(Reintegration.case_id == case.id))
