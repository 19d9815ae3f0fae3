"""Working days: Monday–Friday that is neither a national holiday nor cuti bersama (RULES §5; Pasal 11 ayat 4)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

import holidays as holidays_package

from lpks.rules.errors import RuleError

COUNTRY = "ID"
# "public" = hari libur nasional, "government" = cuti bersama (decreed yearly; later years are estimates).
CATEGORIES = (holidays_package.PUBLIC, holidays_package.GOVERNMENT)
_SATURDAY = 5
HOLIDAY_NATIONAL = "national"  # hari libur nasional
HOLIDAY_CUTI_BERSAMA = "cuti_bersama"
CALENDAR_READING_ID = ("Tahun yang belum memiliki satu pun tanggal dalam kalender hari libur tetap dihitung, tetapi "
                       "hasilnya perkiraan: hari libur nasional dan cuti bersama tahun itu belum diketahui.")
CALENDAR_READING_EN = ("A year with no date in the holiday calendar is still computed, but the result is an estimate: "
                       "that year's national holidays and cuti bersama are not known yet.")


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    """True on Monday–Friday that is not in `holidays` (hari libur nasional and cuti bersama)."""
    return day.weekday() < _SATURDAY and day not in holidays


def working_day_before(day: date, count: int, holidays: Collection[date]) -> date:
    """The `count`-th working day strictly before `day`, counting backwards (Pasal 11 ayat 4)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise RuleError(
            f"Jumlah hari kerja harus paling sedikit 1, bukan {count!r} (Pasal 11 ayat 4).",
            field="count", rule="Pasal 11 ayat 4",
            message_en=f"The number of working days must be at least 1, not {count!r} (Pasal 11 ayat 4).",
        )
    found = 0
    current = day
    while found < count:
        current -= timedelta(days=1)
        if is_working_day(current, holidays):
            found += 1
    return current


def working_days_between(first: date, last: date, holidays: Collection[date]) -> int:
    """Number of working days from `first` to `last`, both included (0 if last < first)."""
    count = 0
    current = first
    while current <= last:
        count += is_working_day(current, holidays)
        current += timedelta(days=1)
    return count


def seed_holidays(years: Iterable[int], language: str = "id") -> list[tuple[date, str]]:
    """National holidays and cuti bersama of Indonesia for `years`, sorted, from the `holidays` package."""
    calendar = holidays_package.country_holidays(
        COUNTRY, years=sorted(set(years)), categories=CATEGORIES, language=language,
    )
    return sorted(calendar.items())


def seed_holiday_kinds(years: Iterable[int], language: str = "id") -> list[tuple[date, str, str]]:
    """Like seed_holidays, with each date's kind: "national" (public) or "cuti_bersama" (government)."""
    years = sorted(set(years))
    rows: dict[date, tuple[date, str, str]] = {}
    for category, kind in ((holidays_package.GOVERNMENT, HOLIDAY_CUTI_BERSAMA),
                           (holidays_package.PUBLIC, HOLIDAY_NATIONAL)):  # a public holiday wins a shared date
        calendar = holidays_package.country_holidays(COUNTRY, years=years, categories=(category,), language=language)
        rows.update({day: (day, name, kind) for day, name in calendar.items()})
    return sorted(rows.values())


def held_years(holidays: Iterable[date]) -> frozenset[int]:
    """The years the calendar holds: those with at least one date recorded (RULES §5 Calendar coverage)."""
    return frozenset(day.year for day in holidays)


def missing_years(first: date, last: date, held: Collection[int]) -> tuple[int, ...]:
    """Years from `first` to `last` (either order) that are not in `held`, sorted (RULES §5 Calendar coverage)."""
    low, high = sorted((first.year, last.year))
    return tuple(year for year in range(low, high + 1) if year not in held)


def calendar_missing_years(first: date, last: date, holidays: Collection[date]) -> tuple[int, ...]:
    """Years between `first` and `last` for which `holidays` holds no date: working days counted there are
    estimates, and every answer says so (RULES §5 Calendar coverage)."""
    return missing_years(first, last, held_years(holidays))


def holiday_dates(entries: Iterable[date | tuple[date, str]]) -> frozenset[date]:
    """The set of dates from seed rows `(date, name)` or plain dates, ready for the functions above."""
    return frozenset(entry[0] if isinstance(entry, tuple) else entry for entry in entries)
