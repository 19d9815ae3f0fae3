"""Reads of Dinas Sosial case handling for pages and the API (RULES §8): a case's intake with its service time, path,
route, officers, monitoring, report and products; the fields the case list and detail add; complaints. The child by
initials only; the person who reported appears only in the audited identity."""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase, Referral
from lpks.intake.models import (
    CaseIntake,
    CaseManagerReport,
    CaseOfficer,
    IntakeMonitoring,
    IntakeProduct,
    IntakeStep,
    ServiceComplaint,
)
from lpks.intake.services.common import facts, function_labels
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.user import User
from lpks.residents.models.resident import Resident
from lpks.residents.services.common import holiday_set, locale_code, today
from lpks.rules.calendar import missing_years
from lpks.rules.exits import ExitReason
from lpks.rules.intake import (
    Channel,
    IntakeRoute,
    Reporter,
    Severity,
    Step,
    decide_route,
)
from lpks.rules.intake_flow import allowed_actions, next_step, path_of
from lpks.rules.intake_steps import CareDecision, DiversionResult, MeetingParticipant
from lpks.rules.rehab_services import ServiceForm
from lpks.rules.service_time import ComplaintChannel, ServiceState, service_time
from lpks.security import READ, can, scope_clause
from lpks.security.permissions import assignment_on, may_do_intake


def label(enum_type, value: str | None) -> str | None:
    """An enum value's label in the user's language (None stays None)."""
    if value is None:
        return None
    try:
        return enum_type(value).label(locale_code())
    except ValueError:
        return value


def empty_fields() -> dict:
    """The intake fields of a case the Dinas Sosial did not receive (an LPKS admission's case)."""
    return {"received_on": None, "service_deadline": None, "service_product_issued_on": None, "route": None,
            "days_taken": None, "service_state": None, "calendar_missing_years": []}


def time_fields(intake: CaseIntake, holidays, day=None) -> dict:
    """The service time of RULES §8 as the API and pages show it."""
    answer = service_time(intake.received_on, holidays, day or today(), intake.service_product_issued_on)
    return {"received_on": intake.received_on, "service_deadline": intake.service_deadline,
            "service_product_issued_on": intake.service_product_issued_on, "route": intake.route,
            "days_taken": intake.days_taken, "service_state": answer.state.value,
            "calendar_missing_years": list(answer.calendar_missing_years)}


def user_ref(session: Session, ident: int | None) -> dict | None:
    """An officer of the office as {id, name, function}."""
    user = session.get(User, ident) if ident else None
    return {"id": user.id, "name": user.full_name or user.username, "function": user.function} if user else None


def _step_json(session: Session, row: IntakeStep) -> dict:
    return {"id": row.id, "step": row.step, "label": label(Step, row.step), "pasal": Step(row.step).pasal,
            "done_on": row.done_on, "officer": user_ref(session, row.officer_user_id), "place": row.place,
            "participants": [p for p in (row.participants or "").split(",") if p],
            "participant_labels": [label(MeetingParticipant, p) for p in (row.participants or "").split(",") if p],
            "mediator": row.mediator, "outcome": row.outcome, "care_decision": row.care_decision,
            "care_label": label(CareDecision, row.care_decision),
            "rehabilitation_forms": [f for f in (row.rehabilitation_forms or "").split(",") if f],
            "rehabilitation_labels": [label(ServiceForm, f) for f in (row.rehabilitation_forms or "").split(",") if f],
            "social_sanction": row.social_sanction, "police_unit": row.police_unit,
            "report_number": row.report_number, "diversion_result": row.diversion_result,
            "diversion_label": label(DiversionResult, row.diversion_result), "recommendations": row.recommendations}


def intake_json(session: Session, user: Any, case: ChildCase, intake: CaseIntake) -> dict:
    """Everything the case page's procedure section and the API detail show of the intake."""
    found = facts(session, case, intake)
    done = {row.step: row for row in session.scalars(select(IntakeStep).where(IntakeStep.case_id == case.id))}
    officers = session.scalars(select(CaseOfficer).where(CaseOfficer.case_id == case.id).order_by(CaseOfficer.id))
    report = session.scalar(select(CaseManagerReport).where(CaseManagerReport.case_id == case.id))
    english = locale_code().startswith("en")
    reason = intake.route_reason
    if intake.route and english:
        child = session.get(Resident, case.resident_id)
        reason = decide_route(intake.channel, child.birth_date, child.offence_date, intake.offence_severity).reason_en
    functions = function_labels()
    nxt = next_step(found)
    return {
        "channel": intake.channel, "channel_label": label(Channel, intake.channel),
        "reporter_kind": intake.reporter_kind, "reporter_label": label(Reporter, intake.reporter_kind),
        "reporter_agency": intake.reporter_agency, "letter_number": intake.letter_number,
        "offence_severity": intake.offence_severity, "severity_label": label(Severity, intake.offence_severity),
        "route_label": label(IntakeRoute, intake.route), "route_age": intake.route_age, "route_reason": reason,
        "route_decided_on": intake.route_decided_on,
        "route_decided_by": user_ref(session, intake.route_decided_by_user_id),
        "path": [{"step": s.value, "label": s.label(locale_code()), "pasal": s.pasal, "done": s.value in done}
                 for s in path_of(found)],
        "next_step": nxt.value if nxt else None,
        "steps": [_step_json(session, done[s.value]) for s in Step if s.value in done],
        "officers": [{"id": o.id, "user": user_ref(session, o.user_id), "function": o.function,
                      "function_label": functions.get(o.function, o.function), "role": o.role,
                      "requested_by": user_ref(session, o.requested_by_user_id), "assigned_on": o.assigned_on,
                      "ended_on": o.ended_on, "version": o.version} for o in officers],
        "monitoring": [{"id": m.id, "monitored_on": m.monitored_on, "officer": user_ref(session, m.officer_user_id),
                        "care_note": m.care_note, "rehabilitation_note": m.rehabilitation_note,
                        "sanction_note": m.sanction_note, "findings": m.findings, "goal_reached": m.goal_reached}
                       for m in session.scalars(select(IntakeMonitoring).where(IntakeMonitoring.case_id == case.id)
                                                .order_by(IntakeMonitoring.monitored_on, IntakeMonitoring.id))],
        "report": {"written_on": report.written_on, "author": user_ref(session, report.author_user_id),
                   "summary": report.summary, "filed_on": report.filed_on, "archive_number": report.archive_number,
                   "filed_by": user_ref(session, report.filed_by_user_id), "version": report.version}
        if report else None,
        "products": [{"id": p.id, "kind": p.kind, "number": p.number, "issued_on": p.issued_on,
                      "issued_by": user_ref(session, p.issued_by_user_id), "referral_id": p.referral_id}
                     for p in session.scalars(select(IntakeProduct).where(IntakeProduct.case_id == case.id)
                                              .order_by(IntakeProduct.issued_on, IntakeProduct.id))],
        "referrals": [{"id": r.id, "receiver_name": r.receiver_name, "status": r.status, "sent_on": r.sent_on}
                      for r in session.scalars(select(Referral).where(Referral.case_id == case.id)
                                               .order_by(Referral.id))],
        "termination_label": label(ExitReason, case.termination_reason),
        "handed_over": found.handed_over, "assignment": assignment_on(user, case),
        "allowed_actions": sorted(a.value for a in allowed_actions(found)
                                  if may_do_intake(user, a.value, case, intake)),  # each action is its duty
        "version": intake.version}


def case_fields(session: Session, user: Any, case: ChildCase) -> dict:
    """What a case's detail adds for RULES §8: the service-time fields, and the intake (None for an LPKS case)."""
    intake = session.scalar(select(CaseIntake).where(CaseIntake.case_id == case.id))
    if intake is None or not can(user, READ, intake):  # an LPKS that took the case over reads its own records
        return {**empty_fields(), "intake": None}
    return {**time_fields(intake, holiday_set(session)), "intake": intake_json(session, user, case, intake)}


def row_fields(session: Session, user: Any, case_ids: list[int]) -> dict[int, dict]:
    """The service-time fields and the case manager of a page of cases (the intakes the user reads), in two
    statements."""
    if not case_ids:
        return {}
    intakes = list(session.scalars(select(CaseIntake).where(CaseIntake.case_id.in_(case_ids),
                                                            scope_clause(user, CaseIntake, READ))))
    if not intakes:
        return {}
    holidays = holiday_set(session)
    managers = dict(session.execute(select(CaseOfficer.case_id, User.full_name).join(
        User, User.id == CaseOfficer.user_id).where(CaseOfficer.case_id.in_([i.case_id for i in intakes]),
                                                    CaseOfficer.role == "manajer_kasus",
                                                    CaseOfficer.ended_on.is_(None))).all())
    return {i.case_id: {**time_fields(i, holidays), "case_manager": managers.get(i.case_id)} for i in intakes}


def complaint_json(session: Session, complaint: ServiceComplaint, holidays=None) -> dict:
    """A complaint with its due date and state (answered, due, overdue)."""
    if complaint.answered_on is not None:
        state = "answered"
    else:
        state = ServiceState.OVERDUE.value if today() > complaint.answer_due else ServiceState.DUE.value
    held = {day.year for day in (holidays if holidays is not None else holiday_set(session))}
    return {"id": complaint.id, "owner_region_code": complaint.owner_region_code, "channel": complaint.channel,
            "channel_label": label(ComplaintChannel, complaint.channel), "received_on": complaint.received_on,
            "subject": complaint.subject, "case_id": complaint.case_id, "answer_due": complaint.answer_due,
            "answer": complaint.answer, "answered_on": complaint.answered_on, "state": state,
            "calendar_missing_years": list(missing_years(complaint.received_on, complaint.answer_due, held)),
            "version": complaint.version}




SERVICE_FILTERS = ("due", "overdue", "estimate", "issued", "late")


def service_conditions(day) -> dict:
    """What the service-time tiles and lists count (RULES §8): a case still without its product and not terminated is
    due until its deadline and overdue after it; an issued product was on time or late."""
    running = and_(CaseIntake.service_product_issued_on.is_(None), ChildCase.terminated_on.is_(None),
                   ChildCase.owner_region_code == CaseIntake.owner_region_code)  # not handed to an LPKS
    held = select(func.extract("year", Holiday.day))
    return {"due": and_(running, CaseIntake.service_deadline >= day),
            "overdue": and_(running, CaseIntake.service_deadline < day),
            # the deadline is an estimate: a year it spans has no date in the calendar (RULES §5)
            "estimate": and_(running, or_(func.extract("year", CaseIntake.received_on).not_in(held),
                                          func.extract("year", CaseIntake.service_deadline).not_in(held))),
            "issued": CaseIntake.service_product_issued_on.is_not(None),
            "late": CaseIntake.service_product_issued_on > CaseIntake.service_deadline}


def service_case_ids(user: Any, service: str, day):
    """The ids of the cases in the user's scope whose service time is in `service` (a subquery)."""
    condition = service_conditions(day).get(service)
    if condition is None:
        return select(CaseIntake.case_id).where(false())
    return (select(CaseIntake.case_id).join(ChildCase, ChildCase.id == CaseIntake.case_id)
            .where(scope_clause(user, CaseIntake, READ), condition))


def complaint_conditions(day) -> dict:
    """What the complaint tiles and list count: unanswered within or past the answer's due date, answered."""
    open_ = ServiceComplaint.answered_on.is_(None)
    return {"due": and_(open_, ServiceComplaint.answer_due >= day),
            "overdue": and_(open_, ServiceComplaint.answer_due < day),
            "answered": ServiceComplaint.answered_on.is_not(None)}


def complaint_select(user: Any, *, state: str | None = None, channel: str | None = None):
    """The complaints in the user's scope, newest first, filtered by state and channel."""
    stmt = (select(ServiceComplaint).where(scope_clause(user, ServiceComplaint, READ))
            .order_by(ServiceComplaint.received_on.desc(), ServiceComplaint.id.desc()))
    if state in ("due", "overdue", "answered"):
        stmt = stmt.where(complaint_conditions(today())[state])
    if channel:
        stmt = stmt.where(ServiceComplaint.channel == channel)
    return stmt
