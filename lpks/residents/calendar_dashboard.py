"""The dashboard's calendar warning (RULES §5 Calendar coverage): every year an open titipan deadline in scope
touches, and this year and the next, that the holiday calendar does not hold."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import Integer, cast, extract, literal, select, union
from sqlalchemy.orm import Session

from lpks.platform.dashboard import Section, Tile
from lpks.platform.models.user import ROLE_ADMIN, ROLE_KEMENSOS
from lpks.residents.models.custody import PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.security import READ, scope_clause


def calendar_section(session: Session, user) -> Section | None:
    """A warning while a year the calendar does not hold is touched by an open titipan deadline in scope (start to
    last day, and the notice deadline), or is this year or the next: working days counted there are estimates
    (RULES §5 Calendar coverage). Kementerian Sosial's tile leads to the calendar, where it seeds or adds dates."""
    if user.role == ROLE_ADMIN:
        return None
    from lpks.platform.models.holiday import Holiday
    from lpks.platform.services.holidays import default_years

    def year_of(column):
        return cast(extract("year", column), Integer)

    open_periods = (select(CustodyPeriod.id).join(Placement, Placement.id == CustodyPeriod.placement_id)
                    .where(CustodyPeriod.status == PERIOD_OPEN, Placement.status == STATUS_PRESENT,
                           scope_clause(user, CustodyPeriod, READ)).subquery())
    touched = union(*(select(year_of(column).label("year")).where(CustodyPeriod.id.in_(select(open_periods.c.id)))
                      for column in (CustodyPeriod.start_date, CustodyPeriod.notice_deadline,
                                     CustodyPeriod.last_day)),
                    *(select(literal(year, Integer).label("year")) for year in default_years())).subquery()
    held = select(Holiday.id).where(year_of(Holiday.day) == touched.c.year)
    missing = list(session.scalars(select(touched.c.year).where(~held.exists()).order_by(touched.c.year)))
    if not missing:
        return None
    years = ", ".join(str(year) for year in missing)
    endpoint = "holiday.index_view" if user.role == ROLE_KEMENSOS else None
    return Section(_("Kalender hari libur belum lengkap"), tiles=[
        Tile(_("Tahun tanpa hari libur dalam kalender"), years, endpoint=endpoint, level="danger")],
        note=_("Tenggat surat pemberitahuan dihitung tanpa hari libur nasional dan cuti bersama sampai Kementerian "
                "Sosial mengisi kalender tahun %(years)s.", years=years))
