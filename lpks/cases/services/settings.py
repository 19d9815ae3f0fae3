"""The defaults of RULES §6 (assessment and plan deadlines, follow-up months): read by everyone, changed by the
national user; a change moves the due dates of the tasks still open, so every dashboard counts by the new rule."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import (
    CaseStage,
    CaseTaskSetting,
    ChildCase,
    FollowUpVisit,
    Reintegration,
)
from lpks.cases.schemas import TaskDefaultsInput
from lpks.cases.services.common import (
    check_version,
    new_record,
    rules,
    task_defaults,
    touch,
)
from lpks.platform.validation import parse
from lpks.platform.errors import Forbidden
from lpks.rules.case_stages import Stage
from lpks.rules.case_tasks import (
    assessment_due,
    check_defaults,
    follow_up_dates,
    plan_due,
)
from lpks.security import WRITE, can


def setting_row(session: Session) -> CaseTaskSetting:
    """The one row of defaults (made with the Reading's values if missing)."""
    row = session.get(CaseTaskSetting, 1)
    if row is None:
        row = CaseTaskSetting(id=1)
        session.add(row)
        session.flush()
    return row


def update(session: Session, user: Any, data: dict[str, Any]) -> CaseTaskSetting:
    """Change the defaults (Kementerian Sosial only), then move the open tasks' due dates."""
    values = parse(TaskDefaultsInput, data)
    row = setting_row(session)
    if not can(user, WRITE, row):
        raise Forbidden()
    check_version(row, values.version)
    with rules():
        defaults = check_defaults(values.assessment_days, values.plan_days, values.follow_up_months)
    row.assessment_days, row.plan_days = defaults.assessment_days, defaults.plan_days
    row.follow_up_months = ",".join(str(m) for m in defaults.follow_up_months)
    touch(row)
    session.flush()
    reschedule(session)
    return row


def reschedule(session: Session) -> int:
    """Due dates of open tasks recomputed with the defaults in force; returns how many records moved."""
    defaults, moved = task_defaults(session), 0
    early = (Stage.PENDEKATAN_AWAL.value, Stage.ASESMEN.value)
    for case in session.scalars(select(ChildCase).where(ChildCase.closed_on.is_(None), ChildCase.stage.in_(early),
                                                        ChildCase.admitted_on.is_not(None))):
        due = assessment_due(case.admitted_on, defaults)
        if case.assessment_due != due:
            case.assessment_due, moved = due, moved + 1
    assessed = (select(ChildCase, CaseStage.completed_on).join(CaseStage, CaseStage.case_id == ChildCase.id)
                .where(ChildCase.closed_on.is_(None), ChildCase.stage == Stage.RENCANA.value,
                       CaseStage.stage == Stage.ASESMEN.value, CaseStage.completed_on.is_not(None)))
    for case, completed_on in session.execute(assessed):
        due = plan_due(completed_on, defaults)
        if case.plan_due != due:
            case.plan_due, moved = due, moved + 1
    returned = (select(ChildCase, Reintegration.returned_on).join(Reintegration, Reintegration.case_id == ChildCase.id)
                .where(ChildCase.closed_on.is_(None), Reintegration.returned_on.is_not(None)))
    for case, returned_on in session.execute(returned):
        dates = follow_up_dates(returned_on, defaults)
        visits = {v.sequence: v for v in session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id))}
        for sequence, due in enumerate(dates, start=1):
            visit = visits.get(sequence)
            if visit is None:
                session.add(new_record(FollowUpVisit, case, sequence=sequence, due_on=due, status="planned"))
                moved += 1
            elif visit.status == "planned" and visit.due_on != due:
                visit.due_on, moved = due, moved + 1
        for sequence, visit in visits.items():
            if sequence > len(dates) and visit.status == "planned":
                visit.status, moved = "cancelled", moved + 1
    session.flush()
    return moved
