"""Property tests over dates: periods, notice deadlines and parole stay inside their bounds."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from lpks.rules import (
    CustodyLevel,
    RuleError,
    age_on,
    check_days,
    compute_court_placement,
    compute_custody,
    holiday_dates,
    is_working_day,
    last_day,
    notice_deadline,
    seed_holidays,
    working_days_between,
)

HOLIDAYS = holiday_dates(seed_holidays(range(2023, 2031)))
days_in_range = st.dates(min_value=date(2023, 3, 1), max_value=date(2029, 10, 31))
holiday_sets = st.one_of(
    st.just(HOLIDAYS), st.just(frozenset()),
    st.frozensets(st.dates(min_value=date(2023, 1, 1), max_value=date(2030, 12, 31)), max_size=60),
)


@given(start=days_in_range, total=st.integers(min_value=1, max_value=35))
def test_last_day_not_before_start(start, total):
    end = last_day(start, total)
    assert end >= start
    assert (end - start).days + 1 == total


@given(last=days_in_range, holidays=holiday_sets)
def test_notice_deadline_is_the_second_working_day_before(last, holidays):
    deadline = notice_deadline(last, holidays)
    assert deadline < last
    assert is_working_day(deadline, holidays)
    assert working_days_between(deadline + timedelta(days=1), last - timedelta(days=1), holidays) == 1


@given(level=st.sampled_from(list(CustodyLevel)), start=days_in_range, data=st.data())
def test_custody_never_exceeds_the_level_maximum(level, start, data):
    granted = data.draw(st.integers(min_value=1, max_value=level.max_days + 5))
    extensions = data.draw(st.lists(st.integers(min_value=1, max_value=20), max_size=3))
    total = granted + sum(extensions)
    try:
        period = compute_custody(level, start, granted, extensions, HOLIDAYS)
    except RuleError as error:
        assert total > level.max_days and error.field == "days"
    else:
        assert period.total_days == total <= level.max_days
        assert period.start <= period.last_day
        assert period.notice_deadline < period.last_day
        assert check_days(level, granted, extensions) == total


@given(start=days_in_range, months=st.integers(min_value=1, max_value=12))
def test_parole_inside_the_placement_or_never(start, months):
    placement = compute_court_placement(start, months)
    assert placement.last_day >= start
    assert 28 <= placement.total_days <= 366
    eligible = placement.parole_eligible_from
    assert (eligible is None) is (months <= 3)  # 3 months after start is past a 3-month placement
    if eligible is not None:
        assert start < eligible <= placement.last_day
        assert (eligible - start).days >= placement.total_days / 2
        assert eligible >= start + relativedelta(months=3)


@given(born=st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)), years=st.integers(0, 25))
def test_age_is_reached_on_the_birthday(born, years):
    birthday = born + relativedelta(years=years)  # 29 Feb clamps to 28 Feb: birthday not yet reached
    reached = birthday if (birthday.month, birthday.day) == (born.month, born.day) else birthday + timedelta(days=1)
    assert age_on(born, reached) == years
    if reached > born:
        assert age_on(born, reached - timedelta(days=1)) == years - 1
