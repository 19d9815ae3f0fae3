"""Working days: Monday–Friday, not a national holiday nor cuti bersama, seeded from `holidays` (RULES §5)."""

from datetime import date

import pytest

from lpks.rules import (
    RuleError,
    holiday_dates,
    is_working_day,
    seed_holidays,
    working_day_before,
    working_days_between,
)


@pytest.mark.parametrize(("day", "expected"), [
    (date(2024, 8, 13), True),    # ordinary Tuesday
    (date(2024, 8, 17), False),   # Independence Day on a Saturday
    (date(2024, 8, 18), False),   # Sunday
    (date(2026, 8, 17), False),   # Independence Day on a Monday
    (date(2025, 8, 18), False),   # cuti bersama Hari Kemerdekaan (Monday)
    (date(2024, 4, 8), False),    # cuti bersama Idul Fitri
    (date(2024, 4, 10), False),   # Idul Fitri
    (date(2024, 12, 26), False),  # cuti bersama Natal
    (date(2024, 2, 29), True),    # leap day, a Thursday
    (date(2024, 12, 31), True),
    (date(2025, 1, 1), False),
])
def test_is_working_day_with_seeded_calendar(id_holidays, day, expected):
    assert is_working_day(day, id_holidays) is expected


def test_weekday_without_holidays_is_a_working_day():
    assert is_working_day(date(2026, 8, 17), frozenset())
    assert not is_working_day(date(2026, 8, 15), frozenset())  # Saturday


def test_seed_includes_independence_day_and_cuti_bersama():
    seeded = dict(seed_holidays([2024, 2025]))
    assert seeded[date(2024, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert seeded[date(2025, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert "Cuti Bersama" in seeded[date(2025, 8, 18)]  # the government category of the package
    assert "Cuti Bersama" in seeded[date(2024, 12, 26)]


def test_seed_is_sorted_deduplicated_and_translatable():
    rows = seed_holidays([2025, 2024, 2025])
    assert rows == sorted(rows)
    assert {row[0].year for row in rows} == {2024, 2025}
    english = dict(seed_holidays([2024], language="en_US"))
    assert english[date(2024, 8, 17)] == "Independence Day"
    assert seed_holidays([]) == []


def test_holiday_dates_accepts_rows_and_dates():
    assert holiday_dates([(date(2024, 8, 17), "x"), date(2024, 12, 25)]) == {date(2024, 8, 17), date(2024, 12, 25)}


@pytest.mark.parametrize(("day", "count", "expected"), [
    (date(2024, 8, 15), 1, date(2024, 8, 14)),
    (date(2024, 8, 15), 2, date(2024, 8, 13)),
    (date(2024, 8, 19), 1, date(2024, 8, 16)),   # across the weekend
    (date(2025, 8, 19), 1, date(2025, 8, 15)),   # skips cuti bersama 18 Aug and the weekend
    (date(2024, 4, 16), 1, date(2024, 4, 5)),    # skips the whole Lebaran 2024 block
    (date(2024, 3, 4), 2, date(2024, 2, 29)),    # leap day
])
def test_working_day_before(id_holidays, day, count, expected):
    assert working_day_before(day, count, id_holidays) == expected


@pytest.mark.parametrize("count", [0, -1, True])
def test_working_day_before_refuses_bad_count(count):
    with pytest.raises(RuleError) as caught:
        working_day_before(date(2024, 1, 10), count, frozenset())
    assert caught.value.field == "count"


def test_working_days_between(id_holidays):
    assert working_days_between(date(2024, 4, 1), date(2024, 4, 30), id_holidays) == 16  # 22 weekdays − 6 off
    assert working_days_between(date(2024, 4, 2), date(2024, 4, 1), id_holidays) == 0
