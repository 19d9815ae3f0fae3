"""The class page, one page of LPKS at a time: the count and the figures per class come from SQL aggregates over
the whole scope, only the LPKS of the page are loaded and classified (2,000 LPKS nationally)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from lpks.accreditation.models import InstitutionClass
from lpks.accreditation.reports import GRADES, region_names, require_reader
from lpks.accreditation.services import classes
from lpks.platform import clock
from lpks.registry.models.institution import Institution
from lpks.security.access import scoped_select

PAGE_SIZE = 50


@dataclass
class ClassLine:
    """One LPKS of the page: where it is and its class today."""

    institution: Institution
    province: str
    kabkota: str
    klass: classes.ClassView


@dataclass
class ClassPage:
    """One page of the class list, with the count and the figures per class of the whole scope."""

    today: date
    page: int
    pages: int
    total: int
    per_class: dict
    lines: list[ClassLine]


def _scope_ids(user: Any):
    return scoped_select(user, Institution).with_only_columns(Institution.id).scalar_subquery()


def class_counts(session: Session, user: Any, today: date) -> dict[str | None, int]:
    """{class: LPKS} over the whole scope: the stored class, none where its accreditation has since expired (no
    class holds without a valid grade, Pasal 71–73 huruf a), and those never stored classified here."""
    counts = dict.fromkeys(GRADES, 0)
    stored = case((InstitutionClass.valid_until < today, None), else_=InstitutionClass.klass)
    rows = session.execute(select(stored, func.count()).where(InstitutionClass.institution_id.in_(_scope_ids(user)))
                           .group_by(stored)).all()
    for klass, n in rows:
        counts[klass] += n
    # Normally none: `recompute` stores every LPKS's class; a freshly made one is classified in memory.
    missing = list(session.scalars(scoped_select(user, Institution).where(
        ~Institution.id.in_(select(InstitutionClass.institution_id)))))
    for view in classes.effective(session, missing, today).values():
        counts[view.klass] += 1
    return counts


def class_page(session: Session, user: Any, page: Any = 1, per_page: int | None = None,
               today: date | None = None) -> ClassPage:
    """One page of the LPKS in scope (by province, kabupaten/kota, name) with their class today."""
    require_reader(user)
    today = today or clock.today()
    per_page = per_page or PAGE_SIZE
    per_class = class_counts(session, user, today)
    total = sum(per_class.values())  # every LPKS in scope has exactly one class (or none): no count query
    pages = max(1, -(-total // per_page))
    try:
        page = min(max(1, int(page)), pages)
    except (TypeError, ValueError):
        page = 1
    insts = list(session.scalars(scoped_select(user, Institution).order_by(Institution.province_code, Institution.kabkota_code,
                                               Institution.name, Institution.id)
                                 .limit(per_page).offset((page - 1) * per_page)))
    views = classes.effective(session, insts, today)
    names = region_names(session, {i.province_code for i in insts} | {i.kabkota_code for i in insts})
    lines = [ClassLine(i, names.get(i.province_code, i.province_code), names.get(i.kabkota_code, i.kabkota_code),
                       views[i.id]) for i in insts]
    return ClassPage(today, page, pages, total, per_class, lines)
