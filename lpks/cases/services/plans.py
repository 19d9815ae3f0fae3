"""The plan (Pasal 26 ayat 2: needs by priority, services and referrals chosen, agreed schedule) and the services of
Pasal 35 ayat 1: planned with a due date and a provider, then done (date, outcome) or cancelled."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import CasePlan, CaseService, ChildCase, PlanNeed
from lpks.cases.schemas import PlanInput, ServiceInput, ServiceUpdate
from lpks.cases.services.common import (
    check_version,
    new_record,
    require,
    rules,
    staff_member,
    today,
    touch,
)
from lpks.platform.validation import parse
from lpks.platform.errors import ServiceError
from lpks.rules.case_lifecycle import CaseAction
from lpks.rules.rehab_services import ServiceStatus, check_done, check_due


def plan_of(session: Session, case: ChildCase) -> CasePlan | None:
    """The case's plan, if written."""
    return session.scalar(select(CasePlan).where(CasePlan.case_id == case.id))


def save_plan(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CasePlan:
    """Write or revise the plan; needs sent replace the list (each priority once); the agreed date is not in the
    future (the dates of the services chosen then rule, RULES §6)."""
    values = parse(PlanInput, data)
    require(user, case, CaseAction.EDIT_PLAN)
    plan = plan_of(session, case)
    if plan is None:
        plan = new_record(CasePlan, case)
        session.add(plan)
    else:
        check_version(plan, values.version)
    sent = values.model_fields_set
    if "agreed_on" in sent and values.agreed_on is not None:
        if values.agreed_on > today():
            raise ServiceError(_("Tanggal kesepakatan rencana tidak boleh setelah hari ini."), "agreed_on")
        if values.agreed_on < case.opened_on:
            raise ServiceError(_("Tanggal kesepakatan rencana tidak boleh sebelum kasus dibuka."), "agreed_on")
    for key in ("goal", "agreed_on", "agreed_with"):
        if key in sent:
            setattr(plan, key, getattr(values, key))
    if "needs" in sent and values.needs is not None:
        priorities = [need.priority for need in values.needs]
        if len(set(priorities)) != len(priorities):
            raise ServiceError(_("Setiap prioritas kebutuhan hanya boleh dipakai sekali (Pasal 26 ayat 2 huruf a)."),
                               "needs")
        for old in session.scalars(select(PlanNeed).where(PlanNeed.case_id == case.id)):
            session.delete(old)  # through the ORM: each removal is audited
        session.flush()
        for need in sorted(values.needs, key=lambda n: n.priority):
            session.add(new_record(PlanNeed, case, priority=need.priority, need=need.need))
    touch(plan)
    session.flush()
    return plan


def add_service(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CaseService:
    """Plan a service of one form of Pasal 35 ayat 1: due date (not before today) and provider (a person of the
    register, or a named provider outside it)."""
    values = parse(ServiceInput, data)
    require(user, case, CaseAction.PLAN_SERVICE)
    provider = values.provider
    staff_id = None
    if values.provider_staff_id is not None:
        member = staff_member(session, case, values.provider_staff_id, "provider_staff_id")
        staff_id, provider = member.id, provider or member.name
    if not provider:
        raise ServiceError(_("Pelaksana layanan wajib diisi: pilih petugas LPKS atau tulis nama pelaksana."),
                           "provider")
    planned_on = today()
    with rules():
        due = check_due(values.due_on, planned_on)
    service = new_record(CaseService, case, form=values.form, description=values.description, provider=provider,
                         provider_staff_id=staff_id, in_plan=values.in_plan, planned_on=planned_on, due_on=due,
                         status=ServiceStatus.PLANNED.value)
    session.add(service)
    session.flush()
    return service


def update_service(session: Session, user: Any, service: CaseService, data: dict[str, Any]) -> CaseService:
    """Record a planned service done (date, outcome) or cancelled (reason)."""
    values = parse(ServiceUpdate, data)
    case = session.get(ChildCase, service.case_id)
    require(user, case, CaseAction.RECORD_SERVICE)
    check_version(service, values.version)
    if values.action == "done":
        with rules():
            check_done(service.status, values.done_on, values.outcome, service.planned_on, today())
        service.status, service.done_on, service.outcome = ServiceStatus.DONE.value, values.done_on, values.outcome
    else:
        if service.status != ServiceStatus.PLANNED.value:
            raise ServiceError(_("Hanya layanan yang masih direncanakan yang dapat dibatalkan."), "status")
        if not values.cancel_reason:
            raise ServiceError(_("Alasan pembatalan wajib diisi."), "cancel_reason")
        service.status, service.cancel_reason = ServiceStatus.CANCELLED.value, values.cancel_reason
    touch(service)
    session.flush()
    return service
