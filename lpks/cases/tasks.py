"""Tasks are derived, not typed (RULES §6): one SQL source of every dated item without completion — the assessment
and plan deadlines stored on open cases, planned services, agreed return dates, planned follow-up visits — read by
the case page, the case list, the task list and the dashboards, so each counts exactly what the others show."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, func, literal, select, union_all
from sqlalchemy.orm import Session

from lpks.cases.models import CaseService, ChildCase, FollowUpVisit, Reintegration
from lpks.rules.case_stages import Stage
from lpks.rules.case_tasks import TaskKind, TaskState, task_state, upcoming_window
from lpks.security import READ, scope_clause

COLUMNS = ("kind", "item_id", "case_id", "due_on", "manager_id", "institution_id")
EARLY = (Stage.PENDEKATAN_AWAL.value, Stage.ASESMEN.value)
DUE_NAMES = ("overdue", "upcoming")


def _part(kind: TaskKind, item, due, *where, join=None):
    columns = [literal(kind.value), item, ChildCase.id, due, ChildCase.case_manager_id, ChildCase.institution_id]
    stmt = select(*[c.label(n) for c, n in zip(columns, COLUMNS)])
    stmt = stmt.select_from(join).join(ChildCase, ChildCase.id == join.case_id) if join is not None else stmt
    return stmt.where(*where)


def source(user: Any, *case_filters):
    """The open tasks of the cases in the user's scope (and `case_filters` on ChildCase), as a subquery with
    COLUMNS; each part filters its own rows first (an index leads on its state and due date)."""
    cases = (scope_clause(user, ChildCase, READ), ChildCase.closed_on.is_(None), *case_filters)
    parts = (
        _part(TaskKind.ASSESSMENT, ChildCase.id, ChildCase.assessment_due, ChildCase.stage.in_(EARLY),
              ChildCase.assessment_due.is_not(None), *cases),
        _part(TaskKind.PLAN, ChildCase.id, ChildCase.plan_due, ChildCase.stage == Stage.RENCANA.value,
              ChildCase.plan_due.is_not(None), *cases),
        _part(TaskKind.SERVICE, CaseService.id, CaseService.due_on, CaseService.status == "planned", *cases,
              join=CaseService),
        _part(TaskKind.RETURN, Reintegration.id, Reintegration.agreed_return_on, Reintegration.returned_on.is_(None),
              Reintegration.agreed_return_on.is_not(None), *cases, join=Reintegration),
        _part(TaskKind.FOLLOW_UP, FollowUpVisit.id, FollowUpVisit.due_on, FollowUpVisit.status == "planned", *cases,
              join=FollowUpVisit),
    )
    return union_all(*parts).subquery("tasks")


def due_conditions(tasks, today: date) -> dict[str, Any]:
    """{name: condition} of the dashboard's tiles on the task source: overdue, upcoming within 7 days."""
    first, last = upcoming_window(today)
    return {"overdue": tasks.c.due_on < first, "upcoming": and_(tasks.c.due_on >= first, tasks.c.due_on <= last)}


def counts(tasks, today: date):
    """One row: how many tasks are overdue and upcoming (one pass, FILTER)."""
    return select(*[func.count().filter(cond).label(name) for name, cond in due_conditions(tasks, today).items()]
                  ).select_from(tasks)


def of_case(session: Session, user: Any, case: ChildCase, today: date) -> list[dict]:
    """The case's overdue and upcoming tasks, soonest first (RULES §6)."""
    tasks = source(user, ChildCase.id == case.id)
    conds = due_conditions(tasks, today)
    rows = session.execute(select(tasks).where(conds["overdue"] | conds["upcoming"])
                           .order_by(tasks.c.due_on, tasks.c.kind, tasks.c.item_id)).all()
    return [task_row(row, today) for row in rows]


def task_row(row, today: date) -> dict:
    """A task as the page and the API show it."""
    kind = TaskKind(row.kind)
    return {"kind": kind.value, "label": kind.label_id, "item_id": row.item_id, "case_id": row.case_id,
            "due_on": row.due_on, "state": task_state(row.due_on, None, today).value}


def counts_by_case(session: Session, user: Any, case_ids: list[int], today: date) -> dict[int, tuple[int, int]]:
    """{case id: (overdue, upcoming)} for a page of cases, in one statement."""
    if not case_ids:
        return {}
    tasks = source(user, ChildCase.id.in_(case_ids))
    conds = due_conditions(tasks, today)
    stmt = select(tasks.c.case_id, func.count().filter(conds["overdue"]), func.count().filter(conds["upcoming"])
                  ).group_by(tasks.c.case_id)
    return {case_id: (int(o), int(u)) for case_id, o, u in session.execute(stmt)}


def state_of(due_on: date, today: date) -> TaskState:
    """Overdue, upcoming or later (an open task)."""
    return task_state(due_on, None, today)


MAX_PER_PAGE = 100


def _number(args, name: str, default: int | None, low: int = 1, high: int | None = None) -> int | None:
    from flask_babel import gettext as _

    from lpks.platform.errors import ServiceError

    raw = args.get(name)
    if raw in (None, ""):
        return default
    if not str(raw).isdigit() or int(raw) < low or (high is not None and int(raw) > high):
        raise ServiceError(_("Parameter '%(name)s' harus bilangan bulat %(low)s sampai %(high)s.", name=name, low=low,
                             high=high or "…"), name)
    return int(raw)


def filters_of(args) -> tuple[str, list]:
    """The task list's filters from query arguments: due (overdue|upcoming), case_manager_id, institution_id."""
    from flask_babel import gettext as _

    from lpks.platform.errors import ServiceError

    due = args.get("due") or ""
    if due not in DUE_NAMES:
        raise ServiceError(_("Parameter 'due' harus salah satu dari: %(choices)s.", choices=", ".join(DUE_NAMES)), "due")
    case_filters = []
    if (manager := _number(args, "case_manager_id", None, low=0)) is not None:  # 0: cases without a manager
        case_filters.append(ChildCase.case_manager_id == manager if manager else ChildCase.case_manager_id.is_(None))
    if (institution := _number(args, "institution_id", None)) is not None:
        case_filters.append(ChildCase.institution_id == institution)
    return due, case_filters


def page(session: Session, user: Any, args, today: date) -> dict:
    """One page of the overdue or upcoming tasks in scope, soonest first, with the child's initials, the case manager
    and the LPKS: exactly the items the dashboard's tile of the same name counts."""
    from lpks.registry.models.institution import Institution
    from lpks.registry.models.staff import StaffMember
    from lpks.residents.models.resident import Resident

    due, case_filters = filters_of(args)
    number = _number(args, "page", 1)
    per_page = _number(args, "per_page", 20, high=MAX_PER_PAGE)
    tasks = source(user, *case_filters)
    condition = due_conditions(tasks, today)[due]
    total = session.scalar(select(func.count()).select_from(tasks).where(condition)) or 0
    stmt = (select(tasks, Resident.initials, Resident.register_number, StaffMember.name.label("manager"),
                   Institution.name.label("lpks"))
            .join(ChildCase, ChildCase.id == tasks.c.case_id).join(Resident, Resident.id == ChildCase.resident_id)
            .outerjoin(StaffMember, StaffMember.id == tasks.c.manager_id)
            .outerjoin(Institution, Institution.id == tasks.c.institution_id)
            .where(condition).order_by(tasks.c.due_on, tasks.c.case_id, tasks.c.kind, tasks.c.item_id)
            .limit(per_page).offset((number - 1) * per_page))
    items = [{**task_row(row, today), "child": f"{row.initials} · {row.register_number}", "case_manager": row.manager,
              "institution": row.lpks} for row in session.execute(stmt)]
    return {"items": items, "page": number, "per_page": per_page, "total": total, "due": due}
