"""The area and period of a set of figures: parsed from `scope`, `from` and `to`, and allowed by the one policy."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import false, select, true
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.dates import parse_date
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE, Region
from lpks.registry.models.institution import Institution
from lpks.rules.reporting import FIRST_YEAR, fiscal_year
from lpks.security.areas import (
    AREA_KABKOTA,
    AREA_LPKS,
    AREA_NATIONAL,
    AREA_PROVINCE,
    home_area,
    may_read_area,
)

MAX_YEARS = 10


@dataclass(frozen=True)
class Area:
    """The nation, a province, a kabupaten/kota or one LPKS; `name` as the reader sees it."""

    kind: str
    code: str | int | None
    name: str

    @property
    def param(self) -> str:
        """The `scope` parameter naming this area."""
        if self.kind == AREA_NATIONAL:
            return AREA_NATIONAL
        if self.kind == AREA_LPKS:
            return f"lpks-{self.code}"
        return str(self.code)

    @property
    def rows(self) -> str:
        """What each row of this area's tables is: provinces, kabupaten/kota, or LPKS."""
        return {AREA_NATIONAL: AREA_PROVINCE, AREA_PROVINCE: AREA_KABKOTA}.get(self.kind, AREA_LPKS)

    def institutions(self):
        """The SQL condition on Institution for the LPKS of this area."""
        if self.kind == AREA_NATIONAL:
            return true()
        if self.kind == AREA_PROVINCE:
            return Institution.province_code == self.code
        if self.kind == AREA_KABKOTA:
            return Institution.kabkota_code == self.code
        return Institution.id == self.code

    def regions(self, column):
        """The SQL condition on a kabupaten/kota code column (rows owned by a Dinas Sosial office itself)."""
        if self.kind == AREA_NATIONAL:
            return true()
        if self.kind == AREA_PROVINCE:
            return column.like(f"{self.code}.%")
        if self.kind == AREA_KABKOTA:
            return column == self.code
        return false()  # an LPKS's area holds no Dinas Sosial office's own rows


@dataclass(frozen=True)
class Period:
    """The figures' period (both days included); point-in-time figures are taken on `reference`, the period's
    last day or today when the period has not ended yet."""

    start: date
    end: date
    today: date

    @property
    def reference(self) -> date:
        return min(self.end, self.today)

    @property
    def last_counted(self) -> date:
        """The last day a period-long count reaches (nothing after today has happened)."""
        return min(self.end, self.today)


def parse_area(session: Session, user: Any, value: str | None) -> Area:
    """The area named by `scope` (default: the user's own); 404 when it is outside the user's reach."""
    home = home_area(user)
    if home is None:
        raise Forbidden()
    value = (value or "").strip()
    if not value:
        kind, code = home
    elif value == AREA_NATIONAL:
        kind, code = AREA_NATIONAL, None
    elif value.startswith("lpks-") and value[5:].isdigit():
        kind, code = AREA_LPKS, int(value[5:])
    else:
        region = session.get(Region, value)
        if region is None:
            raise ServiceError(_("Parameter 'scope' harus 'nasional', kode provinsi, kode kabupaten/kota atau "
                                 "'lpks-<id>'."), "scope")
        kind, code = {LEVEL_PROVINCE: AREA_PROVINCE, LEVEL_KABKOTA: AREA_KABKOTA}[region.level], region.code
    if not may_read_area(user, kind, code):
        raise NotFound()
    return Area(kind, code, area_name(session, kind, code))


def area_name(session: Session, kind: str, code) -> str:
    """The name a reader sees for an area."""
    if kind == AREA_NATIONAL:
        return _("Nasional")
    if kind == AREA_LPKS:
        name = session.scalar(select(Institution.name).where(Institution.id == code))
        if name is None:
            raise NotFound()
        return name
    return session.scalar(select(Region.name).where(Region.code == code)) or str(code)


def parse_period(start: str | None, end: str | None, today: date | None = None) -> Period:
    """The period from `from` and `to` (ISO dates; default: the current fiscal year)."""
    today = today or clock.today()
    first = fiscal_year(today.year)[0]
    begin = parse_date(start, "from", _("Tanggal awal periode"), required=False) or first
    finish = parse_date(end, "to", _("Tanggal akhir periode"), required=False) or fiscal_year(begin.year)[1]
    if finish < begin:
        raise ServiceError(_("Tanggal akhir periode tidak boleh sebelum tanggal awalnya."), "to")
    if begin.year < FIRST_YEAR:
        raise ServiceError(_("Periode paling awal dimulai tahun %(year)s.", year=FIRST_YEAR), "from")
    if (finish - begin).days > MAX_YEARS * 366:
        raise ServiceError(_("Periode paling panjang %(n)s tahun.", n=MAX_YEARS), "to")
    return Period(begin, finish, today)


def choices(session: Session, user: Any) -> list[tuple[str, str]]:
    """The areas the user may pick directly: (scope parameter, name) — the nation and its provinces, a province and
    its kabupaten/kota, or the user's own area (kabupaten/kota from a province by drilling down)."""
    home = home_area(user)
    if home is None:
        return []
    kind, code = home
    if kind == AREA_NATIONAL:
        rows = session.execute(select(Region.code, Region.name).where(Region.level == LEVEL_PROVINCE)
                               .order_by(Region.code)).all()
        return [(AREA_NATIONAL, _("Nasional")), *[(c, f"{n} ({c})") for c, n in rows]]
    if kind == AREA_PROVINCE:
        rows = session.execute(select(Region.code, Region.name).where(
            (Region.code == code) | (Region.province_code == code)).order_by(Region.code)).all()
        return [(c, f"{n} ({c})") for c, n in rows]
    return [(Area(kind, code, "").param, area_name(session, kind, code))]


def crumbs(user: Any, area: Area, names: dict[str, str]) -> list[tuple[str, str]]:
    """The way back up from a drilled-down area, as far as the user reaches: (scope parameter, name)."""
    home = home_area(user)
    trail: list[tuple[str, str]] = []
    if area.kind == AREA_KABKOTA and home and home[0] in (AREA_NATIONAL, AREA_PROVINCE):
        province = str(area.code).split(".")[0]
        if home[0] == AREA_NATIONAL:
            trail.append((AREA_NATIONAL, _("Nasional")))
        trail.append((province, names.get(province, province)))
    elif area.kind == AREA_PROVINCE and home and home[0] == AREA_NATIONAL:
        trail.append((AREA_NATIONAL, _("Nasional")))
    return trail
