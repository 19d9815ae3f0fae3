"""Exit reasons (Pasal 11 ayat 5–6, Pasal 13 ayat 6, Pasal 33 ayat 2)."""

import pytest

from lpks.rules import ExitReason, LegalBasis, RuleError, check_exit_reason, exit_reasons_for


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
        assert check_exit_reason(basis, reason) == reason
    else:
        with pytest.raises(RuleError) as caught:
            check_exit_reason(basis, reason)
        assert caught.value.field == "exit_reason"


def test_unknown_exit_reason():
    with pytest.raises(RuleError) as caught:
        check_exit_reason(LegalBasis.TITIPAN, "graduated")
    assert caught.value.field == "exit_reason"
