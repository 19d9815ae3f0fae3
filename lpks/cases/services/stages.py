"""The stages of Pasal 18 ayat 1 on a case: activities recorded, a stage completed (date, author), the next one
opened with its due date (RULES §6), and termination (Pasal 33; early only for ayat 2 huruf b–d)."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import CaseService, CaseStage, ChildCase, FollowUpVisit, Referral
from lpks.cases.schemas import StageInput, TerminationInput
from lpks.cases.services.common import (
    check_version,
    facts,
    locale_code,
    new_record,
    reintegration_of,
    require,
    rules,
    staff_member,
    stage_record,
    task_defaults,
    today,
    touch,
)
from lpks.platform.validation import parse
from lpks.platform.errors import ServiceError
from lpks.rules.case_lifecycle import (
    CaseAction,
    check_stage_completion,
    check_termination,
    stage_after_termination,
)
from lpks.rules.case_stages import Stage, check_activities, next_stage
from lpks.rules.case_tasks import plan_due
from lpks.rules.reintegration import missing_conditions

CLOSED_NOTE = "Dibatalkan: kasus diterminasi"


def _author(session: Session, case: ChildCase, ident: int | None) -> int | None:
    if ident is not None:
        return staff_member(session, case, ident, "author_staff_id").id
    return case.case_manager_id


def _apply(record: CaseStage, stage: Stage, activities, note, sent: set[str]) -> None:
    if "activities" in sent:
        with rules("activities"):
            record.activities = ",".join(a.value for a in check_activities(stage, activities or [])) or None
    if "note" in sent:
        record.note = note


def _open(session: Session, case: ChildCase, stage: Stage, on: date) -> CaseStage:
    record = stage_record(session, case, stage)
    if record is None:
        record = new_record(CaseStage, case, stage=stage.value, opened_on=on)
        session.add(record)
    case.stage = stage.value
    return record


def _complete(session: Session, user: Any, case: ChildCase, record: CaseStage, on: date, author: int | None) -> None:
    record.completed_on = on
    record.author_staff_id = author
    record.completed_by_user_id = getattr(user, "id", None)
    touch(record)


def record(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CaseStage:
    """Record the current stage's activities and note; with `complete`, complete it and open the next stage."""
    values = parse(StageInput, data)
    stage = Stage(values.stage)
    require(user, case, CaseAction.COMPLETE_STAGE if values.complete else CaseAction.RECORD_ACTIVITIES)
    if stage.value != case.stage:
        current = Stage(case.stage)
        raise ServiceError(_("Kasus berada pada tahap %(stage)s; tahap lain tidak dapat dicatat sekarang "
                             "(Pasal 18 ayat 1: tahapan berurutan).", stage=current.label(locale_code())), "stage")
    if values.complete and stage is Stage.TERMINASI:
        raise ServiceError(_("Tahap terminasi diselesaikan dengan mencatat terminasi dan alasannya (Pasal 33)."),
                           "stage")
    current = stage_record(session, case, stage)
    if current is None:
        current = new_record(CaseStage, case, stage=stage.value, opened_on=case.opened_on)
        session.add(current)
    else:
        check_version(current, values.version)
    _apply(current, stage, values.activities, values.note, values.model_fields_set)
    touch(current)
    session.flush()
    if values.complete:
        on = values.completed_on or today()
        with rules():
            check_stage_completion(stage, facts(session, case, stage), on, current.opened_on, today())
        _complete(session, user, case, current, on, _author(session, case, values.author_staff_id))
        following = next_stage(stage)
        if following is None:  # bimbingan lanjut done: the case is closed
            case.closed_on = on
            _cancel_open(session, case)
        else:
            _open(session, case, following, on)
        if stage is Stage.ASESMEN:  # the plan is due N days after the assessment (RULES §6)
            case.plan_due = plan_due(on, task_defaults(session))
        touch(case)
        session.flush()
    return current


def _cancel_open(session: Session, case: ChildCase) -> None:
    """What was still planned when the case closes is cancelled: a closed case has no tasks."""
    for model in (CaseService, FollowUpVisit):
        for item in session.scalars(select(model).where(model.case_id == case.id, model.status == "planned")):
            item.status = "cancelled"
            if model is CaseService:
                item.cancel_reason = CLOSED_NOTE


def _returned_and_accepted(session: Session, case: ChildCase) -> bool:
    reintegration = reintegration_of(session, case)
    return (reintegration is not None and reintegration.returned_on is not None
            and not missing_conditions(safe=reintegration.safe, comfortable=reintegration.comfortable,
                                       needs_met=reintegration.needs_met, accepted=reintegration.accepted))


def terminate(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> ChildCase:
    """Terminate with a reason of Pasal 33 ayat 2 and the activities of ayat 3; completed rehabilitation goes on to
    bimbingan lanjut, the other reasons close the case and cancel what was still planned."""
    values = parse(TerminationInput, data)
    require(user, case, CaseAction.TERMINATE)
    check_version(case, values.version)
    on = values.terminated_on or today()
    has_referral = session.scalar(select(Referral.id).where(Referral.case_id == case.id)) is not None
    with rules():
        reason = check_termination(case.stage, values.reason, returned_and_accepted=_returned_and_accepted(
            session, case), has_referral=has_referral)
    opened = stage_record(session, case, Stage(case.stage))
    record = _open(session, case, Stage.TERMINASI, on)
    _apply(record, Stage.TERMINASI, values.activities, values.note, values.model_fields_set)
    case.termination_reason = reason.value
    session.flush()
    with rules():
        check_stage_completion(Stage.TERMINASI, facts(session, case, Stage.TERMINASI), on,
                               opened.opened_on if opened else case.opened_on, today())
    _complete(session, user, case, record, on, _author(session, case, values.author_staff_id))
    case.terminated_on = on
    following = stage_after_termination(reason)
    if following is None:
        case.closed_on = on
        _cancel_open(session, case)
    else:
        _open(session, case, following, on)
    touch(case)
    session.flush()
    return case
