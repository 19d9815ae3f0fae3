"""The placement lifecycle: which actions each status allows, and the refusal a service raises otherwise."""
from __future__ import annotations

import pytest

from lpks.rules.errors import RuleError
from lpks.rules.lifecycle import Action, PeriodStatus, PlacementStatus, allowed_actions, require

A = Action
ALLOWED = {
    "pending": {A.EDIT, A.RECORD_DOCUMENT, A.REMOVE_DOCUMENT, A.ADMIT, A.CANCEL, A.OPEN_PERIOD},
    "present": {A.EDIT, A.RECORD_DOCUMENT, A.OPEN_PERIOD, A.ASSESS_BEHAVIOUR, A.EXIT},
    "exited": set(),
}


@pytest.mark.parametrize("status", list(ALLOWED))
@pytest.mark.parametrize("action", [a for a in Action if a not in (A.CHANGE_PERIOD, A.EXTEND_PERIOD, A.RECORD_NOTICE)])
def test_each_status_allows_exactly_its_actions(status, action):
    allowed = action in ALLOWED[status]
    assert (action in allowed_actions(status)) is allowed
    if allowed:
        require(status, action)
    else:
        with pytest.raises(RuleError) as caught:
            require(status, action)
        assert caught.value.field in {"status", "code"} and caught.value.message


@pytest.mark.parametrize("status, period, allowed", [
    ("pending", "open", True), ("present", "open", True), ("present", "closed", False),
    ("exited", "open", False), ("exited", "closed", False),
])
def test_period_actions_need_an_open_period_of_a_placement_that_has_not_ended(status, period, allowed):
    actions = allowed_actions(status, period_status=period)
    assert (actions == {A.CHANGE_PERIOD, A.EXTEND_PERIOD, A.RECORD_NOTICE}) is allowed and (not actions) is (not allowed)
    if not allowed:
        with pytest.raises(RuleError) as caught:
            require(status, A.RECORD_NOTICE, period_status=period)
        assert caught.value.field == "status"


@pytest.mark.parametrize("status", [s.value for s in PlacementStatus])
def test_a_reader_is_offered_nothing(status):
    assert allowed_actions(status, may_write=False) == frozenset()
    assert allowed_actions(status, may_write=False, period_status=PeriodStatus.OPEN) == frozenset()


def test_an_ended_placement_says_it_has_ended():
    with pytest.raises(RuleError, match="sudah berakhir"):
        require("exited", A.EDIT)
