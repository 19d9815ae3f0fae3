"""Reads of the case area for pages and the API: a case with its stages and tasks, the list with its filters, and the
case's records; the child by initials and register number only (SPPA Pasal 19)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from lpks.cases import tasks as task_source
from lpks.cases.models import (
    CaseAssessment,
    CaseCompanion,
    CaseConference,
    CaseService,
    CaseStage,
    ChildCase,
    CompanionReport,
    ConferenceParticipant,
    FollowUpVisit,
    PlanNeed,
    SubstituteFamilySearch,
)
from lpks.cases.services.common import case_actions, facts, reintegration_of
from lpks.cases.services.plans import plan_of
from lpks.intake import queries as intake_queries
from lpks.registry.models.staff import StaffMember
from lpks.residents.models.resident import Resident
from lpks.residents.services.common import locale_code, today
from lpks.rules.case_lifecycle import unmet
from lpks.rules.case_stages import STAGES, Stage
from lpks.rules.companions import CompanionRole
from lpks.rules.rehab_services import ParticipantRole, ServiceForm
from lpks.rules.reintegration import missing_conditions
from lpks.residents import search as child_search
from lpks.security import READ, scope_clause


def _label(enum_type, value: str | None) -> str:
    try:
        return enum_type(value).label(locale_code())
    except ValueError:
        return value or "-"


def staff_ref(session: Session, ident: int | None) -> dict | None:
    """A person of the register as {id, name, function}."""
    member = session.get(StaffMember, ident) if ident else None
    return {"id": member.id, "name": member.name, "function": member.function} if member else None


def child_of(resident: Resident) -> dict:
    """The child as every list shows it."""
    return {"resident_id": resident.id, "register_number": resident.register_number, "initials": resident.initials,
            "kind": resident.kind, "sex": resident.sex}


def stages_of(session: Session, case: ChildCase) -> list[dict]:
    """The seven stages in order, with what is recorded of each; the current one lists what keeps it open."""
    records = {r.stage: r for r in session.scalars(select(CaseStage).where(CaseStage.case_id == case.id))}
    result = []
    for stage in STAGES:
        record = records.get(stage.value)
        current = stage.value == case.stage and case.closed_on is None and stage is not Stage.TERMINASI
        result.append({
            "stage": stage.value, "label": stage.label(locale_code()), "pasal": stage.pasal,
            "opened_on": record.opened_on if record else None, "completed_on": record.completed_on if record else None,
            "activities": [a for a in (record.activities or "").split(",") if a] if record else [],
            "note": record.note if record else None,
            "author": staff_ref(session, record.author_staff_id) if record else None,
            "version": record.version if record else None,
            "unmet": [text_id if not locale_code().startswith("en") else text_en
                      for text_id, text_en in unmet(stage, facts(session, case, stage))] if current else []})
    return result


def case_json(session: Session, user: Any, case: ChildCase) -> dict:
    """Everything the case page's head and the API detail show."""
    resident = session.get(Resident, case.resident_id)
    return {
        "id": case.id, "institution_id": case.institution_id, "owner_region_code": case.owner_region_code,
        "origin": case.origin, "case_number": case.case_number, "home_region_code": case.home_region_code,
        "child": child_of(resident), "case_manager": staff_ref(session, case.case_manager_id),
        "stage": case.stage, "stage_label": _label(Stage, case.stage), "opened_on": case.opened_on,
        "admitted_on": case.admitted_on, "assessment_due": case.assessment_due, "plan_due": case.plan_due,
        "termination_reason": case.termination_reason, "terminated_on": case.terminated_on,
        "closed_on": case.closed_on, "note": case.note, "stages": stages_of(session, case),
        "tasks": task_source.of_case(session, user, case, today()),
        "allowed_actions": sorted(a.value for a in case_actions(user, case)), "version": case.version,
        **intake_queries.case_fields(session, user, case)}


def list_select(user: Any, *, stage: str | None = None, manager: int | None = None, overdue: bool = False,
                search: str | None = None, institution: int | None = None, status: str | None = None,
                origin: str | None = None, service: str | None = None):
    """The cases in scope (newest first) with the list's filters: stage, case manager, overdue work, a search on the
    register number or initials, LPKS, open/closed; for the Dinas Sosial's cases (RULES §8) the channel and the
    service time (due, overdue: exactly what the dashboard tiles count)."""
    stmt = (select(ChildCase, Resident).join(Resident, Resident.id == ChildCase.resident_id)
            .where(scope_clause(user, ChildCase, READ)).order_by(ChildCase.id.desc()))
    if origin:
        stmt = stmt.where(ChildCase.origin == origin)
    if service:
        stmt = stmt.where(ChildCase.id.in_(intake_queries.service_case_ids(user, service, today())))
    if stage:
        stmt = stmt.where(ChildCase.stage == stage)
    if manager is not None:
        stmt = stmt.where(ChildCase.case_manager_id == manager)
    if institution is not None:
        stmt = stmt.where(ChildCase.institution_id == institution)
    if status == "open":
        stmt = stmt.where(ChildCase.closed_on.is_(None))
    elif status == "closed":
        stmt = stmt.where(ChildCase.closed_on.is_not(None))
    if search:  # register number, initials or LPKS name (lpks.residents.search), never the child's name
        stmt = stmt.where(child_search.clause(user, ChildCase, search))
    if overdue:
        tasks = task_source.source(user)
        stmt = stmt.where(exists(select(tasks.c.case_id).where(and_(tasks.c.case_id == ChildCase.id,
                                                                     tasks.c.due_on < today()))))
    return stmt


def rows(session: Session, user: Any, pairs: list) -> list[dict]:
    """A page of (case, resident) pairs as list rows, with their task counts (one statement for the page)."""
    counts = task_source.counts_by_case(session, user, [case.id for case, _r in pairs], today())
    managers = {m.id: m.name for m in session.scalars(select(StaffMember).where(
        StaffMember.id.in_({case.case_manager_id for case, _r in pairs if case.case_manager_id})))}
    intakes = intake_queries.row_fields(session, user, [case.id for case, _r in pairs])
    return [{"id": case.id, "institution_id": case.institution_id, "owner_region_code": case.owner_region_code,
             "child": child_of(resident), "stage": case.stage, "stage_label": _label(Stage, case.stage),
             "case_manager": managers.get(case.case_manager_id), "opened_on": case.opened_on,
             "closed_on": case.closed_on, "overdue": counts.get(case.id, (0, 0))[0],
             "upcoming": counts.get(case.id, (0, 0))[1], "origin": case.origin,
             **intake_queries.empty_fields(), **intakes.get(case.id, {})} for case, resident in pairs]


def assessments(session: Session, case: ChildCase) -> list[dict]:
    """The case's assessments, newest first."""
    return [{"id": a.id, "case_id": a.case_id, "assessed_on": a.assessed_on, "author": staff_ref(session, a.author_staff_id),
             "problems": a.problems, "needs": a.needs, "potentials": a.potentials, "resources": a.resources,
             "recommendation": a.recommendation}
            for a in session.scalars(select(CaseAssessment).where(CaseAssessment.case_id == case.id)
                                     .order_by(CaseAssessment.assessed_on.desc(), CaseAssessment.id.desc()))]


def conferences(session: Session, case: ChildCase) -> list[dict]:
    """The case conferences, newest first, with their participants."""
    result = []
    for c in session.scalars(select(CaseConference).where(CaseConference.case_id == case.id)
                             .order_by(CaseConference.held_on.desc(), CaseConference.id.desc())):
        people = session.scalars(select(ConferenceParticipant).where(ConferenceParticipant.conference_id == c.id)
                                 .order_by(ConferenceParticipant.id))
        result.append({"id": c.id, "case_id": c.case_id, "held_on": c.held_on, "place": c.place,
                       "conclusions": c.conclusions,
                       "participants": [{"role": p.role, "label": _label(ParticipantRole, p.role), "name": p.name}
                                        for p in people]})
    return result


def service_json(service: CaseService) -> dict:
    """A service with its form's label and Pasal, and its task state."""
    form = ServiceForm(service.form)
    state = "done" if service.status != "planned" else task_source.state_of(service.due_on, today()).value
    return {"id": service.id, "case_id": service.case_id, "form": form.value, "form_label": form.label(locale_code()),
            "pasal": form.pasal, "description": service.description, "provider": service.provider,
            "provider_staff_id": service.provider_staff_id, "in_plan": service.in_plan,
            "planned_on": service.planned_on, "due_on": service.due_on, "status": service.status, "state": state,
            "done_on": service.done_on, "outcome": service.outcome, "cancel_reason": service.cancel_reason,
            "referral_id": service.referral_id, "version": service.version}


def services(session: Session, case: ChildCase) -> list[dict]:
    """The case's services by due date."""
    return [service_json(s) for s in session.scalars(select(CaseService).where(CaseService.case_id == case.id)
                                                     .order_by(CaseService.due_on, CaseService.id))]


def plan(session: Session, case: ChildCase) -> dict:
    """The plan: needs by priority, the services chosen, the agreed date."""
    row = plan_of(session, case)
    needs = session.scalars(select(PlanNeed).where(PlanNeed.case_id == case.id).order_by(PlanNeed.priority))
    return {"case_id": case.id, "goal": row.goal if row else None, "agreed_on": row.agreed_on if row else None,
            "agreed_with": row.agreed_with if row else None,
            "needs": [{"priority": n.priority, "need": n.need} for n in needs],
            "services": [s for s in services(session, case) if s["in_plan"]], "version": row.version if row else None}


def reintegration(session: Session, case: ChildCase) -> dict:
    """The steps of Pasal 49 and which conditions of ayat 7 are still missing."""
    row = reintegration_of(session, case)
    keys = ("child_prepared_on", "child_preparation_note", "family_prepared_on", "family_kind", "agreed_return_on",
            "linkage_note", "returned_on", "received_by_relationship", "monitored_on", "monitoring_note", "safe",
            "comfortable", "needs_met", "accepted", "family_refused", "family_refused_on", "version")
    data = {key: getattr(row, key) for key in keys} if row else {"family_refused": False}
    held = {key: data.get(key) for key in ("safe", "comfortable", "needs_met", "accepted")}
    return {"case_id": case.id, **data, "missing_conditions": [c.value for c in missing_conditions(**held)]}


def searches(session: Session, case: ChildCase) -> list[dict]:
    """The substitute-family searches (Pasal 50)."""
    return [{"id": s.id, "case_id": s.case_id, "started_on": s.started_on, "candidate": s.candidate,
             "outcome": s.outcome, "ended_on": s.ended_on, "note": s.note, "version": s.version}
            for s in session.scalars(select(SubstituteFamilySearch).where(SubstituteFamilySearch.case_id == case.id)
                                     .order_by(SubstituteFamilySearch.id))]


def follow_ups(session: Session, case: ChildCase) -> list[dict]:
    """The follow-up visits in order, each with its task state."""
    return [{"id": v.id, "case_id": v.case_id, "sequence": v.sequence, "due_on": v.due_on, "status": v.status,
             "state": v.status if v.status != "planned" else task_source.state_of(v.due_on, today()).value,
             "visited_on": v.visited_on, "visitor_staff_id": v.visitor_staff_id, "findings": v.findings,
             "version": v.version}
            for v in session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id)
                                     .order_by(FollowUpVisit.sequence))]


def companions(session: Session, case: ChildCase) -> list[dict]:
    """Companions and volunteers with their reports."""
    reports: dict[int, list] = {}
    for r in session.scalars(select(CompanionReport).where(CompanionReport.case_id == case.id)
                             .order_by(CompanionReport.reported_on, CompanionReport.id)):
        reports.setdefault(r.companion_id, []).append(
            {"id": r.id, "companion_id": r.companion_id, "reported_on": r.reported_on, "summary": r.summary})
    result = []
    for c in session.scalars(select(CaseCompanion).where(CaseCompanion.case_id == case.id).order_by(CaseCompanion.id)):
        member = session.get(StaffMember, c.staff_member_id) if c.staff_member_id else None
        result.append({"id": c.id, "case_id": c.case_id, "role": c.role, "role_label": _label(CompanionRole, c.role),
                       "staff_member_id": c.staff_member_id, "name": member.name if member else (c.name or "-"),
                       "function": member.function if member else None, "assigned_on": c.assigned_on,
                       "ended_on": c.ended_on, "reports": reports.get(c.id, []), "version": c.version})
    return result


def defaults_json(row) -> dict:
    """The defaults of RULES §6 as the API and the settings page show them."""
    from lpks.rules.case_tasks import UPCOMING_WITHIN_DAYS

    return {"assessment_days": row.assessment_days, "plan_days": row.plan_days,
            "follow_up_months": [int(m) for m in row.follow_up_months.split(",") if m.strip()],
            "upcoming_within_days": UPCOMING_WITHIN_DAYS, "version": row.version}


def task_page(session: Session, user: Any, args) -> dict:
    """The task list behind the dashboard's tiles (lpks.cases.tasks.page) on today's date."""
    return task_source.page(session, user, args, today())


def audit_clauses(session: Session, case_ids: list[int]) -> list:
    """Audit-trail conditions naming the cases or any of their records (the case page's history and the child's
    processing history, UU 27/2022)."""
    from lpks.cases.models import CASE_RECORDS, Referral
    from lpks.platform.models.audit import AuditLog

    if not case_ids:
        return []

    def named(object_type: str, ids) -> Any:
        ids = [str(i) for i in ids]
        return and_(AuditLog.object_type == object_type, AuditLog.object_id.in_(ids)) if ids else None

    clauses = [named(ChildCase.__tablename__, case_ids)]
    conference_ids = list(session.scalars(select(CaseConference.id).where(CaseConference.case_id.in_(case_ids))))
    for model in (*CASE_RECORDS, Referral):
        if model is ConferenceParticipant:
            ids = session.scalars(select(model.id).where(model.conference_id.in_(conference_ids))) \
                if conference_ids else []
        else:
            ids = session.scalars(select(model.id).where(model.case_id.in_(case_ids)))
        clauses.append(named(model.__tablename__, list(ids)))
    return [clause for clause in clauses if clause is not None]


def history(session: Session, case: ChildCase, limit: int = 200) -> list[dict]:
    """Who created, changed, printed or revealed what of this case, newest first (field names, never values)."""
    from lpks.platform.models.audit import AuditLog

    stmt = (select(AuditLog).where(or_(*audit_clauses(session, [case.id])))
            .order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))
    return [{"at": row.at, "username": row.username, "role": row.role, "action": row.action,
             "object_type": row.object_type, "object_id": row.object_id,
             "fields": row.fields.split(",") if row.fields else []} for row in session.scalars(stmt)]
