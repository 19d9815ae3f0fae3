"""Dashboard section of the case area (RULES §6): the LPKS's and its Dinas Sosial's overdue and upcoming case work,
from the one task source (lpks.cases.tasks). The two tiles are counted in one pass (FILTER) and read with every other
figure of the page; the table (per case manager for the LPKS, per LPKS for the Dinas Sosial) is one statement; each
tile and row opens the task list filtered to exactly what it counts."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.cases import tasks
from lpks.platform.dashboard import Figure, Section, Tile
from lpks.platform.models.user import ROLE_KABKOTA, ROLE_OPERATOR
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.residents.services.common import today
from lpks.rules.case_tasks import UPCOMING_WITHIN_DAYS

ROLES = (ROLE_OPERATOR, ROLE_KABKOTA)
ROWS = 10


def _link(due: str, **filters) -> str:
    return url_for("case_tasks.index_view", due=due, **filters)


def tasks_section(session: Session, user) -> Section | None:
    """Overdue and upcoming (≤ 7 days) case work: by case manager (LPKS) or by LPKS (Dinas Sosial)."""
    if user.role not in ROLES:
        return None
    day = today()
    source = tasks.source(user)
    figures = tasks.counts(source, day).subquery()
    section = Section(_("Tugas kasus anak"), tiles=[
        Tile(_("Terlambat"), Figure(figures.c.overdue, source=figures), url=_link("overdue"), level="danger",
             calm="secondary"),
        Tile(_("Jatuh tempo ≤ %(n)s hari", n=UPCOMING_WITHIN_DAYS), Figure(figures.c.upcoming, source=figures),
             url=_link("upcoming"), level="warning", calm="secondary")],
        empty=_("Tidak ada tugas kasus yang terlambat atau jatuh tempo."))
    conds = tasks.due_conditions(source, day)
    overdue = func.count().filter(conds["overdue"])
    upcoming = func.count().filter(conds["upcoming"])
    if user.role == ROLE_OPERATOR:
        section.header = (_("Manajer kasus"), _("Terlambat"), _("Jatuh tempo ≤ %(n)s hari", n=UPCOMING_WITHIN_DAYS))
        stmt = (select(source.c.manager_id, StaffMember.name, overdue, upcoming)
                .outerjoin(StaffMember, StaffMember.id == source.c.manager_id)
                .group_by(source.c.manager_id, StaffMember.name))
        key, none_label = "case_manager_id", _("Belum ada manajer kasus")
    else:
        section.header = (_("LPKS"), _("Terlambat"), _("Jatuh tempo ≤ %(n)s hari", n=UPCOMING_WITHIN_DAYS))
        stmt = (select(source.c.institution_id, Institution.name, overdue, upcoming)
                .outerjoin(Institution, Institution.id == source.c.institution_id)
                .group_by(source.c.institution_id, Institution.name))
        key, none_label = "institution_id", "-"
    stmt = stmt.having(func.count().filter(conds["overdue"] | conds["upcoming"]) > 0)
    for ident, name, late, soon in session.execute(stmt.order_by(overdue.desc(), upcoming.desc()).limit(ROWS)):
        section.rows.append((name or none_label, int(late), int(soon)))
        section.row_links.append(_link("overdue" if late else "upcoming", **{key: ident if ident is not None else 0}))
    return section


SECTIONS = [(21, tasks_section)]
