"""Reintegration (Pasal 49–50): the steps in order, the four conditions of ayat 7, the substitute family."""

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.reintegration import (
    Condition, FamilyKind, ReintegrationStep, STEPS, check_agreed_return, check_conditions, check_return_family,
    check_step, check_step_date, check_substitute_search, missing_conditions,
)

ALL = {"safe": True, "comfortable": True, "needs_met": True, "accepted": True}


def test_five_steps_of_ayat_1():
    assert [s.pasal.split(",")[0][-1] for s in STEPS] == list("abcde")


@pytest.mark.parametrize(("step", "done", "ok"), [
    ("prepare_child", set(), True),
    ("prepare_family", set(), False),
    ("prepare_family", {"prepare_child"}, True),
    ("return", {"prepare_child"}, False),
    ("return", {"prepare_child", "prepare_family"}, True),
    ("monitor", {"prepare_child", "prepare_family"}, False),
    ("monitor", {"prepare_child", "prepare_family", "return"}, True),
    ("terminate", {"prepare_child", "prepare_family", "return"}, False),
])
def test_steps_in_order(step, done, ok):
    if ok:
        assert check_step(step, done) is ReintegrationStep(step)
    else:
        with pytest.raises(RuleError) as caught:
            check_step(step, done)
        assert caught.value.field == "step" and "Pasal 49 ayat 1" in caught.value.message


@pytest.mark.parametrize("missing", [None, "safe", "comfortable", "needs_met", "accepted"])
def test_the_four_conditions_before_termination(missing):
    held = {**ALL, **({missing: False} if missing else {})}
    if missing is None:
        check_conditions(**held)
        assert missing_conditions(**held) == ()
    else:
        with pytest.raises(RuleError) as caught:
            check_conditions(**held)
        assert caught.value.field == missing and Condition(missing).label_id in caught.value.message.split(";")[1]


def test_an_unrecorded_condition_counts_as_missing():
    assert missing_conditions(safe=True, comfortable=None, needs_met=True) == (Condition.COMFORTABLE,
                                                                                Condition.ACCEPTED)


@pytest.mark.parametrize(("on", "previous", "field"), [
    (date(2025, 8, 11), date(2025, 8, 11), None),
    (date(2025, 8, 12), None, "done_on"),
    (date(2025, 8, 9), date(2025, 8, 10), "done_on"),
])
def test_step_dates(on, previous, field):
    if field is None:
        check_step_date("return", on, previous, date(2025, 8, 11))
    else:
        with pytest.raises(RuleError) as caught:
            check_step_date("return", on, previous, date(2025, 8, 11))
        assert caught.value.field == field


@pytest.mark.parametrize(("agreed", "ok"), [(None, False), (date(2025, 8, 9), False), (date(2025, 8, 10), True)])
def test_agreed_return_date(agreed, ok):
    if ok:
        assert check_agreed_return(agreed, date(2025, 8, 10)) == agreed
    else:
        with pytest.raises(RuleError) as caught:
            check_agreed_return(agreed, date(2025, 8, 10))
        assert caught.value.field == "agreed_return_on"


def test_substitute_family_only_after_a_refusal():
    check_substitute_search(True)
    with pytest.raises(RuleError) as caught:
        check_substitute_search(False)
    assert "Pasal 50" in caught.value.message


@pytest.mark.parametrize(("kind", "refused", "found", "ok"), [
    ("keluarga", False, False, True),
    ("keluarga", True, False, False),
    ("keluarga_pengganti", True, False, False),
    ("keluarga_pengganti", True, True, True),
])
def test_return_family(kind, refused, found, ok):
    if ok:
        assert check_return_family(kind, refused, found) is FamilyKind(kind)
    else:
        with pytest.raises(RuleError):
            check_return_family(kind, refused, found)
