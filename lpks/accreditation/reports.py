"""Accreditation and class compilations by province and by kabupaten/kota, within the user's scope (Pasal 85 huruf h,
86 huruf f, 87 huruf f), and each role's queue and the accreditations that expire within 180 days."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from accreditation.workflow import (
    OPEN_STATES,
    QUEUES,
    STATE_LABELS,
    State,
    effective_state,
    expiring,
    expiry_horizon,
    valid_grade,
)
from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.accreditation.services import classes
from lpks.platform import clock
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.region import Region
from lpks.registry.models.institution import Institution
from lpks.security import READ
from lpks.security.access import scoped_select
from lpks.security.permissions import POLICY

GROUPS = ("provinsi", "kabupaten_kota")
GRADES = ("A", "B", "C", None)


@dataclass
class LpksLine:
    """One LPKS: where it is, its accreditation in force, its class and reason, its open assessment."""

    institution: Institution
    province: str
    kabkota: str
    grade: str | None
    valid_until: date | None
    decree_number: str | None
    klass: classes.ClassView
    open_state: str | None
    expiring: bool


@dataclass
class RegionLine:
    """Counts of one region."""

    code: str
    name: str
    total: int = 0
    grades: dict = field(default_factory=lambda: dict.fromkeys(GRADES, 0))
    classes: dict = field(default_factory=lambda: dict.fromkeys(GRADES, 0))
    in_process: int = 0
    expiring: int = 0


@dataclass
class Compilation:
    """A compilation: per region and per LPKS, on a date, grouped by province or kabupaten/kota."""

    group: str
    today: date
    regions: list[RegionLine]
    lpks: list[LpksLine]

    @property
    def totals(self) -> RegionLine:
        """The sum over every region."""
        total = RegionLine("", "")
        for line in self.regions:
            total.total += line.total
            total.in_process += line.in_process
            total.expiring += line.expiring
            for key in GRADES:
                total.grades[key] += line.grades[key]
                total.classes[key] += line.classes[key]
        return total


def check_group(value: str | None) -> str:
    """'provinsi' (default) or 'kabupaten_kota'."""
    value = (value or "provinsi").strip()
    if value not in GROUPS:
        raise ServiceError(_("Parameter 'group' harus salah satu dari: %(groups)s.", groups=', '.join(GROUPS)), "group")
    return value


def require_reader(user: Any, model: type = InstitutionClass) -> None:
    """Refuse a role the policy gives no read of accreditation data (the system administrator)."""
    if READ not in POLICY.get(model, {}).get(getattr(user, "role", None), {}):
        raise Forbidden()


def compile_report(session: Session, user: Any, group: str | None = None, today: date | None = None) -> Compilation:
    """Accreditation and class of every LPKS in the user's scope, grouped by region (the workbook; the page shows
    the regions from SQL aggregates and one page of LPKS: lpks.accreditation.recap)."""
    require_reader(user)
    group = check_group(group)
    today = today or clock.today()
    insts = list(session.scalars(scoped_select(user, Institution).order_by(Institution.province_code,
                                                                            Institution.kabkota_code, Institution.name)))
    lines = lpks_lines(session, insts, today)
    regions: dict[str, RegionLine] = {}
    for line in lines:
        inst = line.institution
        key = inst.province_code if group == "provinsi" else inst.kabkota_code
        region = regions.setdefault(key, RegionLine(key, line.province if group == "provinsi" else line.kabkota))
        region.total += 1
        region.grades[line.grade] += 1
        region.classes[line.klass.klass] += 1
        region.in_process += line.open_state is not None
        region.expiring += line.expiring
    return Compilation(group, today, sorted(regions.values(), key=lambda r: r.code), lines)


def lpks_lines(session: Session, insts: list[Institution], today: date) -> list[LpksLine]:
    """Each LPKS's accreditation in force, class and open assessment, in the order given."""
    ids = [i.id for i in insts]
    designations = classes.current_designations(session, ids)
    views = classes.effective(session, insts, today)
    open_states = dict(session.execute(select(Assessment.institution_id, Assessment.state).where(
        Assessment.institution_id.in_(ids), Assessment.state.in_([s.value for s in OPEN_STATES]))).all()) if ids else {}
    names = region_names(session, {i.province_code for i in insts} | {i.kabkota_code for i in insts})
    lines = []
    for inst in insts:
        d = designations.get(inst.id)
        grade = valid_grade(d.state, d.grade, d.valid_until, today) if d is not None else None
        grade = grade.value if hasattr(grade, "value") else grade
        lines.append(LpksLine(inst, names.get(inst.province_code, inst.province_code),
                              names.get(inst.kabkota_code, inst.kabkota_code), grade,
                              d.valid_until if grade else None, d.decree_number if d is not None else None,
                              views[inst.id], open_states.get(inst.id),
                              bool(grade) and expiring(d.valid_until, today)))
    return lines


def queue_select(user: Any):
    """The assessments waiting for the user's role, oldest step first."""
    states = [s.value for s in QUEUES.get(user.role, ())]
    return (scoped_select(user, Assessment).where(Assessment.state.in_(states))
            .order_by(Assessment.state_changed_at, Assessment.id))


def expiring_select(user: Any, today: date | None = None):
    """Designations in the user's scope whose validity ends within 180 days (soonest first)."""
    today = today or clock.today()
    return (scoped_select(user, Assessment).where(Assessment.state == State.DESIGNATED.value,
                                                  Assessment.valid_until >= today,
                                                  Assessment.valid_until <= expiry_horizon(today))
            .order_by(Assessment.valid_until, Assessment.id))


def named(stmt):
    """A SELECT of assessments with each one's LPKS name joined in, rows (assessment, name): one query, no N+1."""
    lpks = aliased(Institution)  # an alias: the scope subquery on Institution must not correlate with the join
    return stmt.join(lpks, lpks.id == Assessment.institution_id).add_columns(lpks.name)


def with_names(session: Session, stmt, limit: int | None = None) -> list[tuple[Assessment, str]]:
    """(assessment, LPKS name) for a SELECT of assessments."""
    stmt = stmt.limit(limit) if limit else stmt
    return [(a, name) for a, name in session.execute(named(stmt))]


def count(session: Session, stmt) -> int:
    """How many rows a SELECT returns."""
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def region_names(session: Session, codes) -> dict[str, str]:
    """{code: name} of some regions."""
    codes = [c for c in codes if c]
    return dict(session.execute(select(Region.code, Region.name).where(Region.code.in_(codes))).all()) if codes else {}


def state_name(state: str, valid_until: date | None = None) -> str:
    """A state's name in the user's language; a designation past its last day reads as expired."""
    from flask import has_request_context
    from flask_babel import get_locale

    label_id, label_en = STATE_LABELS[effective_state(state, valid_until, clock.today())]
    english = has_request_context() and str(get_locale() or "id") == "en"
    return label_en if english else label_id
