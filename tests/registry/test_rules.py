"""The pure additions to accreditation/ used by the registry: expiry window, reporting years, findings in force,
SPPA training validity."""
from __future__ import annotations

from datetime import date

import pytest

from accreditation import (
    InstitutionFacts,
    ItemStatus,
    StaffFact,
    VerifierFinding,
    evaluate,
)
from accreditation.expiry import (
    EXPIRY_WARNING_DAYS,
    ExpiryState,
    days_left,
    expiry_state,
    warning_horizon,
)
from accreditation.findings import RoundFindings, findings_in_force
from accreditation.registry_catalogue import POSITION_FACTS, reporting_years

TODAY = date(2026, 3, 20)


def test_the_warning_window_is_90_days():
    assert EXPIRY_WARNING_DAYS == 90
    assert warning_horizon(TODAY) == date(2026, 6, 18)


@pytest.mark.parametrize("valid_until, state", [
    (None, None),
    (date(2026, 3, 19), ExpiryState.KEDALUWARSA),  # yesterday
    (date(2026, 3, 20), ExpiryState.SEGERA),  # last valid day is today
    (date(2026, 6, 18), ExpiryState.SEGERA),  # day 90
    (date(2026, 6, 19), ExpiryState.BERLAKU),  # day 91
])
def test_expiry_state_boundaries(valid_until, state):
    assert expiry_state(valid_until, TODAY) is state


def test_days_left():
    assert days_left(date(2026, 3, 20), TODAY) == 0 and days_left(date(2026, 3, 19), TODAY) == -1


@pytest.mark.parametrize("as_of, years", [(date(2026, 1, 1), (2026, 2025)), (date(2026, 12, 31), (2026, 2025))])
def test_reporting_years_are_this_and_last(as_of, years):
    assert reporting_years(as_of) == years


def test_position_facts_cover_pasal_58_ayat_1():
    assert set(POSITION_FACTS.values()) == {"has_pimpinan", "has_bidang_administrasi", "has_bidang_teknis"}


def _round(ident, number, visit, findings):
    return RoundFindings(ident, number, visit, {k: VerifierFinding(ItemStatus(v)) for k, v in findings.items()})


def test_latest_round_wins_per_item_and_older_findings_stay_in_force():
    first = _round(1, 1, date(2025, 1, 10), {"a.terdaftar": "belum", "b.visi": "terpenuhi"})
    second = _round(2, 2, date(2025, 6, 1), {"a.terdaftar": "terpenuhi"})
    in_force, origin = findings_in_force([second, first])
    assert in_force["a.terdaftar"].status is ItemStatus.TERPENUHI and origin["a.terdaftar"].number == 2
    assert in_force["b.visi"].status is ItemStatus.TERPENUHI and origin["b.visi"].number == 1


def test_same_day_rounds_are_ordered_by_number():
    a = _round(1, 1, date(2025, 1, 10), {"b.visi": "belum"})
    b = _round(2, 2, date(2025, 1, 10), {"b.visi": "sebagian"})
    assert findings_in_force([b, a])[0]["b.visi"].status is ItemStatus.SEBAGIAN


@pytest.mark.parametrize("valid_until, expected", [
    (None, ItemStatus.TERPENUHI), (date(2025, 6, 30), ItemStatus.TERPENUHI), (date(2025, 6, 29), ItemStatus.BELUM)])
def test_sppa_training_counts_only_while_valid(valid_until, expected):
    person = StaffFact("peksos", active_from=date(2020, 1, 1), sppa_trained=True, sppa_valid_until=valid_until)
    report = evaluate(InstitutionFacts(as_of=date(2025, 6, 30), staff=(person,)))
    assert report.item("d.teknis.pelatihan_sppa").status is expected
