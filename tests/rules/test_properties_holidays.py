"""Property tests of the date rules against hostile calendars: the real national holidays and cuti bersama, plus
random runs of extra days off (a long Lebaran, a regional decree), around month and year ends."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lpks.rules import (
    CustodyLevel,
    RuleError,
    compute_court_placement,
    compute_custody,
    is_working_day,
)
from lpks.rules.calendar import seed_holiday_kinds

KINDS = seed_holiday_kinds(range(2023, 2031))
NATIONAL = frozenset(day for day, _name, kind in KINDS if kind == "national")
CUTI_BERSAMA = frozenset(day for day, _name, kind in KINDS if kind == "cuti_bersama")
days = st.dates(min_value=date(2023, 3, 1), max_value=date(2029, 10, 31))


@st.composite
def calendars(draw):
    """National holidays, with or without cuti bersama, plus up to four runs of 1–12 consecutive extra days off."""
    chosen = set(NATIONAL) | (set(CUTI_BERSAMA) if draw(st.booleans()) else set())
    for _ in range(draw(st.integers(0, 4))):
        first = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2030, 12, 1)))
        chosen |= {first + timedelta(days=i) for i in range(draw(st.integers(1, 12)))}
    return frozenset(chosen)


@settings(max_examples=300)
@given(level=st.sampled_from(list(CustodyLevel)), start=days, holidays=calendars(), data=st.data())
def test_custody_dates_hold_under_any_calendar(level, start, holidays, data):
    granted = data.draw(st.integers(min_value=1, max_value=level.max_days))
    try:
        period = compute_custody(level, start, granted, [], holidays)
    except RuleError as error:  # only a period too short to leave a working day for the notice may be refused
        assert error.field in ("days", "start_date"), error
        return
    assert period.last_day >= period.start == start
    assert (period.last_day - start).days + 1 == granted
    assert period.notice_deadline < period.last_day
    assert is_working_day(period.notice_deadline, holidays)
    # With every cuti bersama in the calendar, none is a deadline (an extra run may cover only some of them).
    assert period.notice_deadline not in CUTI_BERSAMA or not CUTI_BERSAMA <= holidays


@settings(max_examples=300)
@given(start=st.one_of(days, st.sampled_from([date(2024, 1, 31), date(2024, 2, 29), date(2025, 8, 31),
                                              date(2025, 12, 31), date(2026, 3, 31)])),
       months=st.integers(min_value=1, max_value=12))
def test_parole_is_inside_the_placement_or_absent(start, months):
    placement = compute_court_placement(start, months)
    assert placement.last_day >= start
    eligible = placement.parole_eligible_from
    assert eligible is None or start < eligible <= placement.last_day
