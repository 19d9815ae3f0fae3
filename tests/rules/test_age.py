"""Ages in completed years on the offence date, routes and refusals (Pasal 1 angka 3–6, Pasal 9 ayat 1 huruf a)."""

from datetime import date

import pytest

from lpks.rules import (
    AgeCheck,
    ResidentKind,
    Route,
    RuleError,
    age_on,
    check_resident_age,
    route,
)


@pytest.mark.parametrize(("born", "on", "expected"), [
    (date(2008, 2, 29), date(2026, 2, 28), 17),  # 29 Feb birthday not yet reached on 28 Feb of a common year
    (date(2008, 2, 29), date(2026, 3, 1), 18),   # ... reached on 1 March
    (date(2008, 2, 29), date(2024, 2, 29), 16),  # leap year: reached on the day
    (date(2008, 2, 29), date(2024, 2, 28), 15),
    (date(2012, 6, 15), date(2024, 6, 14), 11),
    (date(2012, 6, 15), date(2024, 6, 15), 12),
    (date(2006, 12, 31), date(2024, 12, 30), 17),
    (date(2006, 12, 31), date(2024, 12, 31), 18),
    (date(2010, 1, 1), date(2010, 1, 1), 0),
])
def test_age_in_completed_years(born, on, expected):
    assert age_on(born, on) == expected


@pytest.mark.parametrize(("born", "offence", "expected"), [
    (date(2012, 6, 15), date(2024, 6, 14), Route.UNDER_12),  # 11 years 364 days
    (date(2012, 6, 15), date(2024, 6, 15), Route.ANAK),      # 12th birthday
    (date(2012, 2, 29), date(2024, 2, 28), Route.UNDER_12),
    (date(2012, 2, 29), date(2024, 2, 29), Route.ANAK),
    (date(2012, 2, 29), date(2023, 2, 28), Route.UNDER_12),
    (date(2008, 2, 29), date(2026, 2, 28), Route.ANAK),      # still 17
    (date(2006, 12, 31), date(2024, 12, 30), Route.ANAK),    # last day at 17
    (date(2020, 1, 1), date(2024, 1, 1), Route.UNDER_12),
])
def test_route_by_age_on_offence_date(born, offence, expected):
    assert route(born, offence) is expected
    assert route(born, offence) == expected.value


@pytest.mark.parametrize(("born", "offence"), [
    (date(2008, 2, 29), date(2026, 3, 1)),
    (date(2006, 12, 31), date(2024, 12, 31)),
    (date(2000, 1, 1), date(2024, 1, 1)),
])
def test_route_refuses_18_or_older(born, offence):
    with pytest.raises(RuleError) as caught:
        route(born, offence)
    assert caught.value.field == "born"
    assert "18 tahun" in str(caught.value)
    assert "Pasal 1 angka 4" in caught.value.rule
    assert "under 18" in caught.value.message_en


def test_born_after_offence_is_refused():
    with pytest.raises(RuleError) as caught:
        route(date(2024, 1, 2), date(2024, 1, 1))
    assert caught.value.field == "born"
    assert "Tanggal lahir (2 Januari 2024)" in str(caught.value)


@pytest.mark.parametrize(("kind", "born", "on", "expected"), [
    (ResidentKind.ANAK, date(2012, 6, 15), date(2024, 6, 14), AgeCheck(ResidentKind.ANAK, 11, Route.UNDER_12)),
    ("anak", date(2010, 6, 15), date(2024, 6, 14), AgeCheck(ResidentKind.ANAK, 13, Route.ANAK)),
    (ResidentKind.ANAK_KORBAN, date(2020, 1, 1), date(2024, 1, 1), AgeCheck(ResidentKind.ANAK_KORBAN, 4, None)),
    ("anak_saksi", date(2008, 2, 29), date(2026, 2, 28), AgeCheck(ResidentKind.ANAK_SAKSI, 17, None)),
])
def test_check_resident_age(kind, born, on, expected):
    assert check_resident_age(kind, born, on) == expected


@pytest.mark.parametrize("kind", list(ResidentKind))
def test_every_kind_refused_at_18(kind):
    with pytest.raises(RuleError) as caught:
        check_resident_age(kind, date(2008, 2, 29), date(2026, 3, 1))
    assert caught.value.field == "born"
    assert kind.label_id in str(caught.value)
    assert kind.pasal == caught.value.rule


def test_unknown_kind_is_a_rule_error():
    with pytest.raises(RuleError) as caught:
        check_resident_age("orang_dewasa", date(2010, 1, 1), date(2020, 1, 1))
    assert caught.value.field == "kind"
    assert "anak_korban" in str(caught.value)
