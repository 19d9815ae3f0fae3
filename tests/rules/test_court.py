"""Court-ordered placement: months, last day, parole eligibility and status (Pasal 13 ayat 4 and 6)."""

from datetime import date

import pytest

from lpks.rules import (
    CourtPlacement,
    ParoleStatus,
    RuleError,
    check_months,
    compute_court_placement,
    parole_eligible_from,
    parole_explanation,
    parole_status,
    placement_last_day,
)


@pytest.mark.parametrize("months", [1, 12])
def test_months_bounds_accepted(months):
    assert check_months(months) == months


@pytest.mark.parametrize("months", [0, 13, -1, True, 1.5, "6"])
def test_months_out_of_range_refused(months):
    with pytest.raises(RuleError) as caught:
        placement_last_day(date(2024, 1, 1), months)
    assert caught.value.field == "months"
    assert caught.value.rule == "Pasal 13 ayat 4"
    assert "paling lama 1 tahun" in str(caught.value)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2024, 1, 1), 12, date(2024, 12, 31)),
    (date(2024, 1, 1), 1, date(2024, 1, 31)),
    (date(2024, 1, 31), 1, date(2024, 2, 28)),    # 31 Jan + 1 month = 29 Feb 2024, − 1 day
    (date(2023, 1, 31), 1, date(2023, 2, 27)),    # clamps to 28 Feb 2023, − 1 day
    (date(2024, 2, 29), 12, date(2025, 2, 27)),   # 29 Feb + 12 months = 28 Feb 2025
    (date(2028, 2, 29), 1, date(2028, 3, 28)),
    (date(2027, 12, 31), 2, date(2028, 2, 28)),   # clamps to 29 Feb 2028, − 1 day
    (date(2024, 3, 31), 11, date(2025, 2, 27)),
    (date(2024, 1, 15), 6, date(2024, 7, 14)),
])
def test_placement_last_day(start, months, expected):
    assert placement_last_day(start, months) == expected


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2024, 1, 1), 12, date(2024, 7, 2)),    # 366 days: half (183) wins
    (date(2024, 1, 1), 6, date(2024, 4, 1)),     # 182 days: half and 3 months coincide
    (date(2024, 1, 1), 4, date(2024, 4, 1)),     # 121 days: 3 months wins over half (2 March)
    (date(2023, 1, 1), 7, date(2023, 4, 17)),    # 212 days: start + 106
    (date(2023, 1, 1), 8, date(2023, 5, 3)),     # 243 days (odd): start + ceil(121.5) = 122
    (date(2024, 1, 1), 3, None),                 # 3 months after start is past the last day
    (date(2024, 1, 1), 1, None),
    (date(2024, 11, 30), 4, date(2025, 2, 28)),  # 30 Nov + 3 months clamps to 28 Feb 2025
])
def test_parole_eligible_from(start, months, expected):
    placement = compute_court_placement(start, months)
    assert placement.parole_eligible_from == expected
    assert parole_eligible_from(start, placement.last_day) == expected


def test_compute_court_placement():
    assert compute_court_placement(date(2024, 1, 1), 12) == CourtPlacement(
        start=date(2024, 1, 1), months=12, last_day=date(2024, 12, 31), total_days=366,
        parole_eligible_from=date(2024, 7, 2))


def test_last_day_before_start_refused():
    with pytest.raises(RuleError) as caught:
        parole_eligible_from(date(2024, 2, 1), date(2024, 1, 31))
    assert caught.value.field == "last_day"


ELIGIBLE_FROM = date(2024, 7, 2)


@pytest.mark.parametrize(("eligible_from", "today", "behaviour", "expected"), [
    (ELIGIBLE_FROM, date(2024, 7, 1), True, ParoleStatus.NOT_ELIGIBLE),     # the day before
    (ELIGIBLE_FROM, date(2024, 7, 2), True, ParoleStatus.ELIGIBLE),         # on the day
    (ELIGIBLE_FROM, date(2024, 7, 2), None, ParoleStatus.ELIGIBLE_BY_TIME_BEHAVIOUR_NOT_ASSESSED),
    (ELIGIBLE_FROM, date(2024, 9, 1), False, ParoleStatus.NOT_ELIGIBLE),    # behaviour assessed not good
    (ELIGIBLE_FROM, date(2024, 7, 1), None, ParoleStatus.NOT_ELIGIBLE),
    (None, date(2024, 9, 1), True, ParoleStatus.NOT_ELIGIBLE),              # never eligible
])
def test_parole_status(eligible_from, today, behaviour, expected):
    assert parole_status(eligible_from, today, behaviour) is expected


@pytest.mark.parametrize(("status", "label_en", "label_id"), [
    (ParoleStatus.ELIGIBLE, "eligible", "memenuhi syarat"),
    (ParoleStatus.ELIGIBLE_BY_TIME_BEHAVIOUR_NOT_ASSESSED, "eligible by time, behaviour not yet assessed",
     "memenuhi syarat waktu, perilaku belum dinilai"),
    (ParoleStatus.NOT_ELIGIBLE, "not eligible", "tidak memenuhi syarat"),
])
def test_parole_status_labels_read_exactly_as_the_issue_says(status, label_en, label_id):
    assert (status.label("en"), status.label_en, status.label_id) == (label_en, label_en, label_id)


def test_parole_status_values():
    assert [status.value for status in ParoleStatus] == [
        "eligible", "eligible_by_time_behaviour_not_assessed", "not_eligible"]


@pytest.mark.parametrize(("eligible_from", "today", "behaviour", "expected_id"), [
    (ELIGIBLE_FROM, date(2024, 7, 1), None, "Belum memenuhi syarat: syarat waktu terpenuhi mulai 2 Juli 2024"),
    (ELIGIBLE_FROM, date(2024, 7, 2), None, "Memenuhi syarat waktu sejak 2 Juli 2024; perilaku belum dinilai"),
    (ELIGIBLE_FROM, date(2024, 7, 2), False, "perilaku dinilai tidak baik"),
    (ELIGIBLE_FROM, date(2024, 7, 2), True, "Memenuhi syarat sejak 2 Juli 2024"),
    (None, date(2024, 7, 2), True, "Tidak memenuhi syarat"),
])
def test_parole_explanation_shows_date_and_rule(eligible_from, today, behaviour, expected_id):
    text_id, text_en = parole_explanation(eligible_from, today, behaviour)
    assert expected_id in text_id
    assert "Pasal 13 ayat 6" in text_id and "Pasal 13 ayat 6" in text_en
