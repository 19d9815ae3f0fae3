"""What each figure counts, at its boundaries (RULES §9 read with §4–§5): a stay counts when it has a day in the
period, a child once per LPKS, exits by the day they happen, overstays by the days held without a period, notices by
their deadline. Counted in Kota Malang, whose LPKS holds no demo child."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpks.reports.compute import compute, totals
from lpks.reports.scope import Area, Period
from lpks.rules.reporting import age_group
from tests.reports.factories import child, institution, period, stay, user

MALANG = "LPKS Cahaya Anak Malang"
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31), date(2026, 12, 2))


def _figures(session, keys, when: Period = YEAR):
    data = compute(session, user(session, "kemensos"), Area("kabupaten_kota", "35.73", "Kota Malang"), when, keys)
    return {key: totals(data, key) for key in keys}


@pytest.mark.parametrize("start, exit_date, status, counted", [
    (date(2024, 12, 1), date(2024, 12, 31), None, False),     # left the day before the period
    (date(2024, 12, 1), date(2025, 1, 1), None, True),        # left on its first day
    (date(2025, 12, 31), None, None, True),                   # came on its last day
    (date(2026, 1, 1), None, None, False),                    # came after it
    (date(2025, 6, 1), None, "pending", False),               # registered, never admitted
])
def test_a_child_is_served_when_an_admitted_stay_has_a_day_in_the_period(demo, session, start, exit_date, status,
                                                                         counted):
    stay(session, institution(session, MALANG), start, exit_date, status=status)
    assert _figures(session, ["recipients_by_kind"])["recipients_by_kind"] == ({"anak": 1} if counted else {})


def test_a_child_counts_once_per_lpks_but_each_placement_by_its_basis(demo, session):
    inst = institution(session, MALANG)
    first = stay(session, inst, date(2025, 2, 1), date(2025, 3, 1), basis="titipan", reason="picked_up_by_depositor",
                 kind="anak_saksi", sex="perempuan")
    resident_id = first.resident_id
    from lpks.residents.models.resident import Resident

    stay(session, inst, date(2025, 4, 1), basis="court_decision", resident=session.get(Resident, resident_id),
         last_day=date(2026, 3, 31))
    got = _figures(session, ["recipients_by_kind", "recipients_by_sex", "placements_by_basis", "exits_by_reason"])
    assert got["recipients_by_kind"] == {"anak_saksi": 1}
    assert got["recipients_by_sex"] == {"perempuan": 1}
    assert got["placements_by_basis"] == {"titipan": 1, "court_decision": 1}
    assert got["exits_by_reason"] == {"picked_up_by_depositor": 1}


def test_age_groups_in_sql_follow_the_rule(demo, session):
    inst = institution(session, MALANG)
    ages = [None, 8, 11, 12, 13, 14, 15, 16, 17]
    for age in ages:
        stay(session, inst, date(2025, 5, 1), age=age)
    expected: dict[str, int] = {}
    for age in ages:
        expected[age_group(age)] = expected.get(age_group(age), 0) + 1
    assert _figures(session, ["recipients_by_age"])["recipients_by_age"] == expected


def test_exits_count_in_the_period_of_their_date(demo, session):
    inst = institution(session, MALANG)
    stay(session, inst, date(2024, 11, 1), date(2024, 12, 31))
    stay(session, inst, date(2024, 11, 1), date(2025, 1, 1), reason="transferred")
    stay(session, inst, date(2025, 11, 1), date(2026, 1, 1))
    assert _figures(session, ["exits_by_reason"])["exits_by_reason"] == {"transferred": 1}


@pytest.mark.parametrize("last_day, closed_on, reason, days", [
    (date(2025, 3, 10), date(2025, 3, 14), "next_level", 3),   # 11, 12, 13 March held without a period
    (date(2025, 3, 10), date(2025, 3, 11), "next_level", 0),   # the next level began the day after
    (date(2025, 3, 10), date(2025, 3, 12), "returned_to_parents", 2),  # 11 and the exit day, 12 March
    (date(2025, 3, 10), date(2025, 3, 10), "picked_up_by_depositor", 0),
    (date(2024, 12, 30), date(2025, 1, 2), "returned_to_parents", 2),  # only 1 and 2 January are in 2025
])
def test_titipan_overstay_days_are_the_days_held_without_a_period(demo, session, last_day, closed_on, reason, days):
    inst = institution(session, MALANG)
    placement = stay(session, inst, date(2024, 12, 20), closed_on if reason != "next_level" else None,
                     reason=reason if reason != "next_level" else None)
    period(session, placement, date(2024, 12, 20), last_day, closed_on=closed_on, closed_reason=reason)
    got = _figures(session, ["overstays"])["overstays"]
    assert got == ({"titipan": 1, "titipan_days": days} if days else {})


def test_an_open_overstay_counts_up_to_today_and_a_court_placement_past_its_last_day(demo, session):
    inst = institution(session, MALANG)
    today = date(2025, 8, 11)
    running = stay(session, inst, date(2025, 8, 1))
    period(session, running, date(2025, 8, 1), date(2025, 8, 7))                     # 8–11 August: 4 days
    stay(session, inst, date(2024, 7, 1), date(2025, 7, 2), basis="court_decision", last_day=date(2025, 6, 30))
    got = _figures(session, ["overstays"], Period(date(2025, 1, 1), date(2025, 12, 31), today))["overstays"]
    assert got == {"titipan": 1, "titipan_days": 4, "court": 1, "court_days": 2}


@pytest.mark.parametrize("deadline, sent, closed_on, category", [
    (date(2025, 5, 8), date(2025, 5, 8), None, "on_time"),
    (date(2025, 5, 8), date(2025, 5, 9), None, "late"),
    (date(2025, 5, 8), None, None, "not_sent"),                  # still held, the deadline has passed
    (date(2025, 5, 8), None, date(2025, 5, 6), None),             # the child left before the deadline
    (date(2025, 5, 8), None, date(2025, 5, 9), "not_sent"),       # left after it, no notice
    (date(2024, 12, 30), date(2025, 1, 2), None, None),           # deadline outside the period
])
def test_notices_by_their_deadline(demo, session, deadline, sent, closed_on, category):
    inst = institution(session, MALANG)
    placement = stay(session, inst, date(2024, 12, 1), closed_on,
                     reason="picked_up_by_depositor" if closed_on else None)
    period(session, placement, date(2024, 12, 1), deadline + timedelta(days=2),
           deadline=deadline, sent=sent, closed_on=closed_on, closed_reason="picked_up_by_depositor" if closed_on
           else None)
    got = _figures(session, ["late_notices"])["late_notices"]
    assert got == ({category: 1} if category else {})


def test_occupancy_is_taken_on_the_reference_date(demo, session):
    inst = institution(session, MALANG)
    stay(session, inst, date(2025, 12, 1))                                    # present on 31 December
    stay(session, inst, date(2025, 12, 1), date(2025, 12, 31), sex="perempuan")   # left that day
    stay(session, inst, date(2025, 12, 1), date(2026, 1, 5), sex="perempuan")     # still there that day
    got = _figures(session, ["occupancy"])["occupancy"]
    assert got == {"present_laki_laki": 1, "present_perempuan": 1, "capacity_laki_laki": inst.capacity_boys,
                   "capacity_perempuan": inst.capacity_girls}


def test_admissions_by_month_and_by_year(demo, session):
    inst = institution(session, MALANG)
    stay(session, inst, date(2023, 12, 20), date(2025, 1, 3))
    stay(session, inst, date(2025, 3, 2))
    stay(session, inst, date(2025, 3, 30), date(2025, 4, 2))
    stay(session, inst, date(2020, 12, 31), date(2021, 1, 2))   # before the five years compared
    stay(session, inst, date(2026, 1, 1))                        # after them
    got = _figures(session, ["admissions_by_month", "admissions_by_year"])
    assert got["admissions_by_month"] == {"202503": 2}
    assert got["admissions_by_year"] == {"2023": 1, "2025": 2}


def test_lpks_figures_agree_with_the_accreditation_compilation(demo, session, app):
    from lpks.accreditation.reports import compile_report

    kemensos = user(session, "kemensos")
    today = date.today()
    data = compute(session, kemensos, Area("nasional", None, "Nasional"), Period(date(today.year, 1, 1), today, today),
                   ["lpks_grade", "lpks_class"])
    with app.test_request_context():
        compilation = compile_report(session, kemensos, "provinsi", today)
    for region in compilation.regions:
        grades = data["figures"]["lpks_grade"]["values"][region.code]
        assert {k or "none": v for k, v in region.grades.items() if v} == grades
        classes = data["figures"]["lpks_class"]["values"][region.code]
        assert {k or "none": v for k, v in region.classes.items() if v} == classes


def test_a_child_of_another_region_is_not_counted(demo, session):
    stay(session, institution(session, "LPKS Pelita Jakarta Selatan"), date(2025, 5, 1))
    child(session, institution(session, MALANG))  # registered, never placed
    assert _figures(session, ["recipients_by_kind"])["recipients_by_kind"] == {}
