"""The procedure's path and route on a Dinas Sosial case (procedure steps 3–10): each step recorded with its facts
(the assessment and the case conference as the case's own records, Pasal 25), and the route decided by the rule
(age on the offence date and the offence), the case's stage following (RULES §6, §8)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.cases.models import (
    CaseAssessment,
    CaseConference,
    ChildCase,
    ConferenceParticipant,
)
from lpks.cases.services.common import new_record
from lpks.platform.validation import parse
from lpks.intake.models import CaseIntake, IntakeStep
from lpks.intake.schemas import RouteInput, StepInput
from lpks.intake.services.common import (
    check_on,
    require,
    rules,
    sync_stage,
    today,
    touch,
)
from lpks.platform.errors import Conflict
from lpks.residents.models.resident import Resident
from lpks.rules.intake import Step, decide_route
from lpks.rules.intake_flow import IntakeAction, check_route_decision, check_step
from lpks.rules.intake_steps import check_facts
from lpks.security.access import check_version

STEP_COLUMNS = ("place", "outcome", "mediator", "care_decision", "social_sanction", "police_unit", "report_number",
                "diversion_result", "recommendations")


def _last_step_on(session: Session, case: ChildCase, intake: CaseIntake):
    latest = session.scalar(select(func.max(IntakeStep.done_on)).where(IntakeStep.case_id == case.id))
    return latest or intake.received_on


def _assessment(session: Session, case: ChildCase, values: StepInput) -> None:
    session.add(new_record(CaseAssessment, case, assessed_on=values.done_on, problems=values.problems,
                           needs=values.needs, potentials=values.potentials, resources=values.resources,
                           recommendation=values.recommendation))


def _conference(session: Session, case: ChildCase, intake: CaseIntake, values: StepInput) -> None:
    conference = new_record(CaseConference, case, held_on=values.done_on, place=values.place,
                            conclusions=values.conclusions)
    session.add(conference)
    session.flush()
    for person in values.conference_participants or []:
        session.add(ConferenceParticipant(conference_id=conference.id, role=person.role, name=person.name,
                                          institution_id=case.institution_id,
                                          owner_region_code=case.owner_region_code))
    intake.conference_id = conference.id


def record_step(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> IntakeStep:
    """Record the next step of the channel's path or the route, with its facts (never a tick)."""
    facts = require(session, user, case, intake, "record_step", IntakeAction.RECORD_STEP)
    values = parse(StepInput, data)
    with rules():
        step = check_step(facts, values.step)
    if step.value in facts.steps_done:
        raise Conflict(_("Langkah ini sudah dicatat pada kasus ini."), "step")
    check_on(values.done_on, _last_step_on(session, case, intake), "done_on", _("Tanggal pelaksanaan"))
    with rules():
        check_facts(step, values.model_dump())
    if step is Step.PENDATAAN_ASESMEN:
        _assessment(session, case, values)
    elif step is Step.CASE_CONFERENCE:
        _conference(session, case, intake, values)
    row = IntakeStep(owner_region_code=intake.owner_region_code, case_id=case.id, step=step.value,
                     done_on=values.done_on, officer_user_id=user.id,
                     participants=",".join(values.participants or []) or None,
                     rehabilitation_forms=",".join(values.rehabilitation_forms or []) or None,
                     **{key: getattr(values, key) for key in STEP_COLUMNS})
    if step is Step.PENDATAAN_ASESMEN:
        row.outcome = values.recommendation
    elif step is Step.CASE_CONFERENCE:
        row.outcome = values.conclusions
    session.add(row)
    session.flush()
    sync_stage(session, user, case, intake, values.done_on)
    return row


def route(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> CaseIntake:
    """Decide the route once the channel's path is recorded: the rule gives it from the child's age on the offence
    date and the offence weighed (procedure steps 7–8); nobody picks it."""
    facts = require(session, user, case, intake, "decide_route", IntakeAction.DECIDE_ROUTE)
    values = parse(RouteInput, data)
    check_version(intake, values.version)
    with rules():
        check_route_decision(facts)
    on = check_on(values.decided_on or today(), _last_step_on(session, case, intake), "decided_on",
                  _("Tanggal keputusan rute"))
    child = session.get(Resident, case.resident_id)
    with rules():
        decision = decide_route(intake.channel, child.birth_date, child.offence_date, values.offence_severity)
    intake.offence_severity = values.offence_severity
    intake.route, intake.route_age, intake.route_reason = decision.route.value, decision.age, decision.reason_id
    intake.route_decided_on, intake.route_decided_by_user_id = on, user.id
    touch(intake)
    session.flush()
    sync_stage(session, user, case, intake, on)
    return intake
