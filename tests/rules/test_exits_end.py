"""The end of a placement (RULES §4 Exit Reading, issue 12 item 5): "end of the placement period" only on or after
the last day; before a court placement's last day only parole, an early court decision (number and date), a
transfer or a termination of Pasal 33 ayat 2 end it."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpks.rules import (
    ExitReason,
    LegalBasis,
    RuleError,
    check_exit_reason,
    exit_reasons_for,
)

LAST = date(2026, 11, 30)
DECISION = {"decision_number": "12/Pid.Sus-Anak/2026/PN Psr", "decision_date": date(2026, 11, 20)}


@pytest.mark.parametrize(("basis", "reason", "exit_date", "field"), [
    ("court_decision", "placement_ended", LAST - timedelta(days=1), "exit_reason"),   # the issue: 29 November
    ("court_decision", "placement_ended", LAST, None),
    ("court_decision", "placement_ended", LAST + timedelta(days=3), None),
    ("court_decision", "returned_to_parents", LAST - timedelta(days=1), "exit_reason"),
    ("court_decision", "returned_to_parents", LAST, None),
    ("court_decision", "transferred", date(2026, 6, 1), None),
    ("court_decision", "completed", date(2026, 6, 1), None),
    ("court_decision", "ran_away_not_found", date(2026, 6, 1), None),
    ("court_decision", "died", date(2026, 6, 1), None),
    ("court_decision", "court_ended_early", date(2026, 11, 20), None),
    ("titipan", "placement_ended", LAST - timedelta(days=1), "exit_reason"),          # the period's last day
    ("titipan", "placement_ended", LAST, None),
    ("titipan", "picked_up_by_depositor", LAST - timedelta(days=10), None),            # the depositor may
    ("diversi", "placement_ended", LAST, "exit_reason"),                               # no last day at all
    ("under_12", "court_ended_early", LAST, "exit_reason"),
])
def test_end_of_placement(basis, reason, exit_date, field):
    kwargs = {"exit_date": exit_date, "placement_last_day": LAST, "custody_last_day": LAST, **DECISION}
    if field is None:
        assert check_exit_reason(basis, reason, **kwargs) is ExitReason(reason)
    else:
        with pytest.raises(RuleError) as refused:
            check_exit_reason(basis, reason, **kwargs)
        assert refused.value.field == field


def test_the_message_names_the_last_day_and_the_alternatives():
    with pytest.raises(RuleError) as refused:
        check_exit_reason("court_decision", "placement_ended", exit_date=date(2026, 11, 29), placement_last_day=LAST)
    message = refused.value.message
    assert "30 November 2026" in message and "pembebasan bersyarat" in message and "Pasal 33 ayat 2" in message
    assert "2026-11-30" in refused.value.message_en


@pytest.mark.parametrize(("number", "dated", "field"), [
    (None, date(2026, 11, 20), "exit_decision_number"),
    ("", date(2026, 11, 20), "exit_decision_number"),
    ("12/Pid", None, "exit_decision_date"),
    ("12/Pid", date(2026, 11, 26), "exit_decision_date"),   # dated after the exit
])
def test_an_early_court_end_names_its_decision(number, dated, field):
    with pytest.raises(RuleError) as refused:
        check_exit_reason("court_decision", "court_ended_early", exit_date=date(2026, 11, 25),
                          placement_last_day=LAST, decision_number=number, decision_date=dated)
    assert refused.value.field == field and "Pasal 13" in refused.value.message


@pytest.mark.parametrize(("basis", "offered"), [
    (LegalBasis.COURT_DECISION, {ExitReason.PLACEMENT_ENDED, ExitReason.COURT_ENDED_EARLY, ExitReason.PAROLE}),
    (LegalBasis.TITIPAN, {ExitReason.PLACEMENT_ENDED}),
])
def test_offered_reasons(basis, offered):
    assert offered <= set(exit_reasons_for(basis))


@pytest.mark.parametrize("basis", [LegalBasis.UNDER_12, LegalBasis.DIVERSI, LegalBasis.PRE_PROCESS])
def test_no_end_of_period_without_a_last_day(basis):
    reasons = set(exit_reasons_for(basis))
    assert ExitReason.PLACEMENT_ENDED not in reasons and ExitReason.COURT_ENDED_EARLY not in reasons
