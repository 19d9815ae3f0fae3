"""Case manager (Pasal 17 ayat 2) and companions (Pasal 74 ayat 5, 75 ayat 2–3)."""

import pytest

from lpks.rules import RuleError
from lpks.rules.companions import CompanionRole, check_case_manager, check_companion, check_conflict, conflicts


@pytest.mark.parametrize(("function", "certified", "active", "ok"), [
    ("peksos", True, True, True),
    ("tks", True, True, False),
    ("psikolog", True, True, False),
    ("peksos", False, True, False),
    ("peksos", True, False, False),
])
def test_case_manager_is_an_active_certified_peksos(function, certified, active, ok):
    if ok:
        check_case_manager(function, certified=certified, active=active)
    else:
        with pytest.raises(RuleError) as caught:
            check_case_manager(function, certified=certified, active=active)
        assert caught.value.field == "case_manager_id"


@pytest.mark.parametrize(("role", "function", "trained", "has_companion", "field"), [
    ("pendamping", "peksos", True, False, None),
    ("pendamping", "tks", True, False, None),
    ("pendamping", "psikolog", True, False, "staff_member_id"),
    ("pendamping", "peksos", False, False, "sppa_trained"),
    ("relawan", None, True, True, None),
    ("relawan", None, False, True, "sppa_trained"),
    ("relawan", None, True, False, "role"),
    ("kepala", "peksos", True, False, "role"),
])
def test_companion_qualification(role, function, trained, has_companion, field):
    if field is None:
        assert check_companion(role, function, sppa_trained=trained, has_companion=has_companion) is CompanionRole(role)
    else:
        with pytest.raises(RuleError) as caught:
            check_companion(role, function, sppa_trained=trained, has_companion=has_companion)
        assert caught.value.field == field


@pytest.mark.parametrize(("kind", "others", "conflict"), [
    ("anak", [], False),
    ("anak", ["anak"], False),               # two children in conflict with the law: no rule against it
    ("anak", ["anak_korban"], True),
    ("anak", ["anak_saksi"], True),
    ("anak_korban", ["anak"], True),
    ("anak_saksi", ["anak", "anak_korban"], True),
    ("anak_korban", ["anak_saksi"], False),  # victim and witness may share a companion
    ("anak_saksi", [], False),
])
def test_pasal_74_ayat_5(kind, others, conflict):
    assert conflicts(kind, others) is conflict
    if conflict:
        with pytest.raises(RuleError) as caught:
            check_conflict(kind, others, "LP/12/2025")
        assert "Pasal 74 ayat 5" in caught.value.message and "LP/12/2025" in caught.value.message
    else:
        check_conflict(kind, others, "LP/12/2025")
