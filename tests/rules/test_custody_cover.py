"""A child is never held without a titipan period (RULES §5 Reading): the next period starts at the latest on the
later of today and the day after the previous last day; days left uncovered are an overstay, accepted only when
confirmed, and returned with their dates and days."""
from __future__ import annotations

from datetime import date

import pytest

from lpks.rules import RuleError, Uncovered, check_period_start, latest_start

TODAY = date(2026, 12, 2)
PREVIOUS = date(2026, 11, 7)  # the penyidikan period ended here


@pytest.mark.parametrize(("previous", "today", "latest"), [
    (None, TODAY, TODAY),
    (date(2026, 11, 7), TODAY, TODAY),                    # held past the last day: today is the latest start
    (date(2026, 12, 1), TODAY, TODAY),                    # the day after the last day is today
    (date(2026, 12, 2), TODAY, date(2026, 12, 3)),        # last day today: tomorrow's period may be recorded
    (date(2026, 12, 31), TODAY, date(2027, 1, 1)),
])
def test_latest_start(previous, today, latest):
    assert latest_start(today, previous) == latest


@pytest.mark.parametrize(("start", "previous", "confirm", "gap"), [
    (date(2026, 11, 8), PREVIOUS, False, None),                                      # the day after: covered
    (date(2026, 11, 5), PREVIOUS, False, None),                                      # overlapping: covered
    (date(2026, 11, 9), PREVIOUS, True, Uncovered(date(2026, 11, 8), date(2026, 11, 8))),   # one day uncovered
    (TODAY, PREVIOUS, True, Uncovered(date(2026, 11, 8), date(2026, 12, 1))),        # up to today
    (TODAY, None, False, None),                                                      # first period, today
    (date(2024, 1, 1), None, False, None),                                           # first period in the past
])
def test_accepted_starts(start, previous, confirm, gap):
    assert check_period_start(start, TODAY, previous, confirm) == gap


def test_uncovered_days_count_both_ends():
    assert Uncovered(date(2026, 11, 8), date(2026, 12, 1)).days == 24
    assert Uncovered(date(2026, 11, 8), date(2026, 11, 8)).days == 1


@pytest.mark.parametrize(("start", "previous", "confirm", "field"), [
    (date(2026, 12, 20), PREVIOUS, True, "start_date"),      # the example: later than today and 8 Nov
    (date(2026, 12, 3), PREVIOUS, True, "start_date"),       # one day into the future
    (date(2028, 12, 2), None, False, "start_date"),          # a first period two years ahead
    (date(2026, 12, 3), None, False, "start_date"),
    (date(2026, 11, 9), PREVIOUS, False, "confirm_gap"),     # a gap of one day needs the confirmation
    (TODAY, PREVIOUS, False, "confirm_gap"),
])
def test_refused_starts(start, previous, confirm, field):
    with pytest.raises(RuleError) as refused:
        check_period_start(start, TODAY, previous, confirm)
    assert refused.value.field == field and "Pasal 11 ayat 3" in refused.value.message
    assert "Pasal 11 ayat 3" in refused.value.message_en


def test_the_gap_message_names_its_dates_and_days():
    with pytest.raises(RuleError) as refused:
        check_period_start(TODAY, TODAY, PREVIOUS)
    assert "24 hari (8 November 2026 sampai 1 Desember 2026)" in refused.value.message
    assert "24 days (2026-11-08 to 2026-12-01)" in refused.value.message_en
