"""Dashboard windows: notices within 7 days, custody within 7 days, placements within 30 days (RULES §5)."""

from datetime import date, timedelta

import pytest

from lpks.rules import (
    CUSTODY_ENDING_WITHIN_DAYS,
    NOTICE_DUE_WITHIN_DAYS,
    PLACEMENT_ENDING_WITHIN_DAYS,
    due_window,
    is_custody_ending_soon,
    is_notice_due_soon,
    is_notice_overdue,
    is_over_capacity,
    is_overstay,
    is_placement_ending_soon,
    occupancy_rate,
)

TODAY = date(2024, 2, 26)


def test_thresholds():
    assert (NOTICE_DUE_WITHIN_DAYS, CUSTODY_ENDING_WITHIN_DAYS, PLACEMENT_ENDING_WITHIN_DAYS) == (7, 7, 30)
    assert due_window(TODAY, 7) == (TODAY, date(2024, 3, 4))  # across 29 Feb


@pytest.mark.parametrize(("offset", "sent", "due_soon", "overdue"), [
    (-1, None, False, True),
    (0, None, True, False),
    (7, None, True, False),
    (8, None, False, False),
    (-1, date(2024, 2, 20), False, False),
    (3, date(2024, 2, 20), False, False),
])
def test_notices(offset, sent, due_soon, overdue):
    deadline = TODAY + timedelta(days=offset)
    assert is_notice_due_soon(deadline, TODAY, sent) is due_soon
    assert is_notice_overdue(deadline, TODAY, sent) is overdue


@pytest.mark.parametrize(("offset", "custody", "placement"), [
    (-1, False, False), (0, True, True), (7, True, True), (8, False, True), (30, False, True), (31, False, False),
])
def test_ending_soon(offset, custody, placement):
    last = TODAY + timedelta(days=offset)
    assert is_custody_ending_soon(last, TODAY) is custody
    assert is_placement_ending_soon(last, TODAY) is placement


@pytest.mark.parametrize(("offset", "present", "expected"), [(-1, True, True), (0, True, False), (-1, False, False)])
def test_overstay(offset, present, expected):
    assert is_overstay(TODAY + timedelta(days=offset), TODAY, present) is expected


def test_occupancy():
    assert occupancy_rate(15, 20) == 0.75
    assert occupancy_rate(3, 0) is None
    assert is_over_capacity(21, 20) and not is_over_capacity(20, 20) and not is_over_capacity(5, 0)
