"""The SQL of the figures over the residents and registry tables: which rows a figure counts, grouped by LPKS and
category. Each builder takes the figure context and key and returns SELECTs of lpks.reports.sql.row columns, grouped
by the reader's row (Ctx.row_key: the province, the kabupaten/kota or the LPKS) so that a few thousand rows leave the
database at national scale. The placements and titipan periods of the period are read once each (CTEs) for every
figure over them."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    distinct,
    extract,
    func,
    literal,
    or_,
    select,
)

from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.registry.models.evaluation import StandardsEvaluation
from lpks.registry.models.institution import Institution
from lpks.reports.registry import SEP, Ctx, Shared, SharedPart
from lpks.reports.sql import day, day_number, larger, row, smaller
from lpks.residents.models.custody import CLOSED_NEXT_LEVEL, PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.placement import STATUS_PENDING, STATUS_PRESENT, Placement
from lpks.residents.models.resident import Resident
from lpks.rules import LegalBasis
from lpks.rules.reporting import AGE_GROUPS

DESIGNATED_STATES = ("designated", "expired", "superseded")  # accreditation.workflow.DECIDED_STATES


def _admitted():
    """Placements the child was admitted to (a pending placement is not yet a stay)."""
    return Placement.status != STATUS_PENDING


def _period_admitted():
    """A titipan period of an admitted placement: the few pending placements are excluded (cheaper than joining
    every placement)."""
    return CustodyPeriod.placement_id.not_in(select(Placement.id).where(Placement.status == STATUS_PENDING))


def _stays(ctx: Ctx):
    """Admitted placements with at least one day in the period."""
    period = ctx.period
    return and_(_admitted(), Placement.start_date <= period.end,
                or_(Placement.exit_date.is_(None), Placement.exit_date >= period.start))


def age_group_column():
    """The reporting age group of the child's age on the offence date (lpks.rules.reporting.AGE_GROUPS)."""
    age = Resident.age_at_offence
    whens = [((age <= high) if low is None else and_(age >= low, age <= high), code)
             for code, low, high in AGE_GROUPS]
    return case(*whens, else_="unknown")


def packed(dimensions) -> Any:
    """The values of several dimensions as one category text, joined by SEP (NULL as empty text)."""
    joined = None
    for column in dimensions:
        text = func.coalesce(cast(column, String), "")
        joined = text if joined is None else joined + SEP + text
    return joined


def stays(ctx: Ctx):
    """The admitted placements with a day in the period, read once for every figure over them (a CTE): children
    served, legal bases, exits, admissions by month, occupancy and court overstays all lie within this set."""
    return ctx.once("stays", lambda: select(
        Placement.id, Placement.resident_id, Placement.basis, Placement.status, Placement.start_date,
        Placement.exit_date, Placement.exit_reason, Placement.last_day,
        ctx.lpks_row().label("row"),
    ).join(Institution, Institution.id == Placement.institution_id).where(_stays(ctx), ctx.lpks()).cte("stays"))


def periods(ctx: Ctx):
    """The titipan periods of admitted placements that have a day in the period or a notice deadline in it, read
    once for the levels, the overstays and the notices (a CTE)."""
    period = ctx.period
    return ctx.once("periods", lambda: select(
        CustodyPeriod.id, CustodyPeriod.level, CustodyPeriod.start_date, CustodyPeriod.status, CustodyPeriod.closed_on,
        CustodyPeriod.closed_reason, CustodyPeriod.last_day, CustodyPeriod.notice_deadline,
        CustodyPeriod.notice_sent_on, ctx.lpks_row().label("row"),
    ).join(Institution, Institution.id == CustodyPeriod.institution_id).where(_period_admitted(), ctx.lpks(), or_(
        and_(CustodyPeriod.start_date <= period.end,
             or_(CustodyPeriod.status == PERIOD_OPEN, CustodyPeriod.closed_on >= period.start)),
        CustodyPeriod.notice_deadline.between(period.start, period.end))).cte("periods"))


def _children(ctx: Ctx, key: str, dimensions):
    """Children (distinct residents) with a stay in the period, grouped by every requested column of the child:
    each child has one value of each, so the counts of the finest groups add up exactly."""
    s = stays(ctx)
    stmt = (select(*row(key, s.c.row, packed(dimensions), func.count(distinct(Resident.id))))
            .select_from(s).join(Resident, Resident.id == s.c.resident_id))
    return [stmt.group_by(s.c.row, *dimensions)]


CHILDREN_SERVED = Shared("children_served", _children)


def children_by(column: Callable) -> SharedPart:
    """Children (distinct residents) with a stay in the period, grouped by a column of the child."""
    return SharedPart(CHILDREN_SERVED, column)


def placements_by_basis(ctx: Ctx, key: str):
    """Admitted placements with a day in the period, by legal basis (Pasal 9 ayat 1)."""
    s = stays(ctx)
    return [select(*row(key, s.c.row, s.c.basis, func.count(s.c.id))).group_by(s.c.row, s.c.basis)]


def periods_by_level(ctx: Ctx, key: str):
    """Titipan periods with a day in the period, by level of the legal process (Pasal 11 ayat 3)."""
    period, p = ctx.period, periods(ctx)
    return [select(*row(key, p.c.row, p.c.level, func.count(p.c.id)))
            .where(p.c.start_date <= period.end, or_(p.c.status == PERIOD_OPEN, p.c.closed_on >= period.start))
            .group_by(p.c.row, p.c.level)]


def exits_by_reason(ctx: Ctx, key: str):
    """Placements ended in the period, by exit or termination reason (Pasal 10–14, 33 ayat 2)."""
    period, s = ctx.period, stays(ctx)
    return [select(*row(key, s.c.row, s.c.exit_reason, func.count(s.c.id)))
            .where(s.c.exit_date.between(period.start, period.end), s.c.exit_reason.is_not(None))
            .group_by(s.c.row, s.c.exit_reason)]


def admissions_by_month(ctx: Ctx, key: str):
    """Placements admitted with a start date in the period, by month (YYYYMM)."""
    period, s = ctx.period, stays(ctx)
    month = extract("year", s.c.start_date) * 100 + extract("month", s.c.start_date)
    return [select(*row(key, s.c.row, month, func.count(s.c.id)))
            .where(s.c.start_date.between(period.start, period.end)).group_by(s.c.row, month)]


def admissions_by_year(years: int) -> Callable:
    """Placements admitted with a start date in each of the `years` calendar years ending with the period's last
    year (one range of the start-date index)."""
    def build(ctx: Ctx, key: str):
        last = ctx.period.end.year
        year = extract("year", Placement.start_date)
        where = ctx.lpks_row()
        return [select(*row(key, where, year, func.count(Placement.id)))
                .join(Institution, Institution.id == Placement.institution_id)
                .where(_admitted(), Placement.start_date.between(date(last - years + 1, 1, 1), date(last, 12, 31)),
                       ctx.lpks())
                .group_by(where, year)]
    return build


def occupancy(ctx: Ctx, key: str):
    """Children present on the reference date by sex, and the places (capacity) by sex."""
    day_, s = ctx.period.reference, stays(ctx)
    present = (select(*row(key, s.c.row, "present_" + Resident.sex, func.count(distinct(Resident.id))))
               .select_from(s).join(Resident, Resident.id == s.c.resident_id)
               .where(s.c.start_date <= day_, or_(s.c.exit_date.is_(None), s.c.exit_date > day_))
               .group_by(s.c.row, Resident.sex))
    where = ctx.lpks_row()
    places = [select(*row(key, where, literal(code), func.sum(column))).where(ctx.lpks()).group_by(where)
              for code, column in (("capacity_laki_laki", Institution.capacity_boys),
                                   ("capacity_perempuan", Institution.capacity_girls))]
    return [present, *places]


def _overstay_parts(ctx: Ctx, key: str, rows, first_uncovered, last_uncovered, prefix: str):
    """Overstays and their days within the period: uncovered days from `first_uncovered` to `last_uncovered`
    (day numbers), clipped to the period's days up to today; `rows` carries the reader's row."""
    period = ctx.period
    low = larger(first_uncovered, day(period.start))
    high = smaller(last_uncovered, day(period.last_counted))
    counted = select(rows.c.row).select_from(rows).where(high >= low)
    return [counted.with_only_columns(*row(key, rows.c.row, literal(prefix), func.count())).group_by(rows.c.row),
            counted.with_only_columns(*row(key, rows.c.row, literal(prefix + "_days"), func.sum(high - low + 1)))
            .group_by(rows.c.row)]


def overstays(ctx: Ctx, key: str):
    """Titipan periods and court placements with days past their last day while the child was held (RULES §5)."""
    period, today = ctx.period, day(ctx.period.today)
    p = periods(ctx)
    custody = select(p).where(p.c.last_day < period.last_counted,
                              or_(p.c.status == PERIOD_OPEN, p.c.closed_on >= period.start)).subquery()
    custody_end = case((custody.c.status == PERIOD_OPEN, today),
                       (custody.c.closed_reason == CLOSED_NEXT_LEVEL, day_number(custody.c.closed_on) - 1),
                       else_=day_number(custody.c.closed_on))
    s = stays(ctx)
    court = select(s).where(s.c.basis == LegalBasis.COURT_DECISION.value, s.c.last_day < period.last_counted,
                            or_(s.c.status == STATUS_PRESENT, s.c.exit_date >= period.start)).subquery()
    court_end = case((court.c.status == STATUS_PRESENT, today), else_=day_number(court.c.exit_date))
    return [*_overstay_parts(ctx, key, custody, day_number(custody.c.last_day) + 1, custody_end, "titipan"),
            *_overstay_parts(ctx, key, court, day_number(court.c.last_day) + 1, court_end, "court")]


def notices(ctx: Ctx, key: str):
    """Notices of the end of titipan whose deadline falls in the period: on time, late, or never sent while the
    child was still held after the deadline (Pasal 11 ayat 4)."""
    period, p = ctx.period, periods(ctx)
    sent, deadline = p.c.notice_sent_on, p.c.notice_deadline
    held = or_(p.c.status == PERIOD_OPEN, p.c.closed_on > deadline)
    status = case((sent <= deadline, "on_time"), (sent > deadline, "late"), else_="not_sent")
    return [select(*row(key, p.c.row, status, func.count(p.c.id)))
            .where(deadline.between(period.start, period.end), or_(sent.is_not(None), and_(deadline < period.today,
                                                                                          held)))
            .group_by(p.c.row, status)]


def lpks_standards(ctx: Ctx, key: str):
    """LPKS by the stored evaluation of their standards (Pasal 52–69)."""
    status = case((StandardsEvaluation.institution_id.is_(None), "not_evaluated"),
                  (StandardsEvaluation.unmet_mandatory == 0, "met"), else_="unmet")
    where = ctx.lpks_row()
    return [select(*row(key, where, status, func.count(Institution.id)))
            .outerjoin(StandardsEvaluation, StandardsEvaluation.institution_id == Institution.id)
            .where(ctx.lpks()).group_by(where, status)]


def lpks_grade(ctx: Ctx, key: str):
    """LPKS by the accreditation grade in force on the reference date (Pasal 56, 70)."""
    day_ = ctx.period.reference
    in_force = and_(Assessment.state.in_(DESIGNATED_STATES), Assessment.grade.in_(("A", "B", "C")),
                    Assessment.decree_date <= day_, Assessment.valid_until >= day_)
    latest = (select(Assessment.institution_id.label("iid"), func.max(Assessment.decree_date).label("decreed"))
              .where(in_force).group_by(Assessment.institution_id).subquery())
    grades = (select(Assessment.institution_id.label("iid"), func.min(Assessment.grade).label("grade"))
              .join(latest, and_(latest.c.iid == Assessment.institution_id,
                                 latest.c.decreed == Assessment.decree_date))
              .where(in_force).group_by(Assessment.institution_id).subquery())
    grade = func.coalesce(grades.c.grade, "none")
    where = ctx.lpks_row()
    return [select(*row(key, where, grade, func.count(Institution.id)))
            .outerjoin(grades, grades.c.iid == Institution.id)
            .where(ctx.lpks()).group_by(where, grade)]


def lpks_class(ctx: Ctx, key: str):
    """LPKS by their stored class (Pasal 70–73), when its accreditation is still valid on the reference date."""
    day_ = ctx.period.reference
    klass = case((and_(InstitutionClass.klass.is_not(None),
                       or_(InstitutionClass.valid_until.is_(None), InstitutionClass.valid_until >= day_)),
                  InstitutionClass.klass), else_="none")
    where = ctx.lpks_row()
    return [select(*row(key, where, klass, func.count(Institution.id)))
            .outerjoin(InstitutionClass, InstitutionClass.institution_id == Institution.id)
            .where(ctx.lpks()).group_by(where, klass)]
