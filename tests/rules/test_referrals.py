"""Referral (RULES §7): consent, the status machine, who answers, residential only to an LPKS."""

import pytest

from lpks.rules import RuleError
from lpks.rules.referrals import (
    ReferralAction, ReferralStatus, allowed_referral_actions, check_consent, check_residential, transition,
)


@pytest.mark.parametrize(("status", "action", "side", "external", "reason", "result"), [
    ("sent", "accept", "receiver", False, None, "accepted"),
    ("sent", "decline", "receiver", False, "Penuh", "declined"),
    ("sent", "decline", "receiver", False, "  ", "decline_reason"),
    ("sent", "complete", "receiver", False, "x", "status"),
    ("accepted", "complete", "receiver", False, "Layanan selesai", "completed"),
    ("accepted", "complete", "receiver", False, None, "completion_note"),
    ("accepted", "accept", "receiver", False, None, "status"),
    ("declined", "accept", "receiver", False, None, "status"),
    ("completed", "complete", "receiver", False, "x", "status"),
    ("sent", "accept", "sender", False, None, "status"),        # the sender does not answer its own referral
    ("sent", "accept", "sender", True, None, "accepted"),       # outside the system the sender records the answer
    ("sent", "accept", "receiver", True, None, "status"),
    ("sent", "withdraw", "receiver", False, None, "action"),
])
def test_status_machine(status, action, side, external, reason, result):
    if result in {s.value for s in ReferralStatus}:
        assert transition(status, action, side, external, reason=reason) is ReferralStatus(result)
    else:
        with pytest.raises(RuleError) as caught:
            transition(status, action, side, external, reason=reason)
        assert caught.value.field == result


def test_allowed_actions_per_status():
    assert allowed_referral_actions("sent", "receiver", False) == {ReferralAction.ACCEPT, ReferralAction.DECLINE}
    assert allowed_referral_actions("accepted", "receiver", False) == {ReferralAction.COMPLETE}
    assert allowed_referral_actions("declined", "receiver", False) == frozenset()
    assert allowed_referral_actions("completed", "receiver", False) == frozenset()
    assert allowed_referral_actions("sent", "sender", False) == frozenset()


@pytest.mark.parametrize(("child", "parent", "field"), [
    (True, True, None), (False, True, "child_consent"), (None, True, "child_consent"), (True, False, "parent_consent")])
def test_consent_of_child_and_parent(child, parent, field):
    if field is None:
        check_consent(child, parent)
    else:
        with pytest.raises(RuleError) as caught:
            check_consent(child, parent)
        assert caught.value.field == field


@pytest.mark.parametrize(("residential", "receiver", "ok"), [
    (True, "lpks", True), (True, "dinsos", False), (True, "external", False), (False, "external", True)])
def test_residential_only_to_an_lpks(residential, receiver, ok):
    if ok:
        check_residential(residential, receiver)
    else:
        with pytest.raises(RuleError) as caught:
            check_residential(residential, receiver)
        assert caught.value.field == "residential"
