"""The accreditation recap page: the figures per region from SQL aggregates over the whole scope (one statement, no
LPKS loaded), and one page of LPKS with their accreditation and class (the national list is 2,000–6,000 LPKS)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from accreditation.workflow import OPEN_STATES, expiry_horizon
from lpks.accreditation.models import Assessment
from lpks.accreditation.models import InstitutionClass as IC
from lpks.accreditation.reports import (
    Compilation,
    LpksLine,
    RegionLine,
    check_group,
    lpks_lines,
    region_names,
    require_reader,
)
from lpks.platform import clock
from lpks.registry.models.institution import Institution
from lpks.security.access import scoped_select

PAGE_SIZE = 50


@dataclass
class RecapPage(Compilation):
    """The compilation's regions and one page of its LPKS."""

    page: int = 1
    pages: int = 1
    total: int = 0


def region_lines(session: Session, user: Any, group: str, today: date) -> list[RegionLine]:
    """Counts per region of the LPKS in scope: by the grade and class stored for each (none once the accreditation
    has ended), with an assessment in process, and ending within 180 days."""
    key = Institution.province_code if group == "provinsi" else Institution.kabkota_code
    valid = or_(IC.valid_until.is_(None), IC.valid_until >= today)
    grade = case((valid, IC.grade), else_=None)
    klass = case((valid, IC.klass), else_=None)
    open_ids = select(Assessment.institution_id).where(Assessment.state.in_([s.value for s in OPEN_STATES]))
    in_process = case((Institution.id.in_(open_ids), 1), else_=0)
    ending = case((and_(IC.grade.is_not(None), IC.valid_until.between(today, expiry_horizon(today))), 1), else_=0)
    stmt = (scoped_select(user, Institution).outerjoin(IC, IC.institution_id == Institution.id)
            .with_only_columns(key, grade, klass, in_process, ending, IC.institution_id.is_(None), func.count())
            .group_by(key, grade, klass, in_process, ending, IC.institution_id.is_(None)))
    regions: dict[str, RegionLine] = {}
    missing: list[str] = []
    for code, g, k, busy, end, unstored, n in session.execute(stmt):
        if unstored:  # normally none: every LPKS's class is stored when its records change
            missing.append(code)
            continue
        region = regions.setdefault(code, RegionLine(code, code))
        region.total += n
        region.grades[g] += n
        region.classes[k] += n
        region.in_process += n * busy
        region.expiring += n * end
    if missing:
        _add_unstored(session, user, group, today, regions)
    names = region_names(session, regions)
    for region in regions.values():
        region.name = names.get(region.code, region.code)
    return sorted(regions.values(), key=lambda r: r.code)


def _add_unstored(session: Session, user: Any, group: str, today: date, regions: dict[str, RegionLine]) -> None:
    insts = list(session.scalars(scoped_select(user, Institution).where(
        ~Institution.id.in_(select(IC.institution_id)))))
    for line in lpks_lines(session, insts, today):
        code = line.institution.province_code if group == "provinsi" else line.institution.kabkota_code
        region = regions.setdefault(code, RegionLine(code, code))
        region.total += 1
        region.grades[line.grade] += 1
        region.classes[line.klass.klass] += 1
        region.in_process += line.open_state is not None
        region.expiring += line.expiring


def recap_page(session: Session, user: Any, group: str | None = None, page: Any = 1, per_page: int = PAGE_SIZE,
               today: date | None = None) -> RecapPage:
    """The regions of the user's scope, and page `page` of its LPKS (by province, kabupaten/kota, name)."""
    require_reader(user)
    group = check_group(group)
    today = today or clock.today()
    regions = region_lines(session, user, group, today)
    total = sum(r.total for r in regions)
    pages = max(1, -(-total // per_page))
    try:
        page = min(max(1, int(page)), pages)
    except (TypeError, ValueError):
        page = 1
    insts = list(session.scalars(scoped_select(user, Institution).order_by(
        Institution.province_code, Institution.kabkota_code, Institution.name, Institution.id)
        .limit(per_page).offset((page - 1) * per_page)))
    lines: list[LpksLine] = lpks_lines(session, insts, today)
    return RecapPage(group, today, regions, lines, page, pages, total)
