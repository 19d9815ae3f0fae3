"""The yearly report's levels, lifecycle and the small-cell rule (lpks.rules.reporting), at their boundaries."""
from __future__ import annotations

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.reporting import (
    Action, Level, Relation, State, age_group, allowed_actions, check_year, is_small, relation, require, visible_to,
)

OWN, ABOVE, OTHER = Relation.OWN, Relation.ABOVE, Relation.OTHER


@pytest.mark.parametrize("report, office, expected", [
    (("kabupaten_kota", "35.75"), ("kabupaten_kota", "35.75"), OWN),
    (("kabupaten_kota", "35.75"), ("kabupaten_kota", "35.14"), OTHER),
    (("kabupaten_kota", "35.75"), ("provinsi", "35"), ABOVE),
    (("kabupaten_kota", "35.75"), ("provinsi", "31"), OTHER),
    (("kabupaten_kota", "35.75"), ("nasional", None), OTHER),   # Kemensos receives from the provinces only
    (("provinsi", "35"), ("nasional", None), ABOVE),
    (("provinsi", "35"), ("provinsi", "35"), OWN),
    (("provinsi", "35"), ("kabupaten_kota", "35.75"), OTHER),
    (("nasional", None), ("nasional", None), OWN),
    (("nasional", None), ("provinsi", "35"), OTHER),
    (("provinsi", "35"), (None, None), OTHER),
])
def test_relation_of_an_office_to_a_report(report, office, expected):
    assert relation(*report, *office) is expected


@pytest.mark.parametrize("level, state, rel, latest, expected", [
    ("kabupaten_kota", "draft", OWN, True, {Action.EDIT, Action.SUBMIT}),
    ("provinsi", "draft", OWN, True, {Action.EDIT, Action.SUBMIT, Action.COMPILE}),
    ("nasional", "draft", OWN, True, {Action.EDIT, Action.SUBMIT, Action.COMPILE}),
    ("kabupaten_kota", "draft", ABOVE, True, set()),          # a draft is its own office's
    ("kabupaten_kota", "submitted", ABOVE, True, {Action.RECEIVE}),
    ("kabupaten_kota", "received", ABOVE, True, set()),
    ("kabupaten_kota", "submitted", OWN, True, {Action.REVISE}),
    ("kabupaten_kota", "received", OWN, True, {Action.REVISE}),
    ("kabupaten_kota", "received", OWN, False, set()),         # only the latest revision is corrected
    ("nasional", "submitted", OWN, True, {Action.REVISE}),
    ("kabupaten_kota", "submitted", OTHER, True, set()),
])
def test_allowed_actions(level, state, rel, latest, expected):
    assert allowed_actions(level, state, rel, latest=latest) == expected


@pytest.mark.parametrize("state, rel, action, field", [
    ("submitted", OWN, Action.EDIT, "state"), ("draft", ABOVE, Action.RECEIVE, "state"),
    ("draft", OWN, Action.REVISE, "state"), ("received", ABOVE, Action.RECEIVE, "state"),
])
def test_require_refuses_with_a_message_naming_the_rule(state, rel, action, field):
    with pytest.raises(RuleError) as caught:
        require("provinsi", state, rel, action)
    assert caught.value.field == field and "Pasal 90" in caught.value.rule
    assert caught.value.message and caught.value.message_en


def test_compile_only_above_the_kabupaten_kota():
    with pytest.raises(RuleError):
        require(Level.KABKOTA, State.DRAFT, OWN, Action.COMPILE)
    require(Level.PROVINCE, State.DRAFT, OWN, Action.COMPILE)


@pytest.mark.parametrize("year, ok", [(2017, False), (2018, True), (2026, True), (2027, False), ("2026", False),
                                      (True, False)])
def test_year_of_a_report(year, ok):
    if ok:
        assert check_year(year, date(2026, 12, 2)) == year
    else:
        with pytest.raises(RuleError) as caught:
            check_year(year, date(2026, 12, 2))
        assert caught.value.field == "year"


@pytest.mark.parametrize("value, small", [(None, False), (0, False), (1, True), (2, True), (3, False), (40, False)])
def test_small_cells(value, small):
    assert is_small(value) is small


@pytest.mark.parametrize("age, group", [(None, "unknown"), (8, "under_12"), (11, "under_12"), (12, "12_13"),
                                        (13, "12_13"), (14, "14_15"), (16, "16_17"), (17, "16_17"), (18, "unknown")])
def test_age_groups(age, group):
    assert age_group(age) == group


def test_drafts_are_seen_by_their_own_office_only():
    assert visible_to("draft", True) and not visible_to("draft", False)
    assert visible_to("submitted", False) and visible_to("received", False)
