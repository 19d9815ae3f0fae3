"""Under 12 (Pasal 10 ayat 3; RULES §4 Reading, issue 12 item 6): the court determines within 3 calendar days of
submission; a determination not recorded by the deadline is flagged."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpks.rules import (
    RuleError,
    check_determination,
    check_submission,
    is_determination_overdue,
    under_12_court_deadline,
)

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("submitted", "deadline"), [
    (date(2026, 12, 2), date(2026, 12, 5)),
    (date(2026, 12, 30), date(2027, 1, 2)),       # across the year
    (date(2028, 2, 27), date(2028, 3, 1)),        # across 29 February
    (date(2027, 2, 27), date(2027, 3, 2)),
])
def test_deadline_is_submission_plus_three_calendar_days(submitted, deadline):
    assert under_12_court_deadline(submitted) == deadline


@pytest.mark.parametrize(("today", "determined", "overdue"), [
    (date(2026, 12, 5), None, False),              # the deadline day itself
    (date(2026, 12, 6), None, True),
    (date(2026, 12, 30), date(2026, 12, 4), False),
    (date(2026, 12, 6), date(2026, 12, 6), False),  # recorded late: no longer flagged
])
def test_overdue(today, determined, overdue):
    assert is_determination_overdue(date(2026, 12, 5), determined, today) is overdue


def test_no_submission_no_flag():
    assert is_determination_overdue(None, None, TODAY) is False


@pytest.mark.parametrize(("submitted", "start", "ok"), [
    (TODAY, TODAY, True), (TODAY - timedelta(days=3), TODAY, True), (TODAY - timedelta(days=4), TODAY, False),
    (TODAY + timedelta(days=1), TODAY, False),
])
def test_submission(submitted, start, ok):
    if ok:
        assert check_submission(submitted, start, TODAY) == submitted
    else:
        with pytest.raises(RuleError) as refused:
            check_submission(submitted, start, TODAY)
        assert refused.value.field == "court_submitted_on" and "Pasal 10 ayat 3" in refused.value.message


@pytest.mark.parametrize(("submitted", "number", "determined", "field"), [
    (None, "1/Pen", TODAY, "court_submitted_on"),
    (TODAY, "", TODAY, "court_determination_number"),
    (TODAY, "1/Pen", None, "court_determination_date"),
    (TODAY, "1/Pen", TODAY - timedelta(days=1), "court_determination_date"),   # before the submission
    (TODAY - timedelta(days=1), "1/Pen", TODAY + timedelta(days=1), "court_determination_date"),
])
def test_determination_refused(submitted, number, determined, field):
    with pytest.raises(RuleError) as refused:
        check_determination(submitted, number, determined, TODAY)
    assert refused.value.field == field


def test_determination_accepted():
    assert check_determination(TODAY - timedelta(days=2), "12/Pen.Pid/2026", TODAY, TODAY) is None
