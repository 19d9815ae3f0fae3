"""Exit reasons (Pasal 11 ayat 5–6, Pasal 13 ayat 6, Pasal 33 ayat 2)."""

from datetime import date

import pytest

from lpks.rules import (
    ExitReason,
    LegalBasis,
    RuleError,
    check_exit_reason,
    exit_reasons_for,
)

LAST_DAY = date(2025, 8, 17)
AFTER_THE_PERIOD = {"exit_date": date(2025, 8, 18), "custody_last_day": LAST_DAY, "notice_sent_on": date(2025, 8, 14)}


def test_every_reason_has_labels_and_pasal():
    for reason in ExitReason:
        assert reason.label_id and reason.label_en and reason.pasal.startswith("Pasal")


def test_terminations_are_those_of_pasal_33_ayat_2():
    assert [reason for reason in ExitReason if reason.is_termination] == [
        ExitReason.COMPLETED, ExitReason.REFERRED_ELSEWHERE, ExitReason.RAN_AWAY, ExitReason.DIED]
    assert [reason.pasal[-1] for reason in ExitReason if reason.is_termination] == ["a", "b", "c", "d"]


def test_not_picked_up_cites_pasal_11_ayat_6():
    assert ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS.pasal == "Pasal 11 ayat 6"


@pytest.mark.parametrize(("basis", "reason", "allowed"), [
    (LegalBasis.TITIPAN, ExitReason.PICKED_UP_BY_DEPOSITOR, True),
    (LegalBasis.TITIPAN, ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS, True),
    (LegalBasis.TITIPAN, ExitReason.PAROLE, False),
    (LegalBasis.COURT_DECISION, ExitReason.PAROLE, True),
    (LegalBasis.COURT_DECISION, ExitReason.PICKED_UP_BY_DEPOSITOR, False),
    (LegalBasis.DIVERSI, ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS, False),
    (LegalBasis.PRE_PROCESS, ExitReason.RAN_AWAY, True),
    (LegalBasis.UNDER_12, "died", True),
])
def test_exit_reason_by_basis(basis, reason, allowed):
    assert (ExitReason(reason) in exit_reasons_for(basis)) is allowed
    if allowed:
        assert check_exit_reason(basis, reason, **AFTER_THE_PERIOD) == reason
    else:
        with pytest.raises(RuleError) as caught:
            check_exit_reason(basis, reason, **AFTER_THE_PERIOD)
        assert caught.value.field == "exit_reason"


def test_unknown_exit_reason():
    with pytest.raises(RuleError) as caught:
        check_exit_reason(LegalBasis.TITIPAN, "graduated")
    assert caught.value.field == "exit_reason"


NOT_PICKED_UP = ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS


@pytest.mark.parametrize(("exit_date", "last_day", "sent_on", "field"), [
    (date(2025, 8, 18), LAST_DAY, date(2025, 8, 14), None),           # the day after the last day
    (date(2026, 1, 5), LAST_DAY, date(2025, 8, 17), None),            # long after; notice sent late
    (date(2025, 8, 17), LAST_DAY, date(2025, 8, 14), "exit_date"),    # on the last day: still the depositor's
    (date(2025, 8, 11), LAST_DAY, date(2025, 8, 11), "exit_date"),    # day 1 of the period
    (date(2025, 8, 18), LAST_DAY, None, "exit_reason"),               # notice never sent
    (date(2025, 8, 18), None, None, "exit_reason"),                   # no running titipan period
    (None, LAST_DAY, date(2025, 8, 14), "exit_date"),                 # no exit date given
])
def test_return_to_parents_only_after_the_notice_and_the_last_day(exit_date, last_day, sent_on, field):
    kwargs = {"exit_date": exit_date, "custody_last_day": last_day, "notice_sent_on": sent_on}
    if field is None:
        assert check_exit_reason(LegalBasis.TITIPAN, NOT_PICKED_UP, **kwargs) is NOT_PICKED_UP
        return
    with pytest.raises(RuleError) as caught:
        check_exit_reason(LegalBasis.TITIPAN, NOT_PICKED_UP, **kwargs)
    assert caught.value.field == field and caught.value.rule == "Pasal 11 ayat 5–6"
    assert "Pasal 11 ayat 5–6" in caught.value.message and "Pasal 11 ayat 5–6" in caught.value.message_en


def test_return_before_the_last_day_names_the_earliest_exit_date():
    with pytest.raises(RuleError) as caught:
        check_exit_reason("titipan", "not_picked_up_returned_to_parents", exit_date=date(2025, 8, 17),
                          custody_last_day=LAST_DAY, notice_sent_on=date(2025, 8, 14))
    assert "17 Agustus 2025" in caught.value.message and "18 Agustus 2025" in caught.value.message


def test_pickup_by_the_depositor_is_allowed_at_any_time():
    assert check_exit_reason("titipan", "picked_up_by_depositor") is ExitReason.PICKED_UP_BY_DEPOSITOR
