"""Reads of the yearly reports: what a user may see (the policy's scope, drafts only to their own office), an office's
reports and the offices below it with what each has sent, and a report's figures (live for a draft, its frozen
snapshot otherwise: a submitted report never reads the live tables)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from lpks.platform.errors import Forbidden, NotFound
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE, Region
from lpks.platform.models.user import User
from lpks.reports.models import AnnualReport, AnnualReportPart
from lpks.reports.scope import Area, Period, area_name
from lpks.rules.reporting import Level, Relation, State, fiscal_year, relation
from lpks.security import READ, can, scope_clause
from lpks.security.areas import office_of


def office(user: Any) -> tuple[Level, str | None]:
    """The user's office (level, region code), or Forbidden for a role that writes no yearly report."""
    found = office_of(user)
    if found is None:
        raise Forbidden()
    return Level(found[0]), found[1]


def relation_to(user: Any, report: AnnualReport) -> Relation:
    """How the user's office stands to the report (own, directly above, other)."""
    found = office_of(user)
    return relation(report.level, report.region_code, found[0] if found else None, found[1] if found else None)


def visible(user: Any):
    """The reports the user sees: in the policy's scope, and a draft only by its own office."""
    found = office_of(user)
    if found is None:
        return false()
    level, code = found
    own = and_(AnnualReport.level == level,
               AnnualReport.region_code.is_(None) if code is None else AnnualReport.region_code == code)
    return and_(scope_clause(user, AnnualReport, READ), or_(own, AnnualReport.state != State.DRAFT.value))


def get(session: Session, user: Any, ident: int) -> AnnualReport:
    """One report the user may see, or 404 (exactly as for one that does not exist)."""
    report = session.get(AnnualReport, ident)
    if report is None or not can(user, READ, report) or (
            report.state == State.DRAFT.value and relation_to(user, report) is not Relation.OWN):
        raise NotFound()
    return report


def is_latest(session: Session, report: AnnualReport) -> bool:
    """No newer revision of the same office's report for the year exists."""
    newer = select(func.count()).select_from(AnnualReport).where(
        AnnualReport.year == report.year, AnnualReport.level == report.level,
        _same_region(report.region_code), AnnualReport.revision > report.revision)
    return not session.scalar(newer)


def _same_region(code: str | None):
    return AnnualReport.region_code.is_(None) if code is None else AnnualReport.region_code == code


def area_of(session: Session, report: AnnualReport) -> Area:
    """The area a report's figures cover: its kabupaten/kota, its province, or the nation."""
    return Area(report.level, report.region_code, area_name(session, report.level, report.region_code))


def period_of(report: AnnualReport, today) -> Period:
    """A yearly report's period: its fiscal year (Pasal 90 ayat 1)."""
    start, end = fiscal_year(report.year)
    return Period(start, end, today)


def offices_below(session: Session, level: Level, code: str | None) -> list[tuple[str, str]]:
    """(code, name) of the offices whose reports this office compiles: its kabupaten/kota, or the provinces."""
    below = level.below
    if below is None:
        return []
    stmt = select(Region.code, Region.name)
    if below is Level.KABKOTA:
        stmt = stmt.where(Region.level == LEVEL_KABKOTA, Region.province_code == code)
    else:
        stmt = stmt.where(Region.level == LEVEL_PROVINCE)
    return list(session.execute(stmt.order_by(Region.code)).all())


def revisions_below(session: Session, user: Any, level: Level, code: str | None, year: int) -> list[AnnualReport]:
    """Every submitted (or received) revision of the year's reports of the offices directly below, oldest first."""
    below = level.below
    if below is None:
        return []
    where = [AnnualReport.year == year, AnnualReport.level == below.value, AnnualReport.state != State.DRAFT.value,
             scope_clause(user, AnnualReport, READ)]
    if below is Level.KABKOTA:
        where.append(AnnualReport.region_code.like(f"{code}.%"))
    return list(session.scalars(select(AnnualReport).where(*where)
                                .order_by(AnnualReport.region_code, AnnualReport.revision)))


@dataclass
class BelowLine:
    """One office below: its latest submitted revision, its latest received one, or nothing yet."""

    code: str
    name: str
    latest: AnnualReport | None = None
    received: AnnualReport | None = None

    @property
    def status(self) -> str:
        if self.latest is None:
            return "missing"
        return self.latest.state


@dataclass
class Overview:
    """An office's reports of a year, and the offices below it with what each has sent."""

    year: int
    level: Level
    code: str | None
    name: str
    own: list[AnnualReport]
    below: list[BelowLine] = field(default_factory=list)

    @property
    def missing(self) -> list[BelowLine]:
        return [line for line in self.below if line.latest is None]


def below_lines(session: Session, user: Any, level: Level, code: str | None, year: int) -> list[BelowLine]:
    """The offices below with their latest submitted and latest received revision of the year."""
    lines = {c: BelowLine(c, n) for c, n in offices_below(session, level, code)}
    for report in revisions_below(session, user, level, code, year):
        line = lines.setdefault(report.region_code, BelowLine(report.region_code, report.region_code))
        line.latest = report
        if report.state == State.RECEIVED.value:
            line.received = report
    return list(lines.values())


def office_named(scope: str | None) -> tuple[Level | None, str | None]:
    """The office a `scope` parameter names ('nasional', a province code, a kabupaten/kota code); (None, None) for
    none given (the user's own)."""
    if not scope:
        return None, None
    if scope == "nasional":
        return Level.NATIONAL, None
    return (Level.KABKOTA if "." in scope else Level.PROVINCE), scope


def overview(session: Session, user: Any, year: int, level: Level | None = None, code: str | None = None) -> Overview:
    """The user's own office (or, for an office above, one office below it) for a year."""
    own_level, own_code = office(user)
    level, code = (own_level, own_code) if level is None else (level, code)
    if (level, code) != (own_level, own_code):
        # an office below the user's: its reports as the user sees them (submitted and received only)
        if relation(level, code, own_level, own_code) is not Relation.ABOVE and own_level is not Level.NATIONAL:
            raise NotFound()
    stmt = (select(AnnualReport).where(AnnualReport.year == year, AnnualReport.level == level.value,
                                       _same_region(code), visible(user))
            .order_by(AnnualReport.revision.desc()))
    own = list(session.scalars(stmt))
    return Overview(year, level, code, area_name(session, level.value, code), own,
                    below_lines(session, user, level, code, year))


def parts_of(session: Session, report: AnnualReport) -> list[AnnualReport]:
    """The lower reports compiled into a report, by region."""
    part = aliased(AnnualReport)
    return list(session.scalars(select(part).join(AnnualReportPart, AnnualReportPart.part_id == part.id)
                                .where(AnnualReportPart.report_id == report.id).order_by(part.region_code)))


def people(session: Session, *ids: int | None) -> dict[int, str]:
    """{user id: name} of the people named on a report (who drafted, compiled, submitted, received)."""
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {i: full or name for i, full, name in session.execute(
        select(User.id, User.full_name, User.username).where(User.id.in_(wanted)))}


def listing(user: Any, year: int | None = None, state: str | None = None, level: str | None = None):
    """SELECT of the reports the user sees, newest year first."""
    stmt = select(AnnualReport).where(visible(user))
    if year:
        stmt = stmt.where(AnnualReport.year == year)
    if state:
        stmt = stmt.where(AnnualReport.state == state)
    if level:
        stmt = stmt.where(AnnualReport.level == level)
    return stmt.order_by(AnnualReport.year.desc(), AnnualReport.level, AnnualReport.region_code,
                         AnnualReport.revision.desc())


__all__ = ["BelowLine", "Overview", "area_of", "below_lines", "get", "is_latest", "listing", "office", "office_named",
           "offices_below", "overview", "parts_of", "people", "period_of", "relation_to", "visible"]
