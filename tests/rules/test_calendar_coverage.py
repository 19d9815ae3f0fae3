"""Calendar coverage (RULES §5): a working-day count over a year the calendar does not hold is still answered and
names that year; the years are the ones the computation touched, from the start (or an earlier notice deadline) to
the last day."""
from __future__ import annotations

from datetime import date

import pytest

from lpks.rules import (
    calendar_missing_years,
    compute_custody,
    custody_missing_years,
    held_years,
    holiday_dates,
    missing_years,
    seed_holidays,
)

ONLY_2026_2027 = holiday_dates(seed_holidays([2026, 2027]))


@pytest.mark.parametrize(("first", "last", "held", "missing"), [
    (date(2026, 1, 1), date(2026, 12, 31), {2026}, ()),
    (date(2026, 12, 31), date(2027, 1, 1), {2026}, (2027,)),           # one day into the next year
    (date(2027, 1, 1), date(2026, 12, 31), {2027}, (2026,)),           # either order
    (date(2028, 12, 20), date(2029, 1, 3), {2026, 2027}, (2028, 2029)),
    (date(2025, 12, 1), date(2028, 1, 1), {2026, 2027}, (2025, 2028)),  # sorted, held years left out
    (date(2026, 6, 1), date(2026, 6, 1), set(), (2026,)),
])
def test_missing_years(first, last, held, missing):
    assert missing_years(first, last, held) == missing


def test_held_years_are_the_years_with_a_date():
    assert held_years([date(2026, 1, 1), date(2026, 5, 1), date(2031, 8, 17)]) == {2026, 2031}
    assert calendar_missing_years(date(2030, 12, 30), date(2031, 1, 2), [date(2031, 8, 17)]) == (2030,)


@pytest.mark.parametrize(("level", "start", "days", "last_day", "notice", "missing"), [
    # the example: New Year's Day 2029 is no working day, but 2029 is not in the calendar
    ("penyidikan", date(2028, 12, 20), 15, date(2029, 1, 3), date(2029, 1, 1), (2028, 2029)),
    # 2025 is not held either: Christmas 2025 counts as a working day, and the answer says so
    ("penyidikan", date(2025, 12, 14), 14, date(2025, 12, 27), date(2025, 12, 25), (2025,)),
    ("penuntutan", date(2026, 3, 15), 10, date(2026, 3, 24), date(2026, 3, 16), ()),      # Nyepi + Lebaran, held
    ("kasasi", date(2027, 12, 20), 35, date(2028, 1, 23), date(2028, 1, 20), (2028,)),     # into a missing year
    ("penyidikan", date(2027, 1, 1), 1, date(2027, 1, 1), date(2026, 12, 30), ()),         # deadline before start
    ("penyidikan", date(2026, 1, 1), 1, date(2026, 1, 1), date(2025, 12, 30), (2025,)),    # … in a missing year
])
def test_custody_answer_names_the_missing_years(level, start, days, last_day, notice, missing):
    period = compute_custody(level, start, days, (), ONLY_2026_2027)
    assert (period.last_day, period.notice_deadline, period.calendar_missing_years) == (last_day, notice, missing)
    assert custody_missing_years(start, period.last_day, period.notice_deadline, {2026, 2027}) == missing


def test_with_the_year_held_the_holiday_moves_the_deadline():
    held = ONLY_2026_2027 | holiday_dates(seed_holidays([2028, 2029]))
    period = compute_custody("penyidikan", date(2028, 12, 20), 15, (), held)
    assert period.notice_deadline == date(2028, 12, 29) and period.calendar_missing_years == ()
