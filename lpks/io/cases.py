"""Excel export of the case list: initials and register numbers only (SPPA Pasal 19), audited as an export."""
from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from lpks.cases import tasks
from lpks.cases.models import ChildCase
from lpks.io.cells import neutralise_cell
from lpks.platform.services import audit
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.residents.services.common import today
from lpks.rules.case_stages import Stage
from lpks.rules.exits import ExitReason

HEADER = ("nomor_kasus", "nomor_register", "inisial", "jenis_abh", "lpks", "tahap", "manajer_kasus", "dibuka",
          "terminasi", "alasan_terminasi", "ditutup", "tugas_terlambat", "tugas_jatuh_tempo_7_hari")


def _cell(value: Any) -> Any:
    return neutralise_cell(value) if isinstance(value, str) else value


def export_cases(session: Session, user: Any, stmt: Select) -> io.BytesIO:
    """The cases `stmt` selects (a lpks.cases.queries.list_select, already scoped) as .xlsx; one "export" audit row."""
    cases = stmt.subquery()
    counts = tasks.source(user)
    conds = tasks.due_conditions(counts, today())
    per_case = (select(counts.c.case_id, *[func.count().filter(c).label(n)
                                           for n, c in conds.items()]).group_by(counts.c.case_id).subquery())
    rows = session.execute(
        select(cases.c.id, cases.c.register_number, cases.c.initials, cases.c.kind, Institution.name, cases.c.stage,
               StaffMember.name, cases.c.opened_on, cases.c.terminated_on, cases.c.termination_reason,
               cases.c.closed_on, per_case.c.overdue, per_case.c.upcoming)
        .outerjoin(Institution, Institution.id == cases.c.institution_id)
        .outerjoin(StaffMember, StaffMember.id == cases.c.case_manager_id)
        .outerjoin(per_case, per_case.c.case_id == cases.c.id).order_by(cases.c.id.desc())
        .execution_options(yield_per=2000))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("kasus")
    sheet.append(HEADER)
    for (ident, number, initials, kind, lpks, stage, manager, opened, terminated, reason, closed, overdue,
         upcoming) in rows:
        sheet.append([_cell(v) for v in (
            ident, number, initials, kind, lpks or "", Stage(stage).label_id, manager or "", opened, terminated,
            ExitReason(reason).label_id if reason else "", closed, overdue or 0, upcoming or 0)])
    audit.record(session, "export", ChildCase.__tablename__, None, ("xlsx",))
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream
