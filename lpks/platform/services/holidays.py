"""The holiday calendar: seeded from the `holidays` package, edited by Kementerian Sosial (RULES §5).

Every change recomputes the notice deadline of every open titipan period, and the Dinas Sosial's service deadlines
and days taken (RULES §8), in the same transaction. A removed (or
moved) date is remembered in holiday_removal, so a later seeding never brings it back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.intake.services import products as intake_products
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.holiday import (
    HOLIDAY_KINDS,
    SOURCE_MANUAL,
    SOURCE_SEEDED,
    Holiday,
    HolidayRemoval,
)
from lpks.residents.services import custody
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    parse_choice,
    parse_int,
    parse_text,
    today,
)
from lpks.rules import seed_holiday_kinds
from lpks.security import WRITE, can
from lpks.security.access import check_version

MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class SeedResult:
    """What a seeding run did."""

    years: tuple[int, ...]
    created: int
    kept: int
    recomputed: int
    removed: int = 0  # package dates left out because Kementerian Sosial removed them


def default_years() -> tuple[int, int]:
    """This year and the next (the calendar is seeded ahead; later years are estimates)."""
    return today().year, today().year + 1


def seed(session: Session, years: tuple[int, ...] | list[int] | None = None) -> SeedResult:
    """Add the package's national holidays and cuti bersama for `years`; existing dates are kept (idempotent) and
    removed dates stay removed."""
    years = tuple(sorted(set(years or default_years())))
    for year in years:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ServiceError(_("Tahun harus antara %(low)s dan %(high)s.", low=MIN_YEAR, high=MAX_YEAR), "years")
    existing = set(session.scalars(select(Holiday.day)))
    removed_days = set(session.scalars(select(HolidayRemoval.day)))
    created = kept = removed = 0
    for day, name, kind in seed_holiday_kinds(years):
        if day in existing:
            kept += 1
            continue
        if day in removed_days:
            removed += 1
            continue
        session.add(Holiday(day=day, name=name[:200], kind=kind, source=SOURCE_SEEDED))
        created += 1
    session.flush()
    recomputed = _recompute(session) if created else 0
    return SeedResult(years, created, kept, recomputed, removed)


def _recompute(session: Session) -> int:
    """Every date counted in working days again: titipan notices (RULES §5), Dinas Sosial service deadlines and
    complaint answers (RULES §8)."""
    return custody.recompute_open(session) + intake_products.recompute_all(session)


def _remember_removed(session: Session, day: date, name: str) -> None:
    """Keep a removed date so seeding does not add it again (each date is remembered once)."""
    with session.no_autoflush:  # mid-update: flushing here would bump the holiday's version twice
        known = session.scalar(select(HolidayRemoval.id).where(HolidayRemoval.day == day))
    if known is None:
        session.add(HolidayRemoval(day=day, name=name[:200]))


def _require_write(user: Any, holiday: Holiday) -> None:
    if not can(user, WRITE, holiday):
        raise Forbidden(_("Kalender hari libur hanya dapat diubah oleh Kementerian Sosial."))


def _clean(session: Session, data: dict[str, Any], holiday: Holiday | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "date" in data or holiday is None:
        out["day"] = parse_date(data.get("date"), "date", _("Tanggal"))
        clash = session.scalar(select(Holiday.id).where(Holiday.day == out["day"],
                                                        Holiday.id != (holiday.id if holiday else 0)))
        if clash is not None:
            raise ServiceError(_("Tanggal ini sudah ada di kalender hari libur."), "date")
    if "name" in data or holiday is None:
        out["name"] = parse_text(data.get("name"), "name", _("Nama hari libur"), 200, required=True)
    if "kind" in data or holiday is None:
        out["kind"] = parse_choice(data.get("kind") or "national", "kind", _("Jenis"), HOLIDAY_KINDS)
    return out


def create(session: Session, user: Any, data: dict[str, Any]) -> Holiday:
    """Add a date (e.g. a newly decreed cuti bersama)."""
    holiday = Holiday(source=SOURCE_MANUAL, **_clean(session, data, None))
    _require_write(user, holiday)
    session.add(holiday)
    session.flush()
    _recompute(session)
    return holiday


def update(session: Session, user: Any, holiday: Holiday, data: dict[str, Any]) -> Holiday:
    """Change a date, its name or kind (refuses a stale version)."""
    _require_write(user, holiday)
    check_version(holiday, data.get("version"))
    old_day, old_name = holiday.day, holiday.name
    for key, value in _clean(session, data, holiday).items():
        setattr(holiday, key, value)
    if holiday.day != old_day:  # moved: the old date is removed from the calendar
        _remember_removed(session, old_day, old_name)
    holiday.source = SOURCE_MANUAL
    holiday.updated_at = utcnow()
    session.flush()
    _recompute(session)
    return holiday


def delete(session: Session, user: Any, holiday: Holiday) -> None:
    """Remove a date (e.g. an estimated cuti bersama that was not decreed)."""
    _require_write(user, holiday)
    _remember_removed(session, holiday.day, holiday.name)
    session.delete(holiday)
    session.flush()
    _recompute(session)


def parse_years(values: Any) -> list[int]:
    """Years from a list or a text "2026 2027" / "2026,2027"."""
    if values is None or values == "":
        return list(default_years())
    if isinstance(values, str):
        values = values.replace(",", " ").split()
    return [parse_int(value, "years", _("Tahun")) for value in values]
