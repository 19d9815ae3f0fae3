"""Shared by the intake services: a Dinas Sosial case and its intake loaded in scope, the procedure's facts, the duty
check of the one policy, dates within the case, and the case's stage kept in step with the procedure."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from lpks.cases.models import CaseStage, ChildCase, Referral
from lpks.cases.services.common import load_case, new_record, stage_record, touch
from lpks.intake.models import (
    CaseIntake,
    CaseManagerReport,
    IntakeMonitoring,
    IntakeStep,
)
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.user import FUNCTION_DATA, FUNCTION_PEKSOS, FUNCTION_TKSK
from lpks.residents.services.common import holiday_set, rules, today
from lpks.rules.case_stages import STAGES, Stage
from lpks.rules.intake_flow import IntakeAction, IntakeFacts, stage_of
from lpks.rules.intake_flow import require as flow_require
from lpks.security import READ
from lpks.security.permissions import duty_holders, may_do_intake

__all__ = ["check_on", "function_labels", "facts", "holiday_set", "intake_of", "load", "require", "rules",
           "sync_stage", "today", "touch"]


def function_labels() -> dict[str, str]:
    """The functions of a Dinas Sosial user, translated."""
    return {FUNCTION_PEKSOS: _("Pekerja Sosial"), FUNCTION_TKSK: _("TKSK"),
            FUNCTION_DATA: _("Seksi Data dan Informasi")}


def intake_of(session: Session, case: ChildCase) -> CaseIntake | None:
    """The intake of a case the Dinas Sosial received (None for a case opened by an LPKS admission)."""
    return session.scalar(select(CaseIntake).where(CaseIntake.case_id == case.id))


def load(session: Session, user: Any, ident: Any, action: str = READ) -> tuple[ChildCase, CaseIntake]:
    """A Dinas Sosial case in the user's scope, with its intake (404 otherwise, as for a case out of scope)."""
    case = load_case(session, user, ident, action)
    intake = intake_of(session, case)
    if intake is None:
        raise NotFound(_("Kasus ini tidak diterima melalui laporan atau undangan Dinas Sosial."))
    return case, intake


def facts(session: Session, case: ChildCase, intake: CaseIntake) -> IntakeFacts:
    """What the case's records show, as lpks.rules.intake_flow reads them."""
    steps = frozenset(session.scalars(select(IntakeStep.step).where(IntakeStep.case_id == case.id)))
    report = session.scalar(select(CaseManagerReport).where(CaseManagerReport.case_id == case.id))
    goal = session.scalar(select(exists().where(IntakeMonitoring.case_id == case.id,
                                                IntakeMonitoring.goal_reached.is_(True))))
    referral = session.scalar(select(exists().where(Referral.case_id == case.id)))
    return IntakeFacts(channel=intake.channel, steps_done=steps, route=intake.route, goal_reached=bool(goal),
                       terminated=case.terminated_on is not None, report_written=report is not None,
                       report_filed=report is not None and report.filed_on is not None, has_referral=bool(referral),
                       handed_over=case.owner_region_code != intake.owner_region_code)


def require(session: Session, user: Any, case: ChildCase, intake: CaseIntake, duty: str,
            action: IntakeAction | None = None) -> IntakeFacts:
    """Refuse a duty the user's function or assignment does not allow (403) or a step out of the procedure's
    order (422); the facts otherwise."""
    if not may_do_intake(user, duty, case, intake):
        labels = function_labels()
        raise Forbidden(_("Tindakan ini dilakukan oleh %(who)s Dinas Sosial yang ditugaskan pada kasus ini.",
                          who=" / ".join(labels[f] for f in duty_holders(duty))))
    found = facts(session, case, intake)
    if action is not None:
        with rules("action"):
            flow_require(found, action)
    return found


def check_on(on: date, first: date, field: str, label: str) -> date:
    """A date between `first` (the receipt, or an earlier step) and today."""
    if on > today():
        raise ServiceError(_("%(label)s tidak boleh setelah hari ini.", label=label), field)
    if on < first:
        raise ServiceError(_("%(label)s tidak boleh sebelum %(first)s.", label=label, first=first.isoformat()), field)
    return on


def sync_stage(session: Session, user: Any, case: ChildCase, intake: CaseIntake, on: date) -> None:
    """Move the case to the stage the procedure has reached (lpks.rules.intake_flow.stage_of): each stage passed is
    completed on `on` by the user, the reached one opened (RULES §6 stages, §8 procedure)."""
    target = stage_of(facts(session, case, intake))
    current = Stage(case.stage)
    if target.index <= current.index:
        return
    for stage in STAGES[current.index:target.index]:
        if stage is Stage.RESOSIALISASI:  # the child stayed with the family: nothing to resocialise
            continue
        record = stage_record(session, case, stage) or new_record(CaseStage, case, stage=stage.value, opened_on=on)
        record.completed_on, record.completed_by_user_id = on, getattr(user, "id", None)
        touch(record)
        session.add(record)
    if stage_record(session, case, target) is None:
        session.add(new_record(CaseStage, case, stage=target.value, opened_on=on))
    case.stage = target.value
    touch(case)
    session.flush()
