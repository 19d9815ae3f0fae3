"""Tasks derived from due dates (RULES §6): the defaults, their limits, and overdue/upcoming at the boundaries."""

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.case_tasks import (
    DEFAULTS, TaskDefaults, TaskState, assessment_due, check_defaults, follow_up_dates, plan_due, task_state,
    upcoming_window,
)

TODAY = date(2025, 8, 11)


def test_the_defaults_of_rules_6():
    assert DEFAULTS == TaskDefaults(7, 7, (1, 3, 6))
    assert assessment_due(date(2025, 8, 1)) == date(2025, 8, 8)
    assert plan_due(date(2025, 8, 8)) == date(2025, 8, 15)
    assert follow_up_dates(date(2025, 8, 11)) == (date(2025, 9, 11), date(2025, 11, 11), date(2026, 2, 11))


@pytest.mark.parametrize(("returned", "expected"), [
    (date(2025, 1, 31), (date(2025, 2, 28), date(2025, 4, 30), date(2025, 7, 31))),   # clamped to month ends
    (date(2024, 1, 31), (date(2024, 2, 29), date(2024, 4, 30), date(2024, 7, 31))),   # leap year
    (date(2025, 12, 15), (date(2026, 1, 15), date(2026, 3, 15), date(2026, 6, 15))),   # across the year
])
def test_follow_up_months_keep_the_day_and_clamp(returned, expected):
    assert follow_up_dates(returned) == expected


def test_changed_defaults_move_the_dates():
    changed = check_defaults(10, 14, [2, 4])
    assert assessment_due(date(2025, 8, 1), changed) == date(2025, 8, 11)
    assert plan_due(date(2025, 8, 1), changed) == date(2025, 8, 15)
    assert follow_up_dates(date(2025, 8, 1), changed) == (date(2025, 10, 1), date(2025, 12, 1))


@pytest.mark.parametrize(("assessment", "plan", "months", "field"), [
    (1, 1, [1], None),
    (90, 90, list(range(1, 13)), None),
    (0, 7, [1, 3, 6], "assessment_days"),
    (91, 7, [1, 3, 6], "assessment_days"),
    (7, 0, [1, 3, 6], "plan_days"),
    (True, 7, [1, 3, 6], "assessment_days"),
    ("7", 7, [1, 3, 6], "assessment_days"),
    (7, 7, [], "follow_up_months"),
    (7, 7, [3, 1], "follow_up_months"),
    (7, 7, [1, 1], "follow_up_months"),
    (7, 7, [0, 3], "follow_up_months"),
    (7, 7, [1, 37], "follow_up_months"),
    (7, 7, list(range(1, 14)), "follow_up_months"),
    (7, 7, "1,3,6", "follow_up_months"),
])
def test_defaults_are_checked(assessment, plan, months, field):
    if field is None:
        assert check_defaults(assessment, plan, months).follow_up_months == tuple(months)
    else:
        with pytest.raises(RuleError) as caught:
            check_defaults(assessment, plan, months)
        assert caught.value.field == field


@pytest.mark.parametrize(("due", "done", "state"), [
    (date(2025, 8, 10), None, TaskState.OVERDUE),     # yesterday
    (date(2025, 8, 11), None, TaskState.UPCOMING),    # today
    (date(2025, 8, 18), None, TaskState.UPCOMING),    # today + 7
    (date(2025, 8, 19), None, TaskState.LATER),       # today + 8
    (date(2025, 8, 1), date(2025, 8, 12), TaskState.DONE),
    (date(2025, 8, 30), date(2025, 8, 1), TaskState.DONE),
])
def test_task_state_at_the_boundaries(due, done, state):
    assert task_state(due, done, TODAY) is state


def test_upcoming_window_is_today_to_seven_days():
    assert upcoming_window(TODAY) == (date(2025, 8, 11), date(2025, 8, 18))
